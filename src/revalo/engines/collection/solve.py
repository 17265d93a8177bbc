"""Plan a day of collections: build the routing model, search it, explain the plan.

Integers for the solver: distances in metres and durations in seconds (from the transport
model's distance provider), masses in grams and volumes in litres (demands rounded up,
capacities down, so an integer plan is a plan in kg and m3), money in micro-euros.

Optional pickups carry a prize equal to what one more day of waiting costs (value lost,
plus the overdue penalty when tomorrow is past the due date): the search collects a pickup
only when that saves more than collecting it costs. Pickups past their due date are
required. What a vehicle may not carry (a country it does not drive in, lithium, bulky
items, more than its capacity) is cut from its routing profile.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from revalo.domain.errors import InvalidValue
from revalo.engines.collection.problem import (
    CollectionParams,
    CollectionProblem,
    FleetType,
    Pickup,
)
from revalo.engines.collection.pyvrp_adapter import (
    MAX_MATRIX_VALUE,
    ModelClient,
    ModelDepot,
    ModelRoute,
    ModelSolution,
    ModelVehicleType,
    RoutingModel,
    solve_model,
)
from revalo.engines.collection.result import (
    CollectionPlan,
    CollectOrShip,
    Deferred,
    PickupShare,
    PlannedRoute,
    PlanStatus,
    Stop,
    StopKind,
)
from revalo.engines.transport.distances import DistanceProvider, GreatCircleDistances
from revalo.engines.transport.emissions import allocate_by_mass, leg_kg_co2e

MICRO = 1_000_000


@dataclass(frozen=True, slots=True)
class _Network:
    """Distances between every node: hubs first, then every pickup of the problem."""

    km: npt.NDArray[np.float64]
    hours: npt.NDArray[np.float64]
    metres: npt.NDArray[np.int64]
    seconds: npt.NDArray[np.int64]
    n_hubs: int

    def pickup_node(self, index: int) -> int:
        return self.n_hubs + index


def _network(problem: CollectionProblem, distances: DistanceProvider) -> _Network:
    places = [h.place for h in problem.hubs] + [p.place for p in problem.pickups]
    matrix = distances.matrix(places, places)
    km = np.array(matrix.km, dtype=float)
    hours = np.array(matrix.hours, dtype=float)
    np.fill_diagonal(km, 0.0)
    np.fill_diagonal(hours, 0.0)
    metres = np.rint(km * 1000.0).astype(np.int64)
    seconds = np.rint(hours * 3600.0).astype(np.int64)
    return _Network(km, hours, metres, seconds, len(problem.hubs))


def _grams(kg: float) -> int:
    return math.ceil(round(kg * 1000.0, 6))


def _litres(m3: float) -> int:
    return math.ceil(round(m3 * 1000.0, 6))


def _capacity(ft: FleetType) -> tuple[int, int]:
    v = ft.vehicle
    return math.floor(round(v.capacity_kg * 1000.0, 6)), math.floor(
        round(v.capacity_m3 * 1000.0, 6)
    )


def cannot_carry(ft: FleetType, pickup: Pickup) -> str | None:
    """Why vehicles of ``ft`` may never collect ``pickup`` (country, content, size)."""
    v = ft.vehicle
    if "*" not in v.countries and pickup.place.country not in v.countries:
        return f"{v.id} does not drive in {pickup.place.country}"
    if pickup.lithium and not v.handling.accepts_lithium:
        return f"{v.id} does not accept lithium batteries"
    if pickup.bulky and not v.handling.accepts_bulky:
        return f"{v.id} does not carry bulky items"
    cap_g, cap_l = _capacity(ft)
    if max(_grams(pickup.kg), _grams(pickup.delivery_kg)) > cap_g:
        return (
            f"{max(pickup.kg, pickup.delivery_kg):g} kg is over the {v.capacity_kg:g} kg of {v.id}"
        )
    if max(_litres(pickup.m3), _litres(pickup.delivery_m3)) > cap_l:
        return (
            f"{max(pickup.m3, pickup.delivery_m3):g} m3 is over the {v.capacity_m3:g} m3 of {v.id}"
        )
    return None


def _cannot_reach(
    problem: CollectionProblem, ft: FleetType, index: int, net: _Network
) -> str | None:
    """Why a vehicle of ``ft`` cannot fit the pickup in its day, even alone."""
    pickup = problem.pickups[index]
    codes = [h.code for h in problem.hubs]
    s, e = codes.index(ft.start_hub), codes.index(ft.end)
    node = net.pickup_node(index)
    go, back = int(net.seconds[s, node]), int(net.seconds[node, e])
    service = round(pickup.service_min * 60)
    arrive = problem.hubs[s].opens_min * 60 + go
    if arrive > pickup.latest_min * 60:
        return f"{ft.name} cannot reach it before its window closes"
    if max(arrive, pickup.earliest_min * 60) + service + back > problem.hubs[e].closes_min * 60:
        return f"{ft.name} cannot be back at {ft.end} before it closes"
    if go + service + back > round(ft.shift * 3600):
        return f"{ft.name} cannot fit it in a {ft.shift:g} h shift"
    return None


def _why_not(problem: CollectionProblem, index: int, net: _Network) -> str | None:
    """None when some vehicle can collect the pickup; else every vehicle's reason."""
    reasons = []
    for ft in problem.fleet:
        why = cannot_carry(ft, problem.pickups[index]) or _cannot_reach(problem, ft, index, net)
        if why is None:
            return None
        reasons.append(why)
    return "; ".join(dict.fromkeys(reasons))


