"""A captured EPCIS event's outcome holds what a partner reported in full (its business step
and disposition may be URIs of another vocabulary): up to 300 characters, not 40.

Revision ID: 0039
Revises: 0038
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0039"
down_revision = "0038"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("epcis_captures", schema=None) as batch_op:
        batch_op.alter_column(
            "outcome", existing_type=sa.String(40), type_=sa.String(300), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("epcis_captures", schema=None) as batch_op:
        batch_op.alter_column(
            "outcome", existing_type=sa.String(300), type_=sa.String(40), existing_nullable=False
        )
