"""Disputes with the partners on the pages: the list (by site and state), the form that
opens one and the forms that settle an open one. The same use cases as the API's."""

from __future__ import annotations

from decimal import Decimal

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.partner_disputes import MAX_AMOUNT, MAX_TEXT, Dispute, DisputeKind, DisputeState
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.types import RowId
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.pages_partners import partner_sites
from revalo.entrypoints.web.render import WebRoute, page, redirect
from revalo.services import partner_disputes as disputes

router = APIRouter(route_class=WebRoute, include_in_schema=False)
BACK = "/partners/disputes"


@router.get(
    "/partners/disputes", dependencies=[need(Permission.VIEW_PARTNERS)], response_class=HTMLResponse
)
def disputes_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The disputes, newest first (filter by site and state); the forms."""
    errors = Errors()
    q = dict(request.query_params)
    site = forms.code(q, "site", errors)
    state = forms.choice(q, "state", errors, DisputeState)
    number = forms.page_number(q, errors)
    found: list[Dispute] = []
    count = 0
    if not errors:
        found, count = disputes.list_disputes(
            uow, by=user, site_code=site, state=state, limit=forms.PER_PAGE,
            offset=(number - 1) * forms.PER_PAGE,
        )  # fmt: skip
    sites = partner_sites(uow, user)
    ctx = {
        "disputes": found,
        "count": count,
        "page_no": number,
        "pages": forms.page_count(count),
        "site": site or "",
        "state": state,
        "states": list(DisputeState),
        "kinds": list(DisputeKind),
        "sites": sites,
        "errors": errors,
        "may_open": user.can(Permission.OPEN_DISPUTES),
        "may_settle": user.can(Permission.SETTLE_DISPUTES),
        "login": user.login,
    }
    return page(
        request, "partner_disputes.html", ctx, nav="partners", status=422 if errors else 200
    )


@router.post("/partners/disputes", dependencies=[need(Permission.OPEN_DISPUTES)])
def open_form(request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data, errors = forms.fields(form), Errors()
    code = forms.text(data, "site_code", errors, max_length=40, required=True)
    kind = forms.choice(data, "kind", errors, DisputeKind, required=True)
    text = forms.text(data, "text", errors, max_length=MAX_TEXT, required=True)
    lpn = forms.text(data, "lpn", errors, max_length=20)
    claimed = forms.amount(data, "amount_eur", errors, high=MAX_AMOUNT)
    if errors or kind is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    return attempt(
        request,
        BACK,
        lambda: disputes.open_dispute(
            uow,
            site_code=code,
            kind=kind.value,
            text=text,
            lpn=lpn or None,
            amount_eur=claimed,
            by=user,
        ),
        "disputes.opened_flash",
        lambda d: {"number": d.number, "site": d.site_code},
    )


@router.post(
    "/partners/disputes/{dispute_id}/settle", dependencies=[need(Permission.SETTLE_DISPUTES)]
)
def settle_form(
    dispute_id: RowId, request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    outcome = forms.one_of(data, "outcome", errors, ["accept", "reject"], "")
    note = forms.text(data, "note", errors, max_length=MAX_TEXT)
    credit: Decimal | None = forms.amount(data, "credit_eur", errors, high=MAX_AMOUNT)
    if not outcome and "outcome" not in errors:
        errors.say("outcome", "disputes.outcome_needed")
    if errors:
        return redirect(BACK, flash="; ".join(errors.values()))
    return attempt(
        request,
        BACK,
        lambda: disputes.settle_dispute(
            uow, dispute_id, accept=outcome == "accept", note=note, credit_eur=credit, by=user
        ),
        "disputes.accepted_flash" if outcome == "accept" else "disputes.rejected_flash",
        lambda d: {"number": d.number, "credit": d.credit_eur or 0},
    )
