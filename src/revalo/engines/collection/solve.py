"""Plan a day of collections: build the routing model (``model``), search it, repair it
(``decide``), explain the plan.

A pickup left off the routes costs its alternative: the carrier's price when a carrier can
take it, else one more day of waiting (value lost, plus the overdue penalty once past due).
That is the prize of the pickup in the search, which collects it only when that costs less;
the routes found are then repaired so that this holds pickup by pickup (``decide``). Only a
pickup past due that no carrier can take must be collected. What a vehicle may not carry
(a country it does not drive in, lithium, bulky items, more than its capacity) is cut from
its routing profile.

What is not collected goes to a carrier when it is due today or past due, or when no vehicle
can reach it (waiting would not help); the others wait for a route that passes by before
their due date.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from revalo.domain.errors import InvalidValue
from revalo.engines.collection.decide import Marginal, euros, marginals, repair
from revalo.engines.collection.model import Built, Network, build, network, why_not
from revalo.engines.collection.problem import CollectionParams, CollectionProblem, Pickup
from revalo.engines.collection.pyvrp_adapter import (
    ModelRoute,
    ModelSolution,
    RouteEvaluator,
    solve_model,
)
from revalo.engines.collection.result import (
    CollectionPlan,
    CollectOrShip,
    Decision,
    Deferred,
    PickupShare,
    PlannedRoute,
    PlanStatus,
    Stop,
    StopKind,
)
from revalo.engines.transport.distances import DistanceProvider, GreatCircleDistances
from revalo.engines.transport.emissions import allocate_by_mass, leg_kg_co2e


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
        Routes, the pickups handed to a carrier or waiting with their reasons, per-pickup
        km and CO2e, and the collect-or-ship comparison with each pickup's decision; its
        status says whether a plan keeping every rule was found. Infeasible or out of time
        is a status, never an exception.
    """
    p = params or CollectionParams()
    for ft in problem.fleet:
        if ft.vehicle.vehicle not in p.intensities:
            raise InvalidValue(
                f"no emission intensity for vehicle type {ft.vehicle.vehicle!r} of {ft.name}",
                field="intensities",
            )
    net = network(problem, distances or GreatCircleDistances())
    blocked = {i: why_not(problem, i, net) for i in range(len(problem.pickups))}
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
        return _explain(problem, p, net, blocked, None, seed)
    built = build(problem, p, net, routable)
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
    return _explain(problem, p, net, blocked, _Searched(built, solution), seed)


@dataclass(frozen=True, slots=True)
class _Searched:
    """The model searched, the solution found, and the routes once repaired."""

    built: Built
    solution: ModelSolution

    def repaired(self) -> tuple[list[ModelRoute], dict[int, Marginal]]:
        """The routes, repaired pickup by pickup, and the marginal cost of every client."""
        model = self.built.model
        ev = RouteEvaluator(model)
        clients = range(len(model.clients))
        routes = repair(model, ev, self.solution.routes, clients)
        return routes, marginals(model, ev, routes, clients)


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
    net: Network,
    blocked: dict[int, str | None],
    searched: _Searched | None,
    seed: int,
) -> CollectionPlan:
    routes: list[PlannedRoute] = []
    margin: dict[int, Marginal] = {}
    if searched is not None:
        model_routes, by_client = searched.repaired()
        routes = [_route(problem, params, net, searched.built, mr) for mr in model_routes]
        margin = {searched.built.pickups[c]: m for c, m in by_client.items()}
    served = {pid for r in routes for pid in r.pickup_ids}
    deferred: list[Deferred] = []
    compare: list[CollectOrShip] = []
    for i, pk in enumerate(problem.pickups):
        m = margin.get(i, Marginal(None, "none"))
        decision = Decision.COLLECT
        if pk.id not in served:
            decision, reason = _left_off(problem, params, pk, blocked[i], euros(m.cost))
            deferred.append(Deferred(pk.id, params.waiting_cost_eur(problem, pk), reason, decision))
        if pk.ship_quote_eur is not None:
            basis = _BASIS[m.basis] if blocked[i] is None else f"no vehicle can: {blocked[i]}"
            compare.append(
                CollectOrShip(
                    pk.id, pk.id in served, euros(m.cost), pk.ship_quote_eur, basis, decision
                )
            )
    shares = tuple(s for r in routes for s in _shares(problem, r))
    solution = None if searched is None else searched.solution
    return CollectionPlan(
        PlanStatus.FEASIBLE,
        tuple(routes),
        tuple(deferred),
        shares,
        tuple(compare),
        (),
        seed,
        0 if solution is None else solution.iterations,
        0.0 if solution is None else solution.runtime_s,
    )


_BASIS = {
    "alone": "the route would not run without it",
    "on_route": "saved by leaving it off its route",
    "insertion": "cheapest insertion into a planned route",
    "own_trip": "a trip of its own",
    "none": "no route can take it today (loads, windows or shifts)",
}


def _left_off(
    problem: CollectionProblem,
    params: CollectionParams,
    pk: Pickup,
    why_not: str | None,
    collect: float | None,
) -> tuple[Decision, str]:
    """Why a pickup left off the routes goes to a carrier today, or waits."""
    quote, wait = pk.ship_quote_eur, params.waiting_cost_eur(problem, pk)
    if why_not is not None:
        if quote is None:
            return Decision.WAIT, f"no vehicle can collect it: {why_not}"
        return Decision.CARRIER, (
            f"no vehicle can collect it ({why_not}): a carrier takes it for {quote:.2f} EUR"
        )
    cost = (
        "no route can take it today"
        if collect is None
        else f"collecting it would cost {collect:.2f} EUR"
    )
    if quote is None:
        if collect is None:
            return Decision.WAIT, f"{cost}: it waits ({wait:.2f} EUR a day)"
        return Decision.WAIT, (
            f"collecting it today would cost more than waiting one more day ({wait:.2f} EUR)"
        )
    if problem.is_due(pk):
        return Decision.CARRIER, (
            f"due {pk.due_on.isoformat()}: {cost}, a carrier takes it for {quote:.2f} EUR"
        )
    return Decision.WAIT, (
        f"{cost}, more than the carrier's {quote:.2f} EUR: it waits for a route that passes "
        f"by until {pk.due_on.isoformat()} ({wait:.2f} EUR a day), then goes by carrier"
    )


def _route(
    problem: CollectionProblem,
    params: CollectionParams,
    net: Network,
    built: Built,
    mr: ModelRoute,
) -> PlannedRoute:
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
    return PlannedRoute(
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
