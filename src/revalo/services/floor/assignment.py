"""The day's assignment of a site's open tasks to the people on shift, proposed by the
assignment engine and accepted by the supervisor.

Who may do a task is the floor's one check (``TeamMember.missing``: every qualification and
PPE item the task needs, valid on the day; the member at the task's site), asked here for
every pair and handed to the engine. Accepting gives each task through ``assign_task``, its
row locked, and only while nobody holds it: a task taken meanwhile, or a member whose
qualification has lapsed since, is reported and the rest is assigned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from revalo.domain.errors import DomainError, InvalidValue, PermissionDenied
from revalo.domain.floor.tasks import FloorTask, TaskState
from revalo.domain.floor.team import Shift, TeamMember
from revalo.domain.people import Permission, User
from revalo.engines.floor_assignment import (
    AssignmentParams,
    AssignmentProblem,
    AssignmentResult,
    PersonSpec,
    TaskSpec,
    greedy_assignment,
    load_params,
    solve_assignment,
)
from revalo.services.common import get_site, when
from revalo.services.floor.ports import TaskFilter
from revalo.services.floor.tasks import LIVE, assign_task
from revalo.services.guard import needs, reads
from revalo.services.ports import UnitOfWork

#: The most tasks of a site one proposal looks at.
MAX_TASKS = 5000
#: When each shift starts (hour, UTC): morning 6-14, afternoon 14-22, night 22-6.
SHIFT_STARTS = ((6, Shift.MORNING), (14, Shift.AFTERNOON), (22, Shift.NIGHT))


@lru_cache(maxsize=1)
def default_params() -> AssignmentParams:
    return load_params()


def shift_at(at: datetime) -> Shift:
    """The shift working at that time."""
    current = Shift.NIGHT
    for hour, shift in SHIFT_STARTS:
        if at.hour >= hour:
            current = shift
    return current


def may_do(task: FloorTask, member: TeamMember, day: date) -> bool:
    """The floor's check, as a yes or no: the member works at the task's site and holds
    every qualification and PPE item it needs, valid on the day."""
    return member.site_code == task.site_code and not member.missing(task.needs, task.ppe, day)


def task_hours(task: FloorTask, params: AssignmentParams) -> float:
    lines = int(task.detail.get("lines", "1") or 1)
    return params.task_hours(task.kind.value, lines=lines, truck=bool(task.equipment))


def problem_for(
    tasks: Iterable[FloorTask],
    members: Sequence[TeamMember],
    params: AssignmentParams,
    at: datetime,
) -> AssignmentProblem:
    """The engine's problem: the open tasks, each with the members who may do it, and the
    members with the hours and zones of the tasks they hold already."""
    day = at.date()
    specs: list[TaskSpec] = []
    booked: dict[str, float] = {m.user_login: 0.0 for m in members}
    zones: dict[str, set[str]] = {m.user_login: set() for m in members}
    truck_h = {e: n * params.max_hours for e, n in params.fleet.items()}
    for t in tasks:
        hours = task_hours(t, params)
        if t.state is TaskState.OPEN:
            assert t.id is not None
            waited = max(0.0, (at - t.created_at).total_seconds() / 3600)
            eligible = frozenset(m.user_login for m in members if may_do(t, m, day))
            specs.append(
                TaskSpec(t.id, t.zone, hours, int(t.priority), waited, t.equipment, eligible)
            )
            continue
        if t.assignee in booked:
            booked[t.assignee] += hours
            zones[t.assignee].add(t.zone)
        for e in t.equipment & truck_h.keys():
            truck_h[e] = max(0.0, truck_h[e] - hours)
    people = tuple(
        PersonSpec(
            m.user_login,
            params.max_hours,
            min(booked[m.user_login], params.max_hours),
            frozenset(zones[m.user_login]),
        )
        for m in members
    )
    walk = {z: params.walk_hours(z) for z in params.zones}
    return AssignmentProblem(tuple(specs), people, walk, truck_h)


@dataclass(frozen=True, slots=True)
class Proposal:
    site_code: str
    shift: Shift
    result: AssignmentResult
    #: The tasks the proposal looked at, by id.
    tasks: dict[int, FloorTask]
    #: The same tasks given by the greedy baseline, for comparison.
    baseline: AssignmentResult | None = None


@reads(Permission.ASSIGN_TASKS)
def propose_assignment(
    uow: UnitOfWork,
    site_code: str,
    *,
    by: User,
    shift: Shift | None = None,
    at: datetime | None = None,
    params: AssignmentParams | None = None,
    compare: bool = False,
) -> Proposal:
    """The assignment the engine proposes for the site's open tasks and its team on
    ``shift`` (the one working now unless named); nothing is changed."""
    t = when(at)
    chosen = shift or shift_at(t)
    p = params or default_params()
    with uow:
        site = get_site(uow, site_code)
        live = uow.floor.tasks(
            TaskFilter(site_code=site.code, states=LIVE, current=True, limit=MAX_TASKS)
        )
        members = [m for m in uow.floor.members(site_code=site.code) if m.shift is chosen]
    problem = problem_for(live, members, p, t)
    result = solve_assignment(problem, p)
    baseline = greedy_assignment(problem) if compare else None
    by_id = {x.id: x for x in live if x.id is not None}
    return Proposal(site.code, chosen, result, by_id, baseline)


@dataclass(frozen=True, slots=True)
class Acceptance:
    assigned: list[FloorTask] = field(default_factory=list)
    #: (task id, login, why it was not assigned): taken meanwhile, or refused by the rules.
    reported: list[tuple[int, str, str]] = field(default_factory=list)


def parse_pairs(lines: Iterable[str]) -> list[tuple[int, str]]:
    """``TASK_ID=LOGIN`` pairs, a line each (a proposal as accepted)."""
    pairs: list[tuple[int, str]] = []
    for raw in lines:
        text = raw.strip()
        if not text:
            continue
        task, sep, login = text.partition("=")
        if not sep or not task.strip().isdigit() or not login.strip():
            raise InvalidValue(f"{text!r} must be TASK_ID=LOGIN", field="pairs")
        pairs.append((int(task), login.strip().lower()))
    return pairs


def _check(pairs: Sequence[tuple[int, str]]) -> None:
    if not pairs:
        raise InvalidValue("the assignment to accept gives no task", field="pairs")
    seen: set[int] = set()
    for task_id, _ in pairs:
        if task_id in seen:
            raise InvalidValue(f"task {task_id} is given twice", field="pairs")
        seen.add(task_id)


@needs(Permission.ASSIGN_TASKS)
def accept_assignment(
    uow: UnitOfWork,
    pairs: Sequence[tuple[int, str]],
    *,
    by: User,
    at: datetime | None = None,
) -> Acceptance:
    """Give each task of the accepted proposal to its member, one locked transaction each,
    only while nobody holds it: what was taken meanwhile or is refused by the rules is
    reported (the refusal named and in the audit trail), the rest assigned."""
    _check(pairs)
    done = Acceptance()
    for task_id, login in pairs:
        try:
            done.assigned.append(assign_task(uow, task_id, login, by=by, at=at, if_open=True))
        except PermissionDenied:
            raise
        except DomainError as exc:
            done.reported.append((task_id, login, exc.message))
    return done
