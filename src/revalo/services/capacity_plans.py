"""The flow manager's capacity plan: set a site's week (hours per skill, storage places) or
a channel's weekly demand for a product category (price steps), list them with their
history, import many from a CSV file (all or nothing), and what the week has left."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from revalo.domain.capacity_plans import (
    SKILLS,
    ChannelDemand,
    SiteCapacity,
    check_week,
    new_capacity,
    new_demand,
)
from revalo.domain.demand_curves import DemandCurve, parse_curve
from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.people import Permission, User
from revalo.domain.values import utcnow
from revalo.engines.disposition.params import load_config
from revalo.engines.disposition.problem import channels_from_config
from revalo.services.common import get_site, when
from revalo.services.csv_records import read_table
from revalo.services.guard import needs, reads
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried


def _channel_codes(config: Path | None) -> set[str]:
    return {c.code for c in channels_from_config(load_config(config))}


def _check_channel(code: str, config: Path | None) -> None:
    known = _channel_codes(config)
    if code not in known:
        names = ", ".join(sorted(known))
        raise NotFound(f"no resale channel {code}: one of {names}", field="channel")


def _check_category(uow: UnitOfWork, category: str) -> None:
    if not uow.products.list(category=category, limit=1, offset=0).items:
        raise NotFound(f"no product of category {category}", field="category")


def _store_capacity(uow: UnitOfWork, c: SiteCapacity) -> SiteCapacity:
    c.site_code = get_site(uow, c.site_code, "site").code
    uow.capacity_plans.hold(f"site_capacities {c.site_code} {c.week.isoformat()}")
    held = uow.capacity_plans.latest_capacity(c.site_code, c.week)
    c.version = held.version + 1 if held else 1
    uow.capacity_plans.add_capacity(c)
    return c


def _store_demand(uow: UnitOfWork, d: ChannelDemand, config: Path | None) -> ChannelDemand:
    _check_channel(d.channel, config)
    _check_category(uow, d.category)
    uow.capacity_plans.hold(f"channel_demand {d.channel} {d.category} {d.week.isoformat()}")
    held = uow.capacity_plans.latest_demand(d.channel, d.category, d.week)
    d.version = held.version + 1 if held else 1
    uow.capacity_plans.add_demand(d)
    return d


@needs(Permission.PLAN_CAPACITIES)
@retried
def set_capacity(
    uow: UnitOfWork,
    *,
    site_code: str,
    week: date,
    hours: Mapping[str, float | str],
    storage_places: int | None = None,
    by: User,
    at: datetime | None = None,
) -> SiteCapacity:
    """A new version of the site's week: the earlier ones are kept. Two managers setting it
    at once both get a version, one after the other (the version number is unique)."""
    c = new_capacity(site_code, week, hours, storage_places, by=by.login, at=when(at))
    with uow:
        out = _store_capacity(uow, c)
        uow.commit()
    return out


@needs(Permission.PLAN_CAPACITIES)
@retried
def set_demand(
    uow: UnitOfWork,
    *,
    channel: str,
    category: str,
    week: date,
    steps: str | DemandCurve,
    by: User,
    config: Path | None = None,
    at: datetime | None = None,
) -> ChannelDemand:
    """A new version of what the channel absorbs of the category that week."""
    curve = steps if isinstance(steps, DemandCurve) else parse_curve(steps)
    d = new_demand(channel, category, week, curve, by=by.login, at=when(at))
    with uow:
        out = _store_demand(uow, d, config)
        uow.commit()
    return out


@dataclass(frozen=True, slots=True)
class CapacityPlan:
    capacities: list[SiteCapacity]
    demands: list[ChannelDemand]


@reads(Permission.VIEW_DECISIONS)
def list_plan(
    uow: UnitOfWork, *, by: User, week: date | None = None, history: bool = False
) -> CapacityPlan:
    """The plan's latest versions (of one week, if given); every version with ``history``."""
    if week is not None:
        check_week(week)
    with uow:
        caps = list(uow.capacity_plans.capacities(week=week, history=history))
        dems = list(uow.capacity_plans.demands(week=week, history=history))
    return CapacityPlan(caps, dems)


#: The columns of an imported plan; ``kind`` is "capacity" (a site's week) or "demand".
IMPORT_COLUMNS = (
    "kind", "week", "code", "category", *(f"{k.value}_hours" for k in SKILLS),
    "storage_places", "steps",
)  # fmt: skip
REQUIRED = ("kind", "week", "code")


def _week(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValue(f"week {text!r}: write its Monday as YYYY-MM-DD", field="week") from None


def _row(row: Mapping[str, str], by: str, config: Path | None) -> SiteCapacity | ChannelDemand:
    kind = (row.get("kind") or "").strip().lower()
    week = _week(row.get("week") or "")
    code = row.get("code") or ""
    now = utcnow()
    if kind == "capacity":
        hours = {
            k.value: row[f"{k.value}_hours"].strip()
            for k in SKILLS
            if (row.get(f"{k.value}_hours") or "").strip()
        }
        places = (row.get("storage_places") or "").strip()
        try:
            storage = int(places) if places else None
        except ValueError:
            raise InvalidValue(
                f"storage places {places!r}: not a whole number", field="storage_places"
            ) from None
        return new_capacity(code, week, hours, storage, by=by, at=now)
    if kind == "demand":
        curve = parse_curve(row.get("steps") or "")
        d = new_demand(code, row.get("category") or "", week, curve, by=by, at=now)
        _check_channel(d.channel, config)
        return d
    raise InvalidValue(f"kind {kind!r}: capacity or demand", field="kind")


@dataclass(frozen=True, slots=True)
class PlanImport:
    capacities: int
    demands: int


@needs(Permission.PLAN_CAPACITIES)
@retried
def import_plan(uow: UnitOfWork, text: str, *, by: User, config: Path | None = None) -> PlanImport:
    """Every line of a CSV file (columns ``IMPORT_COLUMNS``, a header first) as a new
    version, all in one transaction: a file with a bad line writes nothing, and the error
    names every bad line by its number in the file."""
    records, problems = read_table(
        text.splitlines(), IMPORT_COLUMNS, REQUIRED, lambda row: _row(row, by.login, config), "line"
    )
    errors = [f"line {e.line}: {e.message}" for e in problems]
    if errors:
        raise InvalidValue("; ".join(errors), field="file")
    caps = dems = 0
    with uow:
        for line, line_item in records:
            try:
                if isinstance(line_item, SiteCapacity):
                    _store_capacity(uow, line_item)
                    caps += 1
                else:
                    _store_demand(uow, line_item, config)
                    dems += 1
            except (InvalidValue, NotFound) as exc:
                errors.append(f"line {line}: {exc.message}")
        if errors:
            uow.rollback()
            raise InvalidValue("; ".join(errors), field="file")
        uow.commit()
    return PlanImport(caps, dems)
