"""Collect, hand to a carrier, or wait: the repair of the searched routes and the marginal
cost of every pickup, on which the plan's decision for it rests.

The search gives a pickup left off the routes the price of its alternative: the carrier's
quote when a carrier can take it, else one more day of waiting. That is the vehicle routing
problem with a private fleet and a common carrier (Chu, European Journal of Operational
Research 165, 2005; Côté and Potvin, EJOR 198, 2009): each pickup is collected by the fleet
or given to a carrier, whichever costs less. A heuristic search may still end with a pickup
on a route that would save more than its alternative if taken off, or with one left off
that a route could take for less. ``repair`` removes both, one change at a time, each
lowering routes + alternatives: after it, every pickup on a route costs less there than
its alternative (or must be collected), and every pickup left off would cost more on any
route or on a trip of its own (or no vehicle can take it today).

All costs here are the solver's integers (micro-euros), as PyVRP prices a route: the
vehicle's day, its metres and its seconds, waiting included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from revalo.engines.collection.pyvrp_adapter import ModelRoute, RouteEvaluator, RoutingModel


@dataclass(frozen=True, slots=True)
class Marginal:
    """What collecting one client costs: ``cost`` None when no vehicle can take it today.

    ``basis`` says how it was counted: ``alone`` (its route would not run without it),
    ``on_route`` (what its route saves without it), ``insertion`` (the cheapest place on a
    planned route), ``own_trip`` (a free vehicle's trip for it alone) or ``none``.
    """

    cost: int | None
    basis: str


@dataclass(slots=True)
class _Plan:
    routes: list[ModelRoute]
    counts: tuple[int, ...]

    def used(self, vehicle_type: int) -> int:
        return sum(r.vehicle_type == vehicle_type for r in self.routes)


def _clean(nodes: Sequence[int], n_depots: int) -> tuple[int, ...]:
    """``nodes`` without reloads that start or end the day or follow another reload."""
    out: list[int] = []
    for n in nodes:
        if n < n_depots and (not out or out[-1] < n_depots):
            continue
        out.append(n)
    while out and out[-1] < n_depots:
        out.pop()
    return tuple(out)


def _without(
    ev: RouteEvaluator, route: ModelRoute, node: int, n_depots: int
) -> tuple[ModelRoute | None, int]:
    """The route without ``node`` (None when nothing would be left to collect: the route
    would not run) and what that saves."""
    rest = _clean([n for n in route.nodes if n != node], n_depots)
    if not any(n >= n_depots for n in rest):
        return None, route.cost
    shorter = ev.route(route.vehicle_type, rest)
    return shorter, route.cost - shorter.cost


def _best_insertion(
    ev: RouteEvaluator, plan: _Plan, node: int
) -> tuple[int | None, int | None, ModelRoute | None, str]:
    """The cheapest way to add ``node`` that keeps every limit: (extra cost, index of the
    route it joins or None for a new route, the route it makes, basis)."""
    best: tuple[int | None, int | None, ModelRoute | None, str] = (None, None, None, "none")
    for k, route in enumerate(plan.routes):
        nodes = route.nodes
        for pos in range(len(nodes) + 1):
            longer = ev.route(route.vehicle_type, (*nodes[:pos], node, *nodes[pos:]))
            extra = longer.cost - route.cost
            if longer.feasible and (best[0] is None or extra < best[0]):
                best = (extra, k, longer, "insertion")
    for vt, count in enumerate(plan.counts):
        if plan.used(vt) < count:
            alone = ev.route(vt, (node,))
            if alone.feasible and (best[0] is None or alone.cost < best[0]):
                best = (alone.cost, None, alone, "own_trip")
    return best


def repair(
    model: RoutingModel,
    ev: RouteEvaluator,
    routes: Sequence[ModelRoute],
    clients: Sequence[int],
) -> list[ModelRoute]:
    """Repair searched routes pickup by pickup.

    Parameters
    ----------
    model
        The routing model searched (its clients' prizes and whether they are required).
    ev
        Prices and checks candidate routes of ``model``.
    routes
        The routes the search found; every one keeps every limit.
    clients
        The model's client indices that may be added.

    Returns
    -------
    list[ModelRoute]
        The routes changed until no optional client on them saves more than its prize when
        taken off, and no client of ``clients`` left off costs less than its prize to add
        (to a route, or on a trip of its own by a vehicle still free). Each change lowers
        the routes' cost plus the prizes of the clients left off, so the repair ends.
    """
    plan = _Plan(list(routes), tuple(v.count for v in model.vehicle_types))
    for _ in range(4 * (len(model.clients) + 1)):
        if not (_drop_one(model, ev, plan) or _add_one(model, ev, plan, clients)):
            break
    return plan.routes


def _drop_one(model: RoutingModel, ev: RouteEvaluator, plan: _Plan) -> bool:
    nd = model.num_depots
    best: tuple[int, int, ModelRoute | None] | None = None  # gain, route, shorter route
    for k, route in enumerate(plan.routes):
        for node in route.nodes:
            if node < nd or model.clients[node - nd].required:
                continue
            shorter, saving = _without(ev, route, node, nd)
            gain = saving - model.clients[node - nd].prize
            feasible = shorter is None or shorter.feasible
            if feasible and gain > 0 and (best is None or gain > best[0]):
                best = (gain, k, shorter)
    if best is None:
        return False
    _, k, shorter = best
    if shorter is None:
        del plan.routes[k]
    else:
        plan.routes[k] = shorter
    return True


def _add_one(model: RoutingModel, ev: RouteEvaluator, plan: _Plan, clients: Sequence[int]) -> bool:
    nd = model.num_depots
    on_routes = {n for r in plan.routes for n in r.nodes}
    best: tuple[int, int | None, ModelRoute] | None = None  # gain, route, longer route
    for c in clients:
        if nd + c in on_routes:
            continue
        extra, k, longer, _ = _best_insertion(ev, plan, nd + c)
        if extra is None or longer is None:
            continue  # no vehicle can take it today
        gain = model.clients[c].prize - extra
        if gain > 0 and (best is None or gain > best[0]):
            best = (gain, k, longer)
    if best is None:
        return False
    _, k, longer = best
    if k is None:
        plan.routes.append(longer)
    else:
        plan.routes[k] = longer
    return True


def marginals(
    model: RoutingModel,
    ev: RouteEvaluator,
    routes: Sequence[ModelRoute],
    clients: Sequence[int],
) -> dict[int, Marginal]:
    """What collecting each client costs in the plan ``routes``.

    Parameters
    ----------
    model, ev
        The routing model and its route evaluator.
    routes
        The plan's routes (repaired).
    clients
        The model's client indices to price.

    Returns
    -------
    dict[int, Marginal]
        For a client on a route, what its route saves without it (all of it when the route
        would not run without it); for one left off, the cheapest way to add it that keeps
        every limit, or None when there is none.
    """
    nd = model.num_depots
    plan = _Plan(list(routes), tuple(v.count for v in model.vehicle_types))
    where = {n: r for r in routes for n in r.nodes if n >= nd}
    out: dict[int, Marginal] = {}
    for c in clients:
        route = where.get(nd + c)
        if route is not None:
            shorter, saving = _without(ev, route, nd + c, nd)
            out[c] = Marginal(saving, "alone" if shorter is None else "on_route")
        else:
            extra, _, _, basis = _best_insertion(ev, plan, nd + c)
            out[c] = Marginal(extra, basis)
    return out


def euros(micro: int | None) -> float | None:
    """Micro-euros as euros (None stays None)."""
    return None if micro is None else micro / 1_000_000
