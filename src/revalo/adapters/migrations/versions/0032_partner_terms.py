"""The partners' terms as data: a price share, a turnaround and a first-time-right share,
each change a new version from a day.

Revision ID: 0032
Revises: 0031
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "partner_terms",
        sa.Column("id", _ID, nullable=False),
        sa.Column("site_code", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("price_share", sa.String(12), nullable=True),
        sa.Column("turnaround_days", sa.Integer(), nullable=True),
        sa.Column("first_time_right", sa.String(12), nullable=True),
        sa.Column("note", sa.String(300), nullable=False),
        sa.Column("set_by", sa.String(64), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name="fk_partner_terms_site_code_sites"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_partner_terms"),
        sa.UniqueConstraint("site_code", "version", name="uq_partner_terms_site_version"),
    )


def downgrade() -> None:
    op.drop_table("partner_terms")
