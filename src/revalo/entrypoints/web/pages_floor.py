"""The warehouse floor's pages: the supervisor's board (a site's open tasks by zone and
priority, assigned from it) with the site's bins and their fill, what expires soon, and the
handler's handheld (take the next task, scan the unit, scan the bin, done). The same use
cases as the API's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.pages_station import stock_sites
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services.floor import bins, tasks, team
from revalo.services.floor.safety import days_without_lost_time

router = APIRouter(route_class=WebRoute, include_in_schema=False)
DAYS = 30


@router.get("/floor", dependencies=[need(Permission.VIEW_FLOOR)], response_class=HTMLResponse)
def floor_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """A site's board of open tasks and its bins (the first stock-holding site unless one
    is chosen)."""
    errors = Errors()
    sites = stock_sites(uow, user)
    site = forms.code(request.query_params, "site", errors) or (sites[0].code if sites else "")
    board = tasks.board(uow, site, by=user) if site else []
    ctx = {
        "errors": errors,
        "site": site,
        "sites": sites,
        "board": board,
        "bins": bins.site_bins(uow, site, by=user) if site else [],
        "members": [m for m in team.team(uow, by=user, site_code=site)] if site else [],
        "may_assign": user.can(Permission.ASSIGN_TASKS),
        "safety_days": [d for d in days_without_lost_time(uow, by=user) if d[0] == site],
    }
    return page(request, "floor.html", ctx, nav="floor")


@router.post(
    "/floor/tasks/{task_id}/assign",
    dependencies=[need(Permission.ASSIGN_TASKS)],
    response_model=None,
)
def assign_form(
    request: Request, task_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    login = forms.text(data, "login", errors, max_length=64, required=True)
    site = forms.code(data, "site", errors) or ""
    back = f"/floor?site={site}" if site else "/floor"
    lang = language(request)
    if errors:
        return redirect(back, flash="; ".join(errors.values()))
    try:
        task = tasks.assign_task(uow, task_id, login, by=user)
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect(back, flash=in_language(exc.message, lang))
    t = translator(lang)
    return redirect(back, flash=t("floor.assigned_flash", id=task.id, login=task.assignee))


@router.get(
    "/floor/expiring", dependencies=[need(Permission.VIEW_FLOOR)], response_class=HTMLResponse
)
def expiring_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The team's qualifications and PPE expiring within 30 days, or expired."""
    today = utcnow().date()
    found = team.expiring_soon(uow, by=user, day=today, days=DAYS)
    ctx = {"rows": found, "today": today, "days": DAYS}
    return page(request, "floor_expiring.html", ctx, nav="floor")


@router.get("/handheld", dependencies=[need(Permission.DO_TASKS)], response_class=HTMLResponse)
def handheld_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The handler's own started task, to finish by scan; else the button for the next."""
    with uow:
        member = uow.floor.member(user.login)
    mine = tasks.my_tasks(uow, by=user) if member else []
    current = next((t for t in mine if t.state.value == "started"), None)
    ctx = {"member": member, "current": current, "errors": Errors()}
    return page(request, "handheld.html", ctx, nav="handheld")


@router.post("/handheld/next", dependencies=[need(Permission.DO_TASKS)], response_model=None)
def take_next_form(request: Request, uow: UowDep, user: CurrentUser) -> Response:
    t = translator(language(request))
    try:
        task = tasks.take_next(uow, by=user)
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect("/handheld", flash=in_language(exc.message, language(request)))
    if task is None:
        return redirect("/handheld", flash=t("handheld.none_flash"))
    if task.kind.value == "count":
        return redirect("/handheld", flash=t("counts.taken_flash", id=task.id, bin=task.bin_code))
    if task.kind.value != "put_away":
        return redirect("/handheld", flash=t("handheld.taken_other_flash", id=task.id))
    return redirect("/handheld", flash=t("handheld.taken_flash", id=task.id, lpn=task.unit_lpn))


@router.post(
    "/handheld/{task_id}/done", dependencies=[need(Permission.DO_TASKS)], response_model=None
)
def done_form(
    request: Request, task_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    unit = forms.text(data, "unit_scan", errors, max_length=200, required=True)
    bin_code = forms.text(data, "bin_scan", errors, max_length=80, required=True)
    lang = language(request)
    if errors:
        return redirect("/handheld", flash="; ".join(errors.values()))
    try:
        task = tasks.finish_put_away(uow, task_id, unit_scan=unit, bin_scan=bin_code, by=user)
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect("/handheld", flash=in_language(exc.message, lang))
    t = translator(lang)
    message = t("handheld.done_flash", id=task.id, lpn=task.unit_lpn, bin=bin_code.upper())
    return redirect("/handheld", flash=message)
