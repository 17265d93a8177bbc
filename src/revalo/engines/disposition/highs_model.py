"""The one place that talks to HiGHS: solve a maximisation MIP given in column-wise form."""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np

from revalo.engines.disposition.problem import FloatArray, IntArray


@dataclass(frozen=True, eq=False)
class MipModel:
    """max cost.x  s.t.  row_lower <= A x <= row_upper, 0 <= x <= col_upper, x integer.
    A is column-wise: column j has rows ``index[start[j]:start[j+1]]``, with the
    coefficients ``value[start[j]:start[j+1]]`` (all 1 when ``value`` is None)."""

    cost: FloatArray
    col_upper: FloatArray
    start: IntArray
    index: IntArray
    row_lower: FloatArray
    row_upper: FloatArray
    value: FloatArray | None = None


@dataclass(frozen=True, slots=True)
class MipOutcome:
    #: "optimal", "time_limit", "infeasible" or another HiGHS model status, in lower case.
    status: str
    x: FloatArray | None
    objective: float
    bound: float
    gap: float


_first = threading.Lock()
_banner_shown = False


def quiet_solver() -> Any:
    """A HiGHS instance that prints nothing (the network and floor-assignment engines'
    adapters take their instances here too: one guard per process). The library writes its
    banner (version and copyright) straight to the standard output when the first instance
    of a process is made, before any option can be set: that once, the output file
    descriptor points to the null device, so that no banner lands in a summary or a piped
    output."""
    global _banner_shown
    with _first:
        if _banner_shown:
            h = highspy.Highs()  # type: ignore[no-untyped-call]
        else:
            sys.stdout.flush()
            saved = os.dup(1)
            try:
                with open(os.devnull, "wb") as null:
                    os.dup2(null.fileno(), 1)
                    h = highspy.Highs()  # type: ignore[no-untyped-call]
            finally:
                os.dup2(saved, 1)
                os.close(saved)
            _banner_shown = True
    h.setOptionValue("output_flag", False)
    return h


def solve_mip(model: MipModel, *, time_limit_s: float, mip_gap: float, seed: int) -> MipOutcome:
    h = quiet_solver()
    h.setOptionValue("time_limit", float(time_limit_s))
    h.setOptionValue("mip_rel_gap", float(mip_gap))
    h.setOptionValue("random_seed", int(seed))
    n = len(model.cost)
    lp = highs_lp(
        model.cost,
        np.zeros(n),
        model.col_upper,
        model.row_lower,
        model.row_upper,
        (
            model.start,
            model.index,
            model.value if model.value is not None else np.ones(len(model.index)),
        ),
        np.ones(n, dtype=np.bool_),
        maximise=True,
    )
    h.passModel(lp)
    h.run()
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    x = np.array(h.getSolution().col_value) if has_solution else None
    return MipOutcome(
        status=status_name(h),
        x=x,
        objective=float(info.objective_function_value) if has_solution else float("-inf"),
        bound=float(info.mip_dual_bound),
        gap=float(info.mip_gap),
    )


def status_name(h: Any, status: Any = None) -> str:
    """The model status (``status``, else the solved instance's) in lower case: "optimal",
    "time_limit", "infeasible" or HiGHS's own wording."""
    if status is None:
        status = h.getModelStatus()
    names = {
        highspy.HighsModelStatus.kOptimal: "optimal",
        highspy.HighsModelStatus.kTimeLimit: "time_limit",
        highspy.HighsModelStatus.kInfeasible: "infeasible",
    }
    return names.get(status) or str(h.modelStatusToString(status)).lower().replace(" ", "_")


def highs_lp(
    cost: FloatArray,
    col_lower: FloatArray,
    col_upper: FloatArray,
    row_lower: FloatArray,
    row_upper: FloatArray,
    columns: tuple[IntArray, IntArray, FloatArray],
    integer: Any,
    *,
    maximise: bool,
) -> Any:
    """A HiGHS model: its matrix column-wise (``columns``: start, index, value), the
    columns marked in ``integer`` integral."""
    start, index, value = columns
    n = len(cost)
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(row_lower)
    lp.col_cost_ = cost
    lp.col_lower_ = col_lower
    lp.col_upper_ = col_upper
    lp.row_lower_ = row_lower
    lp.row_upper_ = row_upper
    lp.sense_ = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = start.astype(np.int32)
    lp.a_matrix_.index_ = index.astype(np.int32)
    lp.a_matrix_.value_ = value
    kinds = highspy.HighsVarType
    lp.integrality_ = [kinds.kInteger if i else kinds.kContinuous for i in integer]
    return lp
