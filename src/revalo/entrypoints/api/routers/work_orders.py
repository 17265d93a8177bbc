"""Work orders (test, clean, data wipe, repair, refurbish): list, start, record, finish."""

from typing import Annotated

from fastapi import APIRouter, Query

from revalo.domain.people import Permission
from revalo.domain.work_orders import PartUsed, WorkOrderState
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas import (
    WorkOrderFinish,
    WorkOrderPublic,
    WorkOrderRecord,
    WorkOrdersPublic,
)
from revalo.entrypoints.api.types import Limit, Offset, Storable, WorkOrderPath
from revalo.services import lookups, queries
from revalo.services import work_orders as service

router = APIRouter(prefix="/work-orders", tags=["work orders"])


def _id(ref: str) -> int:
    """``WO00000012`` or ``12``: the path pattern has checked the form."""
    return int(ref.upper().removeprefix("WO"))


def _parts(body: WorkOrderRecord) -> list[PartUsed]:
    return [PartUsed(p.reference, p.quantity, p.unit_cost) for p in body.parts]


@router.get("", dependencies=[need(Permission.VIEW_WORK_ORDERS)])
def list_work_orders(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: Annotated[str | None, Query(max_length=40), Storable] = None,
    state: WorkOrderState | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> WorkOrdersPublic:
    page = queries.list_work_orders(
        uow,
        site_code=site_code.strip().upper() if site_code else None,
        states=frozenset({state}) if state else None,
        limit=limit,
        offset=offset,
        by=user,
    )
    return WorkOrdersPublic(
        data=[WorkOrderPublic.model_validate(w) for w in page.items], count=page.total
    )


@router.get("/{order_id}", dependencies=[need(Permission.VIEW_WORK_ORDERS)])
def get_work_order(order_id: WorkOrderPath, uow: ReadUowDep, user: CurrentUser) -> WorkOrderPublic:
    return WorkOrderPublic.model_validate(lookups.get_work_order(uow, _id(order_id), by=user))


@router.post("/{order_id}/start", dependencies=[need(Permission.START_WORK_ORDER)])
def start_work_order(order_id: WorkOrderPath, uow: UowDep, user: CurrentUser) -> WorkOrderPublic:
    """Start the work; the unit moves to work in progress."""
    order = service.start_work_order(uow, _id(order_id), by=user)
    return WorkOrderPublic.model_validate(order)


@router.post("/{order_id}/record", dependencies=[need(Permission.FINISH_WORK_ORDER)])
def record_work(
    order_id: WorkOrderPath, body: WorkOrderRecord, uow: UowDep, user: CurrentUser
) -> WorkOrderPublic:
    """Record a sitting of work on the order in progress: the minutes, the results, the
    parts fitted; each record adds to the earlier ones."""
    order = service.record_work(
        uow,
        _id(order_id),
        by=user,
        labour_minutes=body.labour_minutes,
        notes=body.notes,
        parts=_parts(body),
    )
    return WorkOrderPublic.model_validate(order)


@router.post("/{order_id}/finish", dependencies=[need(Permission.FINISH_WORK_ORDER)])
def finish_work_order(
    order_id: WorkOrderPath, body: WorkOrderFinish, uow: UowDep, user: CurrentUser
) -> WorkOrderPublic:
    """Finish the work with the last of its labour and parts (added to what was recorded).
    A data wipe succeeds only with its method, tool and a verified result, and is given the
    number of its certificate of sanitisation. When the unit's last order is done it is
    ready to leave; when one fails, the others are cancelled and the unit waits for a new
    decision."""
    order = service.finish_work_order(
        uow, _id(order_id), by=user, **body.model_dump(exclude={"parts"}), parts=_parts(body)
    )
    return WorkOrderPublic.model_validate(order)
