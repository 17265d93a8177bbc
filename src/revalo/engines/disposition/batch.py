"""Vectorised scoring: the value model of ``value.py`` over many units x options at once.

The net recovery of unit u on option o factors as

    net[u, o] = sold[p, f, c, o] * keep(u) + fixed[p, origin, o]

where ``sold`` is the decayed sale price net of the channel's share for a unit that has not
waited, ``keep(u)`` the value kept over the days it already waited, and ``fixed`` everything
that depends only on the product, the origin and the option. Both tables are filled by the
per-unit definitions, once per combination present, so the two paths cannot drift apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from revalo.domain.disposition import ROUTE_RULES
from revalo.engines.disposition.options import Option, enumerate_options, feasibility_table
from revalo.engines.disposition.params import DispositionParams
from revalo.engines.disposition.problem import (
    BoolArray,
    DispositionProblem,
    FloatArray,
    IntArray,
)
from revalo.engines.disposition.value import (
    DECAYING_ROUTES,
    LOWEST_RANK,
    decay_log_rate,
    fixed_part,
    recovery_rate,
)


@dataclass(frozen=True, eq=False)
class ValueTables:
    """Per-combination pieces of the value model (see the module docstring)."""

    options: tuple[Option, ...]
    sold: FloatArray  # (products * 16, options), indexed by (p * 4 + f) * 4 + c
    fixed: FloatArray  # (products * sites * 2, options), see ``places``
    co2_kg: FloatArray  # same shape as fixed
    log_keep: FloatArray  # (products,): ln of the value kept per day waited
    feasible: BoolArray  # (products * 32, options), indexed by ((p * 4 + f) * 4 + c) * 2 + h
    rank: FloatArray  # (options,)


def places(problem: DispositionProblem) -> IntArray:
    """Each unit's row of the tables that depend on where it is and what it is: (product,
    origin, whether its lithium battery was found damaged), as
    ``(product * sites + origin) * 2 + damaged``. A damaged battery travels only under ADR
    special provision 376, which prices its trips differently."""
    u = problem.units
    lithium = np.array([p.lithium_battery for p in problem.products], dtype=np.bool_)
    damaged = (u.hazardous.astype(np.bool_) & lithium[u.product]).astype(np.int64)
    return (u.product * len(problem.sites) + u.origin) * 2 + damaged


def build_tables(problem: DispositionProblem, params: DispositionParams) -> ValueTables:
    options = enumerate_options(problem)
    n_p, n_s, n_o = len(problem.products), len(problem.sites), len(options)
    u = problem.units
    log_keep = np.array([decay_log_rate(params, p.category) for p in problem.products])
    fixed = np.zeros((n_p, n_s, 2, n_o))
    co2 = np.zeros((n_p, n_s, 2, n_o))
    lead = np.zeros((n_p, n_o))
    for key in np.unique(places(problem)).tolist():
        rest, damaged = divmod(key, 2)
        p, s = divmod(rest, n_s)
        for o, option in enumerate(options):
            part = fixed_part(problem, params, option, p, s, bool(damaged))
            fixed[p, s, damaged, o] = part.fixed_income - part.costs
            co2[p, s, damaged, o] = part.co2_kg
            lead[p, o] = part.lead_days
    sold = np.zeros((n_p, 4, 4, n_o))
    fees = [problem.channels[o.channel].fee_rate if o.channel is not None else 0.0 for o in options]
    # Only the (product, grades) the batch's units have: no other row is ever read.
    for key in np.unique((u.product * 4 + u.functional) * 4 + u.cosmetic).tolist():
        p, grades = divmod(key, 16)
        f, c = divmod(grades, 4)
        price = float(problem.products[p].new_price)
        for o, option in enumerate(options):
            decays = option.route in DECAYING_ROUTES
            keep = math.exp(log_keep[p] * lead[p, o]) if decays else 1.0
            rate = recovery_rate(problem, params, option, p, f, c)
            sold[p, f, c, o] = price * rate * keep * (1.0 - fees[o])
    decaying = np.array([o.route in DECAYING_ROUTES for o in options])
    # Options that do not decay keep their (zero) sale price whatever the wait.
    assert not sold[..., ~decaying].any()
    return ValueTables(
        options=options,
        sold=sold.reshape(n_p * 16, n_o),
        fixed=fixed.reshape(n_p * n_s * 2, n_o),
        co2_kg=co2.reshape(n_p * n_s * 2, n_o),
        log_keep=log_keep,
        feasible=feasibility_table(problem, options).reshape(n_p * 32, n_o),
        rank=np.array([ROUTE_RULES[o.route].hierarchy_rank for o in options], dtype=np.float64),
    )


@dataclass(frozen=True, eq=False)
class BatchScores:
    """Net recovery of every unit on every option (-inf where the option is closed to the
    unit). The objective and CO2 depend on the unit only through its product and origin,
    so they are looked up per row when asked for rather than stored for every unit."""

    options: tuple[Option, ...]
    net: FloatArray  # (units, options)
    place: IntArray  # (units,): the row of ``places``
    adjust: FloatArray  # (products * sites * 2, options): hierarchy bonus minus CO2 price
    co2_table: FloatArray  # (products * sites * 2, options): kg CO2e

    @property
    def feasible(self) -> BoolArray:
        return np.isfinite(self.net)

    def objective(self, rows: IntArray | None = None) -> FloatArray:
        """Net recovery minus the CO2 price plus the waste-hierarchy preference."""
        if rows is None:
            return self.net + self.adjust[self.place]
        return self.net[rows] + self.adjust[self.place[rows]]

    def co2_kg(self, rows: IntArray, cols: IntArray) -> FloatArray:
        return self.co2_table[self.place[rows], cols]

    def best(self, chunk: int = 200_000) -> IntArray:
        """Index of each unit's best option by objective (-1 when none is open)."""
        best = np.empty(len(self.net), dtype=np.int64)
        for lo in range(0, len(self.net), chunk):
            rows = np.arange(lo, min(lo + chunk, len(self.net)))
            obj = self.objective(rows)
            pick = np.argmax(obj, axis=1)
            pick[~np.isfinite(obj.max(axis=1))] = -1
            best[lo : lo + len(rows)] = pick
        return best


