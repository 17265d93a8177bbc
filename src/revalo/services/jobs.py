"""Jobs in the use cases: submit long work, follow it, cancel it, and run it on a worker.

A job is stored first (queued), then handed by its id to the task engine (``JobRunner``:
Celery workers, or the embedded thread pool). A worker runs ``run_job``: it takes the job
under a row lock as a new attempt, does the work, and stores the result once, in the job
row, under the same lock, in the very transaction that writes what the work books (the
plan, the decisions, the returns). A second delivery of the same job (a worker killed
mid-job, the broker giving it again) finds the job taken over or finished, so nothing is
booked twice. Reading takes the jobs a user submitted; a flow manager sees them all.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from revalo.domain.collection_plan import MAX_SEARCH_SECONDS
from revalo.domain.errors import DomainError, InvalidValue, NotFound
from revalo.domain.jobs import MAX_ATTEMPTS, Job, JobKind, JobState, check_key
from revalo.domain.people import Permission, User
from revalo.services.access import authorise
from revalo.services.common import when
from revalo.services.guard import reads, record_done
from revalo.services.job_ports import JobFilter, JobRunner
from revalo.services.ports import BatchUnitOfWork, Page, UnitOfWork, WriteConflict

if TYPE_CHECKING:
    from revalo.domain.policy import ReturnPolicy
    from revalo.services.transport import Transport

#: Progress is written at most this often (a job's steps may be many and small).
PROGRESS_EVERY_S = 0.5
MAX_LIST = 200


@dataclass(frozen=True)
class JobContext:
    """What a worker runs jobs with: fresh units of work and the application's settings."""

    uow: Callable[[], BatchUnitOfWork]
    transport: Callable[[], Transport]
    policy: ReturnPolicy
    #: The longest collection-plan search the server allows.
    max_plan_seconds: float
    #: The longest a job may run (the task engine stops it a little later still).
    time_limit_s: float
    #: The sales after which the value model takes the prices they fetched
    #: (REVALO_RESALE_FEEDBACK_MIN_SALES; 0: never).
    feedback_min_sales: int = 0
    #: Who runs it ("celery@host", "serve:thread").
    worker: str = "worker"
    #: Exceptions that mean the task engine stopped the job for its time (Celery's soft
    #: time limit).
    timeouts: tuple[type[BaseException], ...] = ()


class JobStopped(Exception):
    """The job must stop here: cancelled, over its time, or taken over by another worker
    (``superseded``: then this worker writes nothing more)."""

    def __init__(self, reason: str, *, state: JobState, superseded: bool = False) -> None:
        super().__init__(reason)
        self.reason, self.state, self.superseded = reason, state, superseded


# -- submitting, reading, cancelling --------------------------------------------------------
def submit_job(
    uow: UnitOfWork,
    runner: JobRunner,
    *,
    by: User,
    kind: JobKind,
    parameters: dict[str, Any],
    input: str | None = None,
    key: str | None = None,
    schedule: str | None = None,
    at: datetime | None = None,
    max_plan_seconds: float = MAX_SEARCH_SECONDS,
) -> Job:
    """Store a job and hand it to the workers. The parameters are checked now (a wrong one
    is refused with nothing stored; a plan's search longer than ``max_plan_seconds``, the
    server's longest, too); a second submission with the same ``key`` gets the first job
    back, untouched."""
    from revalo.services.job_kinds import KINDS

    spec = KINDS[kind]
    authorise(uow, by, spec.permission)
    key = check_key(key)
    checked = spec.check(parameters, input, min(max_plan_seconds, MAX_SEARCH_SECONDS))
    job = Job(kind, by.login, when(at), checked, input, key, schedule)
    try:
        with uow:
            known = uow.jobs.by_key(key) if key else None
            if known is not None:
                return _same(known, job)
            uow.jobs.add(job)
            record_done(uow, by, "submit_job", job.reference)
            uow.commit()
    except WriteConflict:
        with uow:  # the same key, submitted at the same moment: the other one's job
            return _same(_found(uow.jobs.by_key(key or "")), job)
    _hand_over(uow, runner, job)
    return job


def _same(known: Job, asked: Job) -> Job:
    if known.kind is not asked.kind or known.submitted_by != asked.submitted_by:
        raise InvalidValue(
            f"idempotency key {asked.idempotency_key!r} names job {known.reference} already, "
            "another kind of job or another person's: use another key",
            field="idempotency_key",
        )
    return known


