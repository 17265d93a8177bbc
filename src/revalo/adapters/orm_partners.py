"""The partners' terms (migration 0032), on the shared metadata; rows converted explicitly
by ``partner_repository``."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, metadata

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

partner_terms = sa.Table(
    "partner_terms",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("valid_from", sa.Date, nullable=False),
    # Shares and days as written (a Decimal's text): exact on both databases.
    sa.Column("price_share", sa.String(12)),
    sa.Column("turnaround_days", sa.Integer),
    sa.Column("first_time_right", sa.String(12)),
    sa.Column("note", sa.String(300), nullable=False),
    sa.Column("set_by", sa.String(64), nullable=False),
    sa.Column("set_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("site_code", "version", name="uq_partner_terms_site_version"),
)
