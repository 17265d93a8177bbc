"""The one place that wires adapters into the services."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from revalo.adapters import orm
from revalo.adapters.db import make_engine
from revalo.adapters.unit_of_work import SqlAlchemyUnitOfWork
from revalo.domain.policy import ReturnPolicy
from revalo.services.transport import Transport
from revalo.settings import Settings, load_policy, load_transport


@dataclass
class App:
    settings: Settings
    engine: sa.Engine
    session_factory: sessionmaker[Session]
    policy: ReturnPolicy
    transport: Transport

    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.session_factory)

    def close(self) -> None:
        self.engine.dispose()


def bootstrap(settings: Settings | None = None, *, create_schema: bool = False) -> App:
    """Build the application. ``create_schema`` creates missing tables directly (tests);
    real databases are brought up to date with ``revalo db upgrade`` (Alembic)."""
    settings = settings or Settings.from_env()
    orm.start_mappers()
    engine = make_engine(settings.database_url)
    if create_schema:
        orm.metadata.create_all(engine)
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    return App(
        settings, engine, factory, load_policy(settings.policy_file), load_transport(settings)
    )
