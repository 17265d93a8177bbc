"""The one place of this engine that talks to HiGHS: solve a minimisation MIP given in
column-wise form, from a starting solution."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np
import numpy.typing as npt

from revalo.engines.disposition.highs_model import highs_lp, quiet_solver, status_name

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class Mip:
    """min cost.x  s.t.  row_lower <= A x <= row_upper, col_lower <= x <= col_upper, the
    columns marked ``integer`` integral. A is column-wise (``start``, ``index``, ``value``)."""

    cost: FloatArray
    col_lower: FloatArray
    col_upper: FloatArray
    integer: npt.NDArray[np.bool_]
    start: IntArray
    index: IntArray
    value: FloatArray
    row_lower: FloatArray
    row_upper: FloatArray


@dataclass(frozen=True, slots=True)
class MipSolution:
    #: "optimal", "time_limit", "infeasible" or another HiGHS model status, in lower case.
    status: str
    x: FloatArray | None
    gap: float


def solve(
    model: Mip,
    *,
    then: tuple[FloatArray, int] | None,
    start: FloatArray | None,
    rounding: Callable[[FloatArray], FloatArray | None] | None = None,
    bound: float | None = None,
    time_limit_s: float,
    mip_gap: float,
    seed: int,
) -> MipSolution:
    """Minimise ``model.cost``; with ``then`` = (cost, row), keep that first objective at
    its best (``row`` holds its coefficients) and minimise the second one, started from
    ``rounding`` of its LP relaxation when that is better than the first turn's solution.
    The first stage gets up to half of the time; it is not run when the start reaches
    ``bound``, the best its objective can be."""
    began = time.perf_counter()
    h: Any = quiet_solver()
    h.setOptionValue("mip_rel_gap", float(mip_gap))
    h.setOptionValue("random_seed", int(seed))
    h.passModel(_lp(model))
    budget = time_limit_s / 2 if then is not None else time_limit_s
    if start is not None and bound is not None and model.cost @ start <= bound + 1e-9:
        first = MipSolution("optimal", start, 0.0)  # the start reaches the bound already
    else:
        first = _run(h, start, budget)
    if then is None or first.x is None:
        return first
    cost, row = then
    best = float(model.cost @ first.x)
    kept = best + 1e-6 * max(1.0, abs(best))
    h.changeRowBounds(row, -highspy.kHighsInf, kept)
    n = len(cost)
    columns = np.arange(n, dtype=np.int32)
    h.changeColsCost(n, columns, cost)
    start_x = first.x
    if rounding is not None:
        # The second turn's LP relaxation, rounded, often starts it far better.
        kinds = highspy.HighsVarType
        h.changeColsIntegrality(n, columns, [kinds.kContinuous] * n)
        relaxed = _run(h, None, max(0.05, time_limit_s - (time.perf_counter() - began)))
        h.changeColsIntegrality(
            n, columns, [kinds.kInteger if i else kinds.kContinuous for i in model.integer]
        )
        rounded = rounding(relaxed.x) if relaxed.x is not None else None
        if rounded is not None and model.cost @ rounded <= kept and cost @ rounded < cost @ start_x:
            start_x = rounded
    left = max(0.05, time_limit_s - (time.perf_counter() - began))
    second = _run(h, start_x, left)
    if second.x is None:  # nothing better found (or HiGHS failed): the start, as it says
        return MipSolution(second.status, start_x, first.gap)
    gap = max(first.gap, second.gap)
    status = "optimal" if first.status == second.status == "optimal" else "time_limit"
    return MipSolution(status, second.x, gap)


def _lp(model: Mip) -> Any:
    return highs_lp(
        model.cost,
        model.col_lower,
        model.col_upper,
        model.row_lower,
        model.row_upper,
        (model.start, model.index, model.value),
        model.integer,
        maximise=False,
    )


def _run(h: Any, start: FloatArray | None, time_limit_s: float) -> MipSolution:
    h.setOptionValue("time_limit", float(time_limit_s))
    if start is not None:
        sol = highspy.HighsSolution()
        sol.col_value = list(start)
        h.setSolution(sol)
    # HiGHS's thread count is not set here: the first solve of a process fixes it for every
    # later one, and an instance asking for another count fails to run.
    h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    x = np.array(h.getSolution().col_value) if has_solution else None
    name = status_name(h, status)
    return MipSolution(name, x, float(info.mip_gap) if has_solution else float("inf"))
