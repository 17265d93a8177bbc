"""Jobs: long work (a collection plan, a disposition batch, a big import, an export) that
runs outside the request that asked for it, on a worker, and leaves its state, progress,
result and log where its owner and a flow manager can read them.

A job is ``queued`` until a worker takes it, ``running`` while one works on it, then
``done`` (with its result), ``failed`` (with the reason) or ``cancelled``. A running job
that is asked to stop is told so at its next step (``cancel_requested``): the work it did
is then not kept. A worker that is lost mid-job (killed, its machine gone) leaves the job
running; the broker gives it to another worker, which takes it over as a new attempt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from revalo.domain.errors import InvalidTransition, InvalidValue

#: Attempts a job gets: a job that loses its worker this many times fails (it may be what
#: stops them).
MAX_ATTEMPTS = 3
#: Lines kept in a job's log (the newest).
MAX_LOG_LINES = 200
MAX_KEY_LENGTH = 200


class JobState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in _FINISHED


_FINISHED = frozenset({JobState.DONE, JobState.FAILED, JobState.CANCELLED})


class JobKind(enum.StrEnum):
    COLLECTION_PLAN = "collection_plan"
    DISPOSITION_BATCH = "disposition_batch"
    RETURN_IMPORT = "return_import"
    UNIT_EXPORT = "unit_export"


def parse_kind(value: str) -> JobKind:
    try:
        return JobKind(value.strip().lower().replace("-", "_"))
    except ValueError:
        valid = ", ".join(k.value for k in JobKind)
        raise InvalidValue(
            f"unknown job kind {value!r}: use one of {valid}", field="kind"
        ) from None


def parse_state(value: str) -> JobState:
    try:
        return JobState(value.strip().lower())
    except ValueError:
        valid = ", ".join(s.value for s in JobState)
        raise InvalidValue(
            f"unknown job state {value!r}: use one of {valid}", field="state"
        ) from None


def check_key(key: str | None) -> str | None:
    """An idempotency key: the same key names the same job (a retried submission, a
    schedule that fires twice)."""
    if key is None:
        return None
    k = key.strip()
    if not k or len(k) > MAX_KEY_LENGTH or not k.isprintable():
        raise InvalidValue(
            f"an idempotency key has 1 to {MAX_KEY_LENGTH} printable characters",
            field="idempotency_key",
        )
    return k


@dataclass(frozen=True, slots=True)
class LogLine:
    at: datetime
    text: str


@dataclass(eq=False)
class Job:
    kind: JobKind
    submitted_by: str
    submitted_at: datetime
    parameters: dict[str, Any] = field(default_factory=dict)
    #: What the job reads besides its parameters (the file of an import), or None.
    input: str | None = None
    idempotency_key: str | None = None
    #: The schedule that submitted it ("nightly_batch"), or None for a person's request.
    schedule: str | None = None
    state: JobState = JobState.QUEUED
    progress: float = 0.0
    step: str = ""
    result: dict[str, Any] | None = None
    #: What a job writes besides its result (an export's file), or None.
    output: str | None = None
    error: str | None = None
    log: list[LogLine] = field(default_factory=list)
    attempts: int = 0
    worker: str | None = None
    cancel_requested: bool = False
    started_at: datetime | None = None
    finished_at: datetime | None = None
    id: int | None = None

    @property
    def reference(self) -> str:
        return f"JOB{self.id:08d}" if self.id is not None else "JOB(new)"

    def note(self, at: datetime, text: str) -> None:
        self.log.append(LogLine(at, text))
        del self.log[:-MAX_LOG_LINES]

    # -- a worker's steps ---------------------------------------------------------------
    def start(self, worker: str, at: datetime) -> None:
        """A worker takes the job: a queued one, or a running one whose worker was lost."""
        if self.state.finished:
            raise InvalidTransition(f"job {self.reference} is {self.state.value} already")
        if self.state is JobState.RUNNING:
            self.note(at, f"worker {self.worker} was lost: {worker} takes the job over")
        self.attempts += 1
        self.state, self.worker = JobState.RUNNING, worker
        self.started_at = self.started_at or at
        self.note(at, f"attempt {self.attempts} started on {worker}")

    def advance(self, progress: float, step: str, at: datetime) -> None:
        if self.state is not JobState.RUNNING:
            raise InvalidTransition(f"job {self.reference} is not running")
        if step and step != self.step:
            self.note(at, step)
        self.progress = min(max(progress, self.progress), 1.0)
        self.step = step or self.step

    def finish(self, result: dict[str, Any], at: datetime, *, output: str | None = None) -> None:
        if self.state is not JobState.RUNNING:
            raise InvalidTransition(f"job {self.reference} is not running")
        self.state, self.result, self.output = JobState.DONE, result, output
        self.progress, self.finished_at = 1.0, at
        self.note(at, "done")

    def fail(self, reason: str, at: datetime) -> None:
        if self.state.finished:
            raise InvalidTransition(f"job {self.reference} is {self.state.value} already")
        self.state, self.error, self.finished_at = JobState.FAILED, reason, at
        self.note(at, f"failed: {reason}")

    # -- its owner's -------------------------------------------------------------------
    def cancel(self, by: str, at: datetime) -> None:
        """A queued job is cancelled at once; a running one at its next step."""
        if self.state.finished:
            raise InvalidTransition(
                f"job {self.reference} is {self.state.value} already: it cannot be cancelled",
                field="job_id",
            )
        if self.state is JobState.QUEUED:
            self.stopped(at, f"cancelled by {by} before it started")
            return
        self.cancel_requested = True
        self.note(at, f"{by} asked to cancel it: it stops at its next step")

    def stopped(self, at: datetime, why: str) -> None:
        self.state, self.finished_at = JobState.CANCELLED, at
        self.note(at, why)
