"""The portal's tables (customers' orders, the returns started from the portal and their
links, the keep-it figures of each line, the photos of a damage claim), on the same metadata
as the others. The repository converts rows to the domain's values explicitly."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import Money, UtcDateTime, metadata
from revalo.adapters.orm import _enum as enum_column
from revalo.domain.after_sales import Outcome
from revalo.domain.keep_it import KeepChoice
from revalo.domain.portal import WayBack

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

#: An order as the shop delivered it: the customer proves it is theirs by its e-mail or its
#: delivery postcode.
customer_orders = sa.Table(
    "customer_orders",
    metadata,
    sa.Column("order_ref", sa.String(60), primary_key=True),
    sa.Column("customer_code", sa.ForeignKey("customers.code"), nullable=False, index=True),
    sa.Column("email", sa.String(200), nullable=False),
    sa.Column("postcode", sa.String(12), nullable=False),
    sa.Column("placed_at", UtcDateTime, nullable=False),
    sa.Column("delivered_at", UtcDateTime),
    sa.Column("client_code", sa.String(20)),
)

customer_order_lines = sa.Table(
    "customer_order_lines",
    metadata,
    sa.Column("order_ref", sa.ForeignKey("customer_orders.order_ref"), primary_key=True),
    sa.Column("line_no", sa.Integer, primary_key=True),
    sa.Column("sku", sa.ForeignKey("products.sku"), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("unit_price", Money, nullable=False),
    sa.Column("serial", sa.String(40)),
)

#: One return at most per order from the portal (the key makes two submissions one return).
portal_returns = sa.Table(
    "portal_returns",
    metadata,
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), primary_key=True),
    sa.Column("order_ref", sa.ForeignKey("customer_orders.order_ref"), nullable=False, unique=True),
    sa.Column("outcome", enum_column(Outcome), nullable=False),
    sa.Column("way_back", enum_column(WayBack), nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

#: The links to follow a return: the SHA-256 of each secret, never the secret.
portal_links = sa.Table(
    "portal_links",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), nullable=False, index=True),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

#: The keep-it figures of a return line (per unit), and what the customer chose.
keep_it_offers = sa.Table(
    "keep_it_offers",
    metadata,
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), primary_key=True),
    sa.Column("line_no", sa.Integer, primary_key=True),
    sa.Column("route", sa.String(200), nullable=False),
    sa.Column("route_net", Money, nullable=False),
    sa.Column("trip_back", Money, nullable=False),
    sa.Column("processing", Money, nullable=False),
    sa.Column("threshold", Money, nullable=False),
    sa.Column("trip_back_km", sa.Numeric(10, 2), nullable=False),
    sa.Column("trip_back_co2_kg", sa.Numeric(10, 2), nullable=False),
    sa.Column("units", sa.Integer, nullable=False),
    sa.Column("choice", enum_column(KeepChoice), index=True),
    sa.Column("priced_at", UtcDateTime, nullable=False),
    sa.Column("chosen_at", UtcDateTime),
)

#: Photos of a damage claim, kept in the database (never a file the server could run).
portal_photos = sa.Table(
    "portal_photos",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), nullable=False, index=True),
    sa.Column("line_no", sa.Integer, nullable=False),
    sa.Column("media_type", sa.String(20), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("uploaded_at", UtcDateTime, nullable=False),
)
