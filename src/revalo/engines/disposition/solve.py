"""Deciding a day's batch: the optimal assignment, by HiGHS on a model aggregated over units
that are alike."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from revalo.engines.disposition.batch import BatchScores, ValueTables, build_tables, score_batch
from revalo.engines.disposition.capacity import Resources, resources
from revalo.engines.disposition.highs_model import MipModel, solve_mip
from revalo.engines.disposition.options import Option
from revalo.engines.disposition.params import DispositionParams
from revalo.engines.disposition.problem import DispositionProblem, FloatArray, IntArray


@dataclass(frozen=True, eq=False)
class DispositionResult:
    """A decided batch. ``assignment[u]`` is the option of unit u (-1: it waits for the next
    batch because no open option had capacity left).

    ``status`` is "optimal" (proven within ``params.mip_gap``), "time_limit" (the best found
    when time ran out, see ``gap``; every unit waits if none was found), "greedy" or
    "hierarchy_first" (the baselines) or "empty" (no unit); another solver outcome gives
    HiGHS's model status.
    """

    status: str
    options: tuple[Option, ...]
    assignment: IntArray
    objective: float
    net_recovery: float
    co2_kg: float
    bound: float
    gap: float
    usage: FloatArray
    resources: Resources
    classes: int
    runtime_s: float

    def __post_init__(self) -> None:
        a = self.assignment
        if len(a) and (a.min() < -1 or a.max() >= len(self.options)):
            raise ValueError("assignment refers to an unknown option")
        if not math.isfinite(self.net_recovery):
            raise ValueError("a unit was sent to an option closed to it")
        if not np.allclose(self.usage, self.resources.usage(a)):
            raise ValueError("usage does not match the assignment")
        over = self.resources.over(self.usage)
        if over.any():
            names = [n for n, o in zip(self.resources.names, over, strict=True) if o]
            raise ValueError(f"capacity exceeded: {', '.join(names)}")
        if self.gap < 0 or self.runtime_s < 0:
            raise ValueError("gap and runtime must not be negative")
        if self.status == "optimal" and self.objective > self.bound + 1e-6 * max(
            1.0, abs(self.bound)
        ):
            raise ValueError("an optimal objective cannot exceed its bound")

    @property
    def held(self) -> int:
        return int((self.assignment < 0).sum())


def totals(
    scores: BatchScores, assignment: IntArray, params: DispositionParams
) -> tuple[float, float, float]:
    """(objective, net recovery, CO2 kg) of an assignment; held units cost the penalty."""
    done = assignment >= 0
    rows = np.nonzero(done)[0]
    cols = assignment[done]
    net = scores.net[rows, cols]
    objective = float((net + scores.adjust[scores.place[rows], cols]).sum())
    objective -= params.unassigned_penalty_eur * float((~done).sum())
    return objective, float(net.sum()), float(scores.co2_kg(rows, cols).sum())


def _classes(problem: DispositionProblem) -> tuple[IntArray, IntArray]:
    """Units that are alike (same product, grades, hazard, origin, days waited) score alike:
    one representative per class, and each unit's class."""
    u = problem.units
    key = np.stack(
        [
            (((u.product * 4 + u.functional) * 4 + u.cosmetic) * 2 + u.hazardous)
            * len(problem.sites)
            + u.origin,
            u.days_waited.view(np.int64),
        ],
        axis=1,
    )
    _, first, inverse = np.unique(key, axis=0, return_index=True, return_inverse=True)
    return first.astype(np.int64), inverse.reshape(-1).astype(np.int64)


