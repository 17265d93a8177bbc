"""A partner's resales of the units handed over to it for good, each unit resold once.

Revision ID: 0037
Revises: 0036
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0037"
down_revision = "0036"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_resales",
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("site_code", sa.String(40), nullable=False),
        sa.Column("sold_on", sa.Date(), nullable=False),
        sa.Column("price_eur", sa.BigInteger(), nullable=False),
        sa.Column("receipt", sa.String(60), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_partner_resales_unit_id_units"),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name="fk_partner_resales_site_code_sites"
        ),
        sa.PrimaryKeyConstraint("unit_id", name="pk_partner_resales"),
    )
    op.create_index("ix_partner_resales_site_code", "partner_resales", ["site_code"])


def downgrade() -> None:
    op.drop_index("ix_partner_resales_site_code", table_name="partner_resales")
    op.drop_table("partner_resales")
