"""The partners' terms (migration 0032), disputes (0033), receipts of deliveries (0035),
payments (0036) and resales (0037), on the shared metadata; rows converted explicitly by
``partner_repository``, ``delivery_repository`` and ``partner_payment_repository``."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import Money, UtcDateTime, metadata

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

partner_disputes = sa.Table(
    "partner_disputes",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False),
    sa.Column("unit_id", sa.ForeignKey("units.id")),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("text", sa.String(500), nullable=False),
    sa.Column("amount_eur", Money),
    sa.Column("opened_by", sa.String(64), nullable=False),
    sa.Column("opened_at", UtcDateTime, nullable=False),
    sa.Column("by_partner", sa.Boolean, nullable=False),
    sa.Column("state", sa.String(10), nullable=False),
    sa.Column("settled_by", sa.String(64)),
    sa.Column("settled_at", UtcDateTime),
    sa.Column("settlement_note", sa.String(500), nullable=False),
    sa.Column("credit_eur", Money),
    sa.Index("ix_partner_disputes_site_opened", "site_code", "opened_at"),
)

partner_receipts = sa.Table(
    "partner_receipts",
    metadata,
    # A unit handed over is accepted once: two scans of one unit at once keep one.
    sa.Column("unit_id", sa.ForeignKey("units.id"), primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("received_by", sa.String(64), nullable=False),
    sa.Column("received_at", UtcDateTime, nullable=False),
)

partner_payments = sa.Table(
    "partner_payments",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False),
    sa.Column("reference", sa.String(60), nullable=False),
    sa.Column("amount_eur", Money, nullable=False),
    sa.Column("paid_on", sa.Date, nullable=False),
    sa.Column("recorded_by", sa.String(64), nullable=False),
    sa.Column("recorded_at", UtcDateTime, nullable=False),
    sa.Index("ix_partner_payments_site_paid", "site_code", "paid_on"),
)

partner_payment_lines = sa.Table(
    "partner_payment_lines",
    metadata,
    # A unit is paid for once: two payments naming one unit at once keep one.
    sa.Column("unit_id", sa.ForeignKey("units.id"), primary_key=True),
    sa.Column("payment_id", sa.ForeignKey("partner_payments.id"), nullable=False, index=True),
    sa.Column("amount_eur", Money, nullable=False),
)

partner_resales = sa.Table(
    "partner_resales",
    metadata,
    # A unit is resold once: two records of one unit's resale at once keep one.
    sa.Column("unit_id", sa.ForeignKey("units.id"), primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("sold_on", sa.Date, nullable=False),
    sa.Column("price_eur", Money, nullable=False),
    sa.Column("receipt", sa.String(60), nullable=False),
    sa.Column("recorded_by", sa.String(64), nullable=False),
    sa.Column("recorded_at", UtcDateTime, nullable=False),
)
