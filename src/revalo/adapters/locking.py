"""Row locks for the use cases that read and then change what they read.

On PostgreSQL, at READ COMMITTED (its default, and the level its documentation recommends
with explicit locks for read-then-write work), ``SELECT ... FOR UPDATE`` makes a second
transaction wait for the first one on the same row, then read the row as the first one
committed it. ``populate_existing`` makes the session take that fresh row even when the
object was loaded earlier in the same session (a unit found by its serial, a return among
the candidates of a scan). On SQLite ``FOR UPDATE`` is not rendered: every write
transaction starts with ``BEGIN IMMEDIATE`` (adapters/db.py), so writers never overlap, and
what the transaction already loaded is what the database holds: it is not read again.
"""

from __future__ import annotations

from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, joinedload

T = TypeVar("T")


def get(
    session: Session, cls: type[T], ident: Any, *, lock: bool, with_related: str | None = None
) -> T | None:
    """The object with that primary key; with ``lock``, its row locked and read afresh.

    ``with_related`` names a one-to-many relationship to load in the same query when no
    row lock is taken. Under a lock it is loaded by a query of its own after the lock: at
    READ COMMITTED, a ``SELECT ... FOR UPDATE`` that waited for another transaction reads
    the locked row as committed, but the rows it joined as they were when it started."""
    if not lock or _serialised(session):
        options = []
        if with_related is not None:
            related = sa.inspect(cls).relationships[with_related].class_attribute
            options.append(joinedload(related))
        return session.get(cls, ident, options=options)
    return session.get(cls, ident, with_for_update=True, populate_existing=True)


def first(session: Session, stmt: sa.Select[T], *, lock: bool) -> T | None:
    """The first object ``stmt`` selects; with ``lock``, its row locked and read afresh."""
    if lock and not _serialised(session):
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return session.scalars(stmt).first()


def _serialised(session: Session) -> bool:
    """Whether the session's writes take turns with every other writer's (SQLite)."""
    return session.get_bind().dialect.name == "sqlite"
