"""The waste transporters' receipts (France: récépissé de déclaration, Code de
l'environnement R541-50 to R541-53), which a waste-tracking slip names.

Revision ID: 0040
Revises: 0039
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0040"
down_revision = "0039"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transporter_receipts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("carrier", sa.String(100), nullable=False),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("department", sa.String(3), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_transporter_receipts"),
        sa.UniqueConstraint("carrier", "number", name="uq_transporter_receipts_carrier_number"),
    )
    op.create_index("ix_transporter_receipts_carrier", "transporter_receipts", ["carrier"])


def downgrade() -> None:
    op.drop_index("ix_transporter_receipts_carrier", table_name="transporter_receipts")
    op.drop_table("transporter_receipts")
