"""A PostgreSQL database of the test session's own, on the server it is given.

The server: ``REVALO_TEST_POSTGRES_URL`` when set (its database is only where we connect to
create ours), else the local server at 127.0.0.1:5432. The session creates a database named
``revalo_test_<random>``, runs the PostgreSQL tests there and drops it at the end, also when
tests fail or the run is interrupted. No other database, schema or table is ever touched.
"""

from __future__ import annotations

import atexit
import os
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from revalo.adapters.db import make_engine, normalise_url

DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
TEST_DATABASE_PREFIX = "revalo_test_"


def server_url() -> str:
    return os.environ.get("REVALO_TEST_POSTGRES_URL") or DEFAULT_SERVER_URL


def required() -> bool:
    """CI (and whoever sets REVALO_REQUIRE_POSTGRES) fails rather than skips."""
    return bool(os.environ.get("CI") or os.environ.get("REVALO_REQUIRE_POSTGRES"))


@dataclass
class OwnDatabase:
    """A database this session created: its URL, and how to drop it (once)."""

    url: str
    name: str
    admin_url: str
    dropped: bool = False

    def drop(self) -> None:
        if self.dropped:
            return
        self.dropped = True
        engine = _autocommit_engine(self.admin_url)
        try:
            with engine.connect() as conn:
                # FORCE ends the sessions a failed test may have left open (PostgreSQL 13+).
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        finally:
            engine.dispose()


def _autocommit_engine(url: str) -> sa.Engine:
    # CREATE and DROP DATABASE cannot run inside a transaction block.
    return make_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


def create_test_database() -> OwnDatabase | str:
    """A fresh database, or the reason there can be none (no server, no right to create)."""
    admin_url = server_url()
    name = TEST_DATABASE_PREFIX + secrets.token_hex(6)
    try:
        engine = _autocommit_engine(admin_url)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        finally:
            engine.dispose()
    except Exception as exc:  # any failure (unreachable, refused, no CREATEDB) is a reason
        where = make_url(normalise_url(admin_url)).render_as_string(hide_password=True)
        return f"no PostgreSQL test database could be made on {where}: {type(exc).__name__}: {exc}"
    url = make_url(normalise_url(admin_url)).set(database=name)
    db = OwnDatabase(url.render_as_string(hide_password=False), name, admin_url)
    # Dropped at the end of the session by the fixture; also at exit if the run is cut short.
    atexit.register(db.drop)
    return db
