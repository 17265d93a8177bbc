"""The day's assignment as a MIP on HiGHS, over classes of alike tasks.

Tasks of the same zone, time, priority, equipment and the same people able to do them are
interchangeable: the model counts how many of each class each person gets (``x[c, p]``,
integer), whether a person works in a zone at all (``y[p, z]``, binary: one walk there and
back) and the busiest person's share of their hours (``H``), under each person's hours,
each truck's hours and each class's size. It is solved in two turns, from the greedy
baseline's assignment as a start: first the most tasks done (weighted by priority), then,
keeping that, ``balance_weight * H * mean hours + walk_weight * hours walked`` the least.
Within a class the longest waiting tasks are given first.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from revalo.engines.floor_assignment.greedy import greedy_assignment
from revalo.engines.floor_assignment.highs_model import Mip, solve
from revalo.engines.floor_assignment.params import AssignmentParams
from revalo.engines.floor_assignment.problem import (
    AssignmentProblem,
    AssignmentResult,
    TaskSpec,
    plan,
)


@dataclass(frozen=True, slots=True)
class _Class:
    zone: str
    hours: float
    priority: int
    equipment: frozenset[str]
    eligible: tuple[int, ...]
    tasks: tuple[TaskSpec, ...]


def _classes(problem: AssignmentProblem) -> list[_Class]:
    index = {p.login: i for i, p in enumerate(problem.people)}
    groups: dict[tuple[str, float, int, frozenset[str], tuple[int, ...]], list[TaskSpec]]
    groups = defaultdict(list)
    for t in problem.tasks:
        if t.eligible:
            people = tuple(sorted(index[login] for login in t.eligible))
            groups[(t.zone, round(t.hours, 9), t.priority, t.equipment, people)].append(t)
    return [
        _Class(zone, hours, priority, equipment, people, tuple(sorted(ts, key=_oldest)))
        for (zone, hours, priority, equipment, people), ts in groups.items()
    ]


def _oldest(t: TaskSpec) -> tuple[float, int]:
    return (-t.waited_h, t.id)


class _Matrix:
    """The MIP's columns and its coefficients as (row, column, value) triplets."""

    def __init__(self) -> None:
        self.cost: list[float] = []
        self.upper: list[float] = []
        self.integer: list[bool] = []
        self.entries: list[tuple[int, int, float]] = []

    def column(self, cost: float, upper: float, integer: bool) -> int:
        self.cost.append(cost)
        self.upper.append(upper)
        self.integer.append(integer)
        return len(self.cost) - 1

    def put(self, row: int, col: int, value: float) -> None:
        self.entries.append((row, col, value))

    def mip(
        self, lower_bounds: dict[int, float], row_lower: list[float], row_upper: list[float]
    ) -> Mip:
        n = len(self.cost)
        rows = np.array([r for r, _, _ in self.entries], dtype=np.int64)
        cols = np.array([c for _, c, _ in self.entries], dtype=np.int64)
        vals = np.array([v for _, _, v in self.entries], dtype=np.float64)
        order = np.lexsort((rows, cols))
        start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(cols, minlength=n), out=start[1:])
        col_lower = np.zeros(n)
        for col, value in lower_bounds.items():
            col_lower[col] = value
        return Mip(
            cost=np.array(self.cost),
            col_lower=col_lower,
            col_upper=np.array(self.upper),
            integer=np.array(self.integer, dtype=np.bool_),
            start=start,
            index=rows[order],
            value=vals[order],
            row_lower=np.array(row_lower),
            row_upper=np.array(row_upper),
        )


