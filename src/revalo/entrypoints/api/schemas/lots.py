"""B2B lots, their offers and invoice data; harvested parts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field, StringConstraints

from revalo.domain.lots import LotState, OfferState
from revalo.domain.parts import PartGrade, PartState
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Category, Code, Money, Name, Note, ScanCode

Grade = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1)]
PartKind = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
VatNumber = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)]


class LotCreate(Input):
    site_code: Code = Field(description="the site where the lot's units are")
    category: Category
    grade: Grade = Field(description="the units' functional grade: A, B or C")
    reserve_price: Money = Field(description="the least it is sold for, EUR net of VAT")
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    lpns: list[ScanCode] = Field(default_factory=list, max_length=2000)


class LotUnitsAdd(Input):
    lpns: list[ScanCode] = Field(min_length=1, max_length=2000)


class OfferCreate(Input):
    buyer_site: Code = Field(description="the buyer: an outlet or resale partner of the network")
    amount: Money = Field(description="EUR net of VAT")
    note: Note = ""


class OfferAccept(Input):
    buyer_vat_number: VatNumber = Field(
        "", description="the buyer's VAT number (an intra-Community supply is exempt with it)"
    )
    ship: bool = Field(False, description="ship the lot at once, in the same transaction")


class LotUnitPublic(Public):
    lpn: str
    serial: str | None
    sku: str
    functional_grade: str
    cosmetic_grade: str
    faults: list[str]


class OfferPublic(Public):
    id: int
    buyer_site: str
    amount: Decimal
    made_at: datetime
    made_by: str
    note: str
    state: OfferState


class InvoicePublic(Public):
    lot: str
    seller_site: str
    buyer_site: str
    buyer_country: str
    buyer_vat_number: str
    net: Decimal
    vat_rate: Decimal
    vat: Decimal
    gross: Decimal
    vat_note: str
    issued_at: datetime


class LotPublic(Public):
    id: int
    number: str
    site_code: str
    category: str
    grade: str
    reserve_price: Decimal
    title: str
    state: LotState
    created_at: datetime
    created_by: str
    buyer_site: str | None
    price: Decimal | None
    consignment_ref: str | None
    shipped_at: datetime | None
    unit_count: int


class LotDetailPublic(LotPublic):
    units: list[LotUnitPublic]
    offers: list[OfferPublic]
    invoice: InvoicePublic | None


class LotsPublic(Public):
    data: list[LotPublic]
    count: int


class HarvestCreate(Input):
    lpn: ScanCode
    grades: dict[PartKind, Grade] = Field(
        description="the grade of every part of the product's bill (A, B, C; D: not stocked)",
        max_length=20,
    )
    labour_minutes: int = Field(0, ge=0, le=44640)
    notes: Note = ""


class PartFit(Input):
    order_id: int = Field(ge=1, le=10**12, description="the repair or refurbishment in progress")
    kind: PartKind
    new_cost: Money | None = Field(
        None, description="EUR, a new part's cost, used only when no harvested one is in stock"
    )


class PartSale(Input):
    price: Money
    buyer: Name


class PartPublic(Public):
    number: str
    kind: str
    sku: str
    donor_lpn: str
    grade: PartGrade
    value: Decimal
    site_code: str
    location_code: str | None
    state: PartState
    harvested_at: datetime
    fitted_to_lpn: str | None
    sale_price: Decimal | None


class PartsPublic(Public):
    data: list[PartPublic]
    count: int


class PartStockPublic(Public):
    site_code: str
    kind: str
    count: int
    value: Decimal


class PartsStockPublic(Public):
    data: list[PartStockPublic]
    count: int


class HarvestPublic(Public):
    work_order: str
    lpn: str
    parts: list[PartPublic]


class FittingPublic(Public):
    work_order: str
    parts_cost: Decimal
    reference: str
    unit_cost: Decimal
    harvested_part: str | None
