"""The floor's tasks: made by the flow, assigned by a supervisor or taken by a handler,
started and done by scan. Nobody is given or starts a task whose qualifications or PPE they
lack: the refusal names what is missing and is written to the audit trail."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TypeVar

from revalo.domain.catalog import LocationKind
from revalo.domain.credentials import AuditOutcome
from revalo.domain.errors import InvalidTransition, NotAllowed, NotFound
from revalo.domain.floor.tasks import FloorTask, TaskKind, TaskState, requirements_for
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.services.access import note
from revalo.services.common import get_site, get_unit, when
from revalo.services.floor.ports import TaskFilter
from revalo.services.floor.putaway import item_for, place, proposal_for
from revalo.services.floor.team import get_member
from revalo.services.guard import needs, reads
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.retry import retried

T = TypeVar("T")
LIVE = frozenset({TaskState.OPEN, TaskState.ASSIGNED, TaskState.STARTED})


def make_put_away_task(uow: UnitOfWork, unit: ReturnedUnit, at: datetime) -> FloorTask | None:
    """After receiving or grading: a task to put the unit away into the proposed bin, with
    what it needs of whoever does it. None when the unit's zone has no bins, or a task
    for the unit is open already. Inside the caller's transaction."""
    if unit.location_code is None or not uow.floor.has_bins(unit.site_code):
        return None
    if uow.floor.open_task_for(unit.lpn) is not None:
        return None
    item = item_for(uow, unit)
    proposal = proposal_for(uow, unit, item)
    location = uow.sites.location(unit.location_code)
    task = FloorTask(
        kind=TaskKind.PUT_AWAY,
        site_code=unit.site_code,
        zone=location.kind.value if location else "",
        created_at=at,
        unit_lpn=unit.lpn,
        from_location=unit.location_code,
        bin_code=proposal.bin.code if proposal.bin else "",
        note="" if proposal.bin else proposal.reason,
    )
    task.require(requirements_for(item, proposal.bin))
    uow.floor.add_task(task)
    return task


@needs(Permission.ASSIGN_TASKS)
def put_away_waiting(uow: UnitOfWork, site_code: str, *, by: User) -> list[FloorTask]:
    """A put-away task for each unit waiting in the site's graded stock outside any bin
    with no task yet (the units there before its bins were imported), dated when the unit
    got there, so that the board shows who has waited longest."""
    made: list[FloorTask] = []
    with uow:
        site = get_site(uow, site_code)
        where = site.location(LocationKind.GRADED_STOCK)
        flt = UnitFilter(site_code=site.code, location_code=where)
        offset = 0
        while True:
            found = uow.units.list(flt, limit=500, offset=offset)
            for unit in found.items:
                task = make_put_away_task(uow, unit, unit.updated_at or unit.received_at)
                if task is not None:
                    made.append(task)
            offset += len(found.items)
            if not found.items or offset >= found.total:
                break
        uow.commit()
    return made


def get_task(uow: UnitOfWork, task_id: int, *, lock: bool = False) -> FloorTask:
    task = uow.floor.task(task_id, lock=lock)
    if task is None:
        raise NotFound(f"no task {task_id}", field="task_id")
    return task


def _audited(uow: UnitOfWork, by: User, action: str, target: str, run: Callable[[], T]) -> T:
    """Run the use case; a refusal of the rules is written to the audit trail in a
    transaction of its own (the use case's was rolled back), then raised."""
    try:
        return run()
    except NotAllowed as exc:
        with uow:
            note(
                uow, by, action, AuditOutcome.REFUSED, when(None), target=target, detail=exc.message
            )
            uow.commit()
        raise


#: The same for the floor's other task modules.
audited = _audited


@needs(Permission.ASSIGN_TASKS)
def assign_task(
    uow: UnitOfWork,
    task_id: int,
    login: str,
    *,
    by: User,
    at: datetime | None = None,
    if_open: bool = False,
) -> FloorTask:
    """Give the task to a member (``if_open``: only while nobody holds it, as when a
    proposed assignment is accepted: a task taken meanwhile is refused, not taken over)."""

    def run() -> FloorTask:
        with uow:
            task = get_task(uow, task_id, lock=True)
            if if_open and task.state is not TaskState.OPEN:
                raise InvalidTransition(
                    f"task {task_id} was taken meanwhile: it is {task.state.value}, held by "
                    f"{task.assignee}"
                )
            member = get_member(uow, login)
            task.assign(member, by=by.login, day=when(at).date())
            note(
                uow,
                by,
                "assign_task",
                AuditOutcome.ALLOWED,
                when(at),
                target=str(task_id),
                detail=member.user_login,
            )
            uow.commit()
        return task

    return _audited(uow, by, "assign_task", f"task {task_id} to {login}", retried(run))


