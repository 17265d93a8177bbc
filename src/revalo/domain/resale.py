"""Listings: a unit offered for sale on one channel, at a price that follows the value model
as it ages, until it is sold or withdrawn. A lot or a partner's sale records its sale the
same way: a price, fees, a buyer, a day (``Sale``)."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from revalo.domain.channels import SalesChannel, cents
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.listing_text import check_wording
from revalo.domain.states import can_transition, ensure_transition


class ListingStatus(enum.StrEnum):
    DRAFT = "draft"
    LISTED = "listed"
    RESERVED = "reserved"
    SOLD = "sold"
    WITHDRAWN = "withdrawn"


_L = ListingStatus
LISTING_TRANSITIONS: dict[ListingStatus, frozenset[ListingStatus]] = {
    _L.DRAFT: frozenset({_L.LISTED, _L.WITHDRAWN}),
    _L.LISTED: frozenset({_L.RESERVED, _L.SOLD, _L.WITHDRAWN}),
    _L.RESERVED: frozenset({_L.LISTED, _L.SOLD, _L.WITHDRAWN}),
}
#: Listings still on offer (their unit is in stock).
OPEN_STATUSES = frozenset({_L.DRAFT, _L.LISTED, _L.RESERVED})


@dataclass(frozen=True, slots=True)
class PricePoint:
    """One asking price of a listing, from when it was set and why."""

    at: datetime
    price: Decimal
    reason: str
    actor: str


@dataclass(frozen=True, slots=True)
class Sale:
    """What a sale brought: its price, the channel's fees, the buyer, the day."""

    price: Decimal
    fees: Decimal
    buyer: str
    at: datetime

    @property
    def net(self) -> Decimal:
        return self.price - self.fees


@dataclass(frozen=True, slots=True)
class PriceModel:
    """The value model's figures for one listing: the price before any decay (new price x
    the channel's recovery for the grade x the category's resale factor), the category's
    decay (value x (1 - rate) every period) and the channel's floor."""

    reference: Decimal
    decay_rate: float
    decay_period_days: float
    floor: Decimal

    def price_at(self, age_days: float) -> Decimal:
        """The asking price after ``age_days`` on sale: the decayed value, never below the
        floor (Blackburn, Guide, Souza, Van Wassenhove, California Management Review 2004)."""
        keep = math.exp(math.log1p(-self.decay_rate) * max(age_days, 0.0) / self.decay_period_days)
        return max(self.floor, cents(self.reference * Decimal(str(keep))))


def price_model(
    channel: SalesChannel,
    grade: str,
    *,
    new_price: Decimal,
    resale_factor: float,
    decay_rate: float,
    decay_period_days: float,
    observed_rate: Decimal | None = None,
) -> PriceModel:
    """The listing's prices: the channel's recovery for the grade x the category's resale
    factor, or the share of the new price observed on past sales when there is one."""
    rate = (
        observed_rate
        if observed_rate is not None
        else channel.recovery[grade] * Decimal(str(resale_factor))
    )
    reference = cents(new_price * rate)
    floor = min(reference, cents(new_price * channel.floor_rate))
    return PriceModel(reference, decay_rate, decay_period_days, floor)


