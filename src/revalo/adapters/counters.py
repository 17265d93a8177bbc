"""Named counters: the numbers of units (their LPNs), returns, consignments, work orders and
collection plans.

On PostgreSQL each counter is a sequence (``counter_<name>``, migration 0011): ``nextval``
never waits for another transaction, so two receiving stations numbering units at once do not
queue behind each other's commit, as they would on one counter row. A number taken by a
transaction that then rolls back is not given again (PostgreSQL documents that sequences
leave gaps). On SQLite, where writers take turns anyway (``BEGIN IMMEDIATE``), a counter is a
row of table ``sequences``, incremented in the writer's transaction: a rollback gives its
numbers back.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from revalo.adapters import orm

#: Every counter Revalo keeps; on PostgreSQL each is the sequence ``counter_<name>``.
COUNTERS = ("unit", "rma", "consignment", "work_order", "collection_plan")


def pg_sequence(name: str) -> str:
    """The PostgreSQL sequence of counter ``name``."""
    if name not in COUNTERS:
        raise ValueError(f"no counter {name!r}: the counters are {', '.join(COUNTERS)}")
    return f"counter_{name}"


class SqlSequences:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next(self, name: str) -> int:
        return self.reserve(name, 1)[0]

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