def score_batch(
    problem: DispositionProblem,
    params: DispositionParams,
    tables: ValueTables | None = None,
    *,
    chunk: int = 200_000,
) -> BatchScores:
    """Score every unit of the problem on every option, vectorised.

    Parameters
    ----------
    problem
        Products, sites, channels and the units to score.
    params
        Value-model and objective parameters.
    tables
        Tables from :func:`build_tables` for this problem, to reuse them.
    chunk
        Units scored per step, to bound the memory of the temporaries.

    Returns
    -------
    BatchScores
        Net recovery (EUR) of each unit x option, -inf where closed; objective and CO2 on
        demand.
    """
    t = tables if tables is not None else build_tables(problem, params)
    u = problem.units
    n, n_o = len(u), len(t.options)
    # Closed options cost -inf from the start: the product with the (positive) value kept
    # and the sum with the fixed part keep them closed, with no mask to apply afterwards.
    sold = np.repeat(t.sold, 2, axis=0)
    sold[~t.feasible] = -np.inf
    net = np.empty((n, n_o))
    scratch = np.empty((min(chunk, n), n_o))
    place = places(problem)
    for lo in range(0, n, chunk):
        hi = min(lo + chunk, n)
        p = u.product[lo:hi]
        profile = ((p * 4 + u.functional[lo:hi]) * 4 + u.cosmetic[lo:hi]) * 2 + u.hazardous[lo:hi]
        block = np.take(sold, profile, axis=0, out=net[lo:hi])
        block *= np.exp(t.log_keep[p] * u.days_waited[lo:hi])[:, None]
        block += np.take(t.fixed, place[lo:hi], axis=0, out=scratch[: hi - lo])
    bonus = params.hierarchy_bonus_eur_per_rank * (LOWEST_RANK - t.rank)
    adjust = bonus[None, :] - params.co2_price_eur_per_t / 1000.0 * t.co2_kg
    return BatchScores(t.options, net, place, adjust, t.co2_kg)
