"""Named counters: the numbers of units (their LPNs), returns, consignments, work orders and
collection plans.

On PostgreSQL each counter is a sequence (``counter_<name>``, migration 0011): ``nextval``
never waits for another transaction, so two receiving stations numbering units at once do not
queue behind each other's commit, as they would on one counter row. A number taken by a
transaction that then rolls back is not given again (PostgreSQL documents that sequences
leave gaps). On SQLite, where writers take turns anyway (``BEGIN IMMEDIATE``), a counter is a
row of table ``sequences``, incremented in the writer's transaction: a rollback gives its
numbers back.

Numbers are taken in blocks: one statement numbers the next units (or returns...) of the
process, not one statement each. A process starts with blocks of one number and doubles them
up to ``BLOCK`` as it goes on: a command that numbers one return leaves no gap when it ends,
a server receiving all day takes ``BLOCK`` at a time. What is left of a block is kept in the
engine's ``CounterBlocks``, for every unit of work of the process. On SQLite a block
taken by a transaction is kept only once that transaction has committed: a rollback gives
the block back to the counter row, so the process forgets it too. A number taken from a kept
block by a transaction that then rolls back is not given again (a gap, as on PostgreSQL).
Several processes on one database take blocks of their own: numbers stay unique, and are
not in the order the units were received across processes.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, SessionTransaction

from revalo.adapters import orm

#: How many numbers one statement takes ahead for the process.
BLOCK = 32
#: Where a session finds its engine's ``CounterBlocks`` (the session factory's ``info``).
BLOCKS_KEY = "revalo.counter_blocks"
#: The blocks a session's transaction took on SQLite, kept until it commits.
_PENDING = "revalo.pending_counters"

#: Every counter Revalo keeps; on PostgreSQL each is the sequence ``counter_<name>``.
COUNTERS = ("unit", "rma", "consignment", "work_order", "collection_plan")


def pg_sequence(name: str) -> str:
    """The PostgreSQL sequence of counter ``name``."""
    if name not in COUNTERS:
        raise ValueError(f"no counter {name!r}: the counters are {', '.join(COUNTERS)}")
    return f"counter_{name}"


class CounterBlocks:
    """The numbers a process has taken ahead and not given yet, per counter; shared by the
    threads of the process."""

    def __init__(self) -> None:
        self._free: dict[str, deque[int]] = {}
        self._sizes: dict[str, int] = {}
        self._lock = threading.Lock()

    def next_size(self, name: str) -> int:
        """How many numbers of counter ``name`` to take now: twice as many as last time."""
        with self._lock:
            size = self._sizes.get(name, 1)
            self._sizes[name] = min(2 * size, BLOCK)
            return size

    def take(self, name: str) -> int | None:
        with self._lock:
            free = self._free.get(name)
            return free.popleft() if free else None

    def keep(self, name: str, numbers: list[int]) -> None:
        with self._lock:
            self._free.setdefault(name, deque()).extend(numbers)


def session_info() -> dict[str, Any]:
    """What a session factory gives its sessions so that they share one ``CounterBlocks``."""
    return {BLOCKS_KEY: CounterBlocks()}


class SqlSequences:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next(self, name: str) -> int:
        """The next number of counter ``name``: from a block taken ahead when there is one."""
        blocks: CounterBlocks | None = self.session.info.get(BLOCKS_KEY)
        if blocks is None:
            return self.reserve(name, 1)[0]
        pending: dict[str, deque[int]] = self.session.info.setdefault(_PENDING, {})
        if pending.get(name):
            return pending[name].popleft()
        n = blocks.take(name)
        if n is not None:
            return n
        dialect = self.session.get_bind().dialect.name
        if dialect != "postgresql" and self.session.in_nested_transaction():
            # A savepoint's rollback would give back a block the session could not tell
            # from one its transaction keeps: take one number.
            return self.reserve(name, 1)[0]
        first, *rest = self.reserve(name, blocks.next_size(name))
        if dialect == "postgresql":
            blocks.keep(name, rest)  # a sequence never gives them again, whatever happens
        else:
            pending[name] = deque(rest)
        return first

    def reserve(self, name: str, count: int) -> list[int]:
        """``count`` new numbers of counter ``name``, in increasing order, in one statement.

        On the session's connection, in its transaction, but without flushing the objects
        pending in the session first: a counter needs none of them."""
        if count < 1:
            raise ValueError(f"reserve at least one number, not {count}")
        sequence = pg_sequence(name)
        conn = self.session.connection()
        if conn.dialect.name == "postgresql":
            rows = conn.execute(
                sa.text(f"SELECT nextval('{sequence}') FROM generate_series(1, :n)"), {"n": count}
            )
            return sorted(int(v) for (v,) in rows)
        last = int(conn.execute(_SQLITE_TAKE, {"name": name, "count": count}).scalar_one())
        return list(range(last - count + 1, last + 1))


_s = orm.sequences
#: One statement that inserts the counter or increments it: two first uses at once cannot
#: both insert. Built once: it is part of every receipt.
_SQLITE_TAKE = (
    sqlite_insert(_s)
    .values(name=sa.bindparam("name"), value=sa.bindparam("count"))
    .on_conflict_do_update(
        index_elements=[_s.c.name], set_={"value": _s.c.value + sa.bindparam("count")}
    )
    .returning(_s.c.value)
)


@event.listens_for(Session, "after_commit")
def _keep_pending(session: Session) -> None:
    """The blocks a committed transaction took are the process's to give (a savepoint's
    commit is not the transaction's)."""
    if session.in_nested_transaction():
        return
    pending: dict[str, deque[int]] | None = session.info.pop(_PENDING, None)
    blocks: CounterBlocks | None = session.info.get(BLOCKS_KEY)
    if pending and blocks is not None:
        for name, numbers in pending.items():
            blocks.keep(name, list(numbers))


@event.listens_for(Session, "after_transaction_end")
def _forget_pending(session: Session, transaction: SessionTransaction) -> None:
    """A transaction that ends without committing (rolled back, or its session closed) gave
    its blocks back to the counter rows."""
    if transaction.parent is None:
        session.info.pop(_PENDING, None)
