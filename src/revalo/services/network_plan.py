"""Network what-if: today's network and scenarios side by side, each solved to its optimum
(which sites to open, where each region's returns go), with what changes and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import numpy as np

from revalo.domain.errors import InvalidValue
from revalo.domain.network_scenario import ACTIVITIES, CURRENT, NewSite, Scenario
from revalo.domain.people import Permission, User
from revalo.engines.network import NetworkParams, NetworkProblem, NetworkResult, solve_network
from revalo.services.guard import reads
from revalo.services.network_build import (
    LanePricer,
    NetworkSite,
    Region,
    apply_scenario,
    build_problem,
    economics,
    network_sites,
    regions,
)
from revalo.services.ports import UnitOfWork
from revalo.services.transport import Transport, default_transport


@dataclass(frozen=True, slots=True)
class SiteUse:
    code: str
    name: str
    activity: str
    units: float
    capacity: float

    @property
    def utilisation(self) -> float | None:
        return (
            None
            if not np.isfinite(self.capacity) or self.capacity <= 0
            else self.units / self.capacity
        )


@dataclass(frozen=True, slots=True)
class RegionFlow:
    """Units a year from a region to a hub, with both positions (for the map)."""

    region: str
    lat: float
    lon: float
    hub: str
    hub_lat: float
    hub_lon: float
    units: float


@dataclass(frozen=True, slots=True)
class ScenarioPlan:
    name: str
    description: str
    status: str
    reason: str
    units: float
    total_cost: float
    fixed_cost: float
    processing_cost: float
    transport_cost: float
    co2_cost: float
    gap: float
    cost_per_unit: float
    km_per_unit: float
    co2_kg_per_unit: float
    within_1_day: float
    within_2_days: float
    sites: tuple[SiteUse, ...]
    #: The hub taking most of each region's units.
    hub_of: dict[str, str] = field(default_factory=dict)
    flows: tuple[RegionFlow, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanChange:
    """What a scenario changes from today's network, and the cost difference."""

    opened: tuple[str, ...]
    closed: tuple[str, ...]
    moved: tuple[tuple[str, str, str], ...]
    cost_delta: float
    why: str


@dataclass(frozen=True, slots=True)
class NetworkComparison:
    start: date
    end: date
    weeks: float
    regions: int
    plans: tuple[ScenarioPlan, ...]
    changes: tuple[PlanChange | None, ...]


def plan_scenario(
    problem: NetworkProblem,
    scenario: Scenario,
    sites: Sequence[NetworkSite],
    points: Sequence[Region],
    *,
    seconds: float,
) -> ScenarioPlan:
    params = NetworkParams(
        single_sourcing=scenario.single_sourcing,
        max_days=scenario.max_days,
        co2_price_per_t=scenario.co2_price_per_t,
        mip_gap=1e-6,
        time_limit_s=seconds,
        # A hundredth of a cent a unit-km: carriers price by zone, so many lanes cost the
        # same; the nearer hub then wins, and a scenario moves only the regions it must.
        km_tie_break=1e-4,
    )
    r = solve_network(problem, params)
    return _summary(problem, scenario, sites, points, r)


def _summary(
    problem: NetworkProblem,
    scenario: Scenario,
    sites: Sequence[NetworkSite],
    points: Sequence[Region],
    r: NetworkResult,
) -> ScenarioPlan:
    units = problem.total_units
    nan = float("nan")
    if not r.has_plan or units <= 0:
        return ScenarioPlan(
            scenario.name,
            scenario.description,
            r.status,
            r.reason,
            units,
            nan,
            nan,
            nan,
            nan,
            nan,
            nan,
            nan,
            nan,
            nan,
            nan,
            nan,
            (),
        )
    inbound, flow = r.inbound, r.inbound_units
    onward_units = r.onward_units.sum(axis=1)
    km = float(flow @ inbound.km + onward_units @ r.onward.km)
    uses = []
    for s in (int(k) for k in np.flatnonzero(r.open)):
        for a, activity in enumerate(ACTIVITIES):
            cap = float(problem.sites.capacity[s, a])
            if cap > 0:
                uses.append(
                    SiteUse(sites[s].code, sites[s].name, activity, float(r.usage[s, a]), cap)
                )
    hub_of: dict[str, str] = {}
    best: dict[int, float] = {}
    flows = []
    for d, s, u in zip(inbound.origin, inbound.site, flow, strict=True):
        if u <= 1e-6:
            continue
        p, h = points[d], sites[s]
        flows.append(RegionFlow(p.name, p.lat, p.lon, h.code, h.lat, h.lon, float(u)))
        if u > best.get(int(d), 1e-6):
            best[int(d)] = float(u)
            hub_of[problem.demands.names[d]] = sites[s].code
    return ScenarioPlan(
        name=scenario.name,
        description=scenario.description,
        status=r.status,
        reason=r.reason,
        units=units,
        total_cost=r.objective,
        fixed_cost=r.fixed_cost,
        processing_cost=r.processing_cost,
        transport_cost=r.transport_cost,
        co2_cost=r.co2_cost,
        gap=r.gap,
        cost_per_unit=r.objective / units,
        km_per_unit=km / units,
        co2_kg_per_unit=r.co2_kg / units,
        within_1_day=float(flow[inbound.days <= 1].sum()) / units,
        within_2_days=float(flow[inbound.days <= 2].sum()) / units,
        sites=tuple(uses),
        hub_of=hub_of,
        flows=tuple(flows),
    )