@dataclass(eq=False)
class Listing:
    unit_id: int
    lpn: str
    channel: str
    grade: str
    channel_grade: str
    category: str
    title: str
    description: str
    reference_price: Decimal
    floor_price: Decimal
    asking_price: Decimal
    created_at: datetime
    created_by: str
    refurbished: bool = False
    photos: tuple[str, ...] = ()
    status: ListingStatus = ListingStatus.DRAFT
    id: int | None = None
    listed_at: datetime | None = None
    reserved_by: str = ""
    sale: Sale | None = None
    withdrawn_reason: str = ""
    prices: list[PricePoint] = field(default_factory=list)
    #: Unsaved price points (the repository writes them).
    new_prices: list[PricePoint] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.title = check_wording(self.title, "title")
        self.description = check_wording(self.description, "description")
        if not self.title:
            raise InvalidValue("a listing needs a title", field="title")
        if self.floor_price < 0 or self.asking_price < self.floor_price:
            raise InvalidValue(
                f"the asking price {self.asking_price} EUR is below the floor "
                f"{self.floor_price} EUR",
                field="price",
            )
        self.photos = tuple(_photo(p) for p in self.photos)
        if not self.prices and not self.new_prices:
            self._price(self.asking_price, self.created_at, "first price", self.created_by)

    # -- guards -------------------------------------------------------------------------
    def can(self, target: ListingStatus) -> bool:
        return can_transition(self.status, target, LISTING_TRANSITIONS)

    def ensure_can(self, target: ListingStatus) -> None:
        ensure_transition(f"Listing of {self.lpn}", self.status, target, LISTING_TRANSITIONS)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def age_days(self, at: datetime) -> float:
        return (at - (self.listed_at or self.created_at)).total_seconds() / 86400

    # -- steps --------------------------------------------------------------------------
    def _price(self, price: Decimal, at: datetime, reason: str, actor: str) -> None:
        point = PricePoint(at, price, reason, actor)
        self.prices.append(point)
        self.new_prices.append(point)

    def publish(self, at: datetime) -> None:
        self.ensure_can(_L.LISTED)
        self.status = _L.LISTED
        self.listed_at = self.listed_at or at

    def edit(self, *, title: str | None = None, description: str | None = None) -> None:
        if not self.is_open:
            raise NotAllowed(f"the listing of {self.lpn} is {self.status.value}: it is closed")
        if title is not None:
            self.title = check_wording(title, "title")
            if not self.title:
                raise InvalidValue("a listing needs a title", field="title")
        if description is not None:
            self.description = check_wording(description, "description")

    def reprice(self, price: Decimal, *, at: datetime, actor: str, reason: str) -> bool:
        """Set a new asking price (not below the floor); False when it is the same."""
        if self.status not in (_L.DRAFT, _L.LISTED):
            raise NotAllowed(
                f"the listing of {self.lpn} is {self.status.value}: only a draft or listed "
                "listing is repriced"
            )
        price = cents(price)
        if price < self.floor_price:
            raise InvalidValue(
                f"{price} EUR is below the listing's floor of {self.floor_price} EUR",
                field="price",
            )
        if price == self.asking_price:
            return False
        self.asking_price = price
        self._price(price, at, reason, actor)
        return True

    def reserve(self, buyer: str) -> None:
        if not buyer.strip():
            raise InvalidValue("a reservation names its buyer", field="buyer")
        self.ensure_can(_L.RESERVED)
        self.status = _L.RESERVED
        self.reserved_by = buyer.strip()

    def release(self) -> None:
        self.ensure_can(_L.LISTED)
        if self.status is not _L.RESERVED:
            raise NotAllowed(f"the listing of {self.lpn} is not reserved")
        self.status = _L.LISTED
        self.reserved_by = ""

    def sell(
        self, channel: SalesChannel, *, price: Decimal | None, buyer: str, at: datetime
    ) -> Sale:
        """Close the listing with its sale (at the asking price unless another is given).
        A reserved listing is sold only to the buyer who reserved it."""
        self.ensure_can(_L.SOLD)
        buyer = buyer.strip() or self.reserved_by
        if self.status is _L.RESERVED and buyer != self.reserved_by:
            raise NotAllowed(f"the listing of {self.lpn} is reserved for {self.reserved_by}")
        paid = cents(price if price is not None else self.asking_price)
        if paid < 0:
            raise InvalidValue("a sale price must not be negative", field="price")
        self.sale = Sale(paid, channel.fees(paid), buyer, at)
        self.status = _L.SOLD
        return self.sale

    def withdraw(self, reason: str) -> None:
        if not reason.strip():
            raise InvalidValue("withdrawing a listing needs a reason", field="reason")
        self.ensure_can(_L.WITHDRAWN)
        self.status = _L.WITHDRAWN
        self.withdrawn_reason = reason.strip()


def _photo(ref: str) -> str:
    ref = ref.strip()
    if not ref or len(ref) > 300 or any(c in ref for c in "\n\r\t"):
        raise InvalidValue(f"{ref!r} is not a photo's file reference", field="photos")
    return ref
