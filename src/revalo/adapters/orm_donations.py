"""The donations acknowledged by charities (migration 0034), on the shared metadata; rows
converted explicitly by ``donation_repository``."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import Money, UtcDateTime, metadata

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

donations = sa.Table(
    "donations",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("acknowledged_by", sa.String(64), nullable=False),
    sa.Column("acknowledged_at", UtcDateTime, nullable=False),
    sa.Column("note", sa.String(300), nullable=False),
    sa.Column("value_eur", Money),
    sa.Column("valued_by", sa.String(64)),
    sa.Column("valued_at", UtcDateTime),
)

donation_units = sa.Table(
    "donation_units",
    metadata,
    sa.Column("donation_id", sa.ForeignKey("donations.id"), nullable=False, index=True),
    # A unit is acknowledged once: two acknowledgments of one unit at once keep one.
    sa.Column("unit_id", sa.ForeignKey("units.id"), primary_key=True),
)
