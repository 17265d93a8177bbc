"""The partners' records on the pages: every partner site over a period (by default the
last four weeks), with the units handed over and sent for work, turnaround, work done right
the first time and what the units brought back, held against each one's terms. The same use
cases as the API's."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.errors import DomainError
from revalo.domain.partner_records import PARTNER_KINDS
from revalo.domain.people import Permission, User
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.render import WebRoute, page
from revalo.services import partner_terms, partners
from revalo.services.ports import UnitOfWork

router = APIRouter(route_class=WebRoute, include_in_schema=False)
T = TypeVar("T")


def partner_sites(
    uow: UnitOfWork, user: User, kinds: frozenset[SiteKind] = PARTNER_KINDS
) -> list[Site]:
    """The partner sites (of these kinds) a form lets ``user`` pick, by code: a partner's
    own, everybody else's all."""
    visible = user.visible_sites
    with uow:
        found = [
            s for s in uow.sites.list()
            if s.kind in kinds and (visible is None or s.code in visible)
        ]  # fmt: skip
    return sorted(found, key=lambda s: s.code)


def chosen_site(q: Mapping[str, str], errors: Errors, sites: list[Site]) -> str | None:
    """The partner site a page is asked for (``site``), else the first of those it lets the
    user pick."""
    return forms.code(q, "site", errors) or (sites[0].code if sites else None)


def site_read(errors: Errors, site: str | None, read: Callable[[str], T], empty: T) -> T:
    """What ``read`` finds for the site chosen, or ``empty`` with why not next to the site
    (a site that is not a partner, or not the user's)."""
    if errors or not site:
        return empty
    try:
        return read(site)
    except DomainError as exc:
        errors.add("site", exc.message)
        return empty


@router.get("/partners", dependencies=[need(Permission.VIEW_PARTNERS)], response_class=HTMLResponse)
def partners_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The partner sites' records over the period asked (``from``, ``to``)."""
    errors = Errors()
    q = dict(request.query_params)
    first, last = forms.day(q, "from", errors), forms.day(q, "to", errors)
    found = None
    if not errors:
        try:
            found = partners.partner_records(
                uow,
                by=user,
                first=first.date() if first else None,
                last=last.date() if last else None,
            )
        except DomainError as exc:
            errors.add("from", exc.message)
    ctx = {
        "found": found,
        "records": [r for r in found.records if r.handed_over or r.arrived] if found else [],
        "quiet": [r for r in found.records if not (r.handed_over or r.arrived)] if found else [],
        "first": q.get("from", ""),
        "last": q.get("to", ""),
        "errors": errors,
        "terms": partner_terms.terms_by_site(uow, by=user),
        "may_set_terms": user.can(Permission.SET_PARTNER_TERMS),
    }
    status = 422 if errors else 200
    return page(request, "partners.html", ctx, nav="partners", status=status)
