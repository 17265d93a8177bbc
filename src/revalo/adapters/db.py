"""Engines: an embedded SQLite file by default, PostgreSQL through a URL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

DEFAULT_SQLITE_PATH = Path("revalo.db")


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and pick the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def make_engine(url: str, **kwargs: Any) -> sa.Engine:
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True, **kwargs)
    if ":memory:" not in url and url != "sqlite://":
        # SQLite lets one writer in at a time and makes the others poll for the lock with
        # growing sleeps: under concurrent requests a few wait for seconds. One connection
        # handed over in turn (the pool's queue is first come, first served) is as fast and
        # keeps every wait short. A thread must not hold two sessions at once.
        kwargs = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 60, **kwargs}
    engine = sa.create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own handling breaks SAVEPOINT).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if ":memory:" not in url and url != "sqlite://":
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Take the write lock at the start: a deferred transaction that reads and then writes
        # can fail at once with "database is locked" when another writer got there first.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
