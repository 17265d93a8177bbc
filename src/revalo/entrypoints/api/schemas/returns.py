"""Return requests (RMA) and their lines."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from revalo.domain.returns import ReturnReason, ReturnState
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.schemas.units import UnitPublic
from revalo.entrypoints.api.types import Code, Note, OrderRef, Reason, Serial, Timestamp


class ReturnLineCreate(Input):
    sku: Code
    quantity: Annotated[int, Field(ge=1, le=10_000)] = 1
    reason: ReturnReason
    serial: Serial | None = None
    comment: Note = ""


class ReturnCreate(Input):
    """A customer's request; the return policy decides at once (authorise, reject, or leave
    it for a person to review), always with a reason."""

    customer_code: Code
    delivered_at: Timestamp | None = None
    lines: Annotated[list[ReturnLineCreate], Field(min_length=1, max_length=100)]
    order_ref: OrderRef = ""
    client_code: Code | None = Field(
        None, description="the client whose goods come back; none: the provider's own"
    )


class ReturnAuthorise(Input):
    reason: Note = ""
    destination_site: Code | None = Field(
        None, description="the site the customer sends to; the nearest returns hub when empty"
    )


class ReturnReject(Input):
    reason: Reason


class ReturnLinePublic(Public):
    line_no: int
    sku: str
    quantity: int
    reason: ReturnReason
    serial: str | None
    comment: str
    received_quantity: int
    outstanding: int


class ReturnPublic(Public):
    number: str
    customer_code: str
    state: ReturnState
    requested_at: datetime
    delivered_at: datetime | None
    order_ref: str
    destination_site: str | None
    decided_by: str | None
    decision_reason: str
    decided_at: datetime | None
    lines: list[ReturnLinePublic]
    client_code: str | None


class ReturnDetailPublic(ReturnPublic):
    units: list[UnitPublic]


class ReturnsPublic(Public):
    data: list[ReturnPublic]
    count: int
