"""Listings on the sales channels, their prices and sales; the channels; profitability."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import Field

from revalo.domain.channels import SalesChannel
from revalo.domain.resale import Listing, ListingStatus
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Money, Note, Reason


class ListingCreate(Input):
    lpn: str = Field(min_length=1, max_length=20, description="the unit decided for resale")
    channel: str | None = Field(
        None, max_length=20, description="the channel (by default, the decision's)"
    )
    photos: list[str] = Field(
        default_factory=list, max_length=20, description="the photos' file references"
    )


class ListingEdit(Input):
    title: str | None = Field(None, max_length=200)
    description: Note | None = None


class ListingReprice(Input):
    price: Money = Field(description="the new asking price, EUR (never below the floor)")
    reason: str = Field("", max_length=200)


class ListingReserve(Input):
    buyer: str = Field(min_length=1, max_length=100, description="who it is held for")


class ListingSell(Input):
    buyer: str = Field("", max_length=100, description="the buyer or the channel's order")
    price: Money | None = Field(None, description="what was paid, EUR (default: asking)")


class ListingWithdraw(Input):
    reason: Reason


class PricePublic(Public):
    at: datetime
    price: Decimal
    reason: str
    actor: str


class SalePublic(Public):
    price: Decimal
    fees: Decimal
    net: Decimal
    buyer: str
    at: datetime


class ListingPublic(Public):
    id: int
    lpn: str
    channel: str
    grade: str
    channel_grade: str
    category: str
    title: str
    description: str
    refurbished: bool
    photos: list[str]
    reference_price: Decimal
    floor_price: Decimal
    asking_price: Decimal
    status: ListingStatus
    created_at: datetime
    listed_at: datetime | None
    reserved_by: str
    sale: SalePublic | None
    withdrawn_reason: str
    prices: list[PricePublic]


class ListingsPublic(Public):
    data: list[ListingPublic]
    count: int


def listing_public(x: Listing) -> ListingPublic:
    return ListingPublic.model_validate(x)


class ChannelPublic(Public):
    code: str
    name: str
    kind: str
    routes: list[str]
    grades: dict[str, str] = Field(description="the grades accepted, with the channel's names")
    recovery: dict[str, Decimal]
    commission_rate: Decimal
    fixed_fee_eur: Decimal
    payment_rate: Decimal
    payment_days: int
    floor_rate: Decimal


class ChannelsPublic(Public):
    data: list[ChannelPublic]
    count: int


def channel_public(ch: SalesChannel) -> ChannelPublic:
    return ChannelPublic(
        code=ch.code,
        name=ch.name,
        kind=ch.kind.value,
        routes=sorted(ch.routes),
        grades={g: ch.grade_name(g) for g in ch.grades_accepted},
        recovery=dict(ch.recovery),
        commission_rate=ch.commission_rate,
        fixed_fee_eur=ch.fixed_fee_eur,
        payment_rate=ch.payment_rate,
        payment_days=ch.payment_days,
        floor_rate=ch.floor_rate,
    )


class ProfitGroupPublic(Public):
    week: str
    channel: str
    category: str
    grade: str
    units: int
    fetched: Decimal
    fees: Decimal
    costs: Decimal
    net: Decimal
    expected: Decimal
    expected_units: int
    gap: Decimal
    off: bool


class ProfitabilityPublic(Public):
    data: list[ProfitGroupPublic]
    count: int
    units_sold: int
    off: int = Field(description="groups whose net is off the engine's expectation by > 25 %")


class LearnedRatePublic(Public):
    channel: str
    category: str
    grade: str = Field(description="the sale grade, A to D")
    sales: int = Field(description="units of this channel, category and grade sold")
    observed: Decimal = Field(
        description="mean share of the new price fetched, taken back through the category's "
        "decay to the day each unit came back"
    )
    configured: Decimal | None = Field(
        description="the channel's rate for the grade x the category's resale factor"
    )
    change: Decimal | None = Field(description="observed / configured - 1")
