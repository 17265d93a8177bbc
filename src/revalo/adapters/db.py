"""Engines: an embedded SQLite file by default, PostgreSQL through a URL.

On a SQLite file there are two engines on the same file. The writer hands its one
connection over in turn and takes the write lock when a transaction begins; the readers
have connections of their own that cannot write (``PRAGMA query_only``) and begin
deferred transactions. In WAL mode a reader sees the snapshot of the last commit before
its transaction began and never waits for the writer, nor the writer for it. On
PostgreSQL (and an in-memory SQLite) one engine serves both.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from revalo.services.ports import DatabaseBusy

DEFAULT_SQLITE_PATH = Path("revalo.db")
#: How long a request waits for a lock or a connection before it is told to come back.
DEFAULT_LOCK_TIMEOUT_S = 10.0
#: Connections kept open for readers on a SQLite file (more are opened under load).
READER_POOL_SIZE = 8
#: SQLite result codes of a lock another connection holds (SQLITE_BUSY, SQLITE_LOCKED).
_SQLITE_BUSY_CODES = frozenset({5, 6})
#: PostgreSQL: lock_timeout reached, or a lock not available (NOWAIT).
_PG_BUSY_STATES = frozenset({"55P03"})


def normalise_url(url: str) -> str:
    """Accept plain ``postgresql://`` URLs and pick the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path)}"


def _is_sqlite_file(url: str) -> bool:
    return url.startswith("sqlite") and ":memory:" not in url and url != "sqlite://"


@dataclass(frozen=True, slots=True)
class Engines:
    """The engine that writes and the one that reads (the same one but on a SQLite file)."""

    writer: sa.Engine
    reader: sa.Engine
    lock_timeout_s: float

    def dispose(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()


def make_engines(url: str, *, lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S) -> Engines:
    """The writer and the reader engines of ``url``; a lock or a pooled connection awaited
    longer than ``lock_timeout_s`` seconds fails (see ``busy_error``)."""
    writer = make_engine(url, lock_timeout_s=lock_timeout_s)
    url = normalise_url(url)
    if not _is_sqlite_file(url):
        return Engines(writer, writer, lock_timeout_s)
    reader = sa.create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": lock_timeout_s},
        pool_size=READER_POOL_SIZE,
        max_overflow=2 * READER_POOL_SIZE,
        pool_timeout=lock_timeout_s,
    )

    @sa.event.listens_for(reader, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA query_only=ON")  # a read unit of work that writes fails here
        cur.close()

    @sa.event.listens_for(reader, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Deferred: the snapshot is taken at the first read and kept to the end, so that
        # every query of a unit of work sees the same state; no lock is taken.
        conn.exec_driver_sql("BEGIN")

    return Engines(writer, reader, lock_timeout_s)


def make_engine(
    url: str, *, lock_timeout_s: float = DEFAULT_LOCK_TIMEOUT_S, **kwargs: Any
) -> sa.Engine:
    """The engine that writes (and, but on a SQLite file, reads)."""
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        # A row lock awaited longer than the timeout fails instead of holding a request.
        timeout_ms = math.ceil(lock_timeout_s * 1000)
        # Added to the URL's own ``options`` (a search_path...), which connect_args replace.
        given = sa.engine.make_url(url).query.get("options", "")
        options = " ".join(
            [*([given] if isinstance(given, str) else given), f"-c lock_timeout={timeout_ms}"]
        ).strip()
        connect_args = {"options": options, **kwargs.pop("connect_args", {})}
        kwargs = {"pool_timeout": lock_timeout_s, **kwargs}
        return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    if _is_sqlite_file(url):
        # SQLite lets one writer in at a time and makes the others poll for the lock with
        # growing sleeps: under concurrent requests a few wait for seconds. One connection
        # handed over in turn (the pool's queue is first come, first served) is as fast and
        # keeps every wait short. A thread must not hold two write sessions at once.
        kwargs = {"pool_size": 1, "max_overflow": 0, "pool_timeout": lock_timeout_s, **kwargs}
    engine = sa.create_engine(
        url, connect_args={"check_same_thread": False, "timeout": lock_timeout_s}, **kwargs
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (pysqlite's own handling breaks SAVEPOINT).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if _is_sqlite_file(url):
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # Take the write lock at the start: a deferred transaction that reads and then writes
        # can fail at once with "database is locked" when another writer got there first.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def busy_error(exc: BaseException, lock_timeout_s: float) -> DatabaseBusy | None:
    """The port's ``DatabaseBusy`` when ``exc`` is a wait for a lock or a connection that
    outlasted the timeout; None for any other error."""
    retry = max(1, math.ceil(lock_timeout_s))
    if isinstance(exc, sa.exc.TimeoutError):
        return DatabaseBusy(
            f"every database connection stayed busy for {lock_timeout_s:g} s", retry
        )
    if not isinstance(exc, sa.exc.DBAPIError):
        return None
    orig = exc.orig
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _SQLITE_BUSY_CODES:
            return DatabaseBusy(f"the database stayed locked for {lock_timeout_s:g} s", retry)
        return None
    if getattr(orig, "sqlstate", None) in _PG_BUSY_STATES:
        return DatabaseBusy(f"a row stayed locked for {lock_timeout_s:g} s", retry)
    return None