@dataclass(frozen=True, slots=True)
class _Built:
    model: RoutingModel
    pickups: tuple[int, ...]  # problem pickup index of each model client


def _build(
    problem: CollectionProblem, params: CollectionParams, net: _Network, pickups: Sequence[int]
) -> _Built:
    hubs = list(range(net.n_hubs))
    nodes = hubs + [net.pickup_node(i) for i in pickups]
    metres = net.metres[np.ix_(nodes, nodes)]
    seconds = net.seconds[np.ix_(nodes, nodes)]
    clients = tuple(_client(problem, params, problem.pickups[i]) for i in pickups)
    depots = tuple(ModelDepot(h.opens_min * 60, h.closes_min * 60) for h in problem.hubs)
    profiles: dict[frozenset[int], int] = {}
    distances, durations, vehicle_types = [], [], []
    for ft in problem.fleet:
        banned = frozenset(
            net.n_hubs + k
            for k, i in enumerate(pickups)
            if cannot_carry(ft, problem.pickups[i]) is not None
        )
        if banned not in profiles:
            profiles[banned] = len(profiles)
            distances.append(_ban(metres, banned))
            durations.append(_ban(seconds, banned))
        vehicle_types.append(_vehicle_type(problem, ft, profiles[banned]))
    model = RoutingModel(depots, clients, tuple(vehicle_types), tuple(distances), tuple(durations))
    return _Built(model, tuple(pickups))


def _ban(matrix: npt.NDArray[np.int64], nodes: frozenset[int]) -> npt.NDArray[np.int64]:
    if not nodes:
        return matrix
    out = matrix.copy()
    idx = sorted(nodes)
    out[idx, :] = MAX_MATRIX_VALUE
    out[:, idx] = MAX_MATRIX_VALUE
    out[idx, idx] = 0
    return out


def _client(problem: CollectionProblem, params: CollectionParams, p: Pickup) -> ModelClient:
    required = problem.is_required(p)
    return ModelClient(
        delivery=(_grams(p.delivery_kg), _litres(p.delivery_m3)),
        pickup=(_grams(p.kg), _litres(p.m3)),
        service=round(p.service_min * 60),
        tw_early=p.earliest_min * 60,
        tw_late=p.latest_min * 60,
        prize=0 if required else round(params.waiting_cost_eur(problem, p) * MICRO),
        required=required,
    )


