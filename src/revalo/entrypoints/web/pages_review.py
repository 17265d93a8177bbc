"""Reviewing a return the policy left for review: authorise it (to a hub, the nearest by
default) or reject it, with a reason. The same use cases as the API's."""

from __future__ import annotations

from fastapi import APIRouter, Response

from revalo.domain.errors import DomainError
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import say
from revalo.entrypoints.web.render import WebRoute, redirect
from revalo.services import returns

router = APIRouter(route_class=WebRoute, include_in_schema=False)


def _back(number: str, message: str) -> Response:
    return redirect(f"/returns/{number}", flash=message)


@router.post(
    "/returns/{number}/authorise",
    response_model=None,
    dependencies=[need(Permission.AUTHORISE_RETURN)],
)
def authorise_form(number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data = forms.fields(form)
    errors = Errors()
    reason = forms.text(data, "reason", errors, max_length=500) or "reviewed: authorised"
    hub = forms.code(data, "destination_site", errors)
    number = number[:20].strip().upper()
    if errors:
        return _back(number, "; ".join(errors.values()))
    try:
        done = returns.authorise_return(
            uow, number, by=user, reason=reason, destination_site=hub or None
        )
    except DomainError as exc:
        return _back(number, exc.message)
    return _back(number, say("msg.authorised", number=done.number, site=done.destination_site))


@router.post(
    "/returns/{number}/reject",
    response_model=None,
    dependencies=[need(Permission.REJECT_RETURN)],
)
def reject_form(number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data = forms.fields(form)
    errors = Errors()
    reason = forms.text(data, "reason", errors, max_length=500, required=True)
    number = number[:20].strip().upper()
    if errors or not reason:
        return _back(number, say("form.reject_reason"))
    try:
        done = returns.reject_return(uow, number, by=user, reason=reason)
    except DomainError as exc:
        return _back(number, exc.message)
    return _back(number, say("msg.rejected", number=done.number))
