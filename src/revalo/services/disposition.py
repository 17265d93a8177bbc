"""Recording a disposition decision, and the work orders it implies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.disposition import (
    WORK_AT_DESTINATION,
    DecidedBy,
    DispositionRecord,
    DispositionRoute,
    check_route,
    implied_work,
)
from revalo.domain.errors import DestructionRefused, InvalidValue
from revalo.domain.people import Permission, User, ensure_can
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WorkOrder, WorkOrderKind
from revalo.services.common import found, get_site, get_unit, record, when
from revalo.services.compliance_reports import note_refused_destruction
from revalo.services.facilities import ensure_destination_certified
from revalo.services.floor.flow_tasks import make_to_workshop_task
from revalo.services.guard import ensure_handles, needs
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried

_DECIDED = frozenset(
    {UnitState.DISPOSITION_DECIDED, UnitState.IN_PROCESS, UnitState.READY, UnitState.LISTED}
)


@dataclass(frozen=True, slots=True)
class DispositionOutcome:
    record: DispositionRecord
    work_orders: list[WorkOrder]
    cancelled: list[WorkOrder]


@needs(Permission.DECIDE_DISPOSITION)
@retried
def record_disposition(
    uow: UnitOfWork,
    lpn: str,
    *,
    route: DispositionRoute,
    by: User,
    reason: str,
    destination_site: str | None = None,
    decided_by: DecidedBy = DecidedBy.MANAGER,
    at: datetime | None = None,
    channel: str | None = None,
    expected_net: Decimal | None = None,
) -> DispositionOutcome:
    """Decide what becomes of a unit. A decision on a unit already decided is an override:
    it needs a reason, cancels the open work orders and keeps the earlier record."""
    t = when(at)
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.DECIDE_DISPOSITION, unit)
        unit.ensure_can_decide()
        assert unit.sku is not None
        product = found(uow.products.get(unit.sku), f"no product {unit.sku}")
        destination = (
            get_site(uow, destination_site, "destination_site") if destination_site else None
        )
        try:
            check_route(route, product, uow.inspections.latest(unit.id), destination)
        except DestructionRefused as exc:
            # The ban's refusal is kept for the yearly disclosure (ESPR art. 24).
            note_refused_destruction(uow, unit, product, exc, by=by, at=t)
            raise
        ensure_destination_certified(uow, destination.code if destination else None, t)
        previous = uow.dispositions.latest(unit.id) if unit.state in _DECIDED else None
        if previous is not None:
            ensure_can(by, Permission.OVERRIDE_DISPOSITION)
        if previous is not None and not reason.strip():
            raise InvalidValue("overriding a decision needs a reason", field="reason")
        cancelled = [wo for wo in uow.work_orders.for_unit(unit.id) if wo.is_open]
        on_sale = uow.listings.open_for_unit(unit.id) if previous is not None else None
        if on_sale is not None:
            # A unit decided again is no longer for sale on its old route.
            on_sale.withdraw(f"decision changed to {route.value}")
            uow.listings.save(on_sale)
        for wo in cancelled:
            wo.cancel(at=t, reason=f"decision changed to {route.value}")
        decision = DispositionRecord(
            unit_id=unit.id,
            route=route,
            decided_by=decided_by,
            actor=by.login,
            decided_at=t,
            reason=reason.strip() or f"{route.value} chosen",
            destination_site=destination.code if destination else None,
            overrides_id=previous.id if previous else None,
            channel=channel,
            expected_net=expected_net,
        )
        kinds = [
            k
            for k in implied_work(route, product)
            if not (k is WorkOrderKind.DATA_WIPE and unit.data_wiped_at is not None)
        ]
        work_site = (
            destination.code if destination and route in WORK_AT_DESTINATION else unit.site_code
        )
        orders = [
            WorkOrder(
                id=uow.sequences.next("work_order"),
                unit_id=unit.id,
                kind=k,
                site_code=work_site,
                created_at=t,
            )
            for k in kinds
        ]
        change = unit.record_disposition(decision, kinds)
        uow.dispositions.add(decision)
        for wo in orders:
            uow.work_orders.add(wo)
        record(uow, change)
        if orders and work_site == unit.site_code:
            make_to_workshop_task(uow, unit, orders[0].number, t)
        uow.commit()
    return DispositionOutcome(decision, orders, cancelled)
