"""B2B lots: units of one category and grade at one site, sold together to a wholesale buyer.

A lot is made at a site for a category and a functional grade, with a reserve price; ready
units of that site, category and grade are added to it (a unit is in one lot at most).
Buyers (the network's outlets and resale partners) make offers; the best offer at or above
the reserve is accepted and the others are declined; the lot then leaves in one
consignment, its units sold together at the price, shared over them by their new prices.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from revalo.domain.catalog import SiteKind
from revalo.domain.errors import InvalidTransition, InvalidValue, NotAllowed
from revalo.domain.journey import allocate_by_mass
from revalo.domain.states import ensure_transition


class LotState(enum.StrEnum):
    OPEN = "open"
    #: An offer was accepted: the lot waits for its shipment.
    SOLD = "sold"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"


class OfferState(enum.StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"


_L = LotState
LOT_TRANSITIONS: dict[LotState, frozenset[LotState]] = {
    _L.OPEN: frozenset({_L.SOLD, _L.CANCELLED}),
    _L.SOLD: frozenset({_L.SHIPPED}),
    _L.SHIPPED: frozenset(),
    _L.CANCELLED: frozenset(),
}

#: The kinds of site that buy lots: the network's outlets and resale partners.
BUYER_KINDS = frozenset({SiteKind.OUTLET, SiteKind.RESALE_PARTNER})
#: Most units in one lot: a full truck of small goods; more is a typing mistake.
MAX_LOT_UNITS = 2000
#: The most a price or an offer may be (EUR): more is a typing mistake.
MAX_AMOUNT = Decimal("10000000")
#: Functional grades a lot may be made of (D does not work: parts or recycling).
LOT_GRADES = ("A", "B", "C")

#: Standard VAT rates of EU member states, % (Directive 2006/112/EC art. 96-98; rates as
#: published by the European Commission, "VAT rates applied in the Member States", 2025).
STANDARD_VAT = {
    "AT": Decimal("20"),
    "BE": Decimal("21"),
    "DE": Decimal("19"),
    "DK": Decimal("25"),
    "ES": Decimal("21"),
    "FI": Decimal("25.5"),
    "FR": Decimal("20"),
    "IE": Decimal("23"),
    "IT": Decimal("22"),
    "LU": Decimal("17"),
    "NL": Decimal("21"),
    "PL": Decimal("23"),
    "PT": Decimal("23"),
    "SE": Decimal("25"),
}


def format_lot(lot_id: int) -> str:
    return f"LOT{lot_id:08d}"


def _amount(value: Decimal, field: str) -> Decimal:
    """A reserve price or an offer, in EUR: more than 0, at most ``MAX_AMOUNT``."""
    try:
        amount = Decimal(value)
    except (ArithmeticError, ValueError, TypeError):
        amount = Decimal("NaN")
    if not amount.is_finite() or not 0 < amount <= MAX_AMOUNT:
        if field == "reserve_price":
            raise InvalidValue(
                f"the reserve price must be more than 0 and at most {MAX_AMOUNT} EUR", field=field
            )
        raise InvalidValue(
            f"an offer must be more than 0 and at most {MAX_AMOUNT} EUR", field=field
        )
    return amount.quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class LotUnit:
    """A unit as a lot's manifest lists it."""

    unit_id: int
    lpn: str
    sku: str
    serial: str | None
    functional_grade: str
    cosmetic_grade: str
    faults: tuple[str, ...]
    #: Its product's new price (EUR): the lot's price is shared over the units by it.
    new_price: Decimal


@dataclass(eq=False)
class Offer:
    id: int
    lot_id: int
    buyer_site: str
    amount: Decimal
    made_at: datetime
    made_by: str
    note: str = ""
    state: OfferState = OfferState.OPEN


@dataclass(frozen=True, slots=True)
class Invoice:
    """What the invoice of a sold lot says (billing numbers it): the seller's site, the
    buyer, the net price, the VAT and the gross."""

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