def _vehicle_type(problem: CollectionProblem, ft: FleetType, profile: int) -> ModelVehicleType:
    codes = [h.code for h in problem.hubs]
    v = ft.vehicle
    return ModelVehicleType(
        count=ft.count,
        capacity=_capacity(ft),
        start_depot=codes.index(ft.start_hub),
        end_depot=codes.index(ft.end),
        fixed_cost=round(v.fixed_per_day_eur * MICRO),
        # metres and seconds: EUR/km x 1e6 / 1000 and EUR/h x 1e6 / 3600 micro-euros.
        unit_distance_cost=round(v.per_km_eur * 1000),
        unit_duration_cost=round(v.per_hour_eur * MICRO / 3600),
        tw_early=problem.hub(ft.start_hub).opens_min * 60,
        tw_late=problem.hub(ft.end).closes_min * 60,
        shift_duration=round(ft.shift * 3600),
        reload_depots=tuple(codes.index(h) for h in ft.reload_hubs),
        max_reloads=0 if not ft.reload_hubs else ft.max_reloads,
        profile=profile,
        name=ft.name,
    )


def solve_collection(
    problem: CollectionProblem,
    params: CollectionParams | None = None,
    *,
    seed: int = 0,
    distances: DistanceProvider | None = None,
) -> CollectionPlan:
    """Plan the day's collections.

    Parameters
    ----------
    problem
        Pickups, hubs and fleet of the day.
    params
        Time limit, optional iteration limit, overdue penalty, emission intensities.
    seed
        Seed of the search: with ``params.max_iterations`` set, the same seed gives the
        same plan.
    distances
        Road distances and durations (default: great circle x circuity, no outside service).

    Returns
    -------
    CollectionPlan
        Routes, deferred pickups with their reasons, per-pickup km and CO2e, and the
        collect-or-ship comparison; its status says whether a plan keeping every rule was
        found. Infeasible or out of time is a status, never an exception.
    """
    p = params or CollectionParams()
    for ft in problem.fleet:
        if ft.vehicle.vehicle not in p.intensities:
            raise InvalidValue(
                f"no emission intensity for vehicle type {ft.vehicle.vehicle!r} of {ft.name}",
                field="intensities",
            )
    net = _network(problem, distances or GreatCircleDistances())
    blocked = {i: _why_not(problem, i, net) for i in range(len(problem.pickups))}
    impossible = [
        (problem.pickups[i].id, why)
        for i, why in blocked.items()
        if why is not None and problem.is_required(problem.pickups[i])
    ]
    if impossible:
        messages = tuple(
            f"pickup {pid} is past due but cannot be collected: {why}" for pid, why in impossible
        )
        plan = _nothing(problem, p, PlanStatus.INFEASIBLE, messages, blocked, seed)
        return dataclasses.replace(plan, unreachable=tuple(pid for pid, _ in impossible))
    routable = [i for i, why in blocked.items() if why is None]
    if not routable:
        return _explain(problem, p, net, blocked, None, None, seed)
    built = _build(problem, p, net, routable)
    solution = solve_model(
        built.model,
        seconds=p.seconds,
        seed=seed,
        max_iterations=p.max_iterations,
        first_feasible=p.first_feasible,
    )
    if not solution.feasible:
        message = (
            f"the search found no plan keeping every limit within {p.seconds:g} s "
            "(time windows, capacities, shifts or hub hours may be too tight)"
        )
        return _nothing(problem, p, PlanStatus.NO_SOLUTION, (message,), blocked, seed, solution)
    return _explain(problem, p, net, blocked, built, solution, seed)


def _nothing(
    problem: CollectionProblem,
    params: CollectionParams,
    status: PlanStatus,
    messages: tuple[str, ...],
    blocked: dict[int, str | None],
    seed: int,
    solution: ModelSolution | None = None,
) -> CollectionPlan:
    deferred = tuple(
        Deferred(
            pk.id,
            params.waiting_cost_eur(problem, pk),
            blocked[i]
            or ("no plan was found" if status is PlanStatus.NO_SOLUTION else "not planned"),
        )
        for i, pk in enumerate(problem.pickups)
    )
    return CollectionPlan(
        status,
        (),
        deferred,
        (),
        (),
        messages,
        seed,
        0 if solution is None else solution.iterations,
        0.0 if solution is None else solution.runtime_s,
    )