def solve_assignment(
    problem: AssignmentProblem, params: AssignmentParams, *, seed: int = 0
) -> AssignmentResult:
    """The day's assignment: every task to someone who may do it, the load even and the
    walking short.

    Parameters
    ----------
    problem
        The open tasks (each with who may do it) and the people on shift.
    params
        The objective's weights and the solver's limits.
    seed
        HiGHS's random seed: the same seed gives the same assignment.

    Returns
    -------
    AssignmentResult
        Status ``optimal`` or ``time_limit`` (the best found in time, never worse than
        the greedy start); ``greedy`` when there is nothing to decide.
    """
    began = time.perf_counter()
    baseline = greedy_assignment(problem)
    classes = _classes(problem)
    if not classes:
        return plan(problem, {}, status="greedy", run_time_s=time.perf_counter() - began)
    people = problem.people
    n_c, n_p = len(classes), len(people)
    m = _Matrix()
    row_lower: list[float] = [0.0] * n_c + [-np.inf] * (2 * n_p)
    row_upper: list[float] = [float(len(c.tasks)) for c in classes]
    row_upper += [p.max_hours - p.booked_hours for p in people]
    row_upper += [-p.booked_hours for p in people]

    def new_row(upper: float) -> int:
        row_lower.append(-np.inf)
        row_upper.append(upper)
        return len(row_upper) - 1

    equipment_row = {
        e: new_row(limit)
        for e, limit in sorted(problem.equipment_h.items())
        if any(e in c.equipment for c in classes)
    }
    # y[p, z]: the person works in the zone (one walk there and back).
    y: dict[tuple[int, str], int] = {}
    fixed: dict[int, float] = {}
    second: dict[int, float] = {}

    def zone_column(pi: int, zone: str) -> int:
        if (pi, zone) not in y:
            walk = problem.walk(zone)
            col = m.column(0.0, 1.0, True)
            second[col] = params.walk_weight * walk
            m.put(n_c + pi, col, walk)
            m.put(n_c + n_p + pi, col, walk)
            y[(pi, zone)] = col
        return y[(pi, zone)]

    for pi, p in enumerate(people):
        for z in p.booked_zones:
            fixed[zone_column(pi, z)] = 1.0
    # The first turn's objective, kept by the second turn as a row.
    done_row = new_row(np.inf)
    x: dict[tuple[int, int], int] = {}
    zone_row: dict[tuple[int, str], int] = {}
    for ci, c in enumerate(classes):
        reward = params.priority_weights[c.priority - 1]
        size = float(len(c.tasks))
        for pi in c.eligible:
            col = m.column(-reward, size, True)
            x[(ci, pi)] = col
            m.put(ci, col, 1.0)
            m.put(done_row, col, -reward)
            m.put(n_c + pi, col, c.hours)
            m.put(n_c + n_p + pi, col, c.hours)
            for e in c.equipment:
                if e in equipment_row:
                    m.put(equipment_row[e], col, c.hours)
            # Hours in a zone only for whoever works in it: one row per person and zone.
            key = (pi, c.zone)
            if key not in zone_row:
                zone_row[key] = new_row(0.0)
                m.put(zone_row[key], zone_column(pi, c.zone), -people[pi].max_hours)
            m.put(zone_row[key], col, c.hours)
    mean_max = sum(p.max_hours for p in people) / n_p
    h_col = m.column(0.0, 1.0, False)
    second[h_col] = params.balance_weight * mean_max
    for pi, p in enumerate(people):
        m.put(n_c + n_p + pi, h_col, -p.max_hours)
    model = m.mip(fixed, row_lower, row_upper)
    start = _start(problem, classes, baseline, x, y, h_col, len(m.cost))
    left = max(0.05, params.time_limit_s - (time.perf_counter() - began))
    then = np.zeros(len(m.cost))
    for col, value in second.items():
        then[col] = value

    def rounding(relaxed: np.ndarray) -> np.ndarray:
        """The relaxation's whole parts, kept while they fit, completed by the greedy."""
        fixed: dict[int, str] = {}
        room = {p.login: p.max_hours - p.booked_hours for p in people}
        for ci, c in enumerate(classes):
            queue = iter(c.tasks)
            for pi in c.eligible:
                for _ in range(int(relaxed[x[(ci, pi)]] + 1e-6)):
                    if room[people[pi].login] < c.hours:
                        break
                    room[people[pi].login] -= c.hours
                    fixed[next(queue).id] = people[pi].login
        done = greedy_assignment(problem, fixed=fixed)
        return _start(problem, classes, done, x, y, h_col, len(m.cost))

    out = solve(
        model,
        then=(then, done_row),
        rounding=rounding,
        # Every task someone may do, done: the first turn can do no better.
        bound=-sum(params.priority_weights[c.priority - 1] * len(c.tasks) for c in classes),
        start=start,
        time_limit_s=left,
        mip_gap=params.mip_gap,
        seed=seed,
    )
    if out.x is None:
        return plan(
            problem, baseline.assigned, status=out.status, run_time_s=time.perf_counter() - began
        )
    assigned: dict[int, str] = {}
    for ci, c in enumerate(classes):
        queue = iter(c.tasks)
        for pi in c.eligible:
            for _ in range(round(out.x[x[(ci, pi)]])):
                assigned[next(queue).id] = people[pi].login
    return plan(
        problem,
        assigned,
        status=out.status,
        run_time_s=time.perf_counter() - began,
        gap=out.gap,
    )


def _start(
    problem: AssignmentProblem,
    classes: list[_Class],
    baseline: AssignmentResult,
    x: dict[tuple[int, int], int],
    y: dict[tuple[int, str], int],
    h_col: int,
    n: int,
) -> np.ndarray:
    """An assignment (the greedy baseline's, or a completed rounding) as a solution of the
    model."""
    value = np.zeros(n)
    index = {p.login: i for i, p in enumerate(problem.people)}
    of_task = {t.id: ci for ci, c in enumerate(classes) for t in c.tasks}
    for task_id, login in baseline.assigned.items():
        value[x[(of_task[task_id], index[login])]] += 1
    for p in baseline.plans:
        for z in p.zones:
            if (index[p.login], z) in y:
                value[y[(index[p.login], z)]] = 1.0
    value[h_col] = max((p.hours / p.max_hours for p in baseline.plans), default=0.0)
    return value
