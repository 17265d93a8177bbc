"""Load and check the collection file (``config/collection.toml``).

Every problem is reported as ``file:line: key: what is wrong``; nothing is half-loaded.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path as FsPath
from typing import Any

from revalo.engines.collection.problem import MAX_MINUTE
from revalo.engines.transport.errors import RateCardError
from revalo.engines.transport.toml_reader import Path, TomlReader, dotted

#: The customer kinds the file must describe (``revalo.domain.catalog.CustomerKind``).
CUSTOMER_KINDS = ("business", "consumer")
#: Days of the week as the file names them, Monday first (``date.weekday()``).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_HUB_KEYS = {"opens", "closes", "shift_hours", "reload", "fleet"}


@dataclass(frozen=True, slots=True)
class VisitRules:
    """When a customer of one kind can be visited (minutes after midnight), and for how long."""

    earliest_min: int
    latest_min: int
    service_min: float


@dataclass(frozen=True, slots=True)
class FleetEntry:
    """``count`` vehicles of the carriers file's fleet vehicle ``vehicle``."""

    vehicle: str
    count: int


@dataclass(frozen=True, slots=True)
class HubRules:
    """A hub's opening hours, its drivers' shift, whether vehicles may unload and set off
    again, and its fleet. ``overridden`` says whether the file names this hub."""

    opens_min: int
    closes_min: int
    shift_hours: float
    reload: bool
    fleet: tuple[FleetEntry, ...]
    overridden: bool = False


@dataclass(frozen=True, slots=True)
class CollectionConfig:
    """What the collection file holds."""

    due_days: int
    overdue_eur_per_day: float
    customers: Mapping[str, VisitRules]
    hub_defaults: HubRules
    hubs: Mapping[str, HubRules]
    name: str = "collection.toml"
    #: The days the hubs send out vehicles, as ``date.weekday()`` numbers.
    working_days: frozenset[int] = frozenset(range(5))

    def hub(self, code: str) -> HubRules:
        """The rules of hub ``code``: its own section, else the defaults."""
        return self.hubs.get(code, self.hub_defaults)

    def visit(self, customer_kind: str) -> VisitRules:
        return self.customers[customer_kind]

    def next_working_day(self, after: date) -> date:
        """The first day after ``after`` on which the hubs send out vehicles."""
        day = after + timedelta(days=1)
        while day.weekday() not in self.working_days:
            day += timedelta(days=1)
        return day


def default_collection_text() -> tuple[str, str]:
    """The collection file shipped with Revalo: (name, text)."""
    ref = resources.files("revalo.config").joinpath("collection.toml")
    return "collection.toml", ref.read_text(encoding="utf-8")


def load_collection_config(path: str | FsPath | None = None) -> CollectionConfig:
    """Read a collection file (the shipped one when ``path`` is None).

    Raises
    ------
    RateCardError
        When the file is not valid; the message names the file, line and key.
    """
    if path is None:
        name, text = default_collection_text()
    else:
        name, text = str(path), FsPath(path).read_text(encoding="utf-8")
    return parse_collection_config(text, name)