def change_from(today: ScenarioPlan, plan: ScenarioPlan) -> PlanChange | None:
    """What ``plan`` changes from today's: the sites it opens (that take units) and closes,
    the regions that move hub, and why its cost differs (a new site that would take no
    units is named there: today's sites serve its regions as cheaply)."""
    if not today.sites or not plan.sites:
        return None
    was = {u.code for u in today.sites if u.units > 0.5}
    now = {u.code for u in plan.sites if u.units > 0.5}
    idle = sorted({u.code for u in plan.sites} - {u.code for u in today.sites} - now)
    moved = tuple(
        (region, today.hub_of[region], hub)
        for region, hub in sorted(plan.hub_of.items())
        if region in today.hub_of and today.hub_of[region] != hub
    )
    delta = plan.total_cost - today.total_cost
    parts = []
    for label, was_v, now_v in (
        ("fixed", today.fixed_cost, plan.fixed_cost),
        ("processing", today.processing_cost, plan.processing_cost),
        ("transport", today.transport_cost, plan.transport_cost),
        ("CO2", today.co2_cost, plan.co2_cost),
    ):
        if abs(now_v - was_v) >= 0.5:
            parts.append(f"{label} {now_v - was_v:+,.0f} EUR")
    if idle:
        parts.append(
            f"{', '.join(idle)} would take no units: today's sites serve those regions at no "
            "higher cost"
        )
    why = "; ".join(parts) if parts else "no cost changes"
    return PlanChange(tuple(sorted(now - was)), tuple(sorted(was - now)), moved, delta, why)


@reads(Permission.PLAN_NETWORK)
def compare_scenarios(
    uow: UnitOfWork,
    scenarios: Sequence[Scenario],
    *,
    by: User,
    weeks: float = 12.0,
    until: date | None = None,
    demand: Sequence[Region] | None = None,
    transport: Transport | None = None,
    seconds: float = 30.0,
    suggest: bool = False,
) -> NetworkComparison:
    """Today's network and each scenario, solved and summarised side by side. Demand: the
    units received in the ``weeks`` before ``until`` (default today), scaled to a year, or
    the regions given in ``demand`` (from a CSV). ``suggest``: add the two scenarios of
    ``suggested`` (close the weakest hub, open a repair centre where repairs come from)."""
    if not 0 < weeks <= 520:
        raise InvalidValue(f"weeks: {weeks} is not between 0 and 520")
    end = until or datetime.now(UTC).date()
    start = end - timedelta(days=round(7 * weeks))
    with uow:
        existing = list(uow.sites.list())
        history = uow.network_history.received_by_region(
            datetime.combine(start, time(), UTC), datetime.combine(end, time(), UTC)
        )
    base_regions = list(demand) if demand is not None else regions(history, weeks)
    defaults = economics()
    base_sites = network_sites(existing, defaults)
    pricer = LanePricer(transport or default_transport(), end)
    plans: list[ScenarioPlan] = []
    changes: list[PlanChange | None] = []
    todo = [CURRENT, *scenarios]
    while todo:
        scenario = todo.pop(0)
        sites, states, points = apply_scenario(base_sites, base_regions, scenario)
        problem = build_problem(sites, states, points, pricer, scenario.max_days)
        plans.append(plan_scenario(problem, scenario, sites, points, seconds=seconds))
        changes.append(None if scenario is CURRENT else change_from(plans[0], plans[-1]))
        if scenario is CURRENT and suggest:
            todo[:0] = suggested(plans[0], base_regions, defaults)
    return NetworkComparison(start, end, weeks, len(base_regions), tuple(plans), tuple(changes))


def suggested(
    today: ScenarioPlan, regions_: Sequence[Region], defaults: dict[str, dict[str, float]]
) -> list[Scenario]:
    """Two scenarios worth asking of today's network: close its weakest hub (the one that
    receives the fewest units), and open a repair centre in the country whose returns go
    to repair most, at the mean position of those returns."""
    out: list[Scenario] = []
    hubs = [u for u in today.sites if u.activity == "receiving"]
    if len(hubs) > 1:
        weakest = min(hubs, key=lambda u: (u.units, u.code))
        out.append(
            Scenario(
                name=f"Close the weakest hub ({weakest.code})",
                description=f"{weakest.code} receives the fewest units: "
                f"{weakest.units:,.0f} a year",
                close=(weakest.code,),
            )
        )
    repair: dict[str, float] = {}
    for r in regions_:
        repair[r.country] = repair.get(r.country, 0.0) + r.units_a_year * r.mix[0]
    if repair and max(repair.values()) > 0:
        country = max(repair, key=lambda c: (repair[c], c))
        points = [r for r in regions_ if r.country == country and r.mix[0] > 0]
        weight = sum(r.units_a_year * r.mix[0] for r in points)
        lat = sum(r.lat * r.units_a_year * r.mix[0] for r in points) / weight
        lon = sum(r.lon * r.units_a_year * r.mix[0] for r in points) / weight
        d = defaults.get("repair_centre", {})
        out.append(
            Scenario(
                name=f"Open a repair centre in {country}",
                description=f"{country} sends the most units to repair: {repair[country]:,.0f} a "
                f"year; the centre sits at their mean position",
                new_sites=(
                    NewSite(
                        code=f"REP-NEW-{country}",
                        name=f"New repair centre {country}",
                        country=country,
                        lat=lat,
                        lon=lon,
                        fixed_cost=d.get("fixed_cost", 0.0),
                        capacity={"repair": d.get("repair", 15000.0)},
                        unit_cost={"repair": d.get("repair_cost", 0.0)},
                    ),
                ),
            )
        )
    return out
