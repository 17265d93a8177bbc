"""The plan a practitioner would make without a MIP solver: the DROP heuristic (Feldman,
Lehrer and Ray, Management Science 12(9), 1966), then the best flows for the sites it keeps.

Start with every site that may open; each round, close the site whose closing saves most
(its fixed cost, less the extra transport of its demand points moving to their next
cheapest open site) while the open sites still hold all the demand and reach every demand
point; stop when no closing saves. The flows for the chosen sites are then solved exactly
(an LP with the open set fixed); if capacities near some demand points do not hold, the
last closings are undone until they do.
"""

from __future__ import annotations

import time

import numpy as np

from revalo.engines.network.model import usable_inbound
from revalo.engines.network.params import NetworkParams
from revalo.engines.network.problem import CLOSED, OPEN, RECEIVING, NetworkProblem, Sites
from revalo.engines.network.solve import NetworkResult, solve_network


def greedy_drop(problem: NetworkProblem, params: NetworkParams | None = None) -> NetworkResult:
    """The DROP heuristic's plan (``runtime_s`` includes the dropping)."""
    params = params or NetworkParams()
    started = time.perf_counter()
    sites, units = problem.sites, problem.demands.units
    S, D = len(sites.names), len(units)
    keep = usable_inbound(problem, params)
    lanes = problem.inbound.take(keep)
    price = params.co2_price_per_t / 1000.0
    # Dense demand x site cost of a unit (inf: no lane); fine up to a few million cells.
    cost = np.full((D, S), np.inf)
    per_unit = lanes.unit_cost + price * lanes.unit_co2_kg + sites.unit_cost[lanes.site, 0]
    np.minimum.at(cost, (lanes.origin, lanes.site), per_unit)
    capacity = np.minimum(sites.capacity[:, RECEIVING], units.sum())
    is_open = (sites.state != CLOSED) & (capacity > 0)
    forced = sites.state == OPEN
    need = units > 0
    closed_order: list[int] = []
    while True:
        candidates = np.flatnonzero(is_open & ~forced)
        if not len(candidates):
            break
        open_cost = np.where(is_open[None, :], cost, np.inf)[need]
        two = np.partition(open_cost, 1, axis=1)[:, :2] if is_open.sum() > 1 else None
        if two is None:
            break
        best_site = np.argmin(open_cost, axis=1)
        lost = np.zeros(S)
        with np.errstate(invalid="ignore", over="ignore"):
            extra = np.nan_to_num((two[:, 1] - two[:, 0]) * units[need], nan=np.inf)
            np.add.at(lost, best_site, extra)  # inf where a point has no other open site
        saving = sites.fixed_cost - lost
        room = float(capacity[is_open].sum())
        ok = np.isfinite(saving) & (room - capacity >= units.sum() - 1e-9)
        ok[~(is_open & ~forced)] = False
        if not ok.any():
            break
        s = int(np.argmax(np.where(ok, saving, -np.inf)))
        if saving[s] <= 0:
            break
        is_open[s] = False
        closed_order.append(s)
    while True:
        state = np.where(is_open, OPEN, CLOSED).astype(np.int64)
        fixed = NetworkProblem(
            Sites(sites.names, sites.fixed_cost, sites.capacity, sites.unit_cost, state),
            problem.demands,
            problem.inbound,
            problem.onward,
        )
        plan = solve_network(fixed, params)
        if plan.has_plan or not closed_order:
            break
        is_open[closed_order.pop()] = True
    return _timed(plan, time.perf_counter() - started)


def _timed(plan: NetworkResult, runtime_s: float) -> NetworkResult:
    from dataclasses import replace

    if not plan.has_plan:
        return replace(plan, runtime_s=runtime_s)
    return replace(
        plan,
        status="heuristic",
        bound=0.0,
        gap=1.0,
        runtime_s=runtime_s,
        first_feasible_s=runtime_s,
    )
