"""Counters as PostgreSQL sequences, so that numbering a unit never waits for another
transaction's commit (adapters/counters.py). On SQLite nothing changes: the counters stay
rows of table ``sequences``.

On PostgreSQL each counter's sequence starts after the value its row had, and the rows are
removed (the sequences hold the values from now on); the downgrade writes them back.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

#: As adapters/counters.py COUNTERS when this revision was written.
COUNTERS = ("unit", "rma", "consignment", "work_order", "collection_plan")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    values = {n: v for n, v in conn.execute(sa.text("SELECT name, value FROM sequences"))}
    for name in COUNTERS:
        start = int(values.get(name, 0)) + 1
        op.execute(f"CREATE SEQUENCE counter_{name} AS bigint START WITH {start} MINVALUE 1")
    op.execute("DELETE FROM sequences")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for name in COUNTERS:
        last, called = conn.execute(
            sa.text(f"SELECT last_value, is_called FROM counter_{name}")
        ).one()
        value = int(last) if called else int(last) - 1
        conn.execute(
            sa.text("INSERT INTO sequences (name, value) VALUES (:n, :v)"), {"n": name, "v": value}
        )
        op.execute(f"DROP SEQUENCE counter_{name}")
