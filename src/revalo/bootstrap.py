"""The one place that wires adapters into the services."""

from __future__ import annotations

from dataclasses import dataclass, field
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

    def close(self) -> None:
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
