"""The jobs, read and written with SQLAlchemy Core (adapters/orm_jobs.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm_jobs import jobs
from revalo.domain.jobs import Job, JobKind, JobState, LogLine
from revalo.services.job_ports import JobFilter
from revalo.services.ports import Page

_J = jobs.c
#: The columns a list shows (not the input and output files, which may be large).
_LISTED = [c for c in jobs.c if c.name not in ("input", "output")]


def _log(lines: list[LogLine]) -> list[dict[str, str]]:
    return [{"at": ln.at.isoformat(), "text": ln.text} for ln in lines]


def _values(job: Job) -> dict[str, Any]:
    return {
        "kind": job.kind.value,
        "state": job.state.value,
        "submitted_by": job.submitted_by,
        "submitted_at": job.submitted_at,
        "idempotency_key": job.idempotency_key,
        "schedule": job.schedule,
        "parameters": job.parameters,
        "input": job.input,
        "progress": job.progress,
        "step": job.step[:200],
        "result": job.result,
        "output": job.output,
        "error": job.error,
        "log": _log(job.log),
        "attempts": job.attempts,
        "worker": job.worker,
        "cancel_requested": job.cancel_requested,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
    }


def _job(row: sa.Row[Any]) -> Job:
    m = row._mapping
    return Job(
        id=m["id"],
        kind=JobKind(m["kind"]),
        state=JobState(m["state"]),
        submitted_by=m["submitted_by"],
        submitted_at=m["submitted_at"],
        idempotency_key=m["idempotency_key"],
        schedule=m["schedule"],
        parameters=dict(m["parameters"] or {}),
        input=m.get("input"),
        progress=m["progress"],
        step=m["step"],
        result=m["result"],
        output=m.get("output"),
        error=m["error"],
        log=[LogLine(datetime.fromisoformat(x["at"]), x["text"]) for x in m["log"] or ()],
        attempts=m["attempts"],
        worker=m["worker"],
        cancel_requested=m["cancel_requested"],
        started_at=m["started_at"],
        finished_at=m["finished_at"],
    )


class SqlJobRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, job: Job) -> None:
        job.id = self.session.execute(
            sa.insert(jobs).values(**_values(job)).returning(_J.id)
        ).scalar_one()

    def save(self, job: Job) -> None:
        self.session.execute(sa.update(jobs).where(_J.id == job.id).values(**_values(job)))

    def get(self, job_id: int, *, lock: bool = False) -> Job | None:
        stmt = sa.select(jobs).where(_J.id == job_id)
        if lock:
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).first()
        return _job(row) if row is not None else None

    def by_key(self, key: str) -> Job | None:
        row = self.session.execute(sa.select(jobs).where(_J.idempotency_key == key)).first()
        return _job(row) if row is not None else None

    def list(self, flt: JobFilter, *, limit: int, offset: int) -> Page[Job]:
        where = []
        if flt.submitted_by is not None:
            where.append(_J.submitted_by == flt.submitted_by)
        if flt.states:
            where.append(_J.state.in_(sorted(s.value for s in flt.states)))
        if flt.kind is not None:
            where.append(_J.kind == flt.kind.value)
        total = self.session.scalar(sa.select(sa.func.count()).select_from(jobs).where(*where))
        rows = self.session.execute(
            sa.select(*_LISTED).where(*where).order_by(_J.id.desc()).limit(limit).offset(offset)
        )
        return Page([_job(r) for r in rows], int(total or 0))

    def unfinished(self) -> Sequence[int]:
        """The jobs queued or running, oldest first."""
        unfinished = (JobState.QUEUED.value, JobState.RUNNING.value)
        stmt = sa.select(_J.id).where(_J.state.in_(unfinished)).order_by(_J.id)
        return list(self.session.scalars(stmt))
