"""An independent feasibility checker for collection plans.

It reads only the problem, the plan and the distance provider, recomputes loads and times
from scratch, and lists every rule the plan breaks. It shares no code with the solver's
model building, so a mistake there cannot hide itself here.
"""

from __future__ import annotations

from collections import Counter

from revalo.engines.collection.problem import CollectionProblem, FleetType, Pickup
from revalo.engines.collection.result import CollectionPlan, PlannedRoute, PlanStatus, StopKind
from revalo.engines.transport.distances import DistanceProvider, GreatCircleDistances
from revalo.engines.transport.places import Place

#: Times: the solver works in whole seconds, the checker in real minutes.
MINUTES_TOL = 0.05
#: Loads: the solver rounds masses to grams and volumes to litres (demands up).
LOAD_TOL = 1e-6


def violations(
    problem: CollectionProblem,
    plan: CollectionPlan,
    distances: DistanceProvider | None = None,
) -> list[str]:
    """Every rule of ``problem`` that ``plan`` breaks (empty: the plan is feasible)."""
    provider = distances or GreatCircleDistances()
    out: list[str] = []
    if plan.status is not PlanStatus.FEASIBLE:
        return [f"status is {plan.status}"]
    pickups = {p.id: p for p in problem.pickups}
    served = Counter(pid for r in plan.routes for pid in r.pickup_ids)
    deferred = {d.pickup_id for d in plan.deferred}
    for pid, n in served.items():
        if n > 1:
            out.append(f"{pid} is collected {n} times")
        if pid not in pickups:
            out.append(f"{pid} is not a pickup of the problem")
    for p in problem.pickups:
        if problem.is_required(p) and served[p.id] != 1:
            out.append(f"required {p.id} is not collected")
        if served[p.id] == 0 and p.id not in deferred:
            out.append(f"{p.id} is neither collected nor deferred")
    fleet = {f.name: f for f in problem.fleet}
    used = Counter(r.fleet for r in plan.routes)
    for name, n in used.items():
        if name not in fleet:
            out.append(f"route of unknown fleet type {name}")
        elif n > fleet[name].count:
            out.append(f"{n} routes of {name}, only {fleet[name].count} vehicles")
    for k, route in enumerate(plan.routes):
        ft = fleet.get(route.fleet)
        if ft is not None:
            out.extend(f"route {k}: {v}" for v in _route(problem, ft, route, pickups, provider))
    return out


def _route(
    problem: CollectionProblem,
    ft: FleetType,
    route: PlannedRoute,
    pickups: dict[str, Pickup],
    provider: DistanceProvider,
) -> list[str]:
    out: list[str] = []
    v = ft.vehicle
    if route.start_hub != ft.start_hub or route.end_hub != ft.end:
        out.append(f"runs {route.start_hub}->{route.end_hub}, fleet is {ft.start_hub}->{ft.end}")
    start, end = problem.hub(ft.start_hub), problem.hub(ft.end)
    if route.departure_min < start.opens_min - MINUTES_TOL:
        out.append(f"leaves {start.code} at {route.departure_min:.1f} before it opens")
    if route.return_min > end.closes_min + MINUTES_TOL:
        out.append(f"returns to {end.code} at {route.return_min:.1f} after it closes")
    if route.return_min - route.departure_min > ft.shift * 60 + MINUTES_TOL:
        out.append(f"lasts {route.hours:.2f} h, shift is {ft.shift} h")
    reloads = [s for s in route.stops if s.kind is StopKind.RELOAD]
    if any(s.hub not in ft.reload_hubs for s in reloads):
        out.append(f"reloads at {[s.hub for s in reloads]}, allowed {ft.reload_hubs}")
    if ft.max_reloads is not None and len(reloads) > ft.max_reloads:
        out.append(f"{len(reloads)} reloads, at most {ft.max_reloads}")
    # Split the day into trips: each starts loaded with the deliveries of its own pickups.
    trips: list[list[Pickup]] = [[]]
    for s in route.stops:
        if s.kind is StopKind.RELOAD:
            trips.append([])
        elif s.pickup_id in pickups:
            trips[-1].append(pickups[s.pickup_id])
    for trip in trips:
        kg = sum(p.delivery_kg for p in trip)
        m3 = sum(p.delivery_m3 for p in trip)
        out.extend(_over(v.capacity_kg, v.capacity_m3, kg, m3, "leaving the hub"))
        for p in trip:
            kg += p.kg - p.delivery_kg
            m3 += p.m3 - p.delivery_m3
            out.extend(_over(v.capacity_kg, v.capacity_m3, kg, m3, f"after {p.id}"))
            if not _may_carry(ft, p):
                out.append(f"{v.id} may not collect {p.id}")
    out.extend(_times(problem, route, pickups, provider))
    return out


def _over(cap_kg: float, cap_m3: float, kg: float, m3: float, where: str) -> list[str]:
    out = []
    if kg > cap_kg + LOAD_TOL:
        out.append(f"{kg:.3f} kg on board {where}, capacity {cap_kg}")
    if m3 > cap_m3 + LOAD_TOL:
        out.append(f"{m3:.3f} m3 on board {where}, capacity {cap_m3}")
    return out


def _may_carry(ft: FleetType, p: Pickup) -> bool:
    v = ft.vehicle
    country = "*" in v.countries or p.place.country in v.countries
    return (
        country
        and (v.handling.accepts_lithium or not p.lithium)
        and (v.handling.accepts_bulky or not p.bulky)
    )


def _times(
    problem: CollectionProblem,
    route: PlannedRoute,
    pickups: dict[str, Pickup],
    provider: DistanceProvider,
) -> list[str]:
    """The stated times are reachable: travel, waiting, service, windows, hub hours."""
    out: list[str] = []
    here: Place = problem.hub(route.start_hub).place
    ready = route.departure_min
    for s in route.stops:
        place = pickups[s.pickup_id].place if s.pickup_id else problem.hub(s.hub or "").place
        travel = provider.matrix([here], [place]).hours[0, 0] * 60 if place != here else 0.0
        if s.arrival_min < ready + travel - MINUTES_TOL:
            out.append(f"reaches stop at {s.arrival_min:.2f}, cannot before {ready + travel:.2f}")
        if s.start_min < s.arrival_min - MINUTES_TOL:
            out.append("starts a stop before arriving")
        if s.pickup_id:
            p = pickups[s.pickup_id]
            if not p.earliest_min - MINUTES_TOL <= s.start_min <= p.latest_min + MINUTES_TOL:
                out.append(
                    f"{p.id} starts at {s.start_min:.2f}, window {p.earliest_min}-{p.latest_min}"
                )
            if s.departure_min < s.start_min + p.service_min - MINUTES_TOL:
                out.append(f"{p.id} left before its {p.service_min} min of service")
        else:
            hub = problem.hub(s.hub or "")
            if not hub.opens_min - MINUTES_TOL <= s.start_min <= hub.closes_min + MINUTES_TOL:
                out.append(f"reloads at {hub.code} at {s.start_min:.2f}, outside its hours")
        here, ready = place, s.departure_min
    end = problem.hub(route.end_hub).place
    travel = provider.matrix([here], [end]).hours[0, 0] * 60 if end != here else 0.0
    if route.return_min < ready + travel - MINUTES_TOL:
        out.append(f"back at {route.return_min:.2f}, cannot before {ready + travel:.2f}")
    return out
