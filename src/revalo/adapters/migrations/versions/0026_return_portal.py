"""The customer's return portal: orders with their e-mail and delivery postcode, the returns
started from the portal with their links, the keep-it figures of a line, damage photos.

Revision ID: 0026
Revises: 0025
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("return_lines") as t:
        t.add_column(sa.Column("kept", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "customer_orders",
        sa.Column("order_ref", sa.String(length=60), nullable=False),
        sa.Column("customer_code", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("postcode", sa.String(length=12), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("client_code", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_code"],
            ["customers.code"],
            name=op.f("fk_customer_orders_customer_code_customers"),
        ),
        sa.PrimaryKeyConstraint("order_ref", name=op.f("pk_customer_orders")),
    )
    with op.batch_alter_table("customer_orders") as t:
        t.create_index(t.f("ix_customer_orders_customer_code"), ["customer_code"], unique=False)
    op.create_table(
        "customer_order_lines",
        sa.Column("order_ref", sa.String(length=60), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_ref"],
            ["customer_orders.order_ref"],
            name=op.f("fk_customer_order_lines_order_ref_customer_orders"),
        ),
        sa.ForeignKeyConstraint(
            ["sku"], ["products.sku"], name=op.f("fk_customer_order_lines_sku_products")
        ),
        sa.PrimaryKeyConstraint("order_ref", "line_no", name=op.f("pk_customer_order_lines")),
    )
    op.create_table(
        "portal_returns",
        sa.Column("rma_id", sa.BigInteger(), nullable=False),
        sa.Column("order_ref", sa.String(length=60), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("way_back", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_ref"],
            ["customer_orders.order_ref"],
            name=op.f("fk_portal_returns_order_ref_customer_orders"),
        ),
        sa.ForeignKeyConstraint(
            ["rma_id"],
            ["return_requests.id"],
            name=op.f("fk_portal_returns_rma_id_return_requests"),
        ),
        sa.PrimaryKeyConstraint("rma_id", name=op.f("pk_portal_returns")),
        sa.UniqueConstraint("order_ref", name=op.f("uq_portal_returns_order_ref")),
    )
    op.create_table(
        "portal_links",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("rma_id", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rma_id"], ["return_requests.id"], name=op.f("fk_portal_links_rma_id_return_requests")
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_portal_links")),
    )
    with op.batch_alter_table("portal_links") as t:
        t.create_index(t.f("ix_portal_links_rma_id"), ["rma_id"], unique=False)
    op.create_table(
        "keep_it_offers",
        sa.Column("rma_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("route", sa.String(length=200), nullable=False),
        sa.Column("route_net", sa.BigInteger(), nullable=False),
        sa.Column("trip_back", sa.BigInteger(), nullable=False),
        sa.Column("processing", sa.BigInteger(), nullable=False),
        sa.Column("threshold", sa.BigInteger(), nullable=False),
        sa.Column("trip_back_km", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("trip_back_co2_kg", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(length=32), nullable=True),
        sa.Column("priced_at", sa.DateTime(), nullable=False),
        sa.Column("chosen_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rma_id"],
            ["return_requests.id"],
            name=op.f("fk_keep_it_offers_rma_id_return_requests"),
        ),
        sa.PrimaryKeyConstraint("rma_id", "line_no", name=op.f("pk_keep_it_offers")),
    )
    with op.batch_alter_table("keep_it_offers") as t:
        t.create_index(t.f("ix_keep_it_offers_choice"), ["choice"], unique=False)
    op.create_table(
        "portal_photos",
        sa.Column("id", _ID, nullable=False),
        sa.Column("rma_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rma_id"], ["return_requests.id"], name=op.f("fk_portal_photos_rma_id_return_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portal_photos")),
    )
    with op.batch_alter_table("portal_photos") as t:
        t.create_index(t.f("ix_portal_photos_rma_id"), ["rma_id"], unique=False)


def downgrade() -> None:
    for table in (
        "portal_photos",
        "keep_it_offers",
        "portal_links",
        "portal_returns",
        "customer_order_lines",
        "customer_orders",
    ):
        op.drop_table(table)
    with op.batch_alter_table("return_lines") as t:
        t.drop_column("kept")
