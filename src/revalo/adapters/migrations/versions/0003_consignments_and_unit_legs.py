"""Consignments (booked shipments) and each unit's legs: the journey of every unit.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consignments",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "return",
                "transfer",
                "dispatch",
                name="consignmentkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("destination", sa.String(length=40), nullable=False),
        sa.Column("service_id", sa.String(length=60), nullable=False),
        sa.Column("carrier", sa.String(length=100), nullable=False),
        sa.Column("vehicle", sa.String(length=40), nullable=False),
        sa.Column("km", sa.Float(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("co2e_g", sa.BigInteger(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.Column("booked_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("rma_number", sa.String(length=20), nullable=True),
        sa.Column("sscc", sa.String(length=18), nullable=True),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["destination"], ["sites.code"], name=op.f("fk_consignments_destination_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consignments")),
        sa.UniqueConstraint("sscc", name=op.f("uq_consignments_sscc")),
    )
    with op.batch_alter_table("consignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consignments_booked_at"), ["booked_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_consignments_destination"), ["destination"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consignments_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_consignments_origin"), ["origin"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_consignments_rma_number"), ["rma_number"], unique=False
        )

    op.create_table(
        "unit_legs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("consignment_id", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("destination", sa.String(length=40), nullable=False),
        sa.Column("km", sa.Float(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("co2e_g", sa.BigInteger(), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consignment_id"],
            ["consignments.id"],
            name=op.f("fk_unit_legs_consignment_id_consignments"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_unit_legs_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_legs")),
    )
    with op.batch_alter_table("unit_legs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_unit_legs_consignment_id"), ["consignment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_unit_legs_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("unit_legs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_legs_unit_id"))
        batch_op.drop_index(batch_op.f("ix_unit_legs_consignment_id"))

    op.drop_table("unit_legs")
    with op.batch_alter_table("consignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consignments_rma_number"))
        batch_op.drop_index(batch_op.f("ix_consignments_origin"))
        batch_op.drop_index(batch_op.f("ix_consignments_kind"))
        batch_op.drop_index(batch_op.f("ix_consignments_destination"))
        batch_op.drop_index(batch_op.f("ix_consignments_booked_at"))

    op.drop_table("consignments")
