"""B2B lots (their units, the buyers' offers) and harvested parts with their own ledger.

Revision ID: 0025
Revises: 0024
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lots",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("grade", sa.String(length=1), nullable=False),
        sa.Column("reserve_price", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("buyer_site", sa.String(length=40), nullable=True),
        sa.Column("price", sa.BigInteger(), nullable=True),
        sa.Column("buyer_vat_number", sa.String(length=20), nullable=False),
        sa.Column("sold_at", sa.DateTime(), nullable=True),
        sa.Column("consignment_ref", sa.String(length=20), nullable=True),
        sa.Column("shipped_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["buyer_site"], ["sites.code"], name=op.f("fk_lots_buyer_site_sites")
        ),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_lots_site_code_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lots")),
    )
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lots_site_code"), ["site_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_lots_state"), ["state"], unique=False)

    op.create_table(
        "lot_offers",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("lot_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("buyer_site", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["buyer_site"], ["sites.code"], name=op.f("fk_lot_offers_buyer_site_sites")
        ),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_lot_offers_lot_id_lots")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lot_offers")),
    )
    with op.batch_alter_table("lot_offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lot_offers_lot_id"), ["lot_id"], unique=False)

    op.create_table(
        "lot_units",
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("lot_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("lpn", sa.String(length=20), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=True),
        sa.Column("functional_grade", sa.String(length=1), nullable=False),
        sa.Column("cosmetic_grade", sa.String(length=1), nullable=False),
        sa.Column("faults", sa.JSON(), nullable=False),
        sa.Column("new_price", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_lot_units_lot_id_lots")),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_lot_units_unit_id_units")),
        sa.PrimaryKeyConstraint("unit_id", name=op.f("pk_lot_units")),
    )
    with op.batch_alter_table("lot_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lot_units_lot_id"), ["lot_id"], unique=False)

    op.create_table(
        "parts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("donor_unit_id", sa.BigInteger(), nullable=False),
        sa.Column("donor_lpn", sa.String(length=20), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("grade", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("location_code", sa.String(length=80), nullable=True),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("harvested_at", sa.DateTime(), nullable=False),
        sa.Column("harvested_by", sa.String(length=64), nullable=False),
        sa.Column("harvest_order_id", sa.BigInteger(), nullable=False),
        sa.Column("fitted_order_id", sa.BigInteger(), nullable=True),
        sa.Column("fitted_to_lpn", sa.String(length=20), nullable=True),
        sa.Column("sale_price", sa.BigInteger(), nullable=True),
        sa.Column("buyer", sa.String(length=200), nullable=False),
        sa.Column("left_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["donor_unit_id"], ["units.id"], name=op.f("fk_parts_donor_unit_id_units")
        ),
        sa.ForeignKeyConstraint(
            ["fitted_order_id"],
            ["work_orders.id"],
            name=op.f("fk_parts_fitted_order_id_work_orders"),
        ),
        sa.ForeignKeyConstraint(
            ["harvest_order_id"],
            ["work_orders.id"],
            name=op.f("fk_parts_harvest_order_id_work_orders"),
        ),
        sa.ForeignKeyConstraint(
            ["location_code"], ["locations.code"], name=op.f("fk_parts_location_code_locations")
        ),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_parts_site_code_sites")
        ),
        sa.ForeignKeyConstraint(["sku"], ["products.sku"], name=op.f("fk_parts_sku_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parts")),
    )
    with op.batch_alter_table("parts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parts_donor_unit_id"), ["donor_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_parts_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_parts_location_code"), ["location_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_parts_site_code"), ["site_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_parts_sku"), ["sku"], unique=False)
        batch_op.create_index(batch_op.f("ix_parts_state"), ["state"], unique=False)

    op.create_table(
        "part_moves",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("part_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("from_location", sa.String(length=80), nullable=True),
        sa.Column("to_location", sa.String(length=80), nullable=True),
        sa.Column("moved_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_location"],
            ["locations.code"],
            name=op.f("fk_part_moves_from_location_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["part_id"], ["parts.id"], name=op.f("fk_part_moves_part_id_parts")
        ),
        sa.ForeignKeyConstraint(
            ["to_location"], ["locations.code"], name=op.f("fk_part_moves_to_location_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_part_moves")),
    )
    with op.batch_alter_table("part_moves", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_part_moves_part_id"), ["part_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("part_moves", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_part_moves_part_id"))

    op.drop_table("part_moves")
    with op.batch_alter_table("parts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parts_state"))
        batch_op.drop_index(batch_op.f("ix_parts_sku"))
        batch_op.drop_index(batch_op.f("ix_parts_site_code"))
        batch_op.drop_index(batch_op.f("ix_parts_location_code"))
        batch_op.drop_index(batch_op.f("ix_parts_kind"))
        batch_op.drop_index(batch_op.f("ix_parts_donor_unit_id"))

    op.drop_table("parts")
    with op.batch_alter_table("lot_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lot_units_lot_id"))

    op.drop_table("lot_units")
    with op.batch_alter_table("lot_offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lot_offers_lot_id"))

    op.drop_table("lot_offers")
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lots_state"))
        batch_op.drop_index(batch_op.f("ix_lots_site_code"))

    op.drop_table("lots")
