"""The resale tables (listings and their asking prices), on the same metadata as the others.
The repository converts their rows to the domain's listings explicitly."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import Money, UtcDateTime, metadata
from revalo.adapters.orm import _enum as enum_column
from revalo.domain.resale import ListingStatus

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

#: A unit offered on one channel; its sale, when sold, is on the same row.
listings = sa.Table(
    "listings",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("lpn", sa.String(20), nullable=False),
    sa.Column("channel", sa.String(20), nullable=False, index=True),
    sa.Column("grade", sa.String(1), nullable=False),
    sa.Column("channel_grade", sa.String(60), nullable=False),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("refurbished", sa.Boolean, nullable=False),
    sa.Column("photos", sa.JSON, nullable=False),
    sa.Column("reference_price", Money, nullable=False),
    sa.Column("floor_price", Money, nullable=False),
    sa.Column("asking_price", Money, nullable=False),
    sa.Column("status", enum_column(ListingStatus), nullable=False, index=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("listed_at", UtcDateTime),
    sa.Column("reserved_by", sa.String(100), nullable=False),
    sa.Column("sold_at", UtcDateTime, index=True),
    sa.Column("sold_price", Money),
    sa.Column("fees", Money),
    sa.Column("buyer", sa.String(100)),
    sa.Column("withdrawn_reason", sa.Text, nullable=False),
)

#: Every asking price a listing had, from its first.
listing_prices = sa.Table(
    "listing_prices",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("listing_id", sa.ForeignKey("listings.id"), nullable=False, index=True),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("price", Money, nullable=False),
    sa.Column("reason", sa.String(200), nullable=False),
    sa.Column("actor", sa.String(64), nullable=False),
)