def parse_collection_config(text: str, name: str = "collection.toml") -> CollectionConfig:
    """Check and read the text of a collection file named ``name``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RateCardError(f"{name}: not valid TOML: {exc}", field="collection") from exc
    return _Reader(name, text).config(data)


class _Reader(TomlReader):
    def config(self, data: dict[str, Any]) -> CollectionConfig:
        allowed = {"due_days", "overdue_eur_per_day", "working_days", "customers", "hub", "hubs"}
        self.only(data, (), allowed)
        customers = self.table(data, (), "customers")
        self.only(customers, ("customers",), set(CUSTOMER_KINDS))
        visits = {}
        for kind in CUSTOMER_KINDS:
            if kind not in customers:
                table = dotted(("customers", kind))
                raise self.fail(("customers", kind), f"missing table [{table}]")
            visits[kind] = self.visit(customers[kind], ("customers", kind))
        defaults = self.hub(self.table(data, (), "hub"), ("hub",), None)
        hubs_table = data.get("hubs", {})
        if not isinstance(hubs_table, dict):
            raise self.fail(("hubs",), "must be a table of [hubs.CODE] sections")
        hubs = {
            code.strip().upper(): self.hub(
                self.table(hubs_table, ("hubs",), code), ("hubs", code), defaults
            )
            for code in hubs_table
        }
        return CollectionConfig(
            due_days=self.integer(data, (), "due_days"),
            overdue_eur_per_day=self.number(data, (), "overdue_eur_per_day", positive=False),
            customers=visits,
            hub_defaults=defaults,
            hubs=hubs,
            name=self.name,
            working_days=(
                self.get(data, (), "working_days", _weekdays)
                if "working_days" in data
                else frozenset(range(5))
            ),
        )

    def table(self, data: dict[str, Any], path: Path, key: str) -> dict[str, Any]:
        if key not in data:
            raise self.fail((*path, key), f"missing table [{dotted((*path, key))}]")
        value = data[key]
        if not isinstance(value, dict):
            raise self.fail((*path, key), "must be a table")
        return value

    def minute(self, table: dict[str, Any], path: Path, key: str) -> int:
        return self.get(table, path, key, _minute)

    def visit(self, table: Any, path: Path) -> VisitRules:
        if not isinstance(table, dict):
            raise self.fail(path, "must be a table")
        self.only(table, path, {"window", "service_minutes"})

        def window(v: Any) -> tuple[int, int]:
            if not isinstance(v, list) or len(v) != 2:
                raise ValueError(f'must be ["HH:MM", "HH:MM"], not {v!r}')
            early, late = _minute(v[0]), _minute(v[1])
            if early > late:
                raise ValueError(f"starts at {v[0]}, after it ends at {v[1]}")
            return early, late

        early, late = self.get(table, path, "window", window)
        service = self.number(table, path, "service_minutes", positive=False)
        return VisitRules(early, late, service)

    def hub(self, table: dict[str, Any], path: Path, base: HubRules | None) -> HubRules:
        """A hub's rules; keys missing from ``table`` come from ``base`` (the defaults)."""
        self.only(table, path, _HUB_KEYS)

        def given(key: str) -> bool:
            return base is None or key in table

        opens = self.minute(table, path, "opens") if given("opens") else _get(base).opens_min
        closes = self.minute(table, path, "closes") if given("closes") else _get(base).closes_min
        if opens > closes:
            raise self.fail((*path, "closes"), "the hub closes before it opens")
        shift = (
            self.number(table, path, "shift_hours")
            if given("shift_hours")
            else _get(base).shift_hours
        )
        if shift > 24:
            raise self.fail((*path, "shift_hours"), f"must be at most 24, not {shift:g}")
        reload = self.flag(table, path, "reload") if given("reload") else _get(base).reload
        fleet = (
            tuple(
                self.fleet(t, (*path, "fleet", i))
                for i, t in enumerate(self.tables(table, path, "fleet"))
            )
            if given("fleet")
            else _get(base).fleet
        )
        if not fleet:
            raise self.fail(path, f"no fleet: add at least one [[{dotted((*path, 'fleet'))}]]")
        return HubRules(opens, closes, shift, reload, fleet, overridden=base is not None)

    def fleet(self, table: dict[str, Any], path: Path) -> FleetEntry:
        self.only(table, path, {"vehicle", "count"})
        count = self.integer(table, path, "count")
        if count < 1:
            raise self.fail((*path, "count"), "must be at least 1")
        return FleetEntry(self.text(table, path, "vehicle").upper(), count)


def _get(base: HubRules | None) -> HubRules:
    assert base is not None  # only asked for when the defaults exist
    return base


def _weekdays(v: Any) -> frozenset[int]:
    """``["Mon", "Tue"]`` -> ``{0, 1}``."""
    if not isinstance(v, list) or not v or not all(d in WEEKDAYS for d in v):
        raise ValueError(f"must be a list of days among {', '.join(WEEKDAYS)}, not {v!r}")
    return frozenset(WEEKDAYS.index(d) for d in v)


def _minute(v: Any) -> int:
    """``"07:30"`` -> 450 minutes after midnight."""
    m = _TIME.match(v) if isinstance(v, str) else None
    if m is None or int(m[2]) >= 60:
        raise ValueError(f'must be a time "HH:MM", not {v!r}')
    minute = int(m[1]) * 60 + int(m[2])
    if minute > MAX_MINUTE:
        raise ValueError(f"{v} is past {MAX_MINUTE // 60}:00, the latest time of a plan day")
    return minute


def hhmm(minute: float) -> str:
    """Minutes after midnight as ``"HH:MM"`` (rounded to the minute)."""
    m = round(minute)
    return f"{m // 60:02d}:{m % 60:02d}"
