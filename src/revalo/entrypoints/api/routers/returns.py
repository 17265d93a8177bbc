"""Return requests (RMA): ask, list, look at, authorise, reject; the photos the customer
sent with one."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response, status

from revalo.domain.people import Permission
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.errors import lang_of
from revalo.entrypoints.api.schemas import (
    ReturnAuthorise,
    ReturnCreate,
    ReturnDetailPublic,
    ReturnPublic,
    ReturnReject,
    ReturnsPublic,
    UnitPublic,
)
from revalo.entrypoints.api.schemas.portal import PhotoPublic
from revalo.entrypoints.api.types import (
    ClientCodeQuery,
    Limit,
    Offset,
    ReturnNumberPath,
    Storable,
    Timestamp,
)
from revalo.entrypoints.labels import label_response
from revalo.services import portal_staff, queries
from revalo.services import return_labels as labels_service
from revalo.services import returns as service
from revalo.services.ports import ReturnFilter

router = APIRouter(prefix="/returns", tags=["returns"])


@router.post(
    "", dependencies=[need(Permission.REQUEST_RETURN)], status_code=status.HTTP_201_CREATED
)
def create_return(body: ReturnCreate, uow: UowDep, app: AppDep, user: CurrentUser) -> ReturnPublic:
    """Record a customer's return request. The return policy answers at once: authorised
    (with the hub to send to), rejected, or left as requested for a person to review; the
    reason is in ``decision_reason``."""
    rma = service.request_return(
        uow,
        app.policy,
        customer_code=body.customer_code,
        lines=[service.LineRequest(**ln.model_dump()) for ln in body.lines],
        delivered_at=body.delivered_at,
        by=user,
        order_ref=body.order_ref,
        client_code=body.client_code,
    )
    return ReturnPublic.model_validate(rma)


@router.get("", dependencies=[need(Permission.VIEW_RETURNS)])
def list_returns(
    uow: ReadUowDep,
    user: CurrentUser,
    state: ReturnState | None = None,
    reason: ReturnReason | None = None,
    customer_code: Annotated[str | None, Query(max_length=40), Storable] = None,
    country: Annotated[str | None, Query(max_length=2), Storable] = None,
    category: Annotated[str | None, Query(max_length=40), Storable] = None,
    requested_from: Annotated[Timestamp | None, Query(description="inclusive")] = None,
    requested_to: Annotated[Timestamp | None, Query(description="exclusive")] = None,
    q: Annotated[
        str | None,
        Query(max_length=100, description="part of the return number, order or customer code"),
        Storable,
    ] = None,
    client_code: ClientCodeQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ReturnsPublic:
    """Newest first."""
    flt = ReturnFilter(
        state=state,
        reason=reason,
        customer_code=customer_code.strip().upper() if customer_code else None,
        country=country.strip().upper() if country else None,
        category=category.strip().lower() if category else None,
        requested_from=requested_from,
        requested_to=requested_to,
        search=q.strip() if q and q.strip() else None,
        client_code=client_code.strip().upper() if client_code else None,
    )
    page = queries.list_returns(uow, flt, limit=limit, offset=offset, by=user)
    return ReturnsPublic(
        data=[ReturnPublic.model_validate(r) for r in page.items], count=page.total
    )


@router.get("/{number}", dependencies=[need(Permission.VIEW_RETURNS)])
def get_return(number: ReturnNumberPath, uow: ReadUowDep, user: CurrentUser) -> ReturnDetailPublic:
    """The return with its lines and the units received for it."""
    rma, units = queries.return_with_units(uow, number, by=user)
    return ReturnDetailPublic(
        **ReturnPublic.model_validate(rma).model_dump(),
        units=[UnitPublic.model_validate(u) for u in units],
    )


@router.get("/{number}/photos", dependencies=[need(Permission.VIEW_RETURNS)])
def list_photos(number: ReturnNumberPath, uow: ReadUowDep, user: CurrentUser) -> list[PhotoPublic]:
    """The photos the customer sent from the portal with the return (a damage claim), oldest
    first: their line, type, size and SHA-256; none for a return made elsewhere."""
    return [PhotoPublic.model_validate(p) for p in portal_staff.photos(uow, number, by=user)]


_IMAGE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/jpeg": {}, "image/png": {}}, "description": "The photo."}
}


@router.get(
    "/{number}/photos/{photo_id}",
    dependencies=[need(Permission.VIEW_RETURNS)],
    responses=_IMAGE,
    response_class=Response,
)
def get_photo(
    number: ReturnNumberPath,
    photo_id: Annotated[int, Path(ge=1, le=2**62)],
    uow: ReadUowDep,
    user: CurrentUser,
) -> Response:
    """One of the return's photos, as the customer sent it (JPEG or PNG)."""
    media_type, content = portal_staff.photo(uow, number, photo_id, by=user)
    return Response(content, media_type=media_type, headers={"Cache-Control": "private"})


@router.post("/{number}/authorise", dependencies=[need(Permission.AUTHORISE_RETURN)])
def authorise_return(
    number: ReturnNumberPath, body: ReturnAuthorise, uow: UowDep, user: CurrentUser
) -> ReturnPublic:
    rma = service.authorise_return(
        uow,
        number,
        by=user,
        reason=body.reason,
        destination_site=body.destination_site,
    )
    return ReturnPublic.model_validate(rma)


@router.post("/{number}/reject", dependencies=[need(Permission.REJECT_RETURN)])
def reject_return(
    number: ReturnNumberPath, body: ReturnReject, uow: UowDep, user: CurrentUser
) -> ReturnPublic:
    rma = service.reject_return(uow, number, by=user, reason=body.reason)
    return ReturnPublic.model_validate(rma)


_PDF: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/pdf": {}}, "description": "the label, a PDF"}
}


@router.post(
    "/{number}/label",
    dependencies=[need(Permission.BOOK_LABEL)],
    response_class=Response,
    responses=_PDF,
)
def book_return_label(
    request: Request,
    number: ReturnNumberPath,
    uow: UowDep,
    transport: TransportDep,
    user: CurrentUser,
) -> Response:
    """Book the return's parcel with the best service, unless it is booked already, and
    give its label (PDF, 4 x 6 inch): carrier and service, addresses, a GS1-128 barcode of
    the parcel's SSCC and a GS1 Digital Link QR code. Booked once: later calls give the same
    label. Its captions are in the language of Accept-Language (English or French)."""
    facts = labels_service.book_return_label(uow, transport, number, by=user)
    return label_response(facts, lang_of(request))


@router.get(
    "/{number}/label",
    dependencies=[need(Permission.VIEW_RETURNS)],
    response_class=Response,
    responses=_PDF,
)
def return_label(
    request: Request, number: ReturnNumberPath, uow: ReadUowDep, transport: TransportDep
) -> Response:
    """The label of a return whose parcel is booked (by ``POST`` on this address); it books
    nothing: 409 when the parcel is not booked yet."""
    facts = labels_service.return_label(uow, transport, number)
    return label_response(facts, lang_of(request))
