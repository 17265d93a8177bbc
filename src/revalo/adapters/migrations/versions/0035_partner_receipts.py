"""A partner's acceptance of each unit handed over to it (sent to it, or in a lot it
bought), by scan, once.

Revision ID: 0035
Revises: 0034
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_receipts",
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("site_code", sa.String(40), nullable=False),
        sa.Column("received_by", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name="fk_partner_receipts_unit_id_units"
        ),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name="fk_partner_receipts_site_code_sites"
        ),
        sa.PrimaryKeyConstraint("unit_id", name="pk_partner_receipts"),
    )
    op.create_index("ix_partner_receipts_site_code", "partner_receipts", ["site_code"])


def downgrade() -> None:
    op.drop_index("ix_partner_receipts_site_code", table_name="partner_receipts")
    op.drop_table("partner_receipts")
