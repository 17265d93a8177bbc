"""Returned units, receiving by scan, a unit's timeline and its stock moves."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, computed_field

from revalo.domain.disposition import DispositionRoute
from revalo.domain.events import EventType
from revalo.domain.units import UnitState
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.schemas.catalog import ProductPublic
from revalo.entrypoints.api.schemas.work import (
    DispositionRecordPublic,
    InspectionPublic,
    WorkOrderPublic,
)
from revalo.entrypoints.api.types import Code, Note, Reason, ScanCode, Storable, text

RmaNumber = Annotated[str, text(20, min_length=1), Storable, Field(examples=["RMA00000001"])]


class ScanCreate(Input):
    code: ScanCode = Field(
        description="what the scanner read: a GS1 element string (with or without symbology "
        "prefix; '<GS>' or '|' stand for the group separator), a GS1 Digital Link URI, a "
        "GTIN, an SSCC, or a Revalo LPN"
    )
    site_code: Code
    rma_number: RmaNumber | None = Field(
        None, description="the return the handler has in hand, when the parcel says so"
    )


class UnidentifiedCreate(Input):
    site_code: Code
    description: Annotated[str, text(500, min_length=1), Storable]
    code: Annotated[str, Field(max_length=200), Storable] = ""


class QuarantineCreate(Input):
    reason: Reason


class ReleaseCreate(Input):
    reason: Note = ""
    sku: Code | None = Field(None, description="the product, when the unit was not identified")


class UnitPublic(Public):
    id: int
    lpn: str
    state: UnitState
    site_code: str
    location_code: str | None
    sku: str | None
    gtin: str | None
    serial: str | None
    batch: str | None
    sscc: str | None
    scanned_code: str
    rma_number: str | None
    rma_line_no: int | None
    quarantine_reason: str
    functional_grade: str | None
    cosmetic_grade: str | None
    route: DispositionRoute | None
    destination_site: str | None
    received_at: datetime
    updated_at: datetime | None
    data_wiped_at: datetime | None
    tested_at: datetime | None
    proceeds: Decimal | None = Field(
        description="what the unit brought, EUR: sale price, partners' payments"
    )
    client_code: str | None = Field(
        description="the client the unit belongs to (none: the provider's own); never changes"
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def in_stock(self) -> bool:
        """Whether the unit is still in the parallel stock (it has a location)."""
        return self.location_code is not None


class UnitsPublic(Public):
    data: list[UnitPublic]
    count: int


class ScanResultPublic(Public):
    unit: UnitPublic | None = Field(
        description="the unit received or found; null when the code is the label of a "
        "return's parcel (then scan each item in it, with that return's number)"
    )
    created: bool = Field(description="false when the unit was known already (scanned twice)")
    message: str
    quarantined: bool
    rma_number: str | None


class EventPublic(Public):
    id: int
    lpn: str
    type: EventType
    occurred_at: datetime
    actor: str
    site_code: str | None
    location_code: str | None
    state: str
    reason: str
    document: str
    detail: dict[str, Any]


class EventsPublic(Public):
    data: list[EventPublic]
    count: int


class StockMovePublic(Public):
    id: int
    from_location: str | None
    to_location: str | None
    moved_at: datetime
    actor: str
    reason: str


class UnitDetailPublic(UnitPublic):
    product: ProductPublic | None
    inspections: list[InspectionPublic]
    dispositions: list[DispositionRecordPublic]
    work_orders: list[WorkOrderPublic]
    moves: list[StockMovePublic]
