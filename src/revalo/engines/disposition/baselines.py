"""Baselines the optimiser is compared with: first come, first served on capacity, each unit
taking its own preferred open option."""

from __future__ import annotations

import time

import numpy as np

from revalo.engines.disposition.batch import ValueTables, build_tables, score_batch
from revalo.engines.disposition.capacity import resources
from revalo.engines.disposition.params import DispositionParams
from revalo.engines.disposition.problem import DispositionProblem, FloatArray
from revalo.engines.disposition.solve import DispositionResult, totals


def _first_come(
    problem: DispositionProblem,
    params: DispositionParams,
    status: str,
    hierarchy_first: bool,
    tables: ValueTables | None,
) -> DispositionResult:
    started = time.perf_counter()
    tables = tables if tables is not None else build_tables(problem, params)
    scores = score_batch(problem, params, tables)
    res = resources(problem, tables.options)
    left = res.limit.copy()
    by_unit: FloatArray = scores.objective()
    if hierarchy_first:
        # Rank first (lower is higher in the waste hierarchy), objective second.
        ranked = np.lexsort((-by_unit, np.broadcast_to(tables.rank, by_unit.shape)), axis=1)
    else:
        ranked = np.argsort(-by_unit, axis=1, kind="stable")
    assignment = np.full(len(problem.units), -1, dtype=np.int64)
    uses = [np.array(u, dtype=np.int64) for u in res.uses]
    for u in range(len(problem.units)):
        row = by_unit[u]
        for o in ranked[u]:
            if row[o] == -np.inf:
                continue
            need = uses[o]
            if (left[need] > 0).all():
                left[need] -= 1
                assignment[u] = o
                break
    objective, net, co2 = totals(scores, assignment, params)
    return DispositionResult(
        status=status,
        options=tables.options,
        assignment=assignment,
        objective=objective,
        net_recovery=net,
        co2_kg=co2,
        bound=float("inf"),
        gap=0.0,
        usage=res.usage(assignment),
        resources=res,
        classes=0,
        runtime_s=time.perf_counter() - started,
    )


def greedy_disposition(
    problem: DispositionProblem, params: DispositionParams, *, tables: ValueTables | None = None
) -> DispositionResult:
    """Each unit, in batch order, takes its own best open option (by objective) that still
    has capacity; a unit finding none waits. ``tables`` as in :func:`solve_disposition`."""
    return _first_come(problem, params, "greedy", False, tables)


def hierarchy_first_disposition(
    problem: DispositionProblem, params: DispositionParams, *, tables: ValueTables | None = None
) -> DispositionResult:
    """Each unit, in batch order, takes the open option highest in the waste hierarchy (the
    best by objective among equals) that still has capacity."""
    return _first_come(problem, params, "hierarchy_first", True, tables)
