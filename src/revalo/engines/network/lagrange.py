"""A lower bound for large networks, where HiGHS cannot finish the root LP in time: the
Lagrangian relaxation of the "each demand point served once" rows, by subgradient (the
method of J. E. Beasley's 1988 algorithm for large capacitated warehouse location).

With multipliers ``lam[d]`` the problem splits by site: site s, if open, takes the lanes of
negative reduced cost ``units[d] * c[l] - lam[d]``, cheapest per unit first, up to its
capacity (a continuous knapsack); it opens when its fixed cost plus that sum is negative.
Every multiplier vector gives a valid lower bound on the optimal cost; the best one found is
kept. Sites that cannot be in a plan cheaper than a known one (their Lagrangian cost of
being open, or closed, exceeds it) are fixed, which shrinks the MIP left to HiGHS.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from revalo.engines.network.highs_model import BoolArray, FloatArray, IntArray
from revalo.engines.network.model import usable_inbound
from revalo.engines.network.params import NetworkParams
from revalo.engines.network.problem import CLOSED, OPEN, RECEIVING, NetworkProblem


@dataclass(frozen=True, eq=False)
class LagrangeBound:
    bound: float
    #: Sites that may be fixed closed / open for plans cheaper than ``upper``.
    fix_closed: BoolArray
    fix_open: BoolArray
    iterations: int
    runtime_s: float


def applies(problem: NetworkProblem) -> bool:
    """Receiving-only problems (no onward activity): the bound ignores onward rows."""
    return not (problem.demands.mix * problem.demands.units[:, None]).any()


def lagrange_bound(
    problem: NetworkProblem,
    params: NetworkParams,
    upper: float,
    *,
    iterations: int = 400,
    time_limit_s: float = 20.0,
    start_share: float = 0.5,
) -> LagrangeBound:
    started = time.perf_counter()
    sites, units = problem.sites, problem.demands.units
    S, D = len(sites.names), len(units)
    keep = usable_inbound(problem, params)
    lanes = problem.inbound.take(keep)
    price = params.co2_price_per_t / 1000.0
    q = units[lanes.origin]
    full = q * (lanes.unit_cost + price * lanes.unit_co2_kg + sites.unit_cost[lanes.site, 0])
    cap = np.minimum(sites.capacity[:, RECEIVING], units.sum())
    forced = sites.state == OPEN
    usable = sites.state != CLOSED
    # Start from each point's cheapest lane plus its share of a typical site's fixed cost
    # per unit of capacity: close to where the multipliers end (fewer steps to a good bound).
    lam = np.full(D, np.inf)
    np.minimum.at(lam, lanes.origin, full)
    lam[~np.isfinite(lam)] = 0.0
    per_unit = sites.fixed_cost[usable] / np.maximum(cap[usable], 1e-9)
    lam += start_share * units * (float(np.median(per_unit)) if len(per_unit) else 0.0)
    best, best_lam = -np.inf, lam.copy()
    theta, stale = 2.0, 0
    done = 0
    for done in range(1, iterations + 1):  # noqa: B007
        site_cost, served = _evaluate(lanes.site, q, full - lam[lanes.origin], cap, S)
        open_ = usable & (forced | (sites.fixed_cost + site_cost < 0))
        total = float(lam.sum() + (sites.fixed_cost + site_cost)[open_].sum())
        if total > best + 1e-9 * abs(best if np.isfinite(best) else 1.0):
            best, best_lam, stale = total, lam.copy(), 0
        else:
            stale += 1
            if stale >= 20:
                theta, stale = theta / 2, 0
        g = np.bincount(lanes.origin, weights=served * open_[lanes.site], minlength=D)
        g = np.where(units > 0, 1.0 - g, 0.0)
        norm = float(g @ g)
        if norm < 1e-12 or theta < 1e-4 or time.perf_counter() - started > time_limit_s:
            break
        lam = lam + theta * max(upper - total, 1e-6 * abs(upper)) / norm * g
    site_cost, _ = _evaluate(lanes.site, q, full - best_lam[lanes.origin], cap, S)
    own = sites.fixed_cost + site_cost
    is_open = usable & (forced | (own < 0))
    # Forcing a closed site open adds its (positive) cost; closing an open one removes its
    # (negative) cost: past the known plan's cost, that site's state is settled.
    fix_closed = usable & ~is_open & (best + own > upper + 1e-9 * abs(upper))
    fix_open = is_open & ~forced & (best - own > upper + 1e-9 * abs(upper))
    return LagrangeBound(
        bound=best,
        fix_closed=fix_closed,
        fix_open=fix_open | forced,
        iterations=done,
        runtime_s=time.perf_counter() - started,
    )


def _evaluate(
    site: IntArray, q: FloatArray, reduced: FloatArray, cap: FloatArray, S: int
) -> tuple[FloatArray, FloatArray]:
    """Each site's best continuous knapsack over the lanes' reduced costs: its cost (<= 0)
    and the share of each lane it takes."""
    neg = reduced < 0
    idx = np.flatnonzero(neg)
    served = np.zeros(len(q))
    site_cost = np.zeros(S)
    if len(idx):
        ratio = reduced[idx] / np.maximum(q[idx], 1e-12)
        order = idx[np.lexsort((ratio, site[idx]))]
        s = site[order]
        qq = q[order]
        cum = np.cumsum(qq)
        first = np.searchsorted(s, s, side="left")
        before = cum - qq - np.where(first > 0, cum[first - 1], 0.0)
        share = np.clip((cap[s] - before) / np.maximum(qq, 1e-12), 0.0, 1.0)
        served[order] = share
        np.add.at(site_cost, s, share * reduced[order])
    return site_cost, served
