"""Quotes, consignments and the journey of a unit."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import Field

from revalo.domain.journey import ConsignmentKind
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Code, Country, Document, Latitude, Longitude

Lpns = list[Code]


class PlaceIn(Input):
    """A site or customer code, or a point: country with latitude and longitude."""

    code: Code | None = Field(None, examples=["HUB-FR"])
    country: Country | None = None
    lat: Latitude | None = None
    lon: Longitude | None = None


class ParcelIn(Input):
    weight_kg: float = Field(gt=0, le=40_000, allow_inf_nan=False, examples=[2.4])
    length_cm: float = Field(gt=0, le=2_000, allow_inf_nan=False, examples=[40])
    width_cm: float = Field(gt=0, le=2_000, allow_inf_nan=False, examples=[30])
    height_cm: float = Field(gt=0, le=2_000, allow_inf_nan=False, examples=[20])


class QuoteCreate(Input):
    origin: PlaceIn
    destination: PlaceIn
    parcels: list[ParcelIn] = Field(min_length=1, max_length=500)
    ready_on: date | None = Field(None, description="the day it can leave (default: today)")
    needed_by: date | None = Field(None, description="last acceptable day of arrival")
    lithium: bool = Field(False, description="holds lithium batteries (dangerous goods)")
    damaged_lithium: bool = Field(
        False,
        description="holds a damaged or defective lithium battery (ADR special provision 376: "
        "only services that carry under it; implies lithium)",
    )
    bulky: bool = Field(False, description="holds bulky items (two-person handling)")
    co2_eur_per_kg: float | None = Field(
        None,
        ge=0,
        le=100,
        allow_inf_nan=False,
        description="price put on each kg CO2e when ranking (default: the carriers file's)",
    )


class QuotePublic(Public):
    service_id: str
    carrier: str
    kind: str
    km: float
    cost_eur: float | None
    lead_time_days: int
    arrives_on: date | None
    co2e_kg: float | None
    refused: str | None


class QuotesPublic(Public):
    status: str = Field(description="on_time, late (none arrives in time) or no_service")
    chosen: QuotePublic | None
    reason: str
    quotes: list[QuotePublic] = Field(description="best first; services that cannot carry last")


class ShipmentCreate(Input):
    lpns: Lpns = Field(min_length=1, max_length=1000, examples=[["LPN000000001"]])
    to_site: Code
    document: Document = Field("", description="transport document; default: the consignment")


class ConsignmentPublic(Public):
    reference: str
    kind: ConsignmentKind
    origin: str
    destination: str
    service_id: str
    carrier: str
    vehicle: str
    km: float
    cost: Decimal
    co2e_kg: float
    weight_kg: float
    lead_time_days: int
    booked_at: datetime
    reason: str
    rma_number: str | None
    sscc: str | None
    units: int


class LegPublic(Public):
    at: datetime
    origin: str
    destination: str
    km: float
    cost: Decimal
    co2e_kg: float
    weight_kg: float
    consignment: ConsignmentPublic


class JourneyPublic(Public):
    lpn: str
    legs: list[LegPublic]
    km: float
    cost: Decimal
    co2e_kg: float


class PlannedShipmentPublic(Public):
    lpns: list[str]
    service_id: str | None
    carrier: str | None
    cost_eur: float | None
    reason: str


class LanePublic(Public):
    destination: str
    kind: ConsignmentKind
    lpns: list[str]
    action: str = Field(description="ship_now, wait or no_service")
    wait_days: int
    cost_now_eur: float
    best_wait_days: int | None
    best_wait_cost_eur: float | None
    reason: str
    shipments: list[PlannedShipmentPublic] = Field(description="how they would leave today")


class OutboundPublic(Public):
    site_code: str
    day: date
    lanes: list[LanePublic]


class BookedPublic(Public):
    data: list[ConsignmentPublic]
    count: int