def _explain(
    problem: CollectionProblem,
    params: CollectionParams,
    net: _Network,
    blocked: dict[int, str | None],
    built: _Built | None,
    solution: ModelSolution | None,
    seed: int,
) -> CollectionPlan:
    routes: list[PlannedRoute] = []
    paths: list[tuple[FleetType, list[int]]] = []
    if built is not None and solution is not None:
        for mr in solution.routes:
            route, path = _route(problem, params, net, built, mr)
            routes.append(route)
            paths.append((problem.fleet[mr.vehicle_type], path))
    served = {pid for r in routes for pid in r.pickup_ids}
    deferred = tuple(
        Deferred(
            pk.id,
            params.waiting_cost_eur(problem, pk),
            (
                f"no vehicle can collect it: {blocked[i]}"
                if blocked[i] is not None
                else "collecting it today would cost more than waiting one more day "
                f"({params.waiting_cost_eur(problem, pk):.2f} EUR)"
            ),
        )
        for i, pk in enumerate(problem.pickups)
        if pk.id not in served
    )
    shares = tuple(s for r in routes for s in _shares(problem, r))
    compare = tuple(_compare(problem, net, routes, paths, served))
    return CollectionPlan(
        PlanStatus.FEASIBLE,
        tuple(routes),
        deferred,
        shares,
        compare,
        (),
        seed,
        0 if solution is None else solution.iterations,
        0.0 if solution is None else solution.runtime_s,
    )


def _route(
    problem: CollectionProblem,
    params: CollectionParams,
    net: _Network,
    built: _Built,
    mr: ModelRoute,
) -> tuple[PlannedRoute, list[int]]:
    ft = problem.fleet[mr.vehicle_type]
    v = ft.vehicle
    intensity = params.intensities[v.vehicle]
    trip_delivery: dict[int, tuple[float, float]] = {}
    for visit in mr.visits:
        if visit.client is not None:
            pk = problem.pickups[built.pickups[visit.client]]
            kg, m3 = trip_delivery.get(visit.trip, (0.0, 0.0))
            trip_delivery[visit.trip] = (kg + pk.delivery_kg, m3 + pk.delivery_m3)
    first, last = mr.visits[0], mr.visits[-1]
    path = [first.depot if first.depot is not None else 0]
    load_kg, load_m3 = trip_delivery.get(0, (0.0, 0.0))
    start_kg, start_m3 = load_kg, load_m3
    km_total, co2 = 0.0, 0.0
    stops: list[Stop] = []
    for visit in mr.visits[1:]:
        if visit.client is not None:
            index = built.pickups[visit.client]
            node = net.pickup_node(index)
        else:
            index, node = -1, int(visit.depot or 0)
        leg = float(net.km[path[-1], node])
        leg_co2 = leg_kg_co2e(load_kg, leg, intensity, min(1.0, load_kg / v.capacity_kg) or None)
        km_total += leg
        co2 += leg_co2
        path.append(node)
        if visit is last:
            break
        if index >= 0:
            pk = problem.pickups[index]
            load_kg += pk.kg - pk.delivery_kg
            load_m3 += pk.m3 - pk.delivery_m3
            kind, pid, hub = StopKind.PICKUP, pk.id, None
        else:
            load_kg, load_m3 = trip_delivery.get(visit.trip, (0.0, 0.0))
            kind, pid, hub = StopKind.RELOAD, None, problem.hubs[node].code
        stops.append(
            Stop(
                kind,
                pid,
                hub,
                visit.trip,
                (visit.start - visit.wait) / 60.0,
                visit.start / 60.0,
                visit.end / 60.0,
                leg,
                leg_co2,
                max(load_kg, 0.0),
                max(load_m3, 0.0),
            )
        )
    departure, back = first.end / 60.0, last.start / 60.0
    cost = v.fixed_per_day_eur + v.per_km_eur * km_total + v.per_hour_eur * (back - departure) / 60
    route = PlannedRoute(
        fleet=ft.name,
        vehicle_id=v.id,
        start_hub=ft.start_hub,
        end_hub=ft.end,
        departure_min=departure,
        return_min=back,
        start_load_kg=start_kg,
        start_load_m3=start_m3,
        stops=tuple(stops),
        km=km_total,
        cost_eur=cost,
        co2e_kg=co2,
    )
    return route, path


