"""The tables of B2B lots (their units, the buyers' offers) and of harvested parts with the
parts' own ledger, on the same metadata as the others. The repositories convert rows to the
domain's objects explicitly."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import Money, UtcDateTime, metadata
from revalo.adapters.orm import _enum as enum_column
from revalo.domain.lots import LotState, OfferState
from revalo.domain.parts import PartGrade, PartState

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

lots = sa.Table(
    "lots",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("grade", sa.String(1), nullable=False),
    sa.Column("reserve_price", Money, nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("state", enum_column(LotState), nullable=False, index=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("buyer_site", sa.ForeignKey("sites.code")),
    sa.Column("price", Money),
    sa.Column("buyer_vat_number", sa.String(20), nullable=False),
    sa.Column("sold_at", UtcDateTime),
    sa.Column("consignment_ref", sa.String(20)),
    sa.Column("shipped_at", UtcDateTime),
)

#: A unit is in one lot at most: the primary key says so, whoever adds it at the same time.
lot_units = sa.Table(
    "lot_units",
    metadata,
    sa.Column("unit_id", sa.ForeignKey("units.id"), primary_key=True),
    sa.Column("lot_id", sa.ForeignKey("lots.id"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("lpn", sa.String(20), nullable=False),
    sa.Column("sku", sa.String(40), nullable=False),
    sa.Column("serial", sa.String(40)),
    sa.Column("functional_grade", sa.String(1), nullable=False),
    sa.Column("cosmetic_grade", sa.String(1), nullable=False),
    sa.Column("faults", sa.JSON, nullable=False),
    sa.Column("new_price", Money, nullable=False),
)

lot_offers = sa.Table(
    "lot_offers",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("lot_id", sa.ForeignKey("lots.id"), nullable=False, index=True),
    sa.Column("buyer_site", sa.ForeignKey("sites.code"), nullable=False),
    sa.Column("amount", Money, nullable=False),
    sa.Column("made_at", UtcDateTime, nullable=False),
    sa.Column("made_by", sa.String(64), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("state", enum_column(OfferState), nullable=False),
)

parts = sa.Table(
    "parts",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("kind", sa.String(40), nullable=False, index=True),
    sa.Column("donor_unit_id", sa.ForeignKey("units.id"), nullable=False, index=True),
    sa.Column("donor_lpn", sa.String(20), nullable=False),
    sa.Column("sku", sa.ForeignKey("products.sku"), nullable=False, index=True),
    sa.Column("grade", enum_column(PartGrade), nullable=False),
    sa.Column("value", Money, nullable=False),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("location_code", sa.ForeignKey("locations.code"), index=True),
    sa.Column("state", enum_column(PartState), nullable=False, index=True),
    sa.Column("harvested_at", UtcDateTime, nullable=False),
    sa.Column("harvested_by", sa.String(64), nullable=False),
    sa.Column("harvest_order_id", sa.ForeignKey("work_orders.id"), nullable=False),
    sa.Column("fitted_order_id", sa.ForeignKey("work_orders.id")),
    sa.Column("fitted_to_lpn", sa.String(20)),
    sa.Column("sale_price", Money),
    sa.Column("buyer", sa.String(200), nullable=False),
    sa.Column("left_at", UtcDateTime),
)

#: The parts' ledger: a part is where its last move ended, nowhere once it left.
part_moves = sa.Table(
    "part_moves",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("part_id", sa.ForeignKey("parts.id"), nullable=False, index=True),
    sa.Column("from_location", sa.ForeignKey("locations.code")),
    sa.Column("to_location", sa.ForeignKey("locations.code")),
    sa.Column("moved_at", UtcDateTime, nullable=False),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)
