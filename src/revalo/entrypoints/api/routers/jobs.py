"""Jobs: submit long work (a collection plan, the disposition batch, a big import, an
export), follow it, cancel it, fetch what it wrote. A submission answers 202 with the job
and its link (``Location``); the job runs on a worker."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from revalo.bootstrap import App
from revalo.domain.jobs import JobKind, JobState
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.jobs import (
    JOBS_PATH,
    CollectionPlanJobCreate,
    DispositionBatchJobCreate,
    JobPublic,
    JobsPublic,
    ReturnImportJobCreate,
    UnitExportJobCreate,
    job_public,
)
from revalo.entrypoints.api.types import Limit, Offset
from revalo.services import jobs as service
from revalo.services.job_ports import JobFilter

router = APIRouter(prefix="/jobs", tags=["jobs"])
JobPath = Annotated[int, Path(ge=1, le=2**62, description="the job's number")]


def _submitted(
    app: App,
    uow: UowDep,
    user: CurrentUser,
    response: Response,
    kind: JobKind,
    parameters: dict[str, Any],
    input: str | None = None,
) -> JobPublic:
    job = service.submit_job(
        uow,
        app.jobs,
        by=user,
        kind=kind,
        parameters=parameters,
        input=input,
        max_plan_seconds=app.settings.max_plan_seconds,
    )
    response.headers["Location"] = f"{JOBS_PATH}/{job.id}"
    return job_public(job)


@router.post("/collection-plans", dependencies=[need(Permission.PLAN_COLLECTIONS)], status_code=202)
def submit_plan(
    body: CollectionPlanJobCreate, uow: UowDep, app: AppDep, user: CurrentUser, response: Response
) -> JobPublic:
    """Plan a day's collections in a region as a job: the plan is searched on a worker and
    stored (``result.plan_id``, ``links.plan``) as ``POST /collections/plans`` would."""
    params = body.model_dump(mode="json")
    return _submitted(app, uow, user, response, JobKind.COLLECTION_PLAN, params)


@router.post(
    "/disposition-batches", dependencies=[need(Permission.DECIDE_DISPOSITION)], status_code=202
)
def submit_batch(
    body: DispositionBatchJobCreate,
    uow: UowDep,
    app: AppDep,
    user: CurrentUser,
    response: Response,
) -> JobPublic:
    """Decide every graded unit (at one site) at once, within the capacities: the result
    counts the decided, held and refused units, with the net recovery next to greedy's.
    With ``preview``, nothing is decided: the result names the preview (``batch_id``) and
    its figures, to commit as ``POST /dispositions/batches`` previews are."""
    params = body.model_dump(mode="json")
    return _submitted(app, uow, user, response, JobKind.DISPOSITION_BATCH, params)


@router.post("/return-imports", dependencies=[need(Permission.IMPORT_RETURNS)], status_code=202)
def submit_import(
    body: ReturnImportJobCreate, uow: UowDep, app: AppDep, user: CurrentUser, response: Response
) -> JobPublic:
    """Import return requests from CSV as a job: every row checked, then all imported or
    none (a bad file fails the job, its reason naming the bad lines)."""
    params = {"dry_run": body.dry_run}
    return _submitted(app, uow, user, response, JobKind.RETURN_IMPORT, params, body.csv)


@router.post("/unit-exports", dependencies=[need(Permission.EXPORT_UNITS)], status_code=202)
def submit_export(
    body: UnitExportJobCreate, uow: UowDep, app: AppDep, user: CurrentUser, response: Response
) -> JobPublic:
    """Export units to CSV as a job; the file is at ``links.output`` once it is done."""
    params = body.model_dump(mode="json")
    return _submitted(app, uow, user, response, JobKind.UNIT_EXPORT, params)


@router.get("", dependencies=[need(Permission.VIEW_JOBS)])
def list_jobs(
    uow: ReadUowDep,
    user: CurrentUser,
    state: Annotated[list[JobState] | None, Query()] = None,
    kind: JobKind | None = None,
    submitted_by: Annotated[
        str | None, Query(max_length=64, description="a flow manager's filter")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JobsPublic:
    """The jobs, newest first: one's own; everybody's for a flow manager."""
    flt = JobFilter(submitted_by, frozenset(state or ()), kind)
    page = service.list_jobs(uow, by=user, flt=flt, limit=limit, offset=offset)
    return JobsPublic(data=[job_public(j) for j in page.items], count=page.total)


@router.get("/{job_id}", dependencies=[need(Permission.VIEW_JOBS)])
def get_job(job_id: JobPath, uow: ReadUowDep, user: CurrentUser) -> JobPublic:
    """One job: state, progress and step, result or reason, its log."""
    return job_public(service.get_job(uow, job_id, by=user))


@router.get(
    "/{job_id}/output",
    dependencies=[need(Permission.VIEW_JOBS)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the file the job wrote"}},
)
def job_output(job_id: JobPath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The file a finished export wrote (CSV)."""
    text = service.job_output(uow, job_id, by=user)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="job-{job_id}.csv"'},
    )


@router.post("/{job_id}/cancel", dependencies=[need(Permission.VIEW_JOBS)])
def cancel(job_id: JobPath, uow: UowDep, user: CurrentUser) -> JobPublic:
    """Cancel a job: a queued one at once, a running one at its next step (what it did
    then is not kept). One's own; anybody's for a flow manager."""
    return job_public(service.cancel_job(uow, job_id, by=user))
