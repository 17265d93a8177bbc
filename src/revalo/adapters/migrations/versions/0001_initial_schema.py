"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 15:42:06.384698
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("consumer", "business", name="customerkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_customers")),
    )
    op.create_table(
        "products",
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("gtin", sa.String(length=14), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("weight_kg", sa.Float(), nullable=False),
        sa.Column("volume_m3", sa.Float(), nullable=False),
        sa.Column("new_price", sa.BigInteger(), nullable=False),
        sa.Column("weee_category", sa.SmallInteger(), nullable=True),
        sa.Column("data_bearing", sa.Boolean(), nullable=False),
        sa.Column("lithium_battery", sa.Boolean(), nullable=False),
        sa.Column("apparel", sa.Boolean(), nullable=False),
        sa.Column("furniture", sa.Boolean(), nullable=False),
        sa.Column("bulky", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_products")),
        sa.UniqueConstraint("gtin", name=op.f("uq_products_gtin")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_category"), ["category"], unique=False)

    op.create_table(
        "sequences",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sequences")),
    )
    op.create_table(
        "sites",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "returns_hub",
                "store",
                "repair_centre",
                "refurbisher",
                "recycler",
                "outlet",
                "resale_partner",
                "charity",
                "vendor",
                name="sitekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("weee_certified", sa.Boolean(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_sites")),
    )
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sites_kind"), ["kind"], unique=False)

    op.create_table(
        "locations",
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "receiving",
                "quarantine",
                "inspection",
                "work_in_progress",
                "graded_stock",
                "outbound",
                "recycling_cage",
                "in_transit",
                name="locationkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_locations_site_code_sites")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_locations")),
    )
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_locations_site_code"), ["site_code"], unique=False)

    op.create_table(
        "return_requests",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("customer_code", sa.String(length=40), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column(
            "state",
            sa.Enum(
                "requested",
                "authorised",
                "rejected",
                "in_transit",
                "received",
                "closed",
                "cancelled",
                name="returnstate",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("destination_site", sa.String(length=40), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("order_ref", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_code"],
            ["customers.code"],
            name=op.f("fk_return_requests_customer_code_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["destination_site"],
            ["sites.code"],
            name=op.f("fk_return_requests_destination_site_sites"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_requests")),
        sa.UniqueConstraint("number", name=op.f("uq_return_requests_number")),
    )
    with op.batch_alter_table("return_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_return_requests_customer_code"), ["customer_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_return_requests_requested_at"), ["requested_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_return_requests_state"), ["state"], unique=False)

    op.create_table(
        "return_lines",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("rma_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(
                "withdrawal",
                "defective",
                "damaged_in_transit",
                "wrong_item",
                "not_as_described",
                "end_of_lease",
                "warranty_repair",
                "other",
                name="returnreason",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("serial", sa.String(length=40), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("received_quantity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rma_id"], ["return_requests.id"], name=op.f("fk_return_lines_rma_id_return_requests")
        ),
        sa.ForeignKeyConstraint(
            ["sku"], ["products.sku"], name=op.f("fk_return_lines_sku_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines")),
        sa.UniqueConstraint("rma_id", "line_no", name=op.f("uq_return_lines_rma_id")),
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_lines_reason"), ["reason"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_lines_rma_id"), ["rma_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_lines_serial"), ["serial"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_lines_sku"), ["sku"], unique=False)

    op.create_table(
        "units",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("lpn", sa.String(length=20), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("location_code", sa.String(length=80), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "received",
                "quarantined",
                "graded",
                "disposition_decided",
                "in_process",
                "ready",
                "listed",
                "restocked",
                "sold",
                "sent_to_partner",
                "returned_to_vendor",
                "donated",
                "recycled",
                "harvested",
                "disposed",
                name="unitstate",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("sku", sa.String(length=40), nullable=True),
        sa.Column("gtin", sa.String(length=14), nullable=True),
        sa.Column("serial", sa.String(length=40), nullable=True),
        sa.Column("batch", sa.String(length=40), nullable=True),
        sa.Column("sscc", sa.String(length=18), nullable=True),
        sa.Column("scanned_code", sa.String(length=200), nullable=False),
        sa.Column("rma_number", sa.String(length=20), nullable=True),
        sa.Column("rma_line_no", sa.Integer(), nullable=True),
        sa.Column("quarantine_reason", sa.Text(), nullable=False),
        sa.Column("functional_grade", sa.String(length=1), nullable=True),
        sa.Column("cosmetic_grade", sa.String(length=1), nullable=True),
        sa.Column(
            "route",
            sa.Enum(
                "restock",
                "resell",
                "repair",
                "refurbish",
                "harvest_parts",
                "return_to_vendor",
                "donate",
                "recycle",
                "dispose",
                name="dispositionroute",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("destination_site", sa.String(length=40), nullable=True),
        sa.Column("data_wiped_at", sa.DateTime(), nullable=True),
        sa.Column("tested_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["destination_site"], ["sites.code"], name=op.f("fk_units_destination_site_sites")
        ),
        sa.ForeignKeyConstraint(
            ["location_code"], ["locations.code"], name=op.f("fk_units_location_code_locations")
        ),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_units_site_code_sites")
        ),
        sa.ForeignKeyConstraint(["sku"], ["products.sku"], name=op.f("fk_units_sku_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
        sa.UniqueConstraint("lpn", name=op.f("uq_units_lpn")),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_location_code"), ["location_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_rma_number"), ["rma_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_serial"), ["serial"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_site_code"), ["site_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_sku"), ["sku"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_sscc"), ["sscc"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_state"), ["state"], unique=False)

    op.create_table(
        "dispositions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "route",
            sa.Enum(
                "restock",
                "resell",
                "repair",
                "refurbish",
                "harvest_parts",
                "return_to_vendor",
                "donate",
                "recycle",
                "dispose",
                name="dispositionroute",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "decided_by",
            sa.Enum("manager", "engine", name="decidedby", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("destination_site", sa.String(length=40), nullable=True),
        sa.Column(
            "overrides_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["destination_site"],
            ["sites.code"],
            name=op.f("fk_dispositions_destination_site_sites"),
        ),
        sa.ForeignKeyConstraint(
            ["overrides_id"],
            ["dispositions.id"],
            name=op.f("fk_dispositions_overrides_id_dispositions"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_dispositions_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispositions")),
    )
    with op.batch_alter_table("dispositions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dispositions_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "inspections",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("operator", sa.String(length=100), nullable=False),
        sa.Column("inspected_at", sa.DateTime(), nullable=False),
        sa.Column(
            "functional_grade",
            sa.Enum("A", "B", "C", "D", name="functionalgrade", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "cosmetic_grade",
            sa.Enum("A", "B", "C", "D", name="cosmeticgrade", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column("fault_codes", sa.JSON(), nullable=False),
        sa.Column("hazardous", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_inspections_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "stock_moves",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("from_location", sa.String(length=80), nullable=True),
        sa.Column("to_location", sa.String(length=80), nullable=True),
        sa.Column("moved_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_location"],
            ["locations.code"],
            name=op.f("fk_stock_moves_from_location_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["to_location"], ["locations.code"], name=op.f("fk_stock_moves_to_location_locations")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_stock_moves_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_moves")),
    )
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stock_moves_from_location"), ["from_location"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stock_moves_to_location"), ["to_location"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stock_moves_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "unit_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column("lpn", sa.String(length=20), nullable=False),
        sa.Column(
            "type",
            sa.Enum(
                "received",
                "quarantined",
                "released",
                "moved",
                "inspected",
                "disposition_recorded",
                "work_started",
                "work_completed",
                "work_failed",
                "ready",
                "shipped",
                "arrived",
                "listed",
                "dispatched",
                name="eventtype",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=True),
        sa.Column("location_code", sa.String(length=80), nullable=True),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("document", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_unit_events_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_events")),
    )
    with op.batch_alter_table("unit_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_unit_events_occurred_at"), ["occurred_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_unit_events_type"), ["type"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_events_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "work_orders",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "test",
                "clean",
                "data_wipe",
                "repair",
                "refurbish",
                name="workorderkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "open",
                "in_progress",
                "done",
                "failed",
                "cancelled",
                name="workorderstate",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("operator", sa.String(length=100), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("labour_minutes", sa.Integer(), nullable=False),
        sa.Column("parts_cost", sa.BigInteger(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column(
            "wipe_method",
            sa.Enum("clear", "purge", "destroy", name="wipemethod", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("wipe_tool", sa.String(length=100), nullable=False),
        sa.Column("wipe_verified", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_code"], ["sites.code"], name=op.f("fk_work_orders_site_code_sites")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_work_orders_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_orders")),
    )
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_orders_site_code"), ["site_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_orders_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_orders_unit_id"), ["unit_id"], unique=False)

    op.bulk_insert(
        sa.table("sequences", sa.column("name", sa.String), sa.column("value", sa.BigInteger)),
        [{"name": n, "value": 0} for n in ("unit", "rma", "work_order")],
    )


def downgrade() -> None:
    with op.batch_alter_table("work_orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_orders_unit_id"))
        batch_op.drop_index(batch_op.f("ix_work_orders_state"))
        batch_op.drop_index(batch_op.f("ix_work_orders_site_code"))

    op.drop_table("work_orders")
    with op.batch_alter_table("unit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_events_unit_id"))
        batch_op.drop_index(batch_op.f("ix_unit_events_type"))
        batch_op.drop_index(batch_op.f("ix_unit_events_occurred_at"))

    op.drop_table("unit_events")
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_moves_unit_id"))
        batch_op.drop_index(batch_op.f("ix_stock_moves_to_location"))
        batch_op.drop_index(batch_op.f("ix_stock_moves_from_location"))

    op.drop_table("stock_moves")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_unit_id"))

    op.drop_table("inspections")
    with op.batch_alter_table("dispositions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dispositions_unit_id"))

    op.drop_table("dispositions")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_state"))
        batch_op.drop_index(batch_op.f("ix_units_sscc"))
        batch_op.drop_index(batch_op.f("ix_units_sku"))
        batch_op.drop_index(batch_op.f("ix_units_site_code"))
        batch_op.drop_index(batch_op.f("ix_units_serial"))
        batch_op.drop_index(batch_op.f("ix_units_rma_number"))
        batch_op.drop_index(batch_op.f("ix_units_received_at"))
        batch_op.drop_index(batch_op.f("ix_units_location_code"))

    op.drop_table("units")
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_lines_sku"))
        batch_op.drop_index(batch_op.f("ix_return_lines_serial"))
        batch_op.drop_index(batch_op.f("ix_return_lines_rma_id"))
        batch_op.drop_index(batch_op.f("ix_return_lines_reason"))

    op.drop_table("return_lines")
    with op.batch_alter_table("return_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_requests_state"))
        batch_op.drop_index(batch_op.f("ix_return_requests_requested_at"))
        batch_op.drop_index(batch_op.f("ix_return_requests_customer_code"))

    op.drop_table("return_requests")
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_locations_site_code"))

    op.drop_table("locations")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sites_kind"))

    op.drop_table("sites")
    op.drop_table("sequences")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_category"))

    op.drop_table("products")
    op.drop_table("customers")
