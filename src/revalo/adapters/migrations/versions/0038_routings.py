"""Routings: the returns hub of each region from a day on, adopted from a network plan.

Revision ID: 0038
Revises: 0037
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0038"
down_revision = "0037"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "routings",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("note", sa.String(300), nullable=False),
        sa.Column("adopted_by", sa.String(64), nullable=False),
        sa.Column("adopted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_routings"),
    )
    op.create_index("ix_routings_valid_from", "routings", ["valid_from"])
    op.create_table(
        "routing_rules",
        sa.Column(
            "routing_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("region", sa.String(120), nullable=False),
        sa.Column("hub_code", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["routing_id"], ["routings.id"], name="fk_routing_rules_routing_id_routings"
        ),
        sa.ForeignKeyConstraint(
            ["hub_code"], ["sites.code"], name="fk_routing_rules_hub_code_sites"
        ),
        sa.PrimaryKeyConstraint("routing_id", "region", name="pk_routing_rules"),
    )


def downgrade() -> None:
    op.drop_table("routing_rules")
    op.drop_index("ix_routings_valid_from", table_name="routings")
    op.drop_table("routings")
