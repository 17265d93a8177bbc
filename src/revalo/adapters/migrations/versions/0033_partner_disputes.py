"""Disputes with the partners: a claim about a unit, a delivery, work or a payment, opened
by the partner or by the company, settled once (accepted with its credit, or rejected).

Revision ID: 0033
Revises: 0032
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "partner_disputes",
        sa.Column("id", _ID, nullable=False),
        sa.Column("site_code", sa.String(40), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.String(500), nullable=False),
        sa.Column("amount_eur", sa.BigInteger(), nullable=True),
        sa.Column("opened_by", sa.String(64), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("by_partner", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("settled_by", sa.String(64), nullable=True),
        sa.Column("settled_at", sa.DateTime(), nullable=True),
        sa.Column("settlement_note", sa.String(500), nullable=False),
        sa.Column("credit_eur", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name="fk_partner_disputes_site_code_sites"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name="fk_partner_disputes_unit_id_units"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_partner_disputes"),
    )
    op.create_index(
        "ix_partner_disputes_site_opened", "partner_disputes", ["site_code", "opened_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_partner_disputes_site_opened", table_name="partner_disputes")
    op.drop_table("partner_disputes")
