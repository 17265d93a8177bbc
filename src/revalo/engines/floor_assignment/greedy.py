"""The baseline: the tasks one by one, the most urgent and longest waiting first, each to
the least loaded person who may do it and has the time."""

from __future__ import annotations

import time
from collections.abc import Mapping

from revalo.engines.floor_assignment.problem import AssignmentProblem, AssignmentResult, plan

_EPS = 1e-9


def greedy_assignment(
    problem: AssignmentProblem, *, fixed: Mapping[int, str] | None = None
) -> AssignmentResult:
    """Each task, by priority then the longest waiting, goes to whoever may do it, has the
    hours left (the walk to its zone included when it is a new zone for them) and the truck
    it needs free, the least loaded for their hours first. ``fixed``: tasks given already
    (a rounded solution to complete), kept as they are."""
    started = time.perf_counter()
    people = {p.login: p for p in problem.people}
    tasks = {t.id: t for t in problem.tasks}
    hours = {
        p.login: p.booked_hours + sum(problem.walk(z) for z in p.booked_zones)
        for p in problem.people
    }
    zones = {p.login: set(p.booked_zones) for p in problem.people}
    truck_left = dict(problem.equipment_h)
    assigned: dict[int, str] = {}

    def give(task_id: int, login: str) -> None:
        task = tasks[task_id]
        hours[login] += task.hours + (0.0 if task.zone in zones[login] else problem.walk(task.zone))
        zones[login].add(task.zone)
        for e in task.equipment:
            if e in truck_left:
                truck_left[e] -= task.hours
        assigned[task_id] = login

    for task_id, login in (fixed or {}).items():
        give(task_id, login)
    for task in sorted(problem.tasks, key=lambda t: (t.priority, -t.waited_h, t.id)):
        if task.id in assigned:
            continue
        if any(truck_left.get(e, task.hours) < task.hours - _EPS for e in task.equipment):
            continue
        best: tuple[float, str] | None = None
        for login in task.eligible:
            extra = task.hours + (0.0 if task.zone in zones[login] else problem.walk(task.zone))
            after = hours[login] + extra
            if after > people[login].max_hours + _EPS:
                continue
            key = (after / people[login].max_hours, login)
            if best is None or key < best:
                best = key
        if best is not None:
            give(task.id, best[1])
    return plan(problem, assigned, status="greedy", run_time_s=time.perf_counter() - started)
