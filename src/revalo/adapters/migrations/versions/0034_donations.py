"""Donations acknowledged by charities, each unit once, valued at cost price by the owner.

Revision ID: 0034
Revises: 0033
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "donations",
        sa.Column("id", _ID, nullable=False),
        sa.Column("site_code", sa.String(40), nullable=False),
        sa.Column("acknowledged_by", sa.String(64), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.String(300), nullable=False),
        sa.Column("value_eur", sa.BigInteger(), nullable=True),
        sa.Column("valued_by", sa.String(64), nullable=True),
        sa.Column("valued_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["site_code"], ["sites.code"], name="fk_donations_site_code_sites"),
        sa.PrimaryKeyConstraint("id", name="pk_donations"),
    )
    op.create_index("ix_donations_site_code", "donations", ["site_code"])
    op.create_table(
        "donation_units",
        sa.Column("donation_id", _ID, nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["donation_id"], ["donations.id"], name="fk_donation_units_donation_id_donations"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_donation_units_unit_id_units"),
        sa.PrimaryKeyConstraint("unit_id", name="pk_donation_units"),
    )
    op.create_index("ix_donation_units_donation_id", "donation_units", ["donation_id"])


def downgrade() -> None:
    op.drop_index("ix_donation_units_donation_id", table_name="donation_units")
    op.drop_table("donation_units")
    op.drop_index("ix_donations_site_code", table_name="donations")
    op.drop_table("donations")
