"""Index order refs (the import's re-import check) and scanned codes (foreign labels).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_return_requests_order_ref", "return_requests", ["order_ref"])
    op.create_index("ix_units_scanned_code", "units", ["scanned_code"])


def downgrade() -> None:
    op.drop_index("ix_units_scanned_code", table_name="units")
    op.drop_index("ix_return_requests_order_ref", table_name="return_requests")
