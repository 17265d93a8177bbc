"""Large networks (a European one: hundreds of candidate sites, thousands of demand areas):
the DROP plan first, a Lagrangian bound that settles most sites, and HiGHS on what is left,
started from the DROP plan. The gap stated is against the best of the bounds."""

from __future__ import annotations

import math
import time
from dataclasses import replace

import numpy as np

from revalo.engines.network.baselines import greedy_drop
from revalo.engines.network.highs_model import FloatArray, solve_sparse
from revalo.engines.network.lagrange import applies, lagrange_bound
from revalo.engines.network.model import build_model
from revalo.engines.network.params import NetworkParams
from revalo.engines.network.problem import CLOSED, OPEN, NetworkProblem, Sites
from revalo.engines.network.solve import NetworkResult, plan_from, solve_network


def solve_large_network(
    problem: NetworkProblem, params: NetworkParams | None = None, *, seed: int = 0
) -> NetworkResult:
    """As ``solve_network``, for networks whose LP relaxation is too big to solve in time.

    ``first_feasible_s`` is when the DROP plan was in hand; ``bound`` the best of the
    Lagrangian bound and HiGHS's bound on the sites left unsettled; ``gap`` relative to the
    plan's cost. Problems with onward activities go to ``solve_network`` unchanged."""
    params = params or NetworkParams()
    if not applies(problem):
        return solve_network(problem, params, seed=seed)
    started = time.perf_counter()
    first = greedy_drop(problem, params)
    if not first.has_plan:
        return solve_network(problem, params, seed=seed)
    first_s = time.perf_counter() - started
    left = params.time_limit_s - first_s
    lag = lagrange_bound(problem, params, first.objective, time_limit_s=max(0.75 * left, 1.0))
    sites = problem.sites
    state = sites.state.copy()
    state[lag.fix_closed] = CLOSED
    state[lag.fix_open & (state != CLOSED)] = OPEN
    reduced = NetworkProblem(
        Sites(sites.names, sites.fixed_cost, sites.capacity, sites.unit_cost, state),
        problem.demands,
        problem.inbound,
        problem.onward,
    )
    built = build_model(reduced, params)
    left = params.time_limit_s - (time.perf_counter() - started)
    best = first
    bound = lag.bound
    # HiGHS overruns its limit by its presolve; a margin keeps the whole within the limit.
    left = 0.7 * left
    if left > 1.0:
        out = solve_sparse(
            built.mip,
            time_limit_s=left,
            mip_gap=params.mip_gap,
            seed=seed,
            threads=params.threads,
            start=_start(first, built.inbound.origin, built.inbound.site, len(sites.names)),
        )
        if out.x is not None and out.objective < first.objective - 1e-9:
            best = plan_from(reduced, built, params, out.x)
        # The settled sites hold for every plan cheaper than the DROP plan's.
        if math.isfinite(out.bound):
            bound = max(bound, min(out.bound, first.objective))
        if out.status == "optimal":
            bound = max(bound, min(out.objective, first.objective))
    bound = min(bound, best.objective)
    gap = max(0.0, (best.objective - bound) / max(abs(best.objective), 1e-9))
    return replace(
        best,
        status="optimal" if gap <= params.mip_gap else "feasible",
        bound=bound,
        gap=gap,
        first_feasible_s=first_s,
        runtime_s=time.perf_counter() - started,
    )


def _start(plan: NetworkResult, origin: np.ndarray, site: np.ndarray, S: int) -> FloatArray:
    """The DROP plan as values of the reduced model's columns (y, then x)."""
    n = int(max(origin.max(initial=-1), plan.inbound.origin.max(initial=-1))) + 1
    units = np.bincount(plan.inbound.origin, weights=plan.inbound_units, minlength=n)
    share: dict[int, float] = {}
    for d, s, u in zip(plan.inbound.origin, plan.inbound.site, plan.inbound_units, strict=True):
        if u > 0:
            share[int(d) * S + int(s)] = float(u)
    x = np.array(
        [
            share.get(int(d) * S + int(s), 0.0) / units[d] if units[d] > 0 else 0.0
            for d, s in zip(origin, site, strict=True)
        ]
    )
    return np.concatenate([plan.open.astype(np.float64), x])
