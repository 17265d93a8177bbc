"""The compliance tables: the destructions the law refused, kept for the yearly ESPR and
AGEC disclosure (``domain/espr.py``). Read and written with SQLAlchemy Core."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, metadata

#: A destruction asked and refused by a ban (its unit's decision was not recorded).
destruction_refusals = sa.Table(
    "destruction_refusals",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("lpn", sa.String(20), nullable=False),
    sa.Column("sku", sa.String(40), nullable=False),
    sa.Column("product_type", sa.String(40), nullable=False),
    sa.Column("weight_kg", sa.Float, nullable=False),
    sa.Column("refused_at", UtcDateTime, nullable=False, index=True),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("law", sa.String(40), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("client_code", sa.ForeignKey("clients.code"), index=True),
)
