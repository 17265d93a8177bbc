"""Billing a logistics provider's clients: rate cards (a client's prices from a date), the
activities they price, the month billed, and the VAT an invoice charges.

A rate card is a version of the contract between the provider (the seller) and one client
(the buyer): its prices, both parties as the invoice names them, the payment term. A new
price is a new version from a date; the versions before it stay, and each month is priced
with the version valid on the month's first day.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from revalo.domain.catalog import check_code
from revalo.domain.errors import InvalidValue

CENT = Decimal("0.01")
CURRENCY = "EUR"
#: The most a rate (EUR) may be: a typing error, not a price, beyond it.
MOST_RATE = Decimal("100000")


def cents(value: Decimal) -> Decimal:
    """Rounded to the cent, halves away from zero (as invoices are)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class Activity(enum.StrEnum):
    """What a client is billed for, each priced by one rate of its card."""

    #: A return received (its first unit scanned in), or an item no return expected.
    RETURN_RECEIVED = "return_received"
    #: A unit inspected and graded (each grading).
    UNIT_GRADED = "unit_graded"
    #: A data wipe done (its work order finished as done).
    DATA_WIPE = "data_wipe"
    #: Hours of repair and refurbishment labour (work orders finished, done or failed).
    REPAIR_HOURS = "repair_hours"
    #: Days a unit spent in the parallel stock (received, and not yet gone for good).
    STORAGE_UNIT_DAYS = "storage_unit_days"
    #: A consignment leaving the network with at least one of the client's units.
    OUTBOUND_CONSIGNMENT = "outbound_consignment"
    #: What tops the month up to the card's monthly minimum.
    MINIMUM_TOP_UP = "minimum_top_up"


PRICED = tuple(a for a in Activity if a is not Activity.MINIMUM_TOP_UP)


@dataclass(frozen=True, slots=True)
class Rates:
    """EUR per activity, without VAT; the monthly minimum is what a month costs at least."""

    return_received: Decimal = Decimal(0)
    unit_graded: Decimal = Decimal(0)
    data_wipe: Decimal = Decimal(0)
    repair_hour: Decimal = Decimal(0)
    storage_unit_day: Decimal = Decimal(0)
    outbound_consignment: Decimal = Decimal(0)
    monthly_minimum: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        for name in RATE_NAMES:
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite():
                raise InvalidValue(f"rate {name} must be an amount in EUR", field=name)
            if value < 0 or value > MOST_RATE:
                raise InvalidValue(
                    f"rate {name} is {value} EUR: it must be between 0 and {MOST_RATE}",
                    field=name,
                )
            if value != value.quantize(Decimal("0.0001")):
                raise InvalidValue(f"rate {name} is {value} EUR: at most 4 decimals", field=name)

    def of(self, activity: Activity) -> Decimal:
        return {
            Activity.RETURN_RECEIVED: self.return_received,
            Activity.UNIT_GRADED: self.unit_graded,
            Activity.DATA_WIPE: self.data_wipe,
            Activity.REPAIR_HOURS: self.repair_hour,
            Activity.STORAGE_UNIT_DAYS: self.storage_unit_day,
            Activity.OUTBOUND_CONSIGNMENT: self.outbound_consignment,
        }[activity]


RATE_NAMES = (
    "return_received",
    "unit_graded",
    "data_wipe",
    "repair_hour",
    "storage_unit_day",
    "outbound_consignment",
    "monthly_minimum",
)

_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Party:
    """A seller or a buyer as the invoice names it."""

    name: str
    address: str
    country: str
    vat_number: str = ""
    #: The company's registration (in France the SIREN, with the RCS city where known).
    company_id: str = ""

    def __post_init__(self) -> None:
        for name in ("name", "address", "vat_number", "company_id"):
            object.__setattr__(self, name, " ".join(str(getattr(self, name)).split()))
        if not self.name:
            raise InvalidValue("a party to an invoice needs a name", field="name")
        if len(self.name) > 200 or len(self.address) > 400:
            raise InvalidValue("a party's name or address is too long", field="address")
        country = self.country.strip().upper()
        if not _COUNTRY.match(country):
            raise InvalidValue(
                f"country {self.country!r}: an ISO 3166 code of two letters (FR, DE...)",
                field="country",
            )
        object.__setattr__(self, "country", country)
        vat = self.vat_number.replace(" ", "").upper()
        if vat and not re.match(r"^[A-Z]{2}[0-9A-Z+*.]{2,13}$", vat):
            raise InvalidValue(
                f"VAT number {self.vat_number!r}: its country's two letters and 2 to 13 "
                "characters (e.g. FR40123456789)",
                field="vat_number",
            )
        object.__setattr__(self, "vat_number", vat)


