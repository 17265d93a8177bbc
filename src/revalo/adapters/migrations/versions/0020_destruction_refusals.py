"""The destructions the law refused are kept, for the yearly ESPR and AGEC disclosure.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "destruction_refusals",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("lpn", sa.String(length=20), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("product_type", sa.String(length=40), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("refused_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("law", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("client_code", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_code"],
            ["clients.code"],
            name=op.f("fk_destruction_refusals_client_code_clients"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_destruction_refusals_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destruction_refusals")),
    )
    with op.batch_alter_table("destruction_refusals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_destruction_refusals_client_code"), ["client_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_destruction_refusals_refused_at"), ["refused_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_destruction_refusals_unit_id"), ["unit_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("destruction_refusals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_destruction_refusals_unit_id"))
        batch_op.drop_index(batch_op.f("ix_destruction_refusals_refused_at"))
        batch_op.drop_index(batch_op.f("ix_destruction_refusals_client_code"))
    op.drop_table("destruction_refusals")
