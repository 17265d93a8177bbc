"""The cost ledger kept as a table: its lines (what was recorded, priced at the rates when
read), the units whose lines are to be written again, and the triggers that mark them.
The units there are all marked: ``revalo db upgrade`` then writes their lines.

Revision ID: 0029
Revises: 0028
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The triggers' statements are the application's own, so that the database the tests
# create from the mapped tables and a migrated one mark the same units.
from revalo.adapters.orm_cost_ledger import drop_trigger_ddl, trigger_ddl

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

_TEXT = sa.String(120)


def upgrade() -> None:
    op.create_table(
        "cost_ledger",
        sa.Column("source", sa.String(20), primary_key=True),
        sa.Column("source_id", sa.BigInteger, primary_key=True),
        sa.Column("stage", sa.String(32), primary_key=True),
        sa.Column("part", _TEXT, primary_key=True),
        sa.Column("unit_id", sa.BigInteger, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("week", sa.String(10), nullable=False),
        sa.Column("basis", sa.String(12), nullable=False),
        sa.Column("amount", sa.BigInteger),
        sa.Column("price", sa.Numeric(14, 2)),
        *(
            sa.Column(name, _TEXT, nullable=False)
            for name in ("site", "carrier", "service", "lane", "mode")
        ),
        sa.Column("km", sa.Float, nullable=False),
        sa.Column("co2e_g", sa.BigInteger, nullable=False),
        *(
            sa.Column(name, _TEXT, nullable=False)
            for name in ("category", "reason", "client", "country", "route")
        ),
        sa.Column("rma_number", sa.String(20)),
    )
    op.create_index("ix_cost_ledger_unit_id", "cost_ledger", ["unit_id"])
    op.create_index("ix_cost_ledger_at", "cost_ledger", ["at"])
    op.create_table(
        "cost_ledger_pending",
        sa.Column("unit_id", sa.BigInteger, primary_key=True, autoincrement=False),
    )
    dialect = op.get_bind().dialect.name
    for sql in trigger_ddl(dialect):
        op.execute(sql)
    op.execute("INSERT INTO cost_ledger_pending (unit_id) SELECT id FROM units")


def downgrade() -> None:
    for sql in drop_trigger_ddl(op.get_bind().dialect.name):
        op.execute(sql)
    op.drop_table("cost_ledger_pending")
    op.drop_index("ix_cost_ledger_at", "cost_ledger")
    op.drop_index("ix_cost_ledger_unit_id", "cost_ledger")
    op.drop_table("cost_ledger")
