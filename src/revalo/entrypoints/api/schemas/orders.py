"""Schemas of the shop's delivered orders, recorded by the staff or the shop's systems so
that customers may return from them on the portal."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from revalo.entrypoints.api.schemas.base import Input, Public

#: The largest order file accepted at once (characters).
MAX_ORDER_FILE = 5_000_000


class OrderLineCreate(Input):
    line_no: int = Field(ge=1, le=10_000)
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(ge=1, le=10_000)
    unit_price: Decimal = Field(ge=0, le=1_000_000, decimal_places=2)
    serial: str | None = Field(default=None, max_length=60)


class OrderCreate(Input):
    order_ref: str = Field(min_length=1, max_length=60)
    customer_code: str = Field(min_length=1, max_length=40)
    email: str = Field(default="", max_length=200)
    postcode: str = Field(default="", max_length=20)
    placed_at: datetime
    delivered_at: datetime | None = None
    lines: list[OrderLineCreate] = Field(min_length=1, max_length=500)
    client_code: str | None = Field(default=None, max_length=40)


class OrdersImport(Input):
    csv: Annotated[str, Field(min_length=1, max_length=MAX_ORDER_FILE)] = Field(
        description="the CSV text, one row per order line: order_ref,customer_code,placed_at,"
        "line_no,sku,quantity,unit_price[,email,postcode,delivered_at,serial,client_code]"
    )


class OrderLineRecorded(Public):
    line_no: int
    sku: str
    quantity: int
    unit_price: Decimal
    serial: str | None


class OrderRecorded(Public):
    order_ref: str
    customer_code: str
    email: str
    postcode: str
    placed_at: datetime
    delivered_at: datetime | None
    client_code: str | None
    lines: list[OrderLineRecorded]


class OrdersImported(Public):
    data: list[OrderRecorded]
    count: int
