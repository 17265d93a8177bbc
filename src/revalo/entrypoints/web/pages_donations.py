"""Donations on the pages: a charity's units waiting for its acknowledgment (ticked and
acknowledged together), the donations acknowledged with the form that values them, and each
one's tax receipt data. The same use cases as the API's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.catalog import SiteKind
from revalo.domain.donations import MAX_NOTE, MAX_VALUE, DonatedUnit, Donation
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.types import RowId
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.pages_partners import chosen_site, partner_sites, site_read
from revalo.entrypoints.web.render import WebRoute, page, redirect
from revalo.services import donations

router = APIRouter(route_class=WebRoute, include_in_schema=False)
BACK = "/partners/donations"


@router.get(
    "/partners/donations",
    dependencies=[need(Permission.VIEW_PARTNERS)],
    response_class=HTMLResponse,
)
def donations_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """A charity's units waiting (``site``), and the donations acknowledged."""
    errors = Errors()
    q = dict(request.query_params)
    charities = partner_sites(uow, user, frozenset({SiteKind.CHARITY}))
    site = chosen_site(q, errors, charities)
    number = forms.page_number(q, errors)
    waiting: list[DonatedUnit] = site_read(
        errors, site, lambda code: donations.waiting(uow, by=user, site_code=code), []
    )
    found: list[Donation] = []
    count = 0
    if not errors:
        found, count = donations.list_donations(
            uow, by=user, limit=forms.PER_PAGE, offset=(number - 1) * forms.PER_PAGE
        )
    receipts = donations.receipts(uow, found, by=user)
    ctx = {
        "charities": charities,
        "site": site or "",
        "waiting": waiting,
        "donations": found,
        "receipts": receipts,
        "count": count,
        "page_no": number,
        "pages": forms.page_count(count),
        "errors": errors,
        "may_acknowledge": user.can(Permission.ACKNOWLEDGE_DONATIONS),
        "may_value": user.can(Permission.VALUE_DONATIONS),
    }
    return page(request, "donations.html", ctx, nav="partners", status=422 if errors else 200)


@router.post("/partners/donations", dependencies=[need(Permission.ACKNOWLEDGE_DONATIONS)])
def acknowledge_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.text(data, "site_code", errors, max_length=40, required=True)
    note = forms.text(data, "note", errors, max_length=MAX_NOTE)
    lpns = [v for v in form.getlist("lpn") if isinstance(v, str) and v.strip()]
    if not lpns and "lpn" not in errors:
        errors.say("lpn", "donations.tick")
    back = f"{BACK}?site={site}"
    if errors:
        return redirect(back, flash="; ".join(errors.values()))

    def done(d: Donation) -> dict[str, object]:
        return {"number": d.number, "n": len(d.units)}

    return attempt(
        request,
        back,
        lambda: donations.acknowledge(uow, site_code=site, lpns=lpns, note=note, by=user),
        "donations.acknowledged_flash",
        done,
    )


@router.post(
    "/partners/donations/{donation_id}/value", dependencies=[need(Permission.VALUE_DONATIONS)]
)
def value_form(
    donation_id: RowId, request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    amount = forms.amount(data, "value_eur", errors, high=MAX_VALUE)
    if amount is None and "value_eur" not in errors:
        errors.say("value_eur", "form.required", what="value_eur")
    if errors or amount is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    return attempt(
        request,
        BACK,
        lambda: donations.value(uow, donation_id, value_eur=amount, by=user),
        "donations.valued_flash",
        lambda d: {"number": d.number, "value": d.value_eur},
    )
