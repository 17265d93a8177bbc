"""The disposition engine's input, built from the database: graded units, products, sites
with their terms (capacities, vendor agreements) and resale channels.

Sites as stored carry no daily capacity, labour rate or vendor agreement. They are read from
optional ``[sites.CODE]`` tables of the engine's configuration file (the one shipped has
none); a site without one gets the engine's defaults: no capacity limit, the default labour
rate, and no vendor agreement (so no return to that vendor is proposed).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from revalo.domain.catalog import Product, Site
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.inspection import Inspection
from revalo.domain.units import ReturnedUnit, UnitState
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition import DispositionProblem, SiteSpec, UnitBatch
from revalo.engines.disposition.params import GRADES, load_config, load_params
from revalo.engines.disposition.problem import ChannelSpec, LegPricer, channels_from_config
from revalo.services.capacity_left import WeekLeft, week_left
from revalo.services.common import found
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.resale_profit import observed_in
from revalo.services.transport import Transport, default_transport

_PAGE = 1_000
_SITE_KEYS = frozenset({"capacity", "labour_eur_per_hour", "vendor_credit_rate", "vendor_brands"})


@dataclass(frozen=True, slots=True)
class GradedUnit:
    """A unit awaiting a decision, with what the engine reads of it."""

    unit: ReturnedUnit
    product: Product
    inspection: Inspection


@dataclass(frozen=True, eq=False)
class DecisionInputs:
    """The engine's problem and, row by row, the units it is about."""

    problem: DispositionProblem
    units: tuple[GradedUnit, ...]


def awaiting_decision(unit: ReturnedUnit) -> str | None:
    """Why the engine may not decide this unit now, or None when it may."""
    if unit.state is not UnitState.GRADED:
        return f"unit {unit.lpn} is {unit.state.value}: only graded units await a decision"
    if unit.in_transit:
        return f"unit {unit.lpn} is in transit to {unit.site_code}: decide it when it arrives"
    if unit.sku is None:
        return f"unit {unit.lpn} is not identified: identify its product first"
    return None


def graded_unit(uow: UnitOfWork, unit: ReturnedUnit) -> GradedUnit:
    """The unit with its product and latest inspection; NotAllowed when it awaits no
    decision. Call inside an open unit of work."""
    why = awaiting_decision(unit)
    if why is not None:
        raise NotAllowed(why)
    assert unit.sku is not None
    product = found(uow.products.get(unit.sku), f"no product {unit.sku}", "sku")
    inspection = uow.inspections.latest(unit.id)
    if inspection is None:
        raise NotAllowed(f"unit {unit.lpn} has no inspection: grade it first")
    return GradedUnit(unit, product, inspection)


def graded_units(uow: UnitOfWork, site_code: str | None = None) -> list[GradedUnit]:
    """Every unit awaiting a decision (at one site, if given), oldest first. Units in transit
    are left out: they are decided where they arrive. Call inside an open unit of work."""
    flt = UnitFilter(states=frozenset({UnitState.GRADED}), site_code=site_code)
    out: list[GradedUnit] = []
    offset = 0
    while True:
        page = uow.units.list(flt, limit=_PAGE, offset=offset)
        out.extend(graded_unit(uow, u) for u in page.items if awaiting_decision(u) is None)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return out


def _site_terms(code: str, raw: Any) -> dict[str, Any]:
    where = f"[sites.{code}]"
    if not isinstance(raw, Mapping):
        raise InvalidValue(f"{where} must be a table", field="sites")
    unknown = sorted(set(raw) - _SITE_KEYS)
    if unknown:
        raise InvalidValue(f"{where} has unknown keys: {', '.join(unknown)}", field="sites")
    terms: dict[str, Any] = {}
    try:
        if "capacity" in raw:
            terms["capacity"] = {WorkOrderKind(k): int(v) for k, v in raw["capacity"].items()}
        if "labour_eur_per_hour" in raw:
            terms["labour_eur_per_hour"] = float(raw["labour_eur_per_hour"])
        if "vendor_credit_rate" in raw:
            terms["vendor_credit_rate"] = float(raw["vendor_credit_rate"])
        if "vendor_brands" in raw:
            terms["vendor_brands"] = frozenset(str(b) for b in raw["vendor_brands"])
    except (AttributeError, TypeError, ValueError) as exc:
        raise InvalidValue(f"{where}: {exc}", field="sites") from exc
    return terms


