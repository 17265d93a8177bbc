"""The floor's tasks the flow makes beside the put-away, and their finish by scan: a move
to the workshop when a unit gets a work order there (the unit's put-away, still open, is
cancelled), a pick and a load for each consignment that leaves a site. Made only at a site
whose floor is set up (it has bins), inside the caller's transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime

from revalo.domain.catalog import LocationKind, Site
from revalo.domain.errors import NotAllowed
from revalo.domain.floor.flow_tasks import (
    Stop,
    ensure_all_scanned,
    load_task,
    pick_task,
    to_workshop_task,
)
from revalo.domain.floor.tasks import FloorTask, TaskKind, TaskState
from revalo.domain.journey import Consignment, ConsignmentKind
from revalo.domain.people import Permission, User
from revalo.domain.units import Change, ReturnedUnit, UnitState
from revalo.engines.transport.carriers import ServiceKind
from revalo.services.common import get_site, get_unit, record, when
from revalo.services.floor.putaway import item_for
from revalo.services.floor.tasks import audited, get_task
from revalo.services.guard import needs
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.retry import retried
from revalo.services.transport import Transport, ship_together

#: The kinds of task finished by ``finish_by_scans``.
BY_SCANS = frozenset({TaskKind.TO_WORKSHOP, TaskKind.PICK, TaskKind.LOAD})


def _zone(uow: UnitOfWork, code: str | None) -> str:
    location = uow.sites.location(code) if code else None
    return location.kind.value if location else ""


def make_to_workshop_task(
    uow: UnitOfWork, unit: ReturnedUnit, work_order: str, at: datetime
) -> FloorTask | None:
    """The unit's work order waits in the workshop of its site: a task to carry it there
    from where it is (None when it is there already, or the site has no bins)."""
    if unit.location_code is None or not uow.floor.has_bins(unit.site_code):
        return None
    site = uow.sites.get(unit.site_code)
    if site is None:
        return None
    workshop = site.location(LocationKind.WORK_IN_PROGRESS)
    if unit.location_code == workshop:
        return None
    waiting = uow.floor.open_task_for(unit.lpn)
    if waiting is not None and waiting.state is not TaskState.STARTED:
        waiting.cancel(at, "its unit goes to the workshop")
    elif waiting is not None:
        return None
    task = to_workshop_task(
        item_for(uow, unit),
        uow.floor.bin(unit.location_code),
        site_code=unit.site_code,
        zone=_zone(uow, unit.location_code),
        at=at,
        from_location=unit.location_code,
        workshop=workshop,
        work_order=work_order,
    )
    uow.floor.add_task(task)
    return task


@needs(Permission.ASSIGN_TASKS)
def workshop_moves_waiting(uow: UnitOfWork, site_code: str, *, by: User) -> list[FloorTask]:
    """A move to the workshop for each unit of the site decided for work there and not yet
    in it, with no task yet (the units decided before the site's bins were imported),
    dated when the decision was taken."""
    made: list[FloorTask] = []
    with uow:
        site = get_site(uow, site_code)
        flt = UnitFilter(states=frozenset({UnitState.DISPOSITION_DECIDED}), site_code=site.code)
        offset = 0
        while True:
            page = uow.units.list(flt, limit=500, offset=offset)
            for unit in page.items:
                here = [o for o in uow.work_orders.for_unit(unit.id) if o.is_open]
                here = [o for o in here if o.site_code == site.code]
                if here:
                    at = unit.updated_at or unit.received_at
                    task = make_to_workshop_task(uow, unit, here[0].number, at)
                    if task is not None:
                        made.append(task)
            offset += len(page.items)
            if not page.items or offset >= page.total:
                break
        uow.commit()
    return made


def make_outbound_tasks(
    uow: UnitOfWork,
    consignment: Consignment,
    before: Sequence[tuple[ReturnedUnit, str | None]],
    origin: Site,
    on_pallets: bool,
) -> list[FloorTask]:
    """The consignment leaves the site: a task to pick its units (where they were before
    it was booked, in the walking path's order) to the dock, and one to load its truck."""
    if not before or not uow.floor.has_bins(origin.code):
        return []
    at = consignment.booked_at
    items = [(u, where, item_for(uow, u)) for u, where in before]
    stops = [(Stop(u.lpn, where or ""), i, uow.floor.bin(where or "")) for u, where, i in items]
    zones = Counter(_zone(uow, where) for _, where, _ in items)
    reference = consignment.reference
    dock = origin.location(LocationKind.OUTBOUND)
    pick = pick_task(
        stops,
        site_code=origin.code,
        zone=zones.most_common(1)[0][0],
        at=at,
        consignment=reference,
        dock=dock,
    )
    load = load_task(
        [i for _, _, i in items],
        site_code=origin.code,
        zone=LocationKind.OUTBOUND.value,
        at=at,
        consignment=reference,
        on_pallets=on_pallets,
    )
    for task in (pick, load):
        uow.floor.add_task(task)
    return [pick, load]


def ship_with_tasks(
    uow: UnitOfWork,
    transport: Transport,
    units: Sequence[ReturnedUnit],
    step: Callable[[ReturnedUnit, str], Change],
    *,
    kind: ConsignmentKind,
    origin: Site,
    destination: Site,
    at: datetime,
) -> Consignment:
    """``ship_together``, and the floor's pick and load tasks for the consignment."""
    before = [(u, u.location_code) for u in units]
    consignment = ship_together(
        uow, transport, units, step, kind=kind, origin=origin, destination=destination, at=at
    )
    service = transport.cards.get(consignment.service_id)
    pallets = service.kind in (ServiceKind.PALLET, ServiceKind.TRUCK)
    make_outbound_tasks(uow, consignment, before, origin, pallets)
    return consignment


@needs(Permission.DO_TASKS)
def finish_by_scans(
    uow: UnitOfWork, task_id: int, scans: Sequence[str], *, by: User, at: datetime | None = None
) -> FloorTask:
    """Finish one's started move, pick or load by scan: a move to the workshop takes the
    unit's scan then the workshop's (the unit is moved there, a move of the ledger); a
    pick or a load, every unit of its list (a unit missing or not the task's is named)."""
    t = when(at)

    def run() -> FloorTask:
        with uow:
            task = get_task(uow, task_id, lock=True)
            if task.kind not in BY_SCANS:
                raise NotAllowed(f"task {task_id} is a {task.kind.value}: it is not finished so")
            if task.kind is TaskKind.TO_WORKSHOP:
                _to_workshop(uow, task, scans, by.login, t)
            else:
                ensure_all_scanned(task, scans)
                task.finish(by.login, t)
            uow.commit()
        return task

    return audited(uow, by, "finish_task", f"task {task_id}", retried(run))


def _to_workshop(
    uow: UnitOfWork, task: FloorTask, scans: Sequence[str], login: str, at: datetime
) -> None:
    unit_scan, place_scan = [*scans, "", ""][:2]
    if unit_scan.strip().upper() != task.unit_lpn:
        raise NotAllowed(
            f"you scanned {unit_scan.strip()!r}: task {task.id} is for unit {task.unit_lpn}",
            field="unit_scan",
        )
    if place_scan.strip().upper() != task.bin_code.upper():
        raise NotAllowed(
            f"you scanned {place_scan.strip()!r}: task {task.id} takes {task.unit_lpn} to "
            f"{task.bin_code}",
            field="bin_scan",
        )
    task.finish(login, at)
    unit = get_unit(uow, task.unit_lpn or "", lock=True)
    change = unit.move(
        from_location=unit.location_code,
        to_location=task.bin_code,
        at=at,
        actor=login,
        reason="to the workshop",
    )
    record(uow, change)