def _shares(problem: CollectionProblem, route: PlannedRoute) -> list[PickupShare]:
    """Each trip's km and CO2e shared among its pickups by mass (collected + delivered)."""
    by_id = {p.id: p for p in problem.pickups}
    trips: dict[int, list[str]] = {}
    km_of: dict[int, float] = {}
    co2_of: dict[int, float] = {}
    for s in route.stops:
        if s.pickup_id is not None:
            trips.setdefault(s.trip, []).append(s.pickup_id)
        # A leg belongs to the trip it ends; the leg into a reload ends the trip before.
        trip = s.trip - 1 if s.kind is StopKind.RELOAD else s.trip
        km_of[trip] = km_of.get(trip, 0.0) + s.km_from_previous
        co2_of[trip] = co2_of.get(trip, 0.0) + s.leg_co2e_kg
    last = max(trips)
    km_of[last] = (
        km_of.get(last, 0.0) + route.km - math.fsum(s.km_from_previous for s in route.stops)
    )
    co2_of[last] = (
        co2_of.get(last, 0.0) + route.co2e_kg - math.fsum(s.leg_co2e_kg for s in route.stops)
    )
    shares: list[PickupShare] = []
    for trip, ids in sorted(trips.items()):
        masses = [by_id[i].kg + by_id[i].delivery_kg for i in ids]
        grams = allocate_by_mass(max(0, round(co2_of.get(trip, 0.0) * 1000)), masses)
        total_mass = math.fsum(masses)
        for pid, mass, g in zip(ids, masses, grams, strict=True):
            shares.append(PickupShare(pid, km_of.get(trip, 0.0) * mass / total_mass, g / 1000.0))
    return shares


def _compare(
    problem: CollectionProblem,
    net: _Network,
    routes: list[PlannedRoute],
    paths: list[tuple[FleetType, list[int]]],
    served: set[str],
) -> list[CollectOrShip]:
    out: list[CollectOrShip] = []
    for index, pk in enumerate(problem.pickups):
        if pk.ship_quote_eur is None:
            continue
        node = net.pickup_node(index)
        extra_h = pk.service_min / 60.0
        if pk.id in served:
            r, (ft, path) = next(
                (r, fp) for r, fp in zip(routes, paths, strict=True) if pk.id in r.pickup_ids
            )
            if len(r.pickup_ids) == 1:
                cost, basis = r.cost_eur, "the route would not run without it"
            else:
                at = path.index(node)
                cost = _detour(ft, net, path[at - 1], node, path[at + 1], extra_h)
                basis = "saved by leaving it off its route"
            out.append(CollectOrShip(pk.id, True, cost, pk.ship_quote_eur, basis))
            continue
        able = [ft for ft in problem.fleet if cannot_carry(ft, pk) is None]
        inserts = [
            _detour(ft, net, a, node, b, extra_h)
            for ft, path in paths
            if ft in able
            for a, b in itertools.pairwise(path)
        ]
        if inserts:
            cost, basis = min(inserts), "cheapest insertion into a planned route"
        elif able:
            cost, basis = (
                min(_own_trip(problem, ft, net, node, extra_h) for ft in able),
                ("a trip of its own"),
            )
        else:
            continue
        out.append(CollectOrShip(pk.id, False, cost, pk.ship_quote_eur, basis))
    return out


def _detour(ft: FleetType, net: _Network, a: int, i: int, b: int, service_h: float) -> float:
    v = ft.vehicle
    km = net.km[a, i] + net.km[i, b] - net.km[a, b]
    hours = net.hours[a, i] + net.hours[i, b] - net.hours[a, b] + service_h
    return float(v.per_km_eur * km + v.per_hour_eur * hours)


def _own_trip(
    problem: CollectionProblem, ft: FleetType, net: _Network, node: int, service_h: float
) -> float:
    codes = [h.code for h in problem.hubs]
    s, e = codes.index(ft.start_hub), codes.index(ft.end)
    v = ft.vehicle
    km = net.km[s, node] + net.km[node, e]
    hours = net.hours[s, node] + net.hours[node, e] + service_h
    return float(v.fixed_per_day_eur + v.per_km_eur * km + v.per_hour_eur * hours)
