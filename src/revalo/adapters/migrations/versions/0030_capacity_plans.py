"""The capacity plan: sites' hours per skill and storage places per week, and channels'
weekly demand per product category as price steps, each change a new version; and the
disposition batches previewed, then committed by their id.

Revision ID: 0030
Revises: 0029
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "site_capacities",
        sa.Column("id", _ID, nullable=False),
        sa.Column("site_code", sa.String(40), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("repair_hours", sa.Float(), nullable=True),
        sa.Column("refurbish_hours", sa.Float(), nullable=True),
        sa.Column("test_hours", sa.Float(), nullable=True),
        sa.Column("storage_places", sa.Integer(), nullable=True),
        sa.Column("set_by", sa.String(64), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name="fk_site_capacities_site_code_sites"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_site_capacities"),
        sa.UniqueConstraint(
            "site_code", "week_start", "version", name="uq_site_capacities_site_week_version"
        ),
    )
    op.create_table(
        "channel_demand",
        sa.Column("id", _ID, nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("steps", sa.String(200), nullable=False),
        sa.Column("set_by", sa.String(64), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_channel_demand"),
        sa.UniqueConstraint(
            "channel",
            "category",
            "week_start",
            "version",
            name="uq_channel_demand_channel_category_week_version",
        ),
    )

    op.create_table(
        "disposition_batches",
        sa.Column("id", _ID, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("site_code", sa.String(40), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("made_by", sa.String(64), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("units_read", sa.JSON(), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("committed_by", sa.String(64), nullable=True),
        sa.Column("committed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_disposition_batches"),
    )


def downgrade() -> None:
    op.drop_table("disposition_batches")
    op.drop_table("channel_demand")
    op.drop_table("site_capacities")
