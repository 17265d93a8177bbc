"""Customer service's refunds: the list of refunds due, due soon and late (with the finance
export), and on a return's page its refund case with the forms to record what was paid,
the proof of sending and the refunds. The same use cases as the API's."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.after_sales import METHODS, Outcome
from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.people import Permission
from revalo.domain.refunds import DeadlineState, PartialReason, RefundMethod
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.client_filter import chosen_client
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import notifications, refunds, return_end

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: The most a form accepts as an amount (EUR).
MOST = Decimal("1000000")


@router.get("/refunds", dependencies=[need(Permission.VIEW_REFUNDS)], response_class=HTMLResponse)
def refunds_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The refunds still owed, the late first; the counts of each state; the export."""
    errors = Errors()
    client, clients = chosen_client(uow, request.query_params, errors, user)
    today = utcnow().date()
    due = refunds.refunds_due(uow, by=user, today=today, client_code=client)
    counts = {s: sum(1 for d in due if d.state is s) for s in refunds.URGENCY}
    ctx = {
        "due": due,
        "counts": counts,
        "today": today,
        "errors": errors,
        "client": client,
        "clients": clients,
        "month_start": today.replace(day=1),
        "may_export": user.can(Permission.EXPORT_REFUNDS),
    }
    return page(request, "refunds.html", ctx, nav="refunds")


def case_context(uow: ReadUowDep, number: str, user: CurrentUser) -> dict[str, object]:
    """What a return's page shows of its refund case, for a user who may see refunds."""
    if not user.can(Permission.VIEW_REFUNDS):
        return {"refund_shown": False}
    case = refunds.refund_case(uow, number, by=user)
    today = utcnow().date()
    return {
        "refund_shown": True,
        "refund": case,
        "refund_state": case.state(today) if case else None,
        "refund_methods": sorted(METHODS[case.outcome]) if case else [],
        "outcomes": list(Outcome),
        "partial_reasons": list(PartialReason),
        "settled": DeadlineState.SETTLED,
    }


def outbox_context(
    uow: ReadUowDep, number: str, user: CurrentUser, mail_server: bool
) -> dict[str, object]:
    """The e-mails written to the customer about the return, with their delivery."""
    return {
        "emails": notifications.return_notifications(uow, number, by=user),
        "mail_server": mail_server,
    }


def end_context(uow: ReadUowDep, number: str, user: CurrentUser) -> dict[str, object]:
    """Whether the return may close or be cancelled now, and what stands in the way."""
    return {"end": return_end.how_it_ends(uow, number, by=user)}


def _require(data: dict[str, str], errors: Errors, *names: str) -> None:
    """Name each of these fields left empty."""
    for name in names:
        if name not in errors:
            forms.text(data, name, errors, max_length=40, required=True)


def _back(number: str, anchor: str = "refund") -> str:
    return f"/returns/{number}#{anchor}"


def _attempt(
    request: Request, number: str, run: Callable[[], object], key: str, *, anchor: str = "refund"
) -> Response:
    return attempt(request, _back(number, anchor), number, run, key)


def attempt(
    request: Request, back: str, number: str, run: Callable[[], object], key: str
) -> Response:
    """Run the use case; back to ``back`` with what it did, or why it refused."""
    try:
        run()
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect(back, flash=in_language(exc.message, language(request)))
    t = translator(language(request))
    return redirect(back, flash=t(key, number=number.upper()))


@router.post(
    "/returns/{number}/refund-case",
    dependencies=[need(Permission.RECORD_REFUND)],
    response_model=None,
)
def open_form(
    request: Request, number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    paid = forms.amount(data, "paid", errors, high=MOST)
    outcome = forms.choice(data, "outcome", errors, Outcome, required=True)
    notified = forms.day(data, "notified_on", errors)
    _require(data, errors, "paid")
    if errors or paid is None or outcome is None:
        return redirect(_back(number[:20]), flash="; ".join(errors.values()))
    return _attempt(
        request,
        number[:20],
        lambda: refunds.open_refund(
            uow,
            number[:20],
            paid=paid,
            outcome=outcome,
            notified_on=notified.date() if notified else None,
            by=user,
        ),
        "refunds.opened_flash",
    )


@router.post(
    "/returns/{number}/proof-of-sending",
    dependencies=[need(Permission.RECORD_REFUND)],
    response_model=None,
)
def proof_form(
    request: Request, number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    on = forms.day(data, "on", errors)
    _require(data, errors, "on")
    if errors or on is None:
        return redirect(_back(number[:20]), flash="; ".join(errors.values()))
    day = on.date()
    return _attempt(
        request,
        number[:20],
        lambda: refunds.record_proof_of_sending(uow, number[:20], on=day, by=user),
        "refunds.proof_flash",
    )


@router.post(
    "/returns/{number}/refunds", dependencies=[need(Permission.RECORD_REFUND)], response_model=None
)
def refund_form(
    request: Request, number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    amount = forms.amount(data, "amount", errors, high=MOST)
    method = forms.choice(data, "method", errors, RefundMethod, required=True)
    reason = forms.choice(data, "partial_reason", errors, PartialReason)
    paid_on = forms.day(data, "paid_on", errors)
    note = forms.text(data, "note", errors, max_length=2000)
    _require(data, errors, "amount")
    if errors or amount is None or method is None:
        return redirect(_back(number[:20]), flash="; ".join(errors.values()))
    return _attempt(
        request,
        number[:20],
        lambda: refunds.record_refund(
            uow,
            number[:20],
            amount=amount,
            method=method,
            partial_reason=reason,
            paid_on=paid_on.date() if paid_on else None,
            note=note,
            by=user,
        ),
        "refunds.refunded_flash",
    )


@router.post(
    "/returns/{number}/cancel", dependencies=[need(Permission.CANCEL_RETURN)], response_model=None
)
def cancel_form(
    request: Request, number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    reason = forms.text(data, "reason", errors, max_length=2000, required=True)
    if errors:
        return redirect(f"/returns/{number[:20]}#end", flash="; ".join(errors.values()))
    return _attempt(
        request,
        number[:20],
        lambda: return_end.cancel_return(uow, number[:20], reason=reason, by=user),
        "end.cancelled_flash",
        anchor="end",
    )


@router.post(
    "/returns/{number}/close", dependencies=[need(Permission.CLOSE_RETURN)], response_model=None
)
def close_form(request: Request, number: str, uow: UowDep, user: CurrentUser) -> Response:
    return _attempt(
        request,
        number[:20],
        lambda: return_end.close_return(uow, number[:20], by=user),
        "end.closed_flash",
        anchor="end",
    )
