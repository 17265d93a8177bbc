"""After-sales: refunds with their deadline (what a return owes back, its proof of
sending, its refunds, exchanges and store credit; what is due and late; the figures; the
finance export), the e-mails to the customer, and how a return ends (cancelled, closed)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from starlette.responses import Response

from revalo.domain.errors import NotFound
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas import ReturnPublic
from revalo.entrypoints.api.schemas.refunds import (
    DueRefundPublic,
    DueRefundsPublic,
    EmailPublic,
    EmailsPublic,
    ProofOfSendingCreate,
    RefundCaseCreate,
    RefundCasePublic,
    RefundCreate,
    RefundFiguresPublic,
    ReturnCancel,
    case_public,
)
from revalo.entrypoints.api.types import ClientCodeQuery, Limit, Offset, ReturnNumberPath
from revalo.services import notifications, return_end
from revalo.services import refunds as service

router = APIRouter(tags=["refunds"])
_CSV: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "the refunds, one line each"}
}


def _client(code: str | None) -> str | None:
    return code.strip().upper() if code else None


@router.post(
    "/returns/{number}/refund-case",
    dependencies=[need(Permission.RECORD_REFUND)],
    status_code=status.HTTP_201_CREATED,
)
def open_refund(
    number: ReturnNumberPath, body: RefundCaseCreate, uow: UowDep, user: CurrentUser
) -> RefundCasePublic:
    """Record what the customer paid and the outcome they chose (refund, exchange, store
    credit). The deadline is 14 days from the withdrawal notice (2011/83/EU art. 13)."""
    case = service.open_refund(
        uow, number, paid=body.paid, outcome=body.outcome, notified_on=body.notified_on, by=user
    )
    return case_public(case, utcnow().date())


@router.get("/returns/{number}/refund-case", dependencies=[need(Permission.VIEW_REFUNDS)])
def get_refund_case(
    number: ReturnNumberPath, uow: ReadUowDep, user: CurrentUser
) -> RefundCasePublic:
    """The return's refund case: its dates, deadline and state today, and its refunds."""
    case = service.refund_case(uow, number, by=user)
    if case is None:
        raise NotFound(f"return {number} has no refund case: record what the customer paid first")
    return case_public(case, utcnow().date())


@router.post("/returns/{number}/proof-of-sending", dependencies=[need(Permission.RECORD_REFUND)])
def proof_of_sending(
    number: ReturnNumberPath, body: ProofOfSendingCreate, uow: UowDep, user: CurrentUser
) -> RefundCasePublic:
    """The customer showed they sent the goods: the refund may no longer wait for them."""
    case = service.record_proof_of_sending(uow, number, on=body.on, by=user)
    return case_public(case, utcnow().date())


@router.post(
    "/returns/{number}/refunds",
    dependencies=[need(Permission.RECORD_REFUND)],
    status_code=status.HTTP_201_CREATED,
)
def record_refund(
    number: ReturnNumberPath, body: RefundCreate, uow: UowDep, user: CurrentUser
) -> RefundCasePublic:
    """Pay back what is owed, or a part of it with the reason; never more than was paid,
    however many agents refund at once."""
    case = service.record_refund(
        uow,
        number,
        amount=body.amount,
        method=body.method,
        paid_on=body.paid_on,
        partial_reason=body.partial_reason,
        note=body.note,
        by=user,
    )
    return case_public(case, utcnow().date())


@router.get("/returns/{number}/emails", dependencies=[need(Permission.VIEW_RETURNS)])
def return_emails(
    number: ReturnNumberPath,
    uow: ReadUowDep,
    app: AppDep,
    user: CurrentUser,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EmailsPublic:
    """The e-mails written to the customer about the return (authorised, received,
    refunded), oldest first, with their delivery: sent, or waiting with its attempts, next
    attempt and last failure."""
    found = notifications.return_notifications(uow, number, by=user)
    return EmailsPublic(
        data=[
            EmailPublic(
                id=m.id or 0,
                kind=m.kind.value,
                recipient=m.recipient,
                language=m.language,
                subject=m.subject,
                state=m.state.value,
                attempts=m.attempts,
                created_at=m.created_at,
                next_attempt_at=m.next_attempt_at,
                sent_at=m.sent_at,
                last_error=m.last_error,
            )
            for m in found[offset : offset + limit]
        ],
        count=len(found),
        mail_server=app.settings.smtp is not None,
    )


@router.post("/returns/{number}/cancel", dependencies=[need(Permission.CANCEL_RETURN)])
def cancel_return(
    number: ReturnNumberPath, body: ReturnCancel, uow: UowDep, user: CurrentUser
) -> ReturnPublic:
    """Cancel a return not yet received (nothing of it scanned in, nothing refunded), with
    the reason the customer reads."""
    return ReturnPublic.model_validate(
        return_end.cancel_return(uow, number, reason=body.reason, by=user)
    )


@router.post("/returns/{number}/close", dependencies=[need(Permission.CLOSE_RETURN)])
def close_return(number: ReturnNumberPath, uow: UowDep, user: CurrentUser) -> ReturnPublic:
    """Close a received return whose units have all left the parallel stock and whose
    refund, exchange or credit is settled; refused (409) naming what keeps it open."""
    return ReturnPublic.model_validate(return_end.close_return(uow, number, by=user))


@router.get("/refunds/due", dependencies=[need(Permission.VIEW_REFUNDS)])
def refunds_due(
    uow: ReadUowDep,
    user: CurrentUser,
    client_code: ClientCodeQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> DueRefundsPublic:
    """What is still owed: the late first, then due soon, due, and waiting for the goods."""
    due = service.refunds_due(uow, by=user, today=utcnow().date(), client_code=_client(client_code))
    page = due[offset : offset + limit]
    return DueRefundsPublic(
        data=[
            DueRefundPublic(
                return_number=d.case.return_number,
                customer_code=d.case.customer_code,
                client_code=d.case.client_code,
                state=d.state,
                deadline=d.case.deadline,
                days_left=d.days_left,
                outstanding=d.case.outstanding,
            )
            for d in page
        ],
        count=len(due),
    )


@router.get("/refunds/figures", dependencies=[need(Permission.VIEW_DASHBOARD)])
def refund_figures(
    uow: ReadUowDep,
    user: CurrentUser,
    days: Annotated[int | None, Query(ge=1, le=3650, description="notified within")] = None,
    client_code: ClientCodeQuery = None,
) -> RefundFiguresPublic:
    """Time to refund (days from the notice to the refund that settled it: median and 90th
    percentile) and the late refunds."""
    f = service.refund_figures(
        uow, by=user, today=utcnow().date(), days=days, client_code=_client(client_code)
    )
    return RefundFiguresPublic(
        cases=f.cases,
        settled=f.settled,
        late_now=f.late_now,
        settled_late=f.settled_late,
        median_days=f.median_days,
        p90_days=f.p90_days,
        on_time_share=f.on_time_share,
    )


@router.get(
    "/refunds/export",
    dependencies=[need(Permission.EXPORT_REFUNDS)],
    response_class=Response,
    responses=_CSV,
)
def export_refunds(
    uow: ReadUowDep,
    user: CurrentUser,
    start: Annotated[date, Query(description="the first day paid (inclusive)")],
    end: Annotated[date, Query(description="the day after the last (exclusive)")],
    client_code: ClientCodeQuery = None,
) -> Response:
    """The refunds paid between two days, as CSV for accounting (amounts in EUR)."""
    text = service.export_refunds(
        uow, start=start, end=end, by=user, client_code=_client(client_code)
    )
    name = f"refunds-{start.isoformat()}-{end.isoformat()}.csv"
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
