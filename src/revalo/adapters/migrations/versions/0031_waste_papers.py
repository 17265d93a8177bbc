"""What a waste-tracking slip names: a French site's SIRET, and the treatment operations
(R1-R13, D1-D15 of Directive 2008/98/EC) a facility's permit allows.

Revision ID: 0031
Revises: 0030
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place (no copy of the table: units and locations refer to it).
    op.add_column("sites", sa.Column("siret", sa.String(14), nullable=True))
    # The certificates kept before list no operation; the default serves them only.
    with op.batch_alter_table("facility_certificates") as t:
        t.add_column(sa.Column("operations", sa.String(120), nullable=False, server_default=""))
    with op.batch_alter_table("facility_certificates") as t:
        t.alter_column("operations", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("facility_certificates") as t:
        t.drop_column("operations")
    op.drop_column("sites", "siret")
