"""The one place that wires adapters into the services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from revalo.adapters import orm
from revalo.adapters.db import make_engines
from revalo.adapters.idempotency import SqlIdempotencyStore
from revalo.adapters.passwords import Argon2Passwords
from revalo.adapters.unit_of_work import SqlAlchemyUnitOfWork, session_factories
from revalo.domain.policy import ReturnPolicy
from revalo.services.people_ports import PasswordHasher
from revalo.settings import Settings, load_policy

if TYPE_CHECKING:
    from revalo.adapters.local_schedule import LocalScheduler
    from revalo.domain.jobs import Job
    from revalo.services.job_ports import JobRunner
    from revalo.services.jobs import JobContext
    from revalo.services.transport import Transport


@dataclass
class App:
    settings: Settings
    engine: sa.Engine
    session_factory: sessionmaker[Session]
    policy: ReturnPolicy
    #: The engine and sessions of read-only units of work (on PostgreSQL: ``engine``).
    reader_engine: sa.Engine | None = None
    read_session_factory: sessionmaker[Session] | None = None
    passwords: PasswordHasher = field(default_factory=Argon2Passwords)
    _scheduler: LocalScheduler | None = field(default=None, init=False, repr=False)

    @cached_property
    def transport(self) -> Transport:
        """The carriers' rate cards and the distances, built at their first use: a command
        that ships nothing never loads the transport engines."""
        from revalo.settings import load_transport

        return load_transport(self.settings)

    def uow(self) -> SqlAlchemyUnitOfWork:
        """A unit of work that writes (and reads what it needs to)."""
        return SqlAlchemyUnitOfWork(
            self.session_factory,
            read_factory=self.read_session_factory,
            lock_timeout_s=self.settings.lock_timeout_s,
        )

    def read_uow(self) -> SqlAlchemyUnitOfWork:
        """A unit of work that only reads: on SQLite it never waits for a writer, and the
        database refuses any write made through it."""
        return self.uow().read_only()

    def idempotency(self) -> SqlIdempotencyStore:
        return SqlIdempotencyStore(self.engine)

    # -- jobs ---------------------------------------------------------------------------
    @cached_property
    def jobs(self) -> JobRunner:
        """What runs the jobs: the Celery workers of the broker in the settings, or (none
        set) a small thread pool of this process, started at its first job."""
        js = self.settings.jobs
        if js.broker_url:
            from revalo.adapters.celery_jobs import CeleryJobRunner, celery_app

            return CeleryJobRunner(celery_app(js), js.queue)
        from revalo.adapters.local_jobs import LocalJobRunner
        from revalo.services.jobs import run_job

        context = self.job_context("serve")
        return LocalJobRunner(lambda job_id: run_job(context, job_id), js.threads)

    def job_context(
        self, worker: str, timeouts: tuple[type[BaseException], ...] = ()
    ) -> JobContext:
        from revalo.services.jobs import JobContext

        return JobContext(
            uow=self.uow,
            transport=lambda: self.transport,
            policy=self.policy,
            max_plan_seconds=self.settings.max_plan_seconds,
            time_limit_s=self.settings.jobs.time_limit_s,
            feedback_min_sales=self.settings.resale_feedback_min_sales,
            worker=worker,
            timeouts=timeouts,
        )

    def fire_schedule(self, name: str, day: date) -> list[Job]:
        """Submit the scheduled run ``name`` of ``day`` (as the settings' REVALO_SCHEDULE_AS)."""
        from revalo.services.job_schedules import fire_schedule

        js = self.settings.jobs
        if js.schedule_as is None:
            raise ValueError("no REVALO_SCHEDULE_AS: the scheduled runs are off")
        return fire_schedule(
            self.uow(), self.jobs, name, day, login=js.schedule_as, regions=js.collection_regions
        )

    def start_jobs(self) -> None:
        """In the embedded default (no broker), what a server starts with: the jobs left
        unfinished by the last one are taken again, and the scheduled runs fire here."""
        js = self.settings.jobs
        if js.broker_url:
            return
        from revalo.services.jobs import resubmit_unfinished

        resubmit_unfinished(self.uow(), self.jobs)
        if js.scheduled and self._scheduler is None:
            from revalo.adapters.local_schedule import LocalScheduler

            runs = [
                ("nightly_batch", js.nightly_batch_at),
                ("collection_plans", js.collection_plans_at),
            ]
            self._scheduler = LocalScheduler(
                [(n, at) for n, at in runs if at is not None], self.fire_schedule
            )
            self._scheduler.start()

    def close(self) -> None:
        if self._scheduler is not None:
            self._scheduler.close()
        runner = self.__dict__.pop("jobs", None)
        if runner is not None:
            runner.close()
        self.engine.dispose()
        if self.reader_engine is not None and self.reader_engine is not self.engine:
            self.reader_engine.dispose()


def bootstrap(settings: Settings | None = None, *, create_schema: bool = False) -> App:
    """Build the application. ``create_schema`` creates missing tables directly (tests);
    real databases are brought up to date with ``revalo db upgrade`` (Alembic)."""
    settings = settings or Settings.from_env()
    orm.start_mappers()
    engines = make_engines(settings.database_url, lock_timeout_s=settings.lock_timeout_s)
    if create_schema:
        orm.metadata.create_all(engines.writer)
    writer, reader = session_factories(engines)
    return App(
        settings,
        engines.writer,
        writer,
        load_policy(settings.policy_file),
        engines.reader,
        reader,
    )