def _model(
    objective: np.ndarray, counts: IntArray, product: IntArray, res: Resources, penalty: float
) -> tuple[MipModel, IntArray, IntArray]:
    """Columns: x[k, o] for every open (class, option), then one 'held' column per class.
    Rows: one per class (its units are all placed or held), then one per resource, where
    x[k, o] takes what a unit of class k's ``product`` takes of it."""
    n_k = len(counts)
    ks, os_ = np.nonzero(np.isfinite(objective))
    n_uses = np.array([len(u) for u in res.uses], dtype=np.int64)
    width = max((len(u) for u in res.uses), default=0)
    uses = np.full((len(res.uses), max(width, 1)), -1, dtype=np.int64)
    for o, rs in enumerate(res.uses):
        uses[o, : len(rs)] = rs
    nnz_x = 1 + n_uses[os_]
    starts = np.zeros(len(ks) + n_k + 1, dtype=np.int64)
    starts[1 : len(ks) + 1] = np.cumsum(nnz_x)
    starts[len(ks) + 1 :] = starts[len(ks)] + np.arange(1, n_k + 1)
    index = np.empty(starts[-1], dtype=np.int64)
    value = np.ones(starts[-1])
    index[starts[: len(ks)]] = ks
    for r in range(width):
        has = n_uses[os_] > r
        rows = uses[os_[has], r]
        index[starts[: len(ks)][has] + 1 + r] = n_k + rows
        value[starts[: len(ks)][has] + 1 + r] = res.per_unit[product[ks[has]], rows]
    index[starts[len(ks) : -1]] = np.arange(n_k)
    cost = np.concatenate([objective[ks, os_], np.full(n_k, -penalty)])
    upper = np.concatenate([counts[ks], counts]).astype(np.float64)
    lower = np.concatenate([counts, np.zeros(len(res.limit))]).astype(np.float64)
    row_upper = np.concatenate([counts, res.limit]).astype(np.float64)
    model = MipModel(cost, upper, starts, index, lower, row_upper, value)
    return model, ks, os_


def solve_disposition(
    problem: DispositionProblem,
    params: DispositionParams,
    *,
    seed: int = 0,
    tables: ValueTables | None = None,
) -> DispositionResult:
    """Assign the batch's units to options, maximising the total objective.

    The objective of a unit is its net recovery minus the CO2 price plus the waste-hierarchy
    preference; a unit left without a route costs ``params.unassigned_penalty_eur``. Each
    site's daily capacity per work kind and each channel's daily volume are respected. Units
    alike are one integer variable per option, so the model grows with the kinds of unit,
    not their number.

    Parameters
    ----------
    problem
        Products, sites with capacities, channels with volumes, and the units.
    params
        Value model, objective and solver limits (``time_limit_s``, ``mip_gap``).
    seed
        Seed of the MIP solver; the same seed gives the same result.
    tables
        Tables from :func:`build_tables` for this problem and params, to reuse them (a caller
        that also runs a baseline on the same input builds them once).

    Returns
    -------
    DispositionResult
        The assignment, its totals, and the solver's status, bound and gap.
    """
    started = time.perf_counter()
    tables = tables if tables is not None else build_tables(problem, params)
    scores = score_batch(problem, params, tables)
    res = resources(problem, tables.options, params)
    n = len(problem.units)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return DispositionResult(
            "empty", tables.options, empty, 0.0, 0.0, 0.0, 0.0, 0.0, res.usage(empty), res, 0, 0.0
        )
    first, inverse = _classes(problem)
    counts = np.bincount(inverse, minlength=len(first)).astype(np.int64)
    product = problem.units.product[first]
    penalty = params.unassigned_penalty_eur
    model, ks, os_ = _model(scores.objective(first), counts, product, res, penalty)
    out = solve_mip(model, time_limit_s=params.time_limit_s, mip_gap=params.mip_gap, seed=seed)
    assignment = np.full(n, -1, dtype=np.int64)
    if out.x is not None:
        take = np.rint(out.x[: len(ks)]).astype(np.int64)
        # Hand each class's counts to its units in their batch order.
        order = np.argsort(inverse, kind="stable")
        class_start = np.concatenate([[0], np.cumsum(counts)[:-1]])
        fill = class_start.copy()
        for k, o, t in zip(ks[take > 0], os_[take > 0], take[take > 0], strict=True):
            assignment[order[fill[k] : fill[k] + t]] = o
            fill[k] += t
    objective, net, co2 = totals(scores, assignment, params)
    return DispositionResult(
        status=out.status,
        options=tables.options,
        assignment=assignment,
        objective=objective,
        net_recovery=net,
        co2_kg=co2,
        bound=out.bound,
        gap=out.gap if out.x is not None else float("inf"),
        usage=res.usage(assignment),
        resources=res,
        classes=len(first),
        runtime_s=time.perf_counter() - started,
    )
