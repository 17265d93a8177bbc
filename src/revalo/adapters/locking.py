"""Row locks for the use cases that read and then change what they read.

On PostgreSQL, at READ COMMITTED (its default, and the level its documentation recommends
with explicit locks for read-then-write work), ``SELECT ... FOR UPDATE`` makes a second
transaction wait for the first one on the same row, then read the row as the first one
committed it. ``populate_existing`` makes the session take that fresh row even when the
object was loaded earlier in the same session (a unit found by its serial, a return among
the candidates of a scan). On SQLite ``FOR UPDATE`` is not rendered: every write
transaction starts with ``BEGIN IMMEDIATE`` (adapters/db.py), so writers never overlap.
"""

from __future__ import annotations

from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

T = TypeVar("T")


def get(session: Session, cls: type[T], ident: Any, *, lock: bool) -> T | None:
    """The object with that primary key; with ``lock``, its row locked and read afresh."""
    if not lock:
        return session.get(cls, ident)
    return session.get(cls, ident, with_for_update=True, populate_existing=True)


def first(session: Session, stmt: sa.Select[T], *, lock: bool) -> T | None:
    """The first object ``stmt`` selects; with ``lock``, its row locked and read afresh."""
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return session.scalars(stmt).first()
