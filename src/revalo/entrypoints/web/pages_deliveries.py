"""A partner's deliveries on the pages: the units handed over to one of its sites, waiting
first, the scan box that accepts them one by one, and the form that records the resale of
one accepted (an outlet's, a resale partner's). The same use cases as the API's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.deliveries import HandedUnit
from revalo.domain.partner_resales import MAX_RECEIPT, MAX_RESALE_PRICE, RESELLER_KINDS
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import formats, forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.pages_partners import chosen_site, partner_sites, site_read
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.services import deliveries, partner_resales

router = APIRouter(route_class=WebRoute, include_in_schema=False)


@router.get(
    "/partners/deliveries",
    dependencies=[need(Permission.VIEW_PARTNERS)],
    response_class=HTMLResponse,
)
def deliveries_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The units handed over to the partner site asked (``site``; a partner: its own)."""
    errors = Errors()
    sites = partner_sites(uow, user)
    site = chosen_site(dict(request.query_params), errors, sites)
    found: list[HandedUnit] = site_read(
        errors, site, lambda code: deliveries.deliveries(uow, by=user, site_code=code), []
    )
    resells = any(s.code == site and s.kind in RESELLER_KINDS for s in sites)
    ctx = {
        "sites": sites,
        "site": site or "",
        "units": found,
        "waiting": sum(1 for u in found if not u.accepted),
        "resold": sum(1 for u in found if u.resold_on is not None),
        "errors": errors,
        "may_accept": user.can(Permission.RECEIVE),
        "may_resell": resells and user.can(Permission.RECORD_RESALES),
        "max_receipt": MAX_RECEIPT,
    }
    return page(request, "deliveries.html", ctx, nav="partners", status=422 if errors else 200)


@router.post("/partners/deliveries", dependencies=[need(Permission.RECEIVE)])
def accept_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.text(data, "site_code", errors, max_length=40, required=True)
    code = forms.text(data, "code", errors, max_length=80, required=True)
    back = f"/partners/deliveries?site={site}"
    if errors:
        return redirect(back, flash="; ".join(errors.values()))
    return attempt(
        request,
        back,
        lambda: deliveries.accept(uow, site_code=site, code=code, by=user),
        "deliveries.accepted_flash",
        lambda u: {"lpn": u.lpn},
    )


@router.post("/partners/deliveries/resales", dependencies=[need(Permission.RECORD_RESALES)])
def resale_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.text(data, "site_code", errors, max_length=40, required=True)
    code = forms.text(data, "code", errors, max_length=80, required=True)
    forms.text(data, "price", errors, max_length=20, required=True)
    price = forms.amount(data, "price", errors, high=MAX_RESALE_PRICE)
    sold_on = forms.day(data, "sold_on", errors)
    receipt = forms.text(data, "receipt", errors, max_length=MAX_RECEIPT)
    back = f"/partners/deliveries?site={site}"
    if errors or price is None:
        return redirect(back, flash="; ".join(errors.values()))
    lang = language(request)
    return attempt(
        request,
        back,
        lambda: partner_resales.record_resale(
            uow,
            site_code=site,
            code=code,
            price=price,
            sold_on=sold_on.date() if sold_on else None,
            receipt=receipt,
            by=user,
        ),
        "resales.recorded_flash",
        lambda r: {"lpn": r.lpn, "sum": formats.money(r.price, lang=lang)},
    )