def vat_of(seller_country: str, buyer_country: str, buyer_vat_number: str) -> tuple[Decimal, str]:
    """The VAT rate (%) of a lot's sale and why. A sale to a VAT-registered buyer in another
    member state is exempt (Directive 2006/112/EC art. 138: the buyer reverse-charges it);
    goods leaving the EU are exempt as exports (art. 146); else the seller's standard rate."""
    rate = STANDARD_VAT.get(seller_country)
    if rate is None:
        raise NotAllowed(f"no VAT rate known for {seller_country}, the seller's country")
    if buyer_country != seller_country and buyer_country in STANDARD_VAT and buyer_vat_number:
        return Decimal("0"), "intra-Community supply, exempt (2006/112/EC art. 138)"
    if buyer_country not in STANDARD_VAT:
        return Decimal("0"), "export outside the EU, exempt (2006/112/EC art. 146)"
    return rate, f"standard rate {rate} % ({seller_country})"


@dataclass(eq=False)
class Lot:
    id: int
    site_code: str
    category: str
    grade: str
    reserve_price: Decimal
    created_at: datetime
    created_by: str
    title: str = ""
    state: LotState = LotState.OPEN
    units: list[LotUnit] = field(default_factory=list)
    buyer_site: str | None = None
    price: Decimal | None = None
    buyer_vat_number: str = ""
    sold_at: datetime | None = None
    consignment_ref: str | None = None
    shipped_at: datetime | None = None

    def __post_init__(self) -> None:
        self.category = self.category.strip().lower()
        if not self.category:
            raise InvalidValue("a lot needs a product category", field="category")
        self.grade = self.grade.strip().upper()
        if self.grade not in LOT_GRADES:
            raise InvalidValue(
                f"a lot's grade is one of {', '.join(LOT_GRADES)}, not {self.grade!r}",
                field="grade",
            )
        self.reserve_price = _amount(self.reserve_price, "reserve_price")
        self.title = self.title.strip()[:200]

    @property
    def number(self) -> str:
        return format_lot(self.id)

    def _to(self, target: LotState) -> None:
        ensure_transition(f"Lot {self.number}", self.state, target, LOT_TRANSITIONS)
        self.state = target

    def _ensure_open(self, adding: bool) -> None:
        if self.state is LotState.OPEN:
            return
        if adding:
            raise InvalidTransition(
                f"Lot {self.number} is {self.state.value}: units are added only while it is open"
            )
        raise InvalidTransition(
            f"Lot {self.number} is {self.state.value}: units are removed only while it is open"
        )

    def add(self, unit: LotUnit, *, category: str, site_code: str) -> None:
        """Add a unit (ready at the lot's site: the caller checks its state) of the lot's
        category and grade."""
        self._ensure_open(True)
        if site_code != self.site_code:
            raise NotAllowed(
                f"unit {unit.lpn} is at {site_code}, lot {self.number} at {self.site_code}"
            )
        if category != self.category:
            raise NotAllowed(
                f"unit {unit.lpn} is a {category}: lot {self.number} holds {self.category} only"
            )
        if unit.functional_grade != self.grade:
            raise NotAllowed(
                f"unit {unit.lpn} is graded {unit.functional_grade}: lot {self.number} holds "
                f"grade {self.grade} only"
            )
        if any(u.unit_id == unit.unit_id for u in self.units):
            raise NotAllowed(f"unit {unit.lpn} is in lot {self.number} already")
        if len(self.units) >= MAX_LOT_UNITS:
            raise NotAllowed(f"lot {self.number} has {MAX_LOT_UNITS} units, the most a lot has")
        self.units.append(unit)

    def remove(self, lpn: str) -> LotUnit:
        self._ensure_open(False)
        for u in self.units:
            if u.lpn == lpn:
                self.units.remove(u)
                return u
        raise NotAllowed(f"unit {lpn} is not in lot {self.number}")

    def offer(
        self,
        *,
        id: int,
        buyer_site: str,
        buyer_kind: SiteKind,
        amount: Decimal,
        at: datetime,
        by: str,
        note: str = "",
    ) -> Offer:
        if self.state is not LotState.OPEN:
            raise InvalidTransition(
                f"Lot {self.number} is {self.state.value}: it takes offers only while it is open"
            )
        if buyer_kind not in BUYER_KINDS:
            raise NotAllowed(
                f"{buyer_site} is a {buyer_kind.value}: lots are sold to outlets and resale "
                "partners",
                field="buyer_site",
            )
        return Offer(
            id=id,
            lot_id=self.id,
            buyer_site=buyer_site,
            amount=_amount(amount, "amount"),
            made_at=at,
            made_by=by,
            note=note.strip()[:500],
        )

    def accept(
        self, offer: Offer, offers: Sequence[Offer], *, at: datetime, buyer_vat_number: str = ""
    ) -> list[Offer]:
        """Accept ``offer``: the best of the open ones, at or above the reserve; the others
        are declined (returned)."""
        if not self.units:
            raise NotAllowed(f"lot {self.number} has no unit: add its units before selling it")
        if offer.lot_id != self.id or offer.state is not OfferState.OPEN:
            raise NotAllowed(f"offer {offer.id} is not an open offer on lot {self.number}")
        if offer.amount < self.reserve_price:
            raise NotAllowed(
                f"offer {offer.id} of {offer.amount} EUR is below lot {self.number}'s reserve "
                f"of {self.reserve_price} EUR",
                field="offer_id",
            )
        open_offers = [o for o in offers if o.state is OfferState.OPEN and o.id != offer.id]
        better = [o for o in open_offers if o.amount > offer.amount]
        if better:
            best = max(better, key=lambda o: o.amount)
            raise NotAllowed(
                f"offer {best.id} of {best.amount} EUR is better than offer {offer.id}: accept "
                "the best offer",
                field="offer_id",
            )
        self._to(LotState.SOLD)
        offer.state = OfferState.ACCEPTED
        self.buyer_site, self.price, self.sold_at = offer.buyer_site, offer.amount, at
        self.buyer_vat_number = buyer_vat_number.strip().upper()[:20]
        for o in open_offers:
            o.state = OfferState.DECLINED
        return open_offers

    def cancel(self) -> None:
        self._to(LotState.CANCELLED)
        self.units.clear()

    def ship(self, *, consignment_ref: str, at: datetime) -> None:
        self._to(LotState.SHIPPED)
        self.consignment_ref, self.shipped_at = consignment_ref, at

    def shares(self) -> list[Decimal]:
        """The price shared over the units by their products' new prices, to the cent (the
        shares add up to the price exactly)."""
        if self.price is None:
            raise NotAllowed(f"lot {self.number} has no price: accept an offer first")
        weights = [float(u.new_price) or 1.0 for u in self.units]
        cents = allocate_by_mass(int(self.price * 100), weights)
        return [Decimal(c) / 100 for c in cents]

    def invoice(self, *, seller_country: str, buyer_country: str) -> Invoice:
        if self.price is None or self.buyer_site is None or self.sold_at is None:
            raise NotAllowed(f"lot {self.number} is not sold: it has no invoice yet")
        rate, note = vat_of(seller_country, buyer_country, self.buyer_vat_number)
        vat = (self.price * rate / 100).quantize(Decimal("0.01"))
        return Invoice(
            lot=self.number,
            seller_site=self.site_code,
            buyer_site=self.buyer_site,
            buyer_country=buyer_country,
            buyer_vat_number=self.buyer_vat_number,
            net=self.price,
            vat_rate=rate,
            vat=vat,
            gross=self.price + vat,
            vat_note=note,
            issued_at=self.sold_at,
        )
