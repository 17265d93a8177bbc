"""The day's assignment of a site's open tasks to the people on shift: the problem and its
result.

Who may do a task is given, not decided here: the service asks the floor's one check
(``FloorTask.ensure_qualified`` / ``TeamMember.missing``) and passes, for every task, the
people on shift who hold every qualification and PPE item it needs. The engine keeps to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from revalo.domain.errors import InvalidValue

#: Why a task is left open.
NOBODY = "nobody on the shift holds what it needs"
NO_TIME = "those who may do it have no hours left"
NO_TRUCK = "the trucks it needs are fully planned"


@dataclass(frozen=True, slots=True)
class TaskSpec:
    id: int
    zone: str
    #: Its standard time, hours.
    hours: float
    #: 1 urgent, 2 high, 3 normal.
    priority: int = 3
    #: How long it has waited, hours: the longest waiting go first within a priority.
    waited_h: float = 0.0
    equipment: frozenset[str] = frozenset()
    #: The logins of those on shift who may do it (the floor's check said so).
    eligible: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.hours <= 0:
            raise InvalidValue(f"task {self.id} needs a positive time, not {self.hours}")
        if self.priority not in (1, 2, 3):
            raise InvalidValue(f"task {self.id} priority {self.priority} must be 1, 2 or 3")


@dataclass(frozen=True, slots=True)
class PersonSpec:
    login: str
    max_hours: float
    #: Hours of the tasks they hold already (assigned or started), and those tasks' zones.
    booked_hours: float = 0.0
    booked_zones: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.max_hours <= 0 or self.booked_hours < 0:
            raise InvalidValue(f"{self.login}: hours must be positive")


@dataclass(frozen=True, slots=True)
class AssignmentProblem:
    tasks: tuple[TaskSpec, ...]
    people: tuple[PersonSpec, ...]
    #: Hours of a walk from the dock to each zone and back (a zone not named: none).
    walk_h: Mapping[str, float] = field(default_factory=dict)
    #: Hours each kind of equipment can work on the shift (a kind not named: no limit).
    equipment_h: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        logins = [p.login for p in self.people]
        if len(set(logins)) != len(logins):
            raise InvalidValue("a person is on the shift twice")
        ids = [t.id for t in self.tasks]
        if len(set(ids)) != len(ids):
            raise InvalidValue("a task is in the problem twice")
        known = set(logins)
        for t in self.tasks:
            if not t.eligible <= known:
                raise InvalidValue(f"task {t.id} names people not on the shift")

    def walk(self, zone: str) -> float:
        return self.walk_h.get(zone, 0.0)


@dataclass(frozen=True, slots=True)
class PersonPlan:
    login: str
    #: Planned hours: the tasks held already, the new ones and the walks to their zones.
    hours: float
    max_hours: float
    tasks: tuple[int, ...]
    zones: tuple[str, ...]
    walk_h: float


@dataclass(frozen=True, slots=True)
class AssignmentResult:
    #: "optimal", "time_limit" (the best found in time), "greedy", or a HiGHS status.
    status: str
    #: Task id -> login.
    assigned: Mapping[int, str]
    #: Task id -> why it is left open.
    unassigned: Mapping[int, str]
    plans: tuple[PersonPlan, ...]
    run_time_s: float = 0.0
    gap: float = 0.0

    def __post_init__(self) -> None:
        if self.assigned.keys() & self.unassigned.keys():
            raise InvalidValue("a task is both assigned and left open")
        planned = sorted(t for p in self.plans for t in p.tasks)
        if planned != sorted(self.assigned):
            raise InvalidValue("the plans do not hold exactly the assigned tasks")
        for p in self.plans:
            if p.hours > p.max_hours + 1e-6:
                raise InvalidValue(f"{p.login} is planned {p.hours:.2f} h, over {p.max_hours}")

    @property
    def spread(self) -> float:
        """The busiest person's planned hours over the mean (1: even; 0: nothing planned)."""
        hours = [p.hours for p in self.plans]
        mean = sum(hours) / len(hours) if hours else 0.0
        return max(hours) / mean if mean > 0 else 0.0

    @property
    def walk_h(self) -> float:
        return sum(p.walk_h for p in self.plans)


def check_assignment(problem: AssignmentProblem, assigned: Mapping[int, str]) -> None:
    """Raise when a task is given to someone not eligible, or a person over their hours, or
    a kind of equipment over its hours."""
    tasks = {t.id: t for t in problem.tasks}
    for task_id, login in assigned.items():
        if login not in tasks[task_id].eligible:
            raise InvalidValue(f"task {task_id} is given to {login}, who may not do it")
    for e, limit in problem.equipment_h.items():
        used = sum(tasks[i].hours for i in assigned if e in tasks[i].equipment)
        if used > limit + 1e-6:
            raise InvalidValue(f"{e} is planned {used:.2f} h, over its {limit:.2f} h")


def plan(
    problem: AssignmentProblem,
    assigned: Mapping[int, str],
    *,
    status: str,
    run_time_s: float = 0.0,
    gap: float = 0.0,
) -> AssignmentResult:
    """The result of an assignment: each person's plan, and why each task left is left."""
    check_assignment(problem, assigned)
    tasks = {t.id: t for t in problem.tasks}
    plans = []
    for p in problem.people:
        mine = sorted(i for i, login in assigned.items() if login == p.login)
        zones = sorted(p.booked_zones | {tasks[i].zone for i in mine})
        walk = sum(problem.walk(z) for z in zones)
        hours = p.booked_hours + sum(tasks[i].hours for i in mine) + walk
        plans.append(PersonPlan(p.login, hours, p.max_hours, tuple(mine), tuple(zones), walk))
    left = {
        t.id: _why_left(problem, t, assigned, plans) for t in problem.tasks if t.id not in assigned
    }
    return AssignmentResult(status, dict(assigned), left, tuple(plans), run_time_s, gap)


def _why_left(
    problem: AssignmentProblem,
    task: TaskSpec,
    assigned: Mapping[int, str],
    plans: list[PersonPlan],
) -> str:
    if not task.eligible:
        return NOBODY
    tasks = {t.id: t for t in problem.tasks}
    for e in task.equipment:
        limit = problem.equipment_h.get(e)
        used = sum(tasks[i].hours for i in assigned if e in tasks[i].equipment)
        if limit is not None and used + task.hours > limit + 1e-6:
            return NO_TRUCK
    return NO_TIME
