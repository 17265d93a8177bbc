"""Work orders: start them, record the work done, finish them; the unit follows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.domain.work_orders import PartUsed, WipeMethod, WorkOrder
from revalo.services.common import found, record, when
from revalo.services.guard import ensure_handles, needs
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried


def _load(uow: UnitOfWork, order_id: int) -> tuple[WorkOrder, ReturnedUnit]:
    """The order and its unit, both locked: the unit first, as every use case that changes
    a unit's orders does, then the order read again as committed."""
    order = found(uow.work_orders.get(order_id), f"no work order {order_id}", "order_id")
    unit = found(uow.units.get(order.unit_id, lock=True), "unit missing")
    return found(uow.work_orders.get(order_id, lock=True), "work order missing"), unit


@needs(Permission.START_WORK_ORDER)
@retried
def start_work_order(
    uow: UnitOfWork, order_id: int, *, by: User, at: datetime | None = None
) -> WorkOrder:
    t = when(at)
    with uow:
        order, unit = _load(uow, order_id)
        ensure_handles(by, Permission.START_WORK_ORDER, unit)
        # The order first: starting a closed order is refused for what it is.
        order.start(operator=by.login, at=t)
        change = unit.start_work(order, at=t, actor=by.login)
        record(uow, change)
        uow.commit()
    return order


@needs(Permission.FINISH_WORK_ORDER)
@retried
def record_work(
    uow: UnitOfWork,
    order_id: int,
    *,
    by: User,
    labour_minutes: int = 0,
    notes: str = "",
    parts: Sequence[PartUsed] = (),
    at: datetime | None = None,
) -> WorkOrder:
    """Record a sitting of work on an order in progress (minutes, results, parts fitted),
    added to what was recorded before; the unit's timeline names who recorded it."""
    t = when(at)
    with uow:
        order, unit = _load(uow, order_id)
        ensure_handles(by, Permission.FINISH_WORK_ORDER, unit)
        order.record(labour_minutes=labour_minutes, notes=notes, parts=parts)
        record(uow, unit.record_work(order, at=t, actor=by.login, notes=notes))
        uow.commit()
    return order


@needs(Permission.FINISH_WORK_ORDER)
@retried
def finish_work_order(
    uow: UnitOfWork,
    order_id: int,
    *,
    succeeded: bool,
    by: User,
    labour_minutes: int,
    parts_cost: Decimal = Decimal("0"),
    notes: str = "",
    parts: Sequence[PartUsed] = (),
    wipe_method: WipeMethod | None = None,
    wipe_tool: str = "",
    wipe_verified: bool = False,
    at: datetime | None = None,
) -> WorkOrder:
    """Finish a work order, with the last of its labour, parts and notes (added to what was
    recorded). A data wipe done is given the number of its certificate of sanitisation.
    When the unit's last open order is done, the unit is ready to leave; when one fails,
    the others are cancelled and the unit waits for a new decision."""
    t = when(at)
    with uow:
        order, unit = _load(uow, order_id)
        ensure_handles(by, Permission.FINISH_WORK_ORDER, unit)
        finish_loaded(
            uow,
            order,
            unit,
            succeeded=succeeded,
            at=t,
            actor=by.login,
            labour_minutes=labour_minutes,
            parts_cost=parts_cost,
            notes=notes,
            parts=parts,
            wipe_method=wipe_method,
            wipe_tool=wipe_tool,
            wipe_verified=wipe_verified,
        )
        uow.commit()
    return order


def finish_loaded(
    uow: UnitOfWork,
    order: WorkOrder,
    unit: ReturnedUnit,
    *,
    succeeded: bool,
    at: datetime,
    actor: str,
    labour_minutes: int,
    parts_cost: Decimal = Decimal("0"),
    notes: str = "",
    parts: Sequence[PartUsed] = (),
    wipe_method: WipeMethod | None = None,
    wipe_tool: str = "",
    wipe_verified: bool = False,
) -> None:
    """Finish ``order`` of ``unit``, both locked by the caller, and record what follows."""
    order.finish(
        succeeded=succeeded,
        at=at,
        labour_minutes=labour_minutes,
        parts_cost=parts_cost,
        notes=notes,
        parts=parts,
        wipe_method=wipe_method,
        wipe_tool=wipe_tool,
        wipe_verified=wipe_verified,
    )
    others = [wo for wo in uow.work_orders.for_unit(unit.id) if wo.is_open and wo.id != order.id]
    if succeeded:
        change = unit.complete_work(order, at=at, actor=actor, all_done=not others)
    else:
        for wo in others:
            wo.cancel(at=at, reason=f"{order.number} failed")
        change = unit.fail_work(order, at=at, actor=actor, reason=notes)
    record(uow, change)
