"""``revalo worker``: a Celery worker that runs the jobs from the broker in the settings
(``REVALO_BROKER_URL``), on the queue ``REVALO_JOB_QUEUE``; with ``--beat``, it also fires
the scheduled runs (Celery beat inside the worker: run one such worker, not several).

Each process of the worker's pool builds its own application (its own database
connections) at its first job: connections are never shared across a fork.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from celery.exceptions import SoftTimeLimitExceeded

from revalo.adapters.celery_jobs import FIRE_SCHEDULE, RUN_JOB, celery_app
from revalo.settings import Settings

if TYPE_CHECKING:
    from celery import Celery

    from revalo.bootstrap import App


class _PerProcess:
    """The application of the current process, built at its first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._app: App | None = None
        self._pid = 0

    def app(self) -> App:
        if self._app is None or self._pid != os.getpid():
            from revalo.bootstrap import bootstrap

            self._app, self._pid = bootstrap(self.settings), os.getpid()
        return self._app


def worker_celery(settings: Settings) -> Celery:
    """The Celery application with the jobs' tasks registered."""
    from revalo.services.jobs import run_job

    celery = celery_app(settings.jobs)
    here = _PerProcess(settings)

    @celery.task(name=RUN_JOB, bind=True, acks_late=True, reject_on_worker_lost=True)  # type: ignore[untyped-decorator]
    def run(task: Any, job_id: int) -> None:
        worker = f"{task.request.hostname} pid {os.getpid()}"
        context = here.app().job_context(worker, timeouts=(SoftTimeLimitExceeded,))
        run_job(context, int(job_id))

    @celery.task(name=FIRE_SCHEDULE)  # type: ignore[untyped-decorator]
    def fire(name: str) -> None:
        here.app().fire_schedule(name, datetime.now(UTC).date())

    return celery


def start_worker(
    settings: Settings,
    *,
    concurrency: int,
    pool: str = "prefork",
    beat: bool = False,
    schedule_file: str | None = None,
    loglevel: str = "INFO",
) -> None:
    """Run a worker until it is stopped (Ctrl+C, SIGTERM: it finishes its jobs first)."""
    celery = worker_celery(settings)
    argv = [
        "worker",
        f"--concurrency={concurrency}",
        f"--pool={pool}",
        f"--queues={settings.jobs.queue}",
        f"--hostname=revalo-{os.getpid()}@%h",
        f"--loglevel={loglevel}",
        "--without-mingle",
        "--without-gossip",
    ]
    if beat:
        argv.append("--beat")
        if schedule_file:
            argv.append(f"--schedule={schedule_file}")
    celery.worker_main(argv)
