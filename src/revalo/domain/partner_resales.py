"""A partner's resale of a unit handed over to it for good: the outlet or the resale
partner that took the unit (sent to it, or in a lot it bought) tells on what day it sold it
again, for how much and under which receipt. A unit is resold once, after the partner
accepted it by scan; its resale closes its journey (reused, as the WEEE reports and the ban
on destroying unsold goods want it shown) and tells what the market paid for it, beside
what the partner paid Revalo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from revalo.domain.catalog import SiteKind
from revalo.domain.errors import InvalidValue

#: The partners that resell what they take: outlets and resale (wholesale) partners.
RESELLER_KINDS = frozenset({SiteKind.OUTLET, SiteKind.RESALE_PARTNER})
#: The most one resold unit may fetch (EUR): more is a typing mistake.
MAX_RESALE_PRICE = Decimal("100000")
MAX_RECEIPT = 60
#: The ``report`` of a resale in its event's detail; a partner's other reports (its EPCIS
#: events) carry none.
RESALE_REPORT = "resale"
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Resale:
    unit_id: int
    lpn: str
    site_code: str
    sold_on: date
    price: Decimal
    #: The partner's receipt or invoice number ("" when it gave none).
    receipt: str
    recorded_by: str
    recorded_at: datetime


def check_price(value: Decimal | str | float) -> Decimal:
    """What the buyer paid, in EUR: more than 0, at most ``MAX_RESALE_PRICE``, whole cents."""
    try:
        price = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidValue(
            f"a resale price is an amount in EUR, not {value}", field="price"
        ) from None
    if not price.is_finite() or price <= 0 or price > MAX_RESALE_PRICE:
        raise InvalidValue(
            f"a resale price is more than 0 and at most {MAX_RESALE_PRICE} EUR, not {value}",
            field="price",
        )
    if price != price.quantize(CENT):
        raise InvalidValue(f"a resale price is in whole cents, not {value}", field="price")
    return price.quantize(CENT)


def check_receipt(text: str) -> str:
    receipt = " ".join(text.split())
    if len(receipt) > MAX_RECEIPT:
        raise InvalidValue(
            f"a receipt number has at most {MAX_RECEIPT} characters, not {len(receipt)}",
            field="receipt",
        )
    return receipt


def check_day(sold_on: date, accepted_on: date, today: date) -> date:
    """A resale is recorded once it happened, and after the partner accepted the unit."""
    if sold_on > today:
        raise InvalidValue(
            f"a resale is recorded once made, not on {sold_on.isoformat()}", field="sold_on"
        )
    if sold_on < accepted_on:
        raise InvalidValue(
            f"the unit was accepted on {accepted_on.isoformat()}: it was not resold before, on "
            f"{sold_on.isoformat()}",
            field="sold_on",
        )
    return sold_on