@needs(Permission.DO_TASKS)
def start_task(uow: UnitOfWork, task_id: int, *, by: User, at: datetime | None = None) -> FloorTask:
    def run() -> FloorTask:
        with uow:
            task = get_task(uow, task_id, lock=True)
            task.start(get_member(uow, by.login), when(at))
            uow.commit()
        return task

    return _audited(uow, by, "start_task", f"task {task_id}", retried(run))


@needs(Permission.DO_TASKS)
def take_next(uow: UnitOfWork, *, by: User, at: datetime | None = None) -> FloorTask | None:
    """Start the next task of one's site: one's own assigned first, then the open ones by
    priority and longest waiting, skipping those one is not qualified for."""
    t = when(at)

    def run() -> FloorTask | None:
        with uow:
            member = get_member(uow, by.login)
            mine = [
                x
                for x in _current(uow, member.site_code, by.login)
                if x.state is not TaskState.STARTED
            ]
            mine.sort(key=lambda x: (x.assignee != by.login, x.priority, x.created_at))
            for candidate in mine:
                if member.missing(candidate.needs, candidate.ppe, t.date()):
                    continue
                task = get_task(uow, candidate.id or 0, lock=True)
                if task.state not in (TaskState.OPEN, TaskState.ASSIGNED):
                    continue
                task.start(member, t)
                uow.commit()
                return task
        return None

    return retried(run)()


def _current(uow: UnitOfWork, site_code: str, login: str | None) -> Sequence[FloorTask]:
    return uow.floor.tasks(
        TaskFilter(site_code=site_code, states=LIVE, free_or=login, current=True)
    )


@needs(Permission.DO_TASKS)
def finish_put_away(
    uow: UnitOfWork,
    task_id: int,
    *,
    unit_scan: str,
    bin_scan: str,
    by: User,
    at: datetime | None = None,
) -> FloorTask:
    """The handler scanned the unit, then the bin: the unit goes into the bin and the task
    is done; a wrong unit or bin is refused with the reason."""
    t = when(at)

    def run() -> FloorTask:
        with uow:
            task = get_task(uow, task_id, lock=True)
            if task.kind is not TaskKind.PUT_AWAY or not task.unit_lpn:
                raise NotAllowed(f"task {task_id} is a {task.kind.value}, not a put-away")
            if unit_scan.strip().upper() != task.unit_lpn:
                raise NotAllowed(
                    f"you scanned {unit_scan.strip()!r}: task {task_id} is for unit "
                    f"{task.unit_lpn}",
                    field="unit_scan",
                )
            scanned = bin_scan.strip().upper()
            if task.bin_code and scanned != task.bin_code:
                raise NotAllowed(
                    f"you scanned bin {scanned}: task {task_id} puts {task.unit_lpn} into "
                    f"{task.bin_code}",
                    field="bin_scan",
                )
            task.finish(by.login, t)
            place(uow, get_unit(uow, task.unit_lpn, lock=True), scanned, actor=by.login, at=t)
            uow.commit()
        return task

    return _audited(uow, by, "finish_task", f"task {task_id}", retried(run))


@reads(Permission.VIEW_FLOOR)
def board(uow: UnitOfWork, site_code: str, *, by: User) -> list[FloorTask]:
    """The site's live tasks whose unit is still where the task found it, by zone, then
    priority, then the longest waiting first."""
    with uow:
        site = get_site(uow, site_code)
        found = list(_current(uow, site.code, None))
    return sorted(found, key=lambda x: (x.zone, x.priority, x.created_at))


@reads(Permission.DO_TASKS)
def my_tasks(uow: UnitOfWork, *, by: User) -> list[FloorTask]:
    """One's own started and assigned tasks."""
    with uow:
        return list(
            uow.floor.tasks(TaskFilter(assignee=by.login, states=LIVE, current=True, limit=200))
        )
