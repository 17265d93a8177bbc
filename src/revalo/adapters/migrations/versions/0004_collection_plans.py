"""Collection plans: the day's collections of a region, as planned and as committed.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "collection_plans",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "committed",
                name="collectionplanstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("km", sa.Float(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("co2e_g", sa.BigInteger(), nullable=False),
        sa.Column("collected", sa.Integer(), nullable=False),
        sa.Column("deferred", sa.Integer(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("committed_at", sa.DateTime(), nullable=True),
        sa.Column("committed_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collection_plans")),
    )
    with op.batch_alter_table("collection_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_collection_plans_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_collection_plans_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("collection_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collection_plans_status"))
        batch_op.drop_index(batch_op.f("ix_collection_plans_day"))

    op.drop_table("collection_plans")
