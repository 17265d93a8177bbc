"""The customer's return portal over the API: public doors. Finding an order and starting
a return need the order's e-mail or postcode (rate limited per address; any wrong answer is
the same 404); every other door needs the return's link token and opens that return only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, status
from starlette.responses import Response

from revalo.entrypoints.api import ratelimit
from revalo.entrypoints.api.deps import AppDep
from revalo.entrypoints.api.errors import lang_of
from revalo.entrypoints.api.schemas.portal import (
    KeepCreate,
    OrderFind,
    OrderLinePublic,
    OrderPublic,
    PhotoPublic,
    PortalReturnCreate,
    PortalStarted,
    PortalStatus,
    status_public,
)
from revalo.entrypoints.labels import label_response
from revalo.services import portal
from revalo.services import return_labels as labels_service
from revalo.services.keep_it import load_keep_it_rules

router = APIRouter(prefix="/portal", tags=["portal"])
_PDF: dict[int | str, dict[str, object]] = {
    200: {"content": {"application/pdf": {}}, "description": "the label, a PDF"}
}
DOOR = "portal"


@router.post("/orders/find")
def find_order(body: OrderFind, request: Request, app: AppDep) -> OrderPublic:
    """The order when ``proof`` is its e-mail or delivery postcode; else 404, the same for
    a wrong proof, another customer's order or no order (public, rate limited)."""
    ratelimit.limit(request, DOOR)
    order = portal.find_order(app.uow(), body.order_ref, body.proof)
    names = portal.order_names(app.uow(), order)
    return OrderPublic(
        order_ref=order.order_ref,
        delivered_at=order.delivered_at,
        lines=[
            OrderLinePublic(
                line_no=ln.line_no,
                sku=ln.sku,
                name=names.get(ln.sku, ln.sku),
                quantity=ln.quantity,
                unit_price=ln.unit_price,
            )
            for ln in order.lines
        ],
    )


@router.post("/returns", status_code=status.HTTP_201_CREATED)
def start_return(body: PortalReturnCreate, request: Request, app: AppDep) -> PortalStarted:
    """Return lines of an order: the return policy answers at once; an authorised return's
    lines are priced for keep-it. The same order again gives the same return and a new link
    (``created`` false). Public, rate limited."""
    ratelimit.limit(request, DOOR)
    started = portal.start_return(
        app.uow(),
        app.policy,
        app.transport,
        load_keep_it_rules(app.settings.keep_it_file),
        order_ref=body.order_ref,
        proof=body.proof,
        lines=[
            portal.PortalLine(ln.line_no, ln.quantity, ln.reason, ln.comment) for ln in body.lines
        ],
        outcome=body.outcome,
        way_back=body.way_back,
        language=body.language,
        feedback_min_sales=app.settings.resale_feedback_min_sales,
    )
    return PortalStarted(
        number=started.rma.number,
        state=started.rma.state,
        decision_reason=started.rma.decision_reason,
        created=started.created,
        token=started.token,
        link=f"/portal/r/{started.token}",
    )


@router.get("/returns/{token}")
def return_status(token: str, app: AppDep) -> PortalStatus:
    """The return the token opens: its state, lines, keep-it figures, photos, label, refund."""
    return status_public(portal.view(app.uow(), token))


@router.post("/returns/{token}/label", responses=_PDF, response_class=Response)
def book_label(token: str, request: Request, app: AppDep) -> Response:
    """Book the return's parcel (once; later calls give the same label) and give its label."""
    facts = portal.get_label(app.uow(), app.transport, token)
    return label_response(facts, lang_of(request))


@router.get("/returns/{token}/label", responses=_PDF, response_class=Response)
def label(token: str, request: Request, app: AppDep) -> Response:
    """The label of the booked parcel (it books nothing: 409 before the booking)."""
    seen = portal.view(app.uow(), token)
    facts = labels_service.return_label(app.uow(), app.transport, seen.rma.number)
    return label_response(facts, lang_of(request))


@router.post("/returns/{token}/keep")
def keep_item(token: str, body: KeepCreate, app: AppDep) -> PortalStatus:
    """Keep (or give away) a line offered keep-it: refunded without return."""
    portal.keep_item(app.uow(), token, body.line_no, body.choice)
    return status_public(portal.view(app.uow(), token))


@router.post("/returns/{token}/photos", status_code=status.HTTP_201_CREATED)
async def add_photo(
    token: str,
    request: Request,
    app: AppDep,
    line_no: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> PhotoPublic:
    """A photo of a damage as the request's body (JPEG or PNG, checked by its first bytes,
    at most ``REVALO_PORTAL_PHOTO_BYTES``)."""
    from starlette.concurrency import run_in_threadpool

    content = await request.body()
    photo = await run_in_threadpool(
        portal.add_photo,
        app.uow(),
        token,
        line_no,
        content,
        max_bytes=app.settings.portal_photo_bytes,
    )
    return PhotoPublic.model_validate(photo)
