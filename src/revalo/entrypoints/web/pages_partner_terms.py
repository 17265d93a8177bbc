"""A partner's terms on the pages: the form that agrees a new version (on the partners'
page), typed in percentages and days. The same use case as the API's."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request, Response

from revalo.domain.partner_terms import MAX_NOTE
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.render import WebRoute, redirect
from revalo.services import partner_terms

router = APIRouter(route_class=WebRoute, include_in_schema=False)
BACK = "/partners#partner-terms"


def _percent(data: dict[str, str], name: str) -> str | None:
    """A share typed in percent on the form ("35" is 35 %); empty: not agreed."""
    raw = data.get(name, "").strip()
    if not raw:
        return None
    return raw if raw.endswith("%") else f"{raw} %"


@router.post("/partners/terms", dependencies=[need(Permission.SET_PARTNER_TERMS)])
def set_form(request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data, errors = forms.fields(form), Errors()
    code = forms.text(data, "site_code", errors, max_length=40, required=True)
    since = forms.day(data, "valid_from", errors)
    note = forms.text(data, "note", errors, max_length=MAX_NOTE)
    for name in ("price_share", "turnaround_days", "first_time_right"):
        forms.text(data, name, errors, max_length=20)
    if errors:
        return redirect(BACK, flash="; ".join(errors.values()))
    valid_from: date | None = since.date() if since else None
    return attempt(
        request,
        BACK,
        lambda: partner_terms.set_terms(
            uow,
            site_code=code,
            valid_from=valid_from,
            price_share=_percent(data, "price_share"),
            turnaround_days=data.get("turnaround_days", "").strip() or None,
            first_time_right=_percent(data, "first_time_right"),
            note=note,
            by=user,
        ),
        "partners.terms.set_flash",
        lambda t: {"site": t.site_code, "version": t.version},
    )
