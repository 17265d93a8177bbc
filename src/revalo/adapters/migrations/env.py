"""Alembic environment: the URL and connection come from revalo.adapters.migrate."""

from __future__ import annotations

from alembic import context

from revalo.adapters import (
    orm_after_sales,  # noqa: F401  (its tables join the metadata)
    orm_billing,  # noqa: F401  (its tables on the metadata)
    orm_capacity_plans,  # noqa: F401  (its tables on the metadata)
    orm_certificates,  # noqa: F401  (its tables on the metadata)
    orm_costs,  # noqa: F401  (its table on the metadata)
    orm_donations,  # noqa: F401  (its tables on the metadata)
    orm_partners,  # noqa: F401  (its table on the metadata)
    orm_resale,  # noqa: F401  (its tables on the metadata)
    orm_service,  # noqa: F401  (its tables on the metadata)
)
from revalo.adapters.db import make_engine
from revalo.adapters.orm import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _migrate(conn)
    engine.dispose()


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
