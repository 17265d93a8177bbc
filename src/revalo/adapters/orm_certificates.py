"""The tables of the certificates: the media sanitised on a data wipe (one certificate of
sanitisation each), the treatment facilities' certificates and the waste transporters'
receipts. Registered on the same
metadata as the other tables; read and written with SQLAlchemy Core
(``certificate_repository.py``), with an explicit conversion to the domain's classes."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, _enum, metadata
from revalo.domain.certificates import MediaKind
from revalo.domain.work_orders import WipeMethod

wiped_media = sa.Table(
    "wiped_media",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("work_order_id", sa.ForeignKey("work_orders.id"), nullable=False, index=True),
    sa.Column("position", sa.SmallInteger, nullable=False),
    sa.Column("media_serial", sa.String(60), nullable=False),
    sa.Column("media_kind", _enum(MediaKind), nullable=False),
    sa.Column("method", _enum(WipeMethod), nullable=False),
    sa.Column("tool", sa.String(100), nullable=False),
    sa.Column("tool_version", sa.String(40), nullable=False),
    sa.Column("verification", sa.String(200), nullable=False),
    sa.Column("verified", sa.Boolean, nullable=False),
    sa.Column("recorded_by", sa.String(64), nullable=False),
    sa.Column("recorded_at", UtcDateTime, nullable=False),
    # One medium per place on its order: two technicians recording at once cannot take
    # the same certificate number.
    sa.UniqueConstraint("work_order_id", "position", name="uq_wiped_media_order_position"),
)

facility_certificates = sa.Table(
    "facility_certificates",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("number", sa.String(60), nullable=False),
    sa.Column("scope", sa.String(300), nullable=False),
    sa.Column("issuer", sa.String(200), nullable=False),
    sa.Column("issued_on", sa.Date, nullable=False),
    sa.Column("expires_on", sa.Date, nullable=False, index=True),
    sa.Column("recorded_by", sa.String(64), nullable=False),
    sa.Column("recorded_at", UtcDateTime, nullable=False),
    # The treatment operations its permit allows, space-separated ("R4 R12").
    sa.Column("operations", sa.String(120), nullable=False),
    sa.UniqueConstraint("site_code", "number", name="uq_facility_certificates_site_number"),
)

transporter_receipts = sa.Table(
    "transporter_receipts",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    # The carrier as the rate cards name it (config/carriers.toml).
    sa.Column("carrier", sa.String(100), nullable=False, index=True),
    sa.Column("number", sa.String(60), nullable=False),
    sa.Column("department", sa.String(3), nullable=False),
    sa.Column("valid_until", sa.Date, nullable=False),
    sa.Column("recorded_by", sa.String(64), nullable=False),
    sa.Column("recorded_at", UtcDateTime, nullable=False),
    # A receipt is kept once: two people recording it at once keep one.
    sa.UniqueConstraint("carrier", "number", name="uq_transporter_receipts_carrier_number"),
)
