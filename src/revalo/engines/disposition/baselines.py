"""Baselines the optimiser is compared with: each unit, in turn, takes its own preferred
option that still has capacity; the turn is the batch's order (first come, first served) or
the units' regret (who loses most by missing their best option goes first)."""

from __future__ import annotations

import heapq
import time

import numpy as np

from revalo.domain.disposition import DispositionRoute
from revalo.engines.disposition.batch import ValueTables, build_tables, score_batch
from revalo.engines.disposition.capacity import TOLERANCE, resources
from revalo.engines.disposition.params import DispositionParams
from revalo.engines.disposition.problem import (
    BoolArray,
    DispositionProblem,
    FloatArray,
    IntArray,
)
from revalo.engines.disposition.solve import DispositionResult, totals

_R = DispositionRoute
#: The order a hierarchy-first rule table tries the routes in: the rungs of the R-ladder of
#: circular strategies (Potting, Hekkert, Worrell, Hanemaaijer, "Circular Economy:
#: Measuring Innovation in the Product Chain", PBL Netherlands Environmental Assessment
#: Agency, 2017: R3 re-use, R4 repair, R5 refurbish, R6 remanufacture (parts in new
#: products), R8 recycle, R9 recover), disposal last as in the waste hierarchy (Directive
#: 2008/98/EC art. 4). Re-use as it is comes before repair, repair before refurbishment.
R_LADDER: dict[DispositionRoute, int] = {
    _R.RESTOCK: 3, _R.RESELL: 3, _R.RETURN_TO_VENDOR: 3, _R.DONATE: 3, _R.REPAIR: 4,
    _R.REFURBISH: 5, _R.HARVEST_PARTS: 6, _R.RECYCLE: 8, _R.DISPOSE: 10,
}  # fmt: skip


def _first_come(
    problem: DispositionProblem,
    params: DispositionParams,
    status: str,
    hierarchy_first: bool,
    tables: ValueTables | None,
    by_regret: bool = False,
) -> DispositionResult:
    started = time.perf_counter()
    tables = tables if tables is not None else build_tables(problem, params)
    scores = score_batch(problem, params, tables)
    res = resources(problem, tables.options, params)
    by_unit: FloatArray = scores.objective()
    uses = [np.array(u, dtype=np.int64) for u in res.uses]
    # What each unit takes of each resource (unit counts, or its category's hours of work).
    takes = res.per_unit[problem.units.product]
    if by_regret:
        assignment = _by_regret(by_unit, uses, takes, res.limit.copy())
    else:
        if hierarchy_first:
            # The ladder's rung first (lower is first), objective second.
            rung = np.array([R_LADDER[o.route] for o in tables.options], dtype=np.float64)
            ranked = np.lexsort((-by_unit, np.broadcast_to(rung, by_unit.shape)), axis=1)
        else:
            ranked = np.argsort(-by_unit, axis=1, kind="stable")
        assignment = _in_turn(by_unit, ranked, uses, takes, res.limit.copy())
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


def _fits(left: FloatArray, need: IntArray, take: FloatArray) -> bool:
    """Whether a unit taking ``take`` of the resources ``need`` still fits in them (hours
    summed in floating point may fall short of a whole share by a rounding)."""
    return bool((left[need] >= take[need] - TOLERANCE).all())


def _in_turn(
    by_unit: FloatArray,
    ranked: IntArray,
    uses: list[IntArray],
    takes: FloatArray,
    left: FloatArray,
) -> IntArray:
    """Each unit in the batch's order takes the first of its ranked options still open."""
    assignment = np.full(len(by_unit), -1, dtype=np.int64)
    for u in range(len(by_unit)):
        row = by_unit[u]
        for o in ranked[u]:
            if row[o] == -np.inf:
                continue
            need = uses[o]
            if _fits(left, need, takes[u]):
                left[need] -= takes[u][need]
                assignment[u] = o
                break
    return assignment


def _by_regret(
    by_unit: FloatArray, uses: list[IntArray], takes: FloatArray, left: FloatArray
) -> IntArray:
    """The unit that loses most by missing its best option still open (its best value less
    its second best's; all of it when it has one only) goes next and takes its best.

    A unit's regret changes only when one of its options closes, so the regrets wait in a
    heap and are checked when they come up: one that changed goes back with its new value.
    """
    n, k = by_unit.shape
    assignment = np.full(n, -1, dtype=np.int64)
    # An option is open to a unit while every resource it takes has the unit's share left.
    # A resource may concern some units only (a channel's demand for one category: the
    # others take none of it), so one used up closes the option to those units only.
    width = max((len(need) for need in uses), default=0)
    padded = np.full((k, max(width, 1)), len(left), dtype=np.int64)  # the last: no limit
    for o, need in enumerate(uses):
        padded[o, : len(need)] = need

    def fits(u: int) -> BoolArray:
        room = np.append(left, np.inf)[padded]
        take = np.append(takes[u], 0.0)[padded]
        fit: BoolArray = np.asarray((room >= take - TOLERANCE).all(axis=1))
        return fit

    def regret(u: int) -> tuple[float, int]:
        row = np.where(fits(u), by_unit[u], -np.inf)
        if k == 0 or not np.isfinite(row).any():
            return -np.inf, -1
        best = int(np.argmax(row))
        second = float(np.max(np.delete(row, best))) if k > 1 else -np.inf
        return (np.inf if second == -np.inf else float(row[best]) - second), best

    heap: list[tuple[float, float, int]] = []
    for u in range(n):
        r, best = regret(u)
        if best >= 0:
            heap.append((-r, -float(by_unit[u, best]), u))
    heapq.heapify(heap)
    while heap:
        stored, _, u = heapq.heappop(heap)
        r, best = regret(u)
        if best < 0:
            continue  # every option it had is full: the unit waits
        if -r > stored and heap and -r > heap[0][0]:
            heapq.heappush(heap, (-r, -float(by_unit[u, best]), u))
            continue
        need = uses[best]
        left[need] -= takes[u][need]
        assignment[u] = best
    return assignment


def greedy_disposition(
    problem: DispositionProblem, params: DispositionParams, *, tables: ValueTables | None = None
) -> DispositionResult:
    """Each unit, in batch order, takes its own best open option (by objective) that still
    has capacity; a unit finding none waits. ``tables`` as in :func:`solve_disposition`."""
    return _first_come(problem, params, "greedy", False, tables)


def hierarchy_first_disposition(
    problem: DispositionProblem, params: DispositionParams, *, tables: ValueTables | None = None
) -> DispositionResult:
    """Each unit, in batch order, takes the open option first on the R-ladder (re-use as it
    is, then repair, refurbishment, parts, recycling, disposal; the best by objective among
    equals) that still has capacity: the rule table of a hierarchy-first policy."""
    return _first_come(problem, params, "hierarchy_first", True, tables)


def regret_greedy_disposition(
    problem: DispositionProblem, params: DispositionParams, *, tables: ValueTables | None = None
) -> DispositionResult:
    """The units by regret, the largest first (the loss if a unit misses its best option:
    its best option's value less its second best's), each taking its own best open option
    that still has capacity; a unit finding none waits. The strong simple baseline: it
    gives a bench to the unit that needs it most, not to the one that came first."""
    return _first_come(problem, params, "regret_greedy", False, tables, by_regret=True)
