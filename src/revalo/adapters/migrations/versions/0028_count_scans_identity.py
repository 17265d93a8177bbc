"""What a count's found item is by its barcode: the GTIN and serial of a GS1 scan, so that an
item Revalo did not know is received under them and a later scan of it finds the same unit.

Revision ID: 0028
Revises: 0027
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("count_adjustments") as t:
        t.add_column(sa.Column("gtin", sa.String(14)))
        t.add_column(sa.Column("serial", sa.String(20)))


def downgrade() -> None:
    with op.batch_alter_table("count_adjustments") as t:
        t.drop_column("serial")
        t.drop_column("gtin")
