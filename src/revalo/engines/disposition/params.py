"""Parameters of the disposition engine, with defaults read from ``config/disposition.toml``."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue
from revalo.domain.work_orders import WorkOrderKind

GRADES = ("A", "B", "C", "D")


@dataclass(frozen=True, slots=True)
class CategoryParams:
    """How a product category loses value and what its processing costs."""

    decay_rate: float
    decay_period_days: float
    resale_factor: float = 1.0
    labour_factor: float = 1.0
    parts_rate: float = 0.0
    repair_parts_rate: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.decay_rate < 1.0:
            raise InvalidValue(
                f"decay_rate {self.decay_rate} must be in [0, 1)", field="decay_rate"
            )
        if self.decay_period_days <= 0:
            raise InvalidValue("decay_period_days must be positive", field="decay_period_days")
        for name in ("resale_factor", "labour_factor", "parts_rate", "repair_parts_rate"):
            if getattr(self, name) < 0:
                raise InvalidValue(f"{name} must not be negative", field=name)


@dataclass(frozen=True, slots=True)
class DispositionParams:
    """Every figure of the value model and of the batch objective (see the TOML for sources)."""

    co2_price_eur_per_t: float = 80.0
    hierarchy_bonus_eur_per_rank: float = 1.0
    #: Cost of leaving a unit without a route today (it waits for the next batch); high, so
    #: that units wait only when no capacity is left for them.
    unassigned_penalty_eur: float = 10_000.0
    circuity: float = 1.3
    eur_per_kg_km: float = 0.0004
    eur_per_shipment: float = 4.0
    co2_kg_per_tkm: float = 0.364
    storage_eur_per_m3_day: float = 0.05
    labour_eur_per_hour: float = 35.0
    data_wipe_licence_eur: float = 3.0
    recycle_eur_per_kg: float = 0.10
    dispose_eur_per_kg: float = 0.15
    donate_value_rate: float = 0.0
    work_minutes: Mapping[WorkOrderKind, float] = field(
        default_factory=lambda: {
            WorkOrderKind.TEST: 15.0,
            WorkOrderKind.CLEAN: 10.0,
            WorkOrderKind.DATA_WIPE: 20.0,
            WorkOrderKind.REPAIR: 60.0,
            WorkOrderKind.REFURBISH: 90.0,
        }
    )
    route_lead_days: Mapping[DispositionRoute, float] = field(
        default_factory=lambda: {r: 0.0 for r in DispositionRoute}
    )
    categories: Mapping[str, CategoryParams] = field(
        default_factory=lambda: {"default": CategoryParams(0.01, 30.0)}
    )
    #: Stop the batch solver after this many seconds (the result then says so).
    time_limit_s: float = 60.0
    #: Relative MIP gap accepted as optimal (0: proven optimum).
    mip_gap: float = 0.0

    def __post_init__(self) -> None:
        if "default" not in self.categories:
            raise InvalidValue("categories need a 'default' entry", field="categories")
        if self.circuity < 1.0:
            raise InvalidValue(f"circuity {self.circuity} must be at least 1", field="circuity")
        if self.time_limit_s <= 0:
            raise InvalidValue("time_limit_s must be positive", field="time_limit_s")
        for name in (
            "co2_price_eur_per_t",
            "eur_per_kg_km",
            "eur_per_shipment",
            "co2_kg_per_tkm",
            "storage_eur_per_m3_day",
            "labour_eur_per_hour",
            "data_wipe_licence_eur",
            "dispose_eur_per_kg",
            "mip_gap",
            "unassigned_penalty_eur",
        ):
            if getattr(self, name) < 0:
                raise InvalidValue(f"{name} must not be negative", field=name)
        if any(m < 0 for m in self.work_minutes.values()):
            raise InvalidValue("work minutes must not be negative", field="work_minutes")
        if any(d < 0 for d in self.route_lead_days.values()):
            raise InvalidValue("route lead days must not be negative", field="route_lead_days")

    def category(self, name: str) -> CategoryParams:
        return self.categories.get(name, self.categories["default"])

    def lead_days(self, route: DispositionRoute) -> float:
        return self.route_lead_days.get(route, 0.0)


def _table(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, Mapping):
        raise InvalidValue(f"[{name}] must be a table", field=name)
    return value


def _enum_keys(table: Mapping[str, Any], enum: Any, name: str) -> dict[Any, float]:
    out = {}
    for key, value in table.items():
        try:
            out[enum(key)] = float(value)
        except ValueError as exc:
            raise InvalidValue(f"[{name}] has an unknown key {key!r}", field=name) from exc
    return out


def params_from_dict(raw: Mapping[str, Any], **overrides: Any) -> DispositionParams:
    """Build parameters from the TOML structure; keyword overrides win."""
    objective, transport = _table(raw, "objective"), _table(raw, "transport")
    labour, end = _table(raw, "labour"), _table(raw, "end_of_life")
    solver = _table(raw, "solver")
    try:
        categories = {
            name: CategoryParams(**values) for name, values in _table(raw, "categories").items()
        }
    except TypeError as exc:
        raise InvalidValue(f"[categories]: {exc}", field="categories") from exc
    values: dict[str, Any] = {
        "co2_price_eur_per_t": objective.get("co2_price_eur_per_t", 80.0),
        "hierarchy_bonus_eur_per_rank": objective.get("hierarchy_bonus_eur_per_rank", 1.0),
        "unassigned_penalty_eur": objective.get("unassigned_penalty_eur", 10_000.0),
        "time_limit_s": solver.get("time_limit_s", 60.0),
        "mip_gap": solver.get("mip_gap", 0.0),
        "circuity": transport.get("circuity", 1.3),
        "eur_per_kg_km": transport.get("eur_per_kg_km", 0.0004),
        "eur_per_shipment": transport.get("eur_per_shipment", 4.0),
        "co2_kg_per_tkm": transport.get("co2_kg_per_tkm", 0.364),
        "storage_eur_per_m3_day": _table(raw, "storage").get("eur_per_m3_day", 0.05),
        "labour_eur_per_hour": labour.get("default_eur_per_hour", 35.0),
        "data_wipe_licence_eur": labour.get("data_wipe_licence_eur", 3.0),
        "recycle_eur_per_kg": end.get("recycle_eur_per_kg", 0.10),
        "dispose_eur_per_kg": end.get("dispose_eur_per_kg", 0.15),
        "donate_value_rate": end.get("donate_value_rate", 0.0),
        "work_minutes": _enum_keys(_table(raw, "work_minutes"), WorkOrderKind, "work_minutes"),
        "route_lead_days": _enum_keys(
            _table(raw, "route_lead_days"), DispositionRoute, "route_lead_days"
        ),
    }
    if categories:
        values["categories"] = categories
    values.update(overrides)
    return DispositionParams(**values)


def load_channel_config() -> dict[str, Any]:
    """The shipped ``config/channels.toml``: the one list of sales channels."""
    text = resources.files("revalo.config").joinpath("channels.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_config(path: Path | None = None) -> dict[str, Any]:
    """The raw TOML: the given file, or the one shipped with Revalo. Its channels are those
    of ``config/channels.toml`` unless the file gives its own ``[channels.*]``."""
    if path is None:
        text = resources.files("revalo.config").joinpath("disposition.toml").read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    if "channels" not in raw:
        raw["channels"] = load_channel_config()["channels"]
    return raw


def load_params(path: Path | None = None, **overrides: Any) -> DispositionParams:
    """Parameters from ``path`` (default: the shipped ``config/disposition.toml``). The
    shipped file's are read once: they are frozen, and the file is part of the package."""
    if path is None and not overrides:
        return _shipped_params()
    return params_from_dict(load_config(path), **overrides)


@functools.lru_cache(maxsize=1)
def _shipped_params() -> DispositionParams:
    return params_from_dict(load_config())
