"""The shift's assignment page: the engine's proposal for a site's open tasks and the people
on a shift (each person's planned hours, zones and walking; what is left open and why),
accepted by the supervisor in one click. The same use cases as the API's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.floor.team import Shift
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.pages_station import stock_sites
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services.floor import assignment

router = APIRouter(route_class=WebRoute, include_in_schema=False)


@router.get(
    "/floor/assignment",
    dependencies=[need(Permission.ASSIGN_TASKS)],
    response_class=HTMLResponse,
)
def assignment_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The proposed assignment of a site (the first stock-holding one unless chosen) for a
    shift (the one working now unless chosen), with the greedy baseline beside it."""
    errors = Errors()
    q = request.query_params
    sites = stock_sites(uow, user)
    site = forms.code(q, "site", errors) or (sites[0].code if sites else "")
    shift = forms.choice(q, "shift", errors, Shift)
    proposal = None
    if site and not errors:
        proposal = assignment.propose_assignment(uow, site, by=user, shift=shift, compare=True)
    ctx = {
        "errors": errors,
        "site": site,
        "sites": sites,
        "shifts": list(Shift),
        "shift": proposal.shift if proposal else shift,
        "proposal": proposal,
    }
    return page(request, "floor_assignment.html", ctx, nav="floor")


@router.post(
    "/floor/assignment/accept",
    dependencies=[need(Permission.ASSIGN_TASKS)],
    response_model=None,
)
def accept_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.code(data, "site", errors) or ""
    shift = forms.choice(data, "shift", errors, Shift)
    back = f"/floor/assignment?site={site}" + (f"&shift={shift.value}" if shift else "")
    lang = language(request)
    t = translator(lang)
    if errors:
        return redirect(back, flash="; ".join(errors.values()))
    try:
        pairs = assignment.parse_pairs(form.getlist("pair"))  # type: ignore[arg-type]
        done = assignment.accept_assignment(uow, pairs, by=user)
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect(back, flash=in_language(exc.message, lang))
    if not done.reported:
        return redirect(back, flash=t("assignment.accepted_flash", n=len(done.assigned)))
    why = "; ".join(
        in_language(f"task {task_id} to {login}: {reason}", lang)
        for task_id, login, reason in done.reported[:5]
    )
    return redirect(back, flash=t("assignment.reported_flash", n=len(done.assigned), why=why))