def site_specs(sites: Sequence[Site], config: Mapping[str, Any]) -> tuple[SiteSpec, ...]:
    """Each site with its terms from the configuration's ``[sites.CODE]`` tables."""
    raw = config.get("sites", {})
    if not isinstance(raw, Mapping):
        raise InvalidValue("[sites] must be a table", field="sites")
    known = {s.code for s in sites}
    missing = sorted(set(raw) - known)
    if missing:
        raise InvalidValue(f"[sites] names unknown sites: {', '.join(missing)}", field="sites")
    return tuple(SiteSpec(s, **_site_terms(s.code, raw.get(s.code, {}))) for s in sites)


def days_waited(unit: ReturnedUnit, at: datetime) -> float:
    """Whole days since the unit came back (whole days, so that alike units stay alike)."""
    return float(max(0, math.floor((at - unit.received_at).total_seconds() / 86_400)))


@dataclass(frozen=True, slots=True)
class Placed:
    """One unit as the engine takes it: what it is, how it was graded, where it waits and
    for how many days."""

    product: Product
    inspection: Inspection
    origin: str
    days_waited: float


def problem_of(
    sites: Sequence[Site],
    placed: Sequence[Placed],
    config: Mapping[str, Any],
    legs: LegPricer | None = None,
    left: WeekLeft | None = None,
    observed: Mapping[tuple[str, str, str], Decimal] | None = None,
) -> DispositionProblem:
    """The engine's problem for these units, with the sites' terms, the channels of the
    configuration, ``legs`` pricing the trips between sites (carrier quotes), ``left`` the
    week's remaining hours and demand of the capacity plan, and ``observed`` the recovery
    rates seen on past sales, by (channel, category, sale grade)."""
    left = left or WeekLeft()
    specs = tuple(left.site(s) for s in site_specs(sites, config))
    products = list({p.product.sku: p.product for p in placed}.values())
    product_index = {p.sku: i for i, p in enumerate(products)}
    site_index = {s.site.code: i for i, s in enumerate(specs)}
    batch = UnitBatch.of(
        product=[product_index[p.product.sku] for p in placed],
        functional=[GRADES.index(p.inspection.functional_grade.value) for p in placed],
        cosmetic=[GRADES.index(p.inspection.cosmetic_grade.value) for p in placed],
        hazardous=[p.inspection.hazardous for p in placed],
        origin=[site_index[p.origin] for p in placed],
        days_waited=[p.days_waited for p in placed],
    )
    channels = tuple(_seen(left.channel(c), observed or {}) for c in channels_from_config(config))
    return DispositionProblem(tuple(products), specs, channels, batch, legs=legs)


def _seen(spec: ChannelSpec, observed: Mapping[tuple[str, str, str], Decimal]) -> ChannelSpec:
    mine = {(cat, grade): float(r) for (ch, cat, grade), r in observed.items() if ch == spec.code}
    return replace(spec, observed=mine) if mine else spec


def build_inputs(
    uow: UnitOfWork,
    units: Sequence[GradedUnit],
    *,
    at: datetime,
    config: Path | None = None,
    transport: Transport | None = None,
    feedback_min_sales: int = 0,
) -> DecisionInputs:
    """The engine's problem for these units, where they are now, with trips between sites
    priced by carrier quotes (``transport``: the shipped carriers file when None), within
    what the week of ``at`` has left of the capacity plan; with ``feedback_min_sales``
    above 0, a channel's rate for a category and grade sold that many times is the one its
    sales fetched (REVALO_RESALE_FEEDBACK_MIN_SALES). Call inside an open unit of work."""
    placed = [
        Placed(g.product, g.inspection, g.unit.site_code, days_waited(g.unit, at)) for g in units
    ]
    legs = (transport or default_transport()).legs
    params = load_params(config)
    left = week_left(uow, at, params)
    observed = observed_in(uow, feedback_min_sales, params)
    problem = problem_of(list(uow.sites.list()), placed, load_config(config), legs, left, observed)
    return DecisionInputs(problem, tuple(units))
