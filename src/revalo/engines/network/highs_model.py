"""The one place of the network engine that talks to HiGHS: solve a minimisation MIP (or LP)
given in column-wise sparse form, noting when the first feasible plan was found. Its HiGHS
instances come quiet from the disposition engine's adapter (one banner guard per process)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np
from numpy.typing import NDArray

from revalo.engines.disposition.highs_model import quiet_solver, status_name

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class SparseMip:
    """min cost.x  s.t.  row_lower <= A x <= row_upper, col_lower <= x <= col_upper, x[j]
    integer where ``integer[j]``. A is column-wise: column j has rows
    ``index[start[j]:start[j+1]]`` with coefficients ``value[start[j]:start[j+1]]``."""

    cost: FloatArray
    col_lower: FloatArray
    col_upper: FloatArray
    integer: BoolArray
    start: IntArray
    index: IntArray
    value: FloatArray
    row_lower: FloatArray
    row_upper: FloatArray


@dataclass(frozen=True, slots=True)
class MipOutcome:
    #: "optimal", "time_limit", "infeasible" or another HiGHS model status, in lower case.
    status: str
    x: FloatArray | None
    objective: float
    bound: float
    gap: float
    #: Seconds from the start of the solve to the first feasible plan (None: none found).
    first_feasible_s: float | None
    runtime_s: float


def solve_sparse(
    model: SparseMip,
    *,
    time_limit_s: float,
    mip_gap: float,
    seed: int,
    threads: int | None = None,
    start: FloatArray | None = None,
) -> MipOutcome:
    """Solve the model; a time-out with a plan in hand is "time_limit" with its gap.
    ``start``: a feasible plan to start from (its values per column)."""
    h = quiet_solver()
    h.setOptionValue("time_limit", float(time_limit_s))
    h.setOptionValue("mip_rel_gap", float(mip_gap))
    h.setOptionValue("random_seed", int(seed))
    if threads is not None:
        h.setOptionValue("threads", int(threads))
    n = len(model.cost)
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(model.row_lower)
    lp.col_cost_ = model.cost
    lp.col_lower_ = model.col_lower
    lp.col_upper_ = model.col_upper
    lp.row_lower_ = model.row_lower
    lp.row_upper_ = model.row_upper
    lp.sense_ = highspy.ObjSense.kMinimize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = model.start.astype(np.int32)
    lp.a_matrix_.index_ = model.index.astype(np.int32)
    lp.a_matrix_.value_ = model.value
    is_mip = bool(model.integer.any())
    if is_mip:
        kinds = np.where(model.integer, 1, 0).astype(np.uint8)
        lp.integrality_ = [highspy.HighsVarType(int(k)) for k in kinds]
    h.passModel(lp)
    if start is not None:
        given = highspy.HighsSolution()
        given.col_value = list(start)
        given.value_valid = True
        h.setSolution(given)
    started = time.perf_counter()
    found: list[float] = []
    if is_mip:

        def note(_event: Any) -> None:
            if not found:
                found.append(time.perf_counter() - started)

        h.cbMipImprovingSolution.subscribe(note)
    h.run()
    runtime = time.perf_counter() - started
    info = h.getInfo()
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    x = np.array(h.getSolution().col_value) if has_solution else None
    name = status_name(h)
    objective = float(info.objective_function_value) if has_solution else float("inf")
    if not is_mip:
        bound, gap = objective, 0.0
        first = runtime if has_solution else None
    else:
        bound, gap = float(info.mip_dual_bound), float(info.mip_gap)
        first = found[0] if found else (runtime if has_solution else None)
    return MipOutcome(
        status=name,
        x=x,
        objective=objective,
        bound=bound,
        gap=gap,
        first_feasible_s=first,
        runtime_s=runtime,
    )
