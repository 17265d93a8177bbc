"""The routings of regions to hubs (migration 0038), on the shared metadata; rows converted
explicitly by ``routing_repository``."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, metadata

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

routings = sa.Table(
    "routings",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("valid_from", sa.Date, nullable=False, index=True),
    sa.Column("note", sa.String(300), nullable=False),
    sa.Column("adopted_by", sa.String(64), nullable=False),
    sa.Column("adopted_at", UtcDateTime, nullable=False),
)

#: One hub a region in a routing: the primary key says so.
routing_rules = sa.Table(
    "routing_rules",
    metadata,
    sa.Column("routing_id", sa.ForeignKey("routings.id"), primary_key=True),
    sa.Column("region", sa.String(120), primary_key=True),
    sa.Column("hub_code", sa.ForeignKey("sites.code"), nullable=False),
)
