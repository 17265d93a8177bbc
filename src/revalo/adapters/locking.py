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
    the locked row as committed, but the rows it joined as they were when it started.

    As ``Session.get``, but with statements built once per class: building one costs more
    than running it on SQLite, and every use case reads its unit, site or return by key."""
    if lock and not _serialised(session):
        locked: T | None = session.scalars(_by_key(cls, None, lock=True), {"key": ident}).first()
        return locked
    held = session.identity_map.get(_identity(cls, ident))
    if held is not None:
        state = sa.inspect(held)
        if not (state.expired or state.deleted or state.was_deleted):
            return held  # type: ignore[no-any-return]
        return session.get(cls, ident)
    stmt: sa.Select[T] = _by_key(cls, with_related, lock=False)
    return session.scalars(stmt, {"key": ident}).unique().first()


def _identity(cls: type[Any], ident: Any) -> Any:
    return sa.inspect(cls).identity_key_from_primary_key([ident])


_BY_KEY: dict[tuple[type[Any], str | None, bool], sa.Select[Any]] = {}


def _by_key(cls: type[Any], with_related: str | None, *, lock: bool) -> sa.Select[Any]:
    built = _BY_KEY.get((cls, with_related, lock))
    if built is None:
        built = _BY_KEY[cls, with_related, lock] = _build_by_key(cls, with_related, lock=lock)
    return built


def _build_by_key(cls: type[Any], with_related: str | None, *, lock: bool) -> sa.Select[Any]:
    mapper = sa.inspect(cls)
    (key,) = mapper.primary_key
    stmt = sa.select(cls).where(key == sa.bindparam("key"))
    if with_related is not None:
        stmt = stmt.options(joinedload(mapper.relationships[with_related].class_attribute))
    if lock:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return stmt


def first(
    session: Session, stmt: sa.Select[T], *, lock: bool, params: dict[str, Any] | None = None
) -> T | None:
    """The first object ``stmt`` selects (with its bound ``params``); with ``lock``, its row
    locked and read afresh."""
    if lock and not _serialised(session):
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    return session.scalars(stmt, params).first()


def _serialised(session: Session) -> bool:
    """Whether the session's writes take turns with every other writer's (SQLite)."""
    return session.get_bind().dialect.name == "sqlite"


def hold(session: Session, key: str) -> None:
    """Make other writers of ``key`` (any text naming what is written) wait until this
    transaction ends: on PostgreSQL, a transaction-level advisory lock; on SQLite, writers
    never overlap (BEGIN IMMEDIATE) and nothing more is needed."""
    if not _serialised(session):
        session.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(sa.literal(key)))))
