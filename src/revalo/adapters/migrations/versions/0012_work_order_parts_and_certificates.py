"""Work orders keep the parts they fitted, and a data wipe done its certificate's number.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The orders of before had no parts listed: an empty list each.
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("parts", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column("wipe_certificate", sa.String(length=20), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_work_orders_wipe_certificate"), ["wipe_certificate"]
        )
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        batch_op.alter_column("parts", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_work_orders_wipe_certificate"), type_="unique")
        batch_op.drop_column("wipe_certificate")
        batch_op.drop_column("parts")