def _hand_over(uow: UnitOfWork, runner: JobRunner, job: Job) -> None:
    assert job.id is not None
    try:
        runner.submit(job.id)
    except Exception as exc:  # the broker is down: the job says so, rather than waiting
        with uow:
            stored = _found(uow.jobs.get(job.id, lock=True))
            stored.fail(f"the task engine did not take the job: {exc}", when(None))
            uow.jobs.save(stored)
            uow.commit()
        job.state, job.error = stored.state, stored.error


def _found(job: Job | None, job_id: int | None = None) -> Job:
    if job is None:
        raise NotFound(f"no job {job_id}", field="job_id")
    return job


def _visible(by: User, job: Job | None, job_id: int) -> Job:
    """A user's own job; anybody's for a flow manager. Another's is not even said to exist."""
    if job is None or not (by.can(Permission.OVERSEE_JOBS) or job.submitted_by == by.login):
        raise NotFound(f"no job {job_id}", field="job_id")
    return job


@reads(Permission.VIEW_JOBS)
def get_job(uow: UnitOfWork, job_id: int, *, by: User) -> Job:
    with uow:
        return _visible(by, uow.jobs.get(job_id), job_id)


@reads(Permission.VIEW_JOBS)
def list_jobs(
    uow: UnitOfWork, *, by: User, flt: JobFilter | None = None, limit: int = 50, offset: int = 0
) -> Page[Job]:
    """Newest first: the user's own jobs, or everybody's for a flow manager (who may ask for
    one person's with ``submitted_by``)."""
    flt = flt or JobFilter()
    if not by.can(Permission.OVERSEE_JOBS):
        flt = JobFilter(by.login, flt.states, flt.kind)
    with uow:
        return uow.jobs.list(flt, limit=min(max(limit, 1), MAX_LIST), offset=max(offset, 0))


@reads(Permission.VIEW_JOBS)
def job_output(uow: UnitOfWork, job_id: int, *, by: User) -> str:
    """What a finished job wrote (an export's CSV)."""
    job = get_job(uow, job_id, by=by)
    if job.output is None:
        raise NotFound(f"job {job.reference} wrote no file", field="job_id")
    return job.output


def cancel_job(uow: UnitOfWork, job_id: int, *, by: User, at: datetime | None = None) -> Job:
    """Cancel a job: a queued one at once, a running one at its next step (what it did is
    not kept). Its owner may, and a flow manager."""
    authorise(uow, by, Permission.VIEW_JOBS)
    with uow:
        job = _visible(by, uow.jobs.get(job_id, lock=True), job_id)
        job.cancel(by.login, when(at))
        uow.jobs.save(job)
        record_done(uow, by, "cancel_job", job.reference)
        uow.commit()
    return job


