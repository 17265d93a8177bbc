"""The routing on the network page: the routing in force and the ones adopted, and the form
that adopts a scenario's hub of each region from a day on."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request, Response

from revalo.domain.people import Permission, User
from revalo.entrypoints.api.deps import CurrentUser, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.attempts import attempt
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.render import WebRoute, redirect
from revalo.services import routing
from revalo.services.ports import UnitOfWork

router = APIRouter(route_class=WebRoute, include_in_schema=False)
BACK = "/network#routing"
#: The routings listed on the page, the latest first.
LISTED = 5


def routing_context(uow: UnitOfWork, user: User) -> dict[str, Any]:
    """What the page shows of the routings, and whether the user may adopt one."""
    today = routing.today()
    history, total = routing.routing_history(uow, by=user, limit=LISTED)
    return {
        "routing_now": routing.routing_in_force(uow, by=user, day=today),
        "routings": history,
        "routings_total": total,
        "may_route": user.can(Permission.SET_ROUTING),
        "route_from": (today + timedelta(days=1)).isoformat(),
        "today": today,
    }


@router.post("/network/routing", dependencies=[need(Permission.SET_ROUTING)])
def adopt_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """Adopt the scenario's hub of each region (the plan's hidden pairs) from the day typed."""
    data, errors = forms.fields(form), Errors()
    start = forms.day(data, "valid_from", errors)
    note = forms.text(data, "note", errors, max_length=300)
    regions = [str(v) for v in form.getlist("region")]
    hubs = [str(v) for v in form.getlist("hub")]
    if start is None and "valid_from" not in errors:
        errors.say("valid_from", "form.required", what="valid_from")
    if len(regions) != len(hubs):
        errors.say("region", "route.pairs")
    if errors or start is None:
        return redirect(BACK, flash="; ".join(errors.values()))
    return attempt(
        request,
        BACK,
        lambda: routing.adopt_routing(
            uow, zip(regions, hubs, strict=True), valid_from=start.date(), note=note, by=user
        ),
        "route.adopted_flash",
        lambda r: {"n": len(r.rules), "day": r.valid_from.isoformat()},
    )
