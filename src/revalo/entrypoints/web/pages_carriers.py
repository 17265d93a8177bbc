"""The carriers page: the carriers of the rate cards, their services, and their receipts as
waste transporters, which the waste-tracking slips name; and the form that keeps a receipt.
The same use cases as the API's and the command line's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.people import Permission
from revalo.domain.transporter_receipts import MAX_CARRIER, MAX_NUMBER
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.render import WebRoute, page, redirect
from revalo.services import transporter_receipts as receipts
from revalo.services.common import when

router = APIRouter(route_class=WebRoute, include_in_schema=False)
BACK = "/carriers#receipts"


@router.get(
    "/carriers", dependencies=[need(Permission.VIEW_CATALOGUE)], response_class=HTMLResponse
)
def carriers_page(
    request: Request, uow: ReadUowDep, user: CurrentUser, transport: TransportDep
) -> HTMLResponse:
    """Every carrier with its services and its receipts, each valid, expiring or expired."""
    today = when(None).date()
    found = receipts.carriers(uow, transport, by=user, on=today)
    ctx = {
        "carriers": found,
        "today": today,
        "may_record": user.can(Permission.MANAGE_SITES),
        "max_carrier": MAX_CARRIER,
        "max_number": MAX_NUMBER,
    }
    return page(request, "carriers.html", ctx, nav="carriers")


@router.post("/carriers/receipts", dependencies=[need(Permission.MANAGE_SITES)])
def receipt_form(
    request: Request,
    form: forms.PostedForm,
    uow: UowDep,
    user: CurrentUser,
    transport: TransportDep,
) -> Response:
    """Keep a carrier's receipt: its number, département and last valid day."""
    data, errors = forms.fields(form), Errors()
    carrier = forms.text(data, "carrier", errors, max_length=MAX_CARRIER, required=True)
    number = forms.text(data, "number", errors, max_length=MAX_NUMBER, required=True)
    department = forms.text(data, "department", errors, max_length=3, required=True)
    last = forms.day(data, "valid_until", errors)
    if last is None and "valid_until" not in errors:
        errors.say("valid_until", "form.required", what="valid_until")
    if errors or last is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    return attempt(
        request,
        BACK,
        lambda: receipts.record_transporter_receipt(
            uow,
            transport,
            carrier,
            by=user,
            number=number,
            department=department,
            valid_until=last.date(),
        ),
        "carriers.kept_flash",
        lambda r: {"number": r.number, "carrier": r.carrier},
    )
