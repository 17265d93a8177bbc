"""Returned units: look them up, follow their timeline, quarantine, grade, decide."""

from typing import Annotated

from fastapi import APIRouter, Query

from revalo.domain.people import Permission
from revalo.domain.units import UnitState
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas import (
    DispositionCreate,
    DispositionPublic,
    DispositionRecordPublic,
    EventPublic,
    EventsPublic,
    InspectionCreate,
    InspectionPublic,
    ProductPublic,
    QuarantineCreate,
    ReleaseCreate,
    StockMovePublic,
    UnitDetailPublic,
    UnitPublic,
    UnitsPublic,
    WorkOrderPublic,
)
from revalo.entrypoints.api.types import ClientCodeQuery, Limit, LpnPath, Offset, Storable
from revalo.services import disposition, inspection, queries, receiving
from revalo.services.ports import UnitFilter

router = APIRouter(prefix="/units", tags=["units"])

CodeQuery = Annotated[str | None, Query(max_length=80), Storable]


@router.get("", dependencies=[need(Permission.VIEW_UNITS)])
def list_units(
    uow: ReadUowDep,
    user: CurrentUser,
    state: Annotated[
        list[UnitState] | None, Query(max_length=20, description="one or more")
    ] = None,
    site_code: CodeQuery = None,
    location_code: CodeQuery = None,
    sku: CodeQuery = None,
    category: CodeQuery = None,
    rma_number: CodeQuery = None,
    in_stock: bool | None = None,
    client_code: ClientCodeQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> UnitsPublic:
    """In the order they were received."""
    flt = UnitFilter(
        states=frozenset(state or ()),
        site_code=site_code.strip().upper() if site_code else None,
        location_code=location_code.strip() if location_code else None,
        sku=sku.strip().upper() if sku else None,
        category=category.strip().lower() if category else None,
        rma_number=rma_number.strip().upper() if rma_number else None,
        in_stock=in_stock,
        client_code=client_code.strip().upper() if client_code else None,
    )
    page = queries.list_units(uow, flt, limit=limit, offset=offset, by=user)
    return UnitsPublic(data=[UnitPublic.model_validate(u) for u in page.items], count=page.total)


@router.get("/{lpn}", dependencies=[need(Permission.VIEW_UNITS)])
def get_unit(lpn: LpnPath, uow: ReadUowDep, user: CurrentUser) -> UnitDetailPublic:
    """Everything about a unit: its product, grades, inspections, decisions, work orders and
    stock moves."""
    d = queries.unit_detail(uow, lpn, by=user)
    return UnitDetailPublic(
        **UnitPublic.model_validate(d.unit).model_dump(exclude={"in_stock"}),
        product=ProductPublic.model_validate(d.product) if d.product else None,
        inspections=[InspectionPublic.model_validate(i) for i in d.inspections],
        dispositions=[DispositionRecordPublic.model_validate(r) for r in d.dispositions],
        work_orders=[WorkOrderPublic.model_validate(w) for w in d.work_orders],
        moves=[StockMovePublic.model_validate(m) for m in d.moves],
    )


@router.get("/{lpn}/timeline", dependencies=[need(Permission.VIEW_UNITS)])
def unit_timeline(lpn: LpnPath, uow: ReadUowDep, user: CurrentUser) -> EventsPublic:
    """Every change of the unit's state or place, oldest first: what, when, where, who, why."""
    events = queries.unit_detail(uow, lpn, by=user).events
    return EventsPublic(data=[EventPublic.model_validate(e) for e in events], count=len(events))


@router.post("/{lpn}/quarantine", dependencies=[need(Permission.QUARANTINE)])
def quarantine_unit(
    lpn: LpnPath, body: QuarantineCreate, uow: UowDep, user: CurrentUser
) -> UnitPublic:
    unit = receiving.quarantine_unit(uow, lpn, reason=body.reason, by=user)
    return UnitPublic.model_validate(unit)


@router.post("/{lpn}/release", dependencies=[need(Permission.RELEASE)])
def release_unit(lpn: LpnPath, body: ReleaseCreate, uow: UowDep, user: CurrentUser) -> UnitPublic:
    """Release from quarantine back to receiving; name the product (``sku``) when the unit
    was not identified."""
    unit = receiving.release_unit(uow, lpn, by=user, reason=body.reason, sku=body.sku)
    return UnitPublic.model_validate(unit)


@router.post("/{lpn}/inspection", dependencies=[need(Permission.INSPECT)])
def inspect_unit(
    lpn: LpnPath, body: InspectionCreate, uow: UowDep, user: CurrentUser
) -> InspectionPublic:
    """Grade the unit: functional and cosmetic grades apart, checklist, fault codes."""
    done = inspection.inspect_unit(uow, lpn, by=user, **body.model_dump())
    return InspectionPublic.model_validate(done)


@router.post("/{lpn}/disposition", dependencies=[need(Permission.DECIDE_DISPOSITION)])
def record_disposition(
    lpn: LpnPath, body: DispositionCreate, uow: UowDep, user: CurrentUser
) -> DispositionPublic:
    """Decide what becomes of the unit; the work the route implies is opened as work orders.
    A new decision on a decided unit overrides it (a reason is then required)."""
    out = disposition.record_disposition(
        uow,
        lpn,
        route=body.route,
        by=user,
        reason=body.reason,
        destination_site=body.destination_site,
    )
    return DispositionPublic(
        record=DispositionRecordPublic.model_validate(out.record),
        work_orders=[WorkOrderPublic.model_validate(w) for w in out.work_orders],
        cancelled_work_orders=[WorkOrderPublic.model_validate(w) for w in out.cancelled],
    )
