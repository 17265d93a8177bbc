"""Listings on the sales channels, with their asking prices; a decision's channel and the
engine's expected net recovery kept as data on the decision.

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("dispositions") as t:
        t.add_column(sa.Column("channel", sa.String(length=20), nullable=True))
        t.add_column(sa.Column("expected_net", sa.BigInteger(), nullable=True))
    op.create_table(
        "listings",
        sa.Column("id", _ID, nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("lpn", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("grade", sa.String(length=1), nullable=False),
        sa.Column("channel_grade", sa.String(length=60), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("refurbished", sa.Boolean(), nullable=False),
        sa.Column("photos", sa.JSON(), nullable=False),
        sa.Column("reference_price", sa.BigInteger(), nullable=False),
        sa.Column("floor_price", sa.BigInteger(), nullable=False),
        sa.Column("asking_price", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("listed_at", sa.DateTime(), nullable=True),
        sa.Column("reserved_by", sa.String(length=100), nullable=False),
        sa.Column("sold_at", sa.DateTime(), nullable=True),
        sa.Column("sold_price", sa.BigInteger(), nullable=True),
        sa.Column("fees", sa.BigInteger(), nullable=True),
        sa.Column("buyer", sa.String(length=100), nullable=True),
        sa.Column("withdrawn_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_listings_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listings")),
    )
    with op.batch_alter_table("listings") as t:
        t.create_index(t.f("ix_listings_unit_id"), ["unit_id"], unique=False)
        t.create_index(t.f("ix_listings_channel"), ["channel"], unique=False)
        t.create_index(t.f("ix_listings_status"), ["status"], unique=False)
        t.create_index(t.f("ix_listings_sold_at"), ["sold_at"], unique=False)
    op.create_table(
        "listing_prices",
        sa.Column("id", _ID, nullable=False),
        sa.Column("listing_id", _ID, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["listing_id"], ["listings.id"], name=op.f("fk_listing_prices_listing_id_listings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listing_prices")),
    )
    with op.batch_alter_table("listing_prices") as t:
        t.create_index(t.f("ix_listing_prices_listing_id"), ["listing_id"], unique=False)


def downgrade() -> None:
    op.drop_table("listing_prices")
    op.drop_table("listings")
    with op.batch_alter_table("dispositions") as t:
        t.drop_column("expected_net")
        t.drop_column("channel")
