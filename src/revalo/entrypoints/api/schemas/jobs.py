"""Jobs: what to submit for each kind, and a job as the API shows it."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field

from revalo.domain.jobs import Job, JobKind, JobState
from revalo.domain.units import UnitState
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Code

#: The CSV of an import sent by API: up to the server's body limit (4 MiB by default).
MAX_IMPORT_FILE = 64 * 1024 * 1024
JOBS_PATH = "/api/v1/jobs"


class CollectionPlanJobCreate(Input):
    date: dt.date = Field(description="the day to plan")
    region: Annotated[str, Field(min_length=1, max_length=60, examples=["FR", "FR,BE"])]
    seconds: float = Field(
        10.0, gt=0, le=600, description="search time, at most REVALO_MAX_PLAN_SECONDS"
    )
    seed: int = Field(0, ge=0, le=2**31 - 1)
    max_iterations: int | None = Field(
        None, ge=1, le=10_000_000, description="stop the search after this many iterations too"
    )


class DispositionBatchJobCreate(Input):
    site: Code | None = Field(None, description="only the units graded at this site")
    time_limit_s: float | None = Field(None, gt=0, le=600, description="the solver's limit")
    preview: bool = Field(
        False,
        description="plan the batch without deciding: the result names the preview "
        "(batch_id) to commit with POST /dispositions/batches/{id}/commit",
    )


class ReturnImportJobCreate(Input):
    csv: Annotated[str, Field(min_length=1, max_length=MAX_IMPORT_FILE)] = Field(
        description="the CSV text of the return lines (see docs/cli.md, revalo import returns)"
    )
    dry_run: bool = Field(False, description="check and rehearse, write nothing")


class UnitExportJobCreate(Input):
    states: list[UnitState] = Field(default_factory=list, max_length=len(UnitState))
    site: Code | None = None
    client: Code | None = None


class LogLinePublic(Public):
    at: dt.datetime
    text: str


class JobPublic(Public):
    id: int
    reference: str
    kind: JobKind
    state: JobState
    progress: float = Field(description="0 to 1")
    step: str
    submitted_by: str
    submitted_at: dt.datetime
    schedule: str | None
    parameters: dict[str, Any]
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    attempts: int
    worker: str | None
    cancel_requested: bool
    result: dict[str, Any] | None
    error: str | None
    log: list[LogLinePublic]
    links: dict[str, str] = Field(description="the job, its file, what it made")


class JobsPublic(Public):
    data: list[JobPublic]
    count: int


def job_links(job: Job) -> dict[str, str]:
    links = {"self": f"{JOBS_PATH}/{job.id}"}
    if job.kind is JobKind.UNIT_EXPORT and job.state is JobState.DONE:
        links["output"] = f"{JOBS_PATH}/{job.id}/output"
    plan = (job.result or {}).get("plan_id")
    if plan is not None:
        links["plan"] = f"/api/v1/collections/plans/{plan}"
    return links


def job_public(job: Job) -> JobPublic:
    return JobPublic.model_validate(
        {
            **{f: getattr(job, f) for f in JobPublic.model_fields if f not in ("links", "log")},
            "log": [LogLinePublic(at=ln.at, text=ln.text) for ln in job.log],
            "links": job_links(job),
        }
    )
