"""A partner's deliveries on the pages: the units handed over to one of its sites, waiting
first, and the scan box that accepts them one by one. The same use cases as the API's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.deliveries import HandedUnit
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.pages_partners import chosen_site, partner_sites, site_read
from revalo.entrypoints.web.render import WebRoute, page, redirect
from revalo.services import deliveries

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
    ctx = {
        "sites": sites,
        "site": site or "",
        "units": found,
        "waiting": sum(1 for u in found if not u.accepted),
        "errors": errors,
        "may_accept": user.can(Permission.RECEIVE),
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
