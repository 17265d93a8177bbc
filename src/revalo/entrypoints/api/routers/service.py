"""Customer service's desk: one search over the returns, a return's whole history, notes
and contacts, a label sent again, exceptions to the policy; satisfaction (CSAT and time to
refund); the clients' signed webhook endpoints."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from starlette.responses import Response

from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.domain.webhooks import WebhookEndpoint
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.schemas.service import (
    EntryPublic,
    ExceptionCreate,
    ExceptionPublic,
    FoundReturnPublic,
    FoundReturnsPublic,
    GroupPublic,
    HistoryPublic,
    LabelEmailPublic,
    NoteCreate,
    NotePublic,
    SatisfactionPublic,
    WebhookCreate,
    WebhookCreatedPublic,
    WebhookPublic,
    WebhooksPublic,
)
from revalo.entrypoints.api.types import Limit, Offset, ReturnNumberPath, RowId
from revalo.entrypoints.labels import label_pdf
from revalo.services import satisfaction, service_desk, webhooks

router = APIRouter(prefix="/service", tags=["customer service"])
Days = Annotated[int | None, Query(ge=1, le=3650, description="answered within these days")]
_CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "CSAT and time to refund by group"}
}


@router.get("/returns", dependencies=[need(Permission.VIEW_SERVICE)])
def find_returns(
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="order, name, e-mail, parcel")
    ],
    uow: ReadUowDep,
    user: CurrentUser,
    limit: Limit = 20,
    offset: Offset = 0,
) -> FoundReturnsPublic:
    """The returns whose number, order reference, customer (code, name, e-mail) or parcel
    (SSCC as typed or scanned, a unit's LPN) match, newest first (at most 50 a page)."""
    found = service_desk.find_returns(uow, q, by=user, limit=min(limit, 50), offset=offset)
    return FoundReturnsPublic(
        data=[FoundReturnPublic.model_validate(r) for r in found.returns], count=found.total
    )


@router.get("/returns/{number}/history", dependencies=[need(Permission.VIEW_SERVICE)])
def history(
    number: ReturnNumberPath,
    uow: ReadUowDep,
    user: CurrentUser,
    limit: Limit = 200,
    offset: Offset = 0,
) -> HistoryPublic:
    """Everything about the return in time order: its request and decision, exceptions, the
    label booked, its units' events, the e-mails and webhooks, refunds and notes."""
    h = service_desk.return_history(uow, number, by=user)
    return HistoryPublic(
        number=h.rma.number,
        state=h.rma.state,
        decision_reason=h.rma.decision_reason,
        data=[EntryPublic.model_validate(e) for e in h.entries[offset : offset + limit]],
        count=len(h.entries),
    )


@router.post(
    "/returns/{number}/notes",
    dependencies=[need(Permission.RECORD_CONTACT)],
    status_code=status.HTTP_201_CREATED,
)
def add_note(
    number: ReturnNumberPath, body: NoteCreate, uow: UowDep, user: CurrentUser
) -> NotePublic:
    """Write a note, or a contact with the customer (phone, e-mail, chat); kept as written."""
    note = service_desk.add_note(uow, number, text=body.text, channel=body.channel, by=user)
    return NotePublic.model_validate(note)


@router.post(
    "/returns/{number}/exception",
    dependencies=[need(Permission.AUTHORISE_EXCEPTION)],
    status_code=status.HTTP_201_CREATED,
)
def authorise_exception(
    number: ReturnNumberPath, body: ExceptionCreate, uow: UowDep, user: CurrentUser
) -> ExceptionPublic:
    """Authorise a return the policy rejected or left for review, with the reason; the
    policy's answer is kept, and the customer gets the "accepted" e-mail."""
    return ExceptionPublic.model_validate(
        service_desk.authorise_exception(uow, number, reason=body.reason, by=user)
    )


@router.post("/returns/{number}/label-email", dependencies=[need(Permission.RESEND_LABEL)])
def resend_label(
    number: ReturnNumberPath, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> LabelEmailPublic:
    """E-mail the customer the booked parcel's label again (PDF attached, with its QR
    code's link); once per click: send an Idempotency-Key, and a second request within a
    minute gives the first e-mail."""
    sent = service_desk.resend_label(uow, transport, label_pdf, number, by=user)
    return LabelEmailPublic(
        message_id=(sent.message.id or 0) if sent.message else 0,
        sscc=sent.facts.consignment.sscc or "",
        new=sent.new,
    )


@router.get("/satisfaction", dependencies=[need(Permission.VIEW_SATISFACTION)])
def get_satisfaction(uow: ReadUowDep, user: CurrentUser, days: Days = None) -> SatisfactionPublic:
    """CSAT (the share of 4 and 5 out of 5) and the median days to refund, in all and by
    reason, product category and the customer's country."""
    f = satisfaction.satisfaction(uow, by=user, today=utcnow().date(), days=days)
    return SatisfactionPublic(
        answers=f.answers, csat=f.csat, groups=[GroupPublic.model_validate(g) for g in f.groups]
    )


@router.get(
    "/satisfaction.csv",
    dependencies=[need(Permission.VIEW_SATISFACTION)],
    response_class=Response,
    responses=_CSV,
)
def satisfaction_csv(uow: ReadUowDep, user: CurrentUser, days: Days = None) -> Response:
    """The same figures as CSV, one line a group."""
    f = satisfaction.satisfaction(uow, by=user, today=utcnow().date(), days=days)
    return Response(
        satisfaction.satisfaction_csv(f),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="satisfaction.csv"'},
    )


def _hook(e: WebhookEndpoint) -> dict[str, Any]:
    return {
        "id": e.id or 0,
        "client_code": e.client_code,
        "url": e.url,
        "events": sorted(k.value for k in e.events),
        "active": e.active,
        "created_by": e.created_by,
        "created_at": e.created_at,
    }


@router.get("/webhooks", dependencies=[need(Permission.MANAGE_WEBHOOKS)])
def list_webhooks(
    uow: ReadUowDep, user: CurrentUser, limit: Limit = 50, offset: Offset = 0
) -> WebhooksPublic:
    """The clients' endpoints (without their secrets) and what waits in the outbox for them."""
    found = webhooks.list_endpoints(uow, by=user, limit=limit, offset=offset)
    return WebhooksPublic(
        data=[WebhookPublic(**_hook(e)) for e in found],
        count=len(found),
        pending=webhooks.pending_count(uow, by=user),
    )


@router.post(
    "/webhooks",
    dependencies=[need(Permission.MANAGE_WEBHOOKS)],
    status_code=status.HTTP_201_CREATED,
)
def add_webhook(body: WebhookCreate, uow: UowDep, user: CurrentUser) -> WebhookCreatedPublic:
    """A client's endpoint for the events named; the answer shows its secret once. Each
    message is signed: ``Revalo-Signature: t=<unix time>,v1=<HMAC-SHA256 of "t.body">``."""
    e = webhooks.add_endpoint(
        uow, client_code=body.client_code, url=body.url, events=body.events, by=user
    )
    return WebhookCreatedPublic(**_hook(e), secret=e.secret)


@router.post("/webhooks/{endpoint_id}/deactivate", dependencies=[need(Permission.MANAGE_WEBHOOKS)])
def deactivate_webhook(endpoint_id: RowId, uow: UowDep, user: CurrentUser) -> WebhookPublic:
    """Stop sending to the endpoint: its waiting messages stay in the outbox."""
    return WebhookPublic(
        **_hook(webhooks.set_endpoint_active(uow, endpoint_id, active=False, by=user))
    )
