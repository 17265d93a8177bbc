"""The media sanitised on a data wipe, one certificate of sanitisation each, and the
treatment facilities' certificates.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def _enum(*values: str) -> sa.Enum:
    return sa.Enum(*values, native_enum=False, create_constraint=False, length=32)


def upgrade() -> None:
    op.create_table(
        "wiped_media",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("work_order_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.Column("media_serial", sa.String(length=60), nullable=False),
        sa.Column(
            "media_kind", _enum("hdd", "ssd", "flash", "mobile", "optical", "other"), nullable=False
        ),
        sa.Column("method", _enum("clear", "purge", "destroy"), nullable=False),
        sa.Column("tool", sa.String(length=100), nullable=False),
        sa.Column("tool_version", sa.String(length=40), nullable=False),
        sa.Column("verification", sa.String(length=200), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["work_order_id"],
            ["work_orders.id"],
            name=op.f("fk_wiped_media_work_order_id_work_orders"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wiped_media")),
        sa.UniqueConstraint("work_order_id", "position", name="uq_wiped_media_order_position"),
    )
    op.create_index(
        op.f("ix_wiped_media_work_order_id"), "wiped_media", ["work_order_id"], unique=False
    )
    op.create_table(
        "facility_certificates",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("scope", sa.String(length=300), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_facility_certificates_site_code_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facility_certificates")),
        sa.UniqueConstraint("site_code", "number", name="uq_facility_certificates_site_number"),
    )
    op.create_index(
        op.f("ix_facility_certificates_site_code"),
        "facility_certificates",
        ["site_code"],
        unique=False,
    )
    op.create_index(
        op.f("ix_facility_certificates_expires_on"),
        "facility_certificates",
        ["expires_on"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_facility_certificates_expires_on"), table_name="facility_certificates")
    op.drop_index(op.f("ix_facility_certificates_site_code"), table_name="facility_certificates")
    op.drop_table("facility_certificates")
    op.drop_index(op.f("ix_wiped_media_work_order_id"), table_name="wiped_media")
    op.drop_table("wiped_media")
