"""Moves in the parallel stock and the balances derived from them."""

from __future__ import annotations

from pydantic import Field

from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Code, Document, LocationCode, Money, Note


class MoveCreate(Input):
    from_location: LocationCode = Field(
        description="where the unit is taken from; refused when it is not there",
        examples=["HUB-FR:receiving"],
    )
    to_location: LocationCode = Field(examples=["HUB-FR:inspection"])
    reason: Note = ""


class ShipCreate(Input):
    to_site: Code
    document: Document = Field("", description="the transport document (waybill, CMR...)")


class DispatchCreate(Input):
    document: Document = ""


class SaleCreate(Input):
    document: Document = Field("", description="the sale's reference (order, invoice)")
    price: Money | None = Field(None, description="the sale price, EUR (what the unit brought)")


class ProceedsCreate(Input):
    amount: Money = Field(description="EUR received for the unit after it left")
    document: Document = Field("", description="the payment's or credit note's reference")
    reason: Note = ""


class BalancePublic(Public):
    location_code: str
    site_code: str
    units: int


class BalancesPublic(Public):
    data: list[BalancePublic]
    count: int
    total_units: int