@dataclass(frozen=True, slots=True)
class RateCard:
    """One version of a client's prices, valid from a day until the next version's."""

    client_code: str
    valid_from: date
    rates: Rates
    seller: Party
    buyer: Party
    #: Days from the invoice's date to its due date.
    payment_days: int = 30
    created_by: str = ""
    created_at: datetime | None = None
    currency: str = field(default=CURRENCY)

    def __post_init__(self) -> None:
        object.__setattr__(self, "client_code", check_code(self.client_code, "client code"))
        if self.currency != CURRENCY:
            raise InvalidValue(
                f"currency {self.currency!r}: Revalo bills in {CURRENCY}", field="currency"
            )
        if not 0 <= self.payment_days <= 60:
            # Code de commerce art. L441-10: at most 60 days from the invoice's date.
            raise InvalidValue(
                f"payment term of {self.payment_days} days: between 0 and 60 (code de "
                "commerce art. L441-10)",
                field="payment_days",
            )


def card_for(cards: list[RateCard], day: date) -> RateCard | None:
    """The version valid on ``day``: the latest that starts on it or before."""
    valid = [c for c in cards if c.valid_from <= day]
    return max(valid, key=lambda c: c.valid_from) if valid else None


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        m = _MONTH.match(text.strip())
        if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 2000:
            raise InvalidValue(f"month {text!r}: write it YYYY-MM (e.g. 2025-02)", field="month")
        return cls(int(m.group(1)), int(m.group(2)))

    @property
    def start(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        """The first day of the next month."""
        return date(self.year + self.month // 12, self.month % 12 + 1, 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def ensure_over(self, today: date) -> None:
        """A month is billed once: only when it is over, so that nothing of it comes after."""
        if today < self.end:
            raise InvalidValue(
                f"month {self} is not over: it can be billed from {self.end.isoformat()}",
                field="month",
            )


@dataclass(frozen=True, slots=True)
class BillableItem:
    """One thing done for the client, as recorded, with the document that shows it."""

    activity: Activity
    #: The record it comes from: an event ("event 1234"), a work order, a consignment, a
    #: unit (its LPN, for its storage days), a return (its number).
    ref: str
    on: date
    quantity: Decimal
    lpn: str = ""


@dataclass(frozen=True, slots=True)
class VatRule:
    """What VAT an invoice charges, and the mention that says why."""

    rate: Decimal
    mention: str


#: VAT directive 2006/112/EC art. 44 and 196; CGI art. 283-2 and 242 nonies A.
REVERSE_CHARGE = "Autoliquidation / reverse charge: art. 196 directive 2006/112/CE"
OUTSIDE_EU = "TVA non applicable, art. 259-1 du CGI / VAT not applicable (art. 44 2006/112/EC)"


def vat_rule(
    seller: Party, buyer: Party, standard_rates: dict[str, Decimal], eu: frozenset[str]
) -> VatRule:
    """The VAT of services to a business (the provider's handling, storage and repair).

    The place of supply of services to a taxable person is where the buyer is established
    (directive 2006/112/EC art. 44). A buyer in the seller's country pays that country's
    standard rate; a buyer in another EU country with a VAT number accounts for the VAT
    itself (reverse charge, art. 196); a buyer outside the EU is outside the scope of EU
    VAT. A buyer without a VAT number is taken as not a taxable person: the seller's rate
    (art. 45)."""
    if seller.country not in standard_rates:
        raise InvalidValue(
            f"no VAT rate is known for the seller's country {seller.country}", field="country"
        )
    if buyer.country == seller.country or (not buyer.vat_number and buyer.country in eu):
        return VatRule(standard_rates[seller.country], "")
    if buyer.country in eu:
        return VatRule(Decimal(0), REVERSE_CHARGE)
    return VatRule(Decimal(0), OUTSIDE_EU)
