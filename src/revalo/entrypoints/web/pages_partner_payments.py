"""A partner's payments on the pages: those of one of its sites, the latest paid first, and
the form that records one (its units by LPN or serial, its reference, its amount or the
price share of the terms, the day paid). The same use cases as the API's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.partner_payments import MAX_PAYMENT, MAX_REFERENCE, PartnerPayment
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import formats, forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.pages_partners import chosen_site, partner_sites, site_read
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.services import partner_payments

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: The payments the page shows at once (the API pages through all).
SHOWN = 100


@router.get(
    "/partners/payments",
    dependencies=[need(Permission.VIEW_PARTNERS)],
    response_class=HTMLResponse,
)
def payments_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The payments of the partner site asked (``site``; a partner: its own)."""
    errors = Errors()
    sites = partner_sites(uow, user)
    site = chosen_site(dict(request.query_params), errors, sites)
    none: tuple[list[PartnerPayment], int] = ([], 0)
    found, count = site_read(
        errors,
        site,
        lambda code: partner_payments.payments(uow, by=user, site_code=code, limit=SHOWN),
        none,
    )
    ctx = {
        "sites": sites,
        "site": site or "",
        "payments": found,
        "count": count,
        "errors": errors,
        "today": utcnow().date().isoformat(),
        "max_reference": MAX_REFERENCE,
        "may_record": user.can(Permission.RECORD_PAYMENTS),
    }
    return page(
        request, "partner_payments.html", ctx, nav="partners", status=422 if errors else 200
    )


@router.post("/partners/payments", dependencies=[need(Permission.RECORD_PAYMENTS)])
def record_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.text(data, "site_code", errors, max_length=40, required=True)
    codes = forms.text(data, "codes", errors, max_length=20000, required=True)
    reference = forms.text(data, "reference", errors, max_length=MAX_REFERENCE, required=True)
    amount = forms.amount(data, "amount", errors, high=MAX_PAYMENT)
    paid_on = forms.day(data, "paid_on", errors)
    back = f"/partners/payments?site={site}"
    if errors:
        return redirect(back, flash="; ".join(errors.values()))
    lang = language(request)
    return attempt(
        request,
        back,
        lambda: partner_payments.record_payment(
            uow,
            site_code=site,
            codes=codes.replace(",", " ").split(),
            reference=reference,
            amount=amount,
            paid_on=paid_on.date() if paid_on else None,
            by=user,
        ),
        "payments.recorded_flash",
        lambda p: {"number": p.number, "sum": formats.money(p.amount, lang=lang)},
    )
