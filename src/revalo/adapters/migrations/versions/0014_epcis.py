"""Sites keep their GLN, which names them in EPCIS events; the EPCIS events partners sent
are kept by their eventID, so that each is applied once.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place (no copy of the table: units and locations refer to it).
    op.add_column("sites", sa.Column("gln", sa.String(length=13), nullable=True))
    op.create_index(op.f("ix_sites_gln"), "sites", ["gln"], unique=True)
    op.create_table(
        "epcis_captures",
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("captured_at", sa.DateTime(), nullable=False),
        sa.Column("captured_by", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_epcis_captures_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("event_id", "unit_id", name=op.f("pk_epcis_captures")),
    )
    with op.batch_alter_table("epcis_captures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_epcis_captures_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("epcis_captures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_epcis_captures_unit_id"))
    op.drop_table("epcis_captures")
    op.drop_index(op.f("ix_sites_gln"), table_name="sites")
    op.drop_column("sites", "gln")
