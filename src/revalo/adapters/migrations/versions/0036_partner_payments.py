"""A partner's payments for the units handed over to it for good, each unit paid for once.

Revision ID: 0036
Revises: 0035
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_payments",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("site_code", sa.String(40), nullable=False),
        sa.Column("reference", sa.String(60), nullable=False),
        sa.Column("amount_eur", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name="fk_partner_payments_site_code_sites"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_partner_payments"),
    )
    op.create_index("ix_partner_payments_site_paid", "partner_payments", ["site_code", "paid_on"])
    op.create_table(
        "partner_payment_lines",
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "payment_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("amount_eur", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name="fk_partner_payment_lines_unit_id_units"
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["partner_payments.id"],
            name="fk_partner_payment_lines_payment_id_partner_payments",
        ),
        sa.PrimaryKeyConstraint("unit_id", name="pk_partner_payment_lines"),
    )
    op.create_index("ix_partner_payment_lines_payment_id", "partner_payment_lines", ["payment_id"])


def downgrade() -> None:
    op.drop_index("ix_partner_payment_lines_payment_id", table_name="partner_payment_lines")
    op.drop_table("partner_payment_lines")
    op.drop_index("ix_partner_payments_site_paid", table_name="partner_payments")
    op.drop_table("partner_payments")
