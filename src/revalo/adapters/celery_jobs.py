"""The jobs on Celery: the application's Celery configuration, and the runner that hands a
job to the workers by its id (``revalo worker`` runs them: entrypoints/worker.py).

The task is acknowledged late (``task_acks_late``): only once it returned. A worker killed
mid-job (its machine lost, SIGKILL, out of memory) never acknowledges it, so the broker
gives it to another worker; with ``task_reject_on_worker_lost`` the same holds when only
the pool's child process dies. Running a job twice books nothing twice: the job row says
which attempt may store the result (services/jobs.py). Each worker reserves one job at a
time (``worker_prefetch_multiplier`` 1): a long job does not hold others back.
"""

from __future__ import annotations

from typing import Any

from celery import Celery
from celery.schedules import crontab

from revalo.settings_jobs import JobSettings

RUN_JOB = "revalo.run_job"
FIRE_SCHEDULE = "revalo.fire_schedule"
#: The hard time limit comes this long after the soft one: the job first fails cleanly
#: (its row says why), and only a job that does not stop then has its process killed.
GRACE_S = 60.0


def celery_app(settings: JobSettings) -> Celery:
    if not settings.broker_url:
        raise ValueError("no broker: set REVALO_BROKER_URL")
    app = Celery("revalo", broker=settings.broker_url, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=settings.queue,
        task_soft_time_limit=settings.time_limit_s,
        task_time_limit=settings.time_limit_s + GRACE_S,
        # The result is in the job row: no result backend.
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        # A worker that lost the broker stops its late-acknowledged tasks: the broker has
        # given them to another worker already.
        worker_cancel_long_running_tasks_on_connection_loss=True,
        timezone="UTC",
        enable_utc=True,
        beat_schedule=beat_schedule(settings),
    )
    if settings.broker_url.startswith(("redis://", "rediss://")):
        # Redis gives an unacknowledged task again after its visibility timeout: longer
        # than any job may run, or a running job would be started a second time.
        timeout = int(settings.time_limit_s + 2 * GRACE_S)
        app.conf.broker_transport_options = {"visibility_timeout": timeout}
    return app


def beat_schedule(settings: JobSettings) -> dict[str, dict[str, Any]]:
    """Celery beat's entries for the scheduled runs (each fires the run by its name)."""
    runs = {"nightly_batch": settings.nightly_batch_at}
    runs["collection_plans"] = settings.collection_plans_at
    return {
        name: {
            "task": FIRE_SCHEDULE,
            "schedule": crontab(minute=at.minute, hour=at.hour),
            "args": [name],
            "options": {"queue": settings.queue},
        }
        for name, at in runs.items()
        if at is not None
    }


class CeleryJobRunner:
    """Sends each job's id to the workers' queue."""

    def __init__(self, app: Celery, queue: str) -> None:
        self.app, self.queue = app, queue

    def submit(self, job_id: int) -> None:
        self.app.send_task(RUN_JOB, args=[job_id], queue=self.queue)

    def drain(self) -> None:
        """The jobs run on the workers: nothing to wait for here."""

    def close(self, *, wait: bool = True) -> None:
        self.app.close()