# -- running ---------------------------------------------------------------------------------
@dataclass
class Progress:
    """A running attempt's link to its job row: it writes progress, tells the work when to
    stop, and stores the result under the row's lock."""

    ctx: JobContext
    job_id: int
    attempt: int
    deadline: float
    _last: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, fraction: float, step: str = "", *, force: bool = False) -> None:
        """Note how far the job is (0 to 1) and what it does; stop it if it must."""
        with self._lock:
            now = time.monotonic()
            if not force and now - self._last < PROGRESS_EVERY_S:
                return
            self._last = now
        uow = self.ctx.uow()
        with uow:
            job = self._ours(uow)
            job.advance(fraction, step, when(None))
            uow.jobs.save(job)
            uow.commit()

    def _ours(self, uow: UnitOfWork) -> Job:
        """The job, locked, if this attempt may still go on (else ``JobStopped``)."""
        job = _found(uow.jobs.get(self.job_id, lock=True), self.job_id)
        if job.state is not JobState.RUNNING or job.attempts != self.attempt:
            raise JobStopped(
                f"attempt {self.attempt} was taken over", state=job.state, superseded=True
            )
        if job.cancel_requested:
            raise JobStopped("cancelled while it ran", state=JobState.CANCELLED)
        if time.monotonic() > self.deadline:
            raise JobStopped(
                f"stopped: it ran over its time limit of {self.ctx.time_limit_s:g} s",
                state=JobState.FAILED,
            )
        return job

    def store(self, uow: UnitOfWork, result: dict[str, Any], output: str | None = None) -> None:
        """Finish the job in ``uow``'s open transaction: the one that writes what the job
        books, so that both are kept, or neither."""
        job = self._ours(uow)
        job.finish(result, when(None), output=output)
        uow.jobs.save(job)

    def finish(self, result: dict[str, Any], output: str | None = None) -> None:
        uow = self.ctx.uow()
        with uow:
            self.store(uow, result, output)
            uow.commit()

    @contextmanager
    def ticking(self, start: float, end: float, seconds: float, step: str) -> Iterator[None]:
        """While a search of at most ``seconds`` runs, its progress from ``start`` to ``end``
        as the time passes (the search is time-limited: its time is its progress)."""
        self(start, step, force=True)
        stop = threading.Event()
        began = time.monotonic()

        def tick() -> None:
            while not stop.wait(1.0):
                share = min((time.monotonic() - began) / max(seconds, 0.1), 1.0)
                try:
                    self(start + (end - start) * share, step)
                except JobStopped:
                    return  # the work itself stops at its next step
                except Exception:
                    continue  # a busy database: the next tick tries again

        ticker = threading.Thread(target=tick, name=f"job-{self.job_id}-ticker", daemon=True)
        ticker.start()
        try:
            yield
        finally:
            stop.set()
            ticker.join()


def _claim(ctx: JobContext, job_id: int) -> Job | None:
    """Take the job as a new attempt; None when there is nothing to do (finished, gone)."""
    uow = ctx.uow()
    with uow:
        job = uow.jobs.get(job_id, lock=True)
        if job is None or job.state.finished:
            return None
        at = when(None)
        if job.cancel_requested:
            job.stopped(at, "cancelled before a worker took it over")
        elif job.state is JobState.RUNNING and job.attempts >= MAX_ATTEMPTS:
            job.fail(f"its worker was lost {job.attempts} times: it is not tried again", at)
        else:
            job.start(ctx.worker, at)
        uow.jobs.save(job)
        uow.commit()
    return job if job.state is JobState.RUNNING else None


def run_job(ctx: JobContext, job_id: int) -> Job | None:
    """Run the job ``job_id`` (a worker's task): its work, progress and result; a refusal
    of the work fails it with the refusal's message. Safe to call again for the same job:
    a finished job is left as it is."""
    from revalo.services.job_kinds import KINDS

    job = _claim(ctx, job_id)
    if job is None:
        return None
    progress = Progress(ctx, job_id, job.attempts, time.monotonic() + ctx.time_limit_s)
    try:
        KINDS[job.kind].run(ctx, job, progress)
    except JobStopped as stop:
        if not stop.superseded:
            _end(ctx, progress, stop.state, stop.reason)
    except DomainError as exc:
        _end(ctx, progress, JobState.FAILED, exc.message)
    except ctx.timeouts:
        _end(ctx, progress, JobState.FAILED, f"ran over its time limit ({ctx.time_limit_s:g} s)")
    except Exception as exc:
        _end(ctx, progress, JobState.FAILED, f"an internal error stopped it: {exc!r}")
        raise
    uow = ctx.uow()
    with uow:
        return uow.jobs.get(job_id)


def _end(ctx: JobContext, progress: Progress, state: JobState, reason: str) -> None:
    """Fail or cancel the attempt's job, unless another attempt took it over."""
    uow = ctx.uow()
    with uow:
        job = _found(uow.jobs.get(progress.job_id, lock=True), progress.job_id)
        if job.state is not JobState.RUNNING or job.attempts != progress.attempt:
            return
        at = when(None)
        if state is JobState.CANCELLED:
            job.stopped(at, reason)
        else:
            job.fail(reason, at)
        uow.jobs.save(job)
        uow.commit()


def resubmit_unfinished(uow: UnitOfWork, runner: JobRunner) -> list[int]:
    """Hand the jobs left queued or running (a server stopped mid-job) to ``runner`` again:
    the embedded pool's way of not losing them. Running ones are taken over as a new
    attempt."""
    with uow:
        ids = list(uow.jobs.unfinished())
    for job_id in ids:
        runner.submit(job_id)
    return ids
