"""Scheduled runs: the nightly disposition batch, and tomorrow's collection plans per
region. Each leaves a job owned by the flow manager the schedule runs as, who reviews it in
the morning: the night's batch is a preview (nothing is decided until the manager commits
it on the batch page, with overrides if they want), the plans are stored plans. A run's
jobs carry an idempotency key of its day (and region), so that a run fired twice (Celery
beat and a restart, two servers) submits each job once."""

from __future__ import annotations

from datetime import date

from revalo.domain.errors import InvalidValue
from revalo.domain.jobs import Job, JobKind
from revalo.services.collection_pickups import next_collection_day
from revalo.services.job_ports import JobRunner
from revalo.services.jobs import submit_job
from revalo.services.ports import UnitOfWork

NIGHTLY_BATCH = "nightly_batch"
COLLECTION_PLANS = "collection_plans"
SCHEDULES = (NIGHTLY_BATCH, COLLECTION_PLANS)
#: Search time of a scheduled plan: nobody waits for it.
SCHEDULED_PLAN_SECONDS = 30.0


def fire_schedule(
    uow: UnitOfWork,
    runner: JobRunner,
    name: str,
    day: date,
    *,
    login: str,
    regions: tuple[str, ...] = (),
    plan_seconds: float = SCHEDULED_PLAN_SECONDS,
) -> list[Job]:
    """Submit the jobs of the run ``name`` of ``day``, as the user ``login``."""
    with uow.read_only() as reading:
        user = reading.users.by_login(login)
    if user is None:
        raise InvalidValue(f"the scheduled runs' user {login!r} does not exist", field="login")
    if name == NIGHTLY_BATCH:
        return [
            submit_job(
                uow,
                runner,
                by=user,
                kind=JobKind.DISPOSITION_BATCH,
                parameters={"preview": True},
                key=f"schedule:{name}:{day.isoformat()}",
                schedule=name,
            )
        ]
    if name == COLLECTION_PLANS:
        plan_day = next_collection_day(day)
        return [
            submit_job(
                uow,
                runner,
                by=user,
                kind=JobKind.COLLECTION_PLAN,
                parameters={
                    "date": plan_day.isoformat(),
                    "region": region,
                    "seconds": plan_seconds,
                },
                key=f"schedule:{name}:{plan_day.isoformat()}:{region}",
                schedule=name,
            )
            for region in regions
        ]
    raise InvalidValue(f"unknown scheduled run {name!r}: use {', '.join(SCHEDULES)}")
