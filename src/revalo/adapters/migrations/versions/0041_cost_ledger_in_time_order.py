"""The cost ledger's lines kept in the order of time, with an index by week, stage, part
and site: an analysis reads a period's lines in one run, and its sums by week or by stage,
part and site in the index's order, without a sort. The lines are what the records give:
the table is made again empty and every unit marked; ``revalo db upgrade`` then writes
their lines (as after 0029). Going back, the table of 0029 is made again the same way.

Revision ID: 0041
Revises: 0040
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0041"
down_revision = "0040"
branch_labels = None
depends_on = None

_TEXT = sa.String(120)
_LINE = ("source", "source_id", "stage", "part")


def _columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("source_id", sa.BigInteger, nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("part", _TEXT, nullable=False),
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
    ]


def _mark_every_unit() -> None:
    op.execute("DELETE FROM cost_ledger_pending")
    op.execute("INSERT INTO cost_ledger_pending (unit_id) SELECT id FROM units")


def upgrade() -> None:
    op.drop_table("cost_ledger")
    op.create_table(
        "cost_ledger",
        *_columns(),
        sa.PrimaryKeyConstraint("at", *_LINE, name="pk_cost_ledger"),
        sa.UniqueConstraint(*_LINE, name="uq_cost_ledger_source"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_cost_ledger_unit_id", "cost_ledger", ["unit_id", "rma_number"])
    week = ["week", "stage", "part", "site", "route", "basis", "amount", "price", "km", "unit_id"]
    op.create_index("ix_cost_ledger_week", "cost_ledger", week)
    op.create_index("ix_cost_ledger_week_units", "cost_ledger", ["week", "unit_id", "rma_number"])
    _mark_every_unit()


def downgrade() -> None:
    op.drop_table("cost_ledger")
    op.create_table(
        "cost_ledger", *_columns(), sa.PrimaryKeyConstraint(*_LINE, name="pk_cost_ledger")
    )
    op.create_index("ix_cost_ledger_unit_id", "cost_ledger", ["unit_id"])
    op.create_index("ix_cost_ledger_at", "cost_ledger", ["at"])
    _mark_every_unit()
