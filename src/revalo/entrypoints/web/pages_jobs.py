"""The jobs' pages: the list (one's own, everybody's for a flow manager) with the forms
that submit tonight's disposition batch and a day's collection plan as jobs; one job with
its progress, result or reason, and log, refreshed until it is over; cancel it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError
from revalo.domain.jobs import JobKind
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.types import RowId
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import say, value_label
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import jobs as service
from revalo.services.collection_pickups import next_collection_day

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: The longest search the page asks for (the job runs on a worker: nobody waits for it).
MAX_WEB_SECONDS = 600
DEFAULT_SECONDS = 10
REFRESH_S = 2


def _list(
    request: Request,
    uow: UowDep,
    user: CurrentUser,
    *,
    errors: Errors | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    day = next_collection_day(utcnow().date())
    ctx = {
        "jobs": service.list_jobs(uow, by=user, limit=100).items,
        "everybody": user.can(Permission.OVERSEE_JOBS),
        "may_decide": user.can(Permission.DECIDE_DISPOSITION),
        "may_plan": user.can(Permission.PLAN_COLLECTIONS),
        "errors": errors or Errors(),
        "values": values or {"day": day.isoformat(), "seconds": str(DEFAULT_SECONDS)},
        "max_seconds": MAX_WEB_SECONDS,
    }
    return page(request, "jobs.html", ctx, status=status, nav="jobs")


@router.get("/jobs", dependencies=[need(Permission.VIEW_JOBS)], response_class=HTMLResponse)
def jobs_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The last jobs, newest first, and the forms that submit new ones."""
    return _list(request, uow, user)


def _submit(
    request: Request,
    uow: UowDep,
    app: AppDep,
    user: CurrentUser,
    kind: JobKind,
    params: dict[str, Any],
    errors: Errors,
    data: dict[str, str],
) -> Response:
    if not errors:
        try:
            job = service.submit_job(
                uow,
                app.jobs,
                by=user,
                kind=kind,
                parameters=params,
                max_plan_seconds=app.settings.max_plan_seconds,
            )
        except DomainError as exc:
            errors.add(exc.field if exc.field in data else next(iter(data), "site"), exc.message)
        else:
            return redirect(
                f"/jobs/{job.id}", flash=say("jobs.submitted_flash", reference=job.reference)
            )
    return _list(request, uow, user, errors=errors, values=data, status=422)


@router.post(
    "/jobs/disposition-batch",
    dependencies=[need(Permission.DECIDE_DISPOSITION)],
    response_model=None,
)
def batch_form(
    request: Request, form: forms.PostedForm, uow: UowDep, app: AppDep, user: CurrentUser
) -> Response:
    """Submit the preview of the disposition batch (of one site, if named) as a job: the
    manager reviews it on the batch page and commits it there."""
    data, errors = forms.fields(form), Errors()
    site = forms.code(data, "site", errors)
    params = {"site": site, "preview": True}
    return _submit(request, uow, app, user, JobKind.DISPOSITION_BATCH, params, errors, data)


@router.post(
    "/jobs/collection-plan", dependencies=[need(Permission.PLAN_COLLECTIONS)], response_model=None
)
def plan_form(
    request: Request, form: forms.PostedForm, uow: UowDep, app: AppDep, user: CurrentUser
) -> Response:
    """Submit a day's collection plan in a region as a job."""
    data, errors = forms.fields(form), Errors()
    when = forms.day(data, "day", errors)
    if when is None and "day" not in errors:
        errors.say("day", "form.plan_day")
    region = forms.text(data, "region", errors, max_length=60, required=True)
    seconds = forms.integer(data, "seconds", errors, low=1, high=MAX_WEB_SECONDS)
    params: dict[str, Any] = {
        "date": when.date().isoformat() if when else "",
        "region": region or "",
        "seconds": seconds or DEFAULT_SECONDS,
    }
    return _submit(request, uow, app, user, JobKind.COLLECTION_PLAN, params, errors, data)


@router.get(
    "/jobs/{job_id}", dependencies=[need(Permission.VIEW_JOBS)], response_class=HTMLResponse
)
def job_page(request: Request, job_id: RowId, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """One job: its state and progress (the page refreshes itself until it is over), its
    result or why it stopped, its log; the plan it made, the file it wrote."""
    job = service.get_job(uow, job_id, by=user)
    lang = language(request)
    ctx = {
        "job": job,
        "refresh": None if job.state.finished else REFRESH_S,
        "log": [(ln.at, in_language(ln.text, lang)) for ln in reversed(job.log)],
        "step": in_language(job.step, lang) if job.step else "",
        "error": in_language(job.error, lang) if job.error else None,
        "result": _shown(job.result or {}),
        "plan": (job.result or {}).get("plan_id"),
        "batch": (job.result or {}).get("batch_id"),
    }
    return page(request, "job.html", ctx, nav="jobs")


def _shown(result: dict[str, object]) -> list[tuple[str, str]]:
    """A result's figures as lines (the lists of units are in the API's answer)."""
    out = []
    for key, value in result.items():
        if isinstance(value, list | dict):
            value = (
                len(value)
                if isinstance(value, list)
                else ", ".join(f"{value_label(k)} {v}" for k, v in value.items())
            )
        out.append((key, "" if value is None else str(value)))
    return out


@router.get(
    "/jobs/{job_id}/output.csv", dependencies=[need(Permission.VIEW_JOBS)], response_model=None
)
def job_file(job_id: RowId, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The file a finished export wrote."""
    text = service.job_output(uow, job_id, by=user)
    headers = {"Content-Disposition": f'attachment; filename="job-{job_id}.csv"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)


@router.post(
    "/jobs/{job_id}/cancel", dependencies=[need(Permission.VIEW_JOBS)], response_model=None
)
def cancel_form(job_id: RowId, uow: UowDep, user: CurrentUser) -> Response:
    """Cancel the job (a running one stops at its next step)."""
    try:
        job = service.cancel_job(uow, job_id, by=user)
    except DomainError as exc:
        return redirect(f"/jobs/{job_id}", flash=exc.message)
    state = value_label(job.state.value)
    return redirect(
        f"/jobs/{job_id}",
        flash=say("jobs.cancelled_flash", reference=job.reference, state=state),
    )
