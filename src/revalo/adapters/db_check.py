"""Whether a database can be served, found out before serving it: the file exists, opens,
is not damaged, can be written, and which schema revision it holds. Nothing is created
and nothing is changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from revalo.adapters.db import make_engine, normalise_url


class UnusableDatabase(Exception):
    """The database cannot be served; the message says why, in one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class DatabaseState:
    #: The Alembic revision the schema is at; None when the database has none.
    revision: str | None
    #: Whether it holds Revalo's tables at all.
    has_tables: bool


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL; None for another database or one in memory."""
    parsed = sa.engine.make_url(normalise_url(url))
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    # A URI filename (uri=true): file:PATH?mode=ro
    return Path(name.removeprefix("file:").split("?", 1)[0])


#: What SQLite says, and what it means for whoever starts the server.
_SQLITE_REASONS = (
    ("file is not a database", "not an SQLite database, or its header is damaged"),
    ("malformed", "the database file is damaged"),
    ("readonly", "read-only: Revalo must be able to write the file and its folder"),
    ("unable to open", "cannot be opened: check the file and its folder"),
)


def _reason(where: str, exc: sa.exc.DBAPIError, sqlite: bool) -> str:
    said = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc).__name__
    if sqlite:
        for words, meaning in _SQLITE_REASONS:
            if words in said:
                return f"{where}: {meaning} ({said})"
    return f"{where}: {said}"


def _ensure_writable(conn: sa.Connection, where: str) -> None:
    if conn.dialect.name == "sqlite":
        # The header's user version written as it is, in a transaction rolled back: a
        # read-only file (or folder) refuses it, and nothing changes.
        version = int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)
        conn.exec_driver_sql("BEGIN")
        try:
            conn.exec_driver_sql(f"PRAGMA user_version = {version}")
        finally:
            conn.exec_driver_sql("ROLLBACK")
    elif conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on":
        raise UnusableDatabase(f"{where}: the database is read-only (a standby, or set so)")


def check_database(url: str) -> DatabaseState:
    """The state of the database at ``url``, or UnusableDatabase saying why it cannot be
    served: missing, not a database, damaged, read-only, unreachable."""
    path = sqlite_file(url)
    shown = sa.engine.make_url(normalise_url(url)).render_as_string(hide_password=True)
    where = str(path) if path is not None else shown
    if path is not None and not path.is_file():
        raise UnusableDatabase(f"{where}: no such database file")
    # For SQLite, a bare engine: the server's own turns WAL on as it connects, which would
    # write to a file that is not Revalo's.
    engine = (
        make_engine(url)
        if path is None
        else sa.create_engine(normalise_url(url), poolclass=sa.pool.NullPool)
    )
    try:
        with engine.connect() as conn:
            if path is not None:
                found = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").all()]
                if found != ["ok"]:
                    raise UnusableDatabase(f"{where}: the database file is damaged ({found[0]})")
            inspector = sa.inspect(conn)
            revision = None
            if inspector.has_table("alembic_version"):
                revision = conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
            state = DatabaseState(revision, inspector.has_table("return_requests"))
            if state.has_tables:
                _ensure_writable(conn, where)
            conn.rollback()
    except sa.exc.DBAPIError as exc:
        raise UnusableDatabase(_reason(where, exc, path is not None)) from exc
    finally:
        engine.dispose()
    return state
