"""A partner's payment for the units handed over to it for good: a resale partner's price
for the units it took, a recycler's statement, a vendor's credit. One payment names its
reference (the partner's remittance advice, a statement's number), the day it was paid and
its units; its amount is given, or follows from the price share agreed in the partner's
terms (a share of each unit's price as new). A unit is paid for once; what each unit brought
is its share of the payment, added to its proceeds. A unit sold in a B2B lot is paid with
the lot's invoice, a donated one is a gift: neither is paid for here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from revalo.domain.errors import InvalidValue
from revalo.domain.journey import allocate_by_mass

#: Most units one payment covers: a month's statement of a busy recycler; more is a mistake.
MAX_PAYMENT_UNITS = 500
#: The most one payment may be (EUR): more is a typing mistake.
MAX_PAYMENT = Decimal("10000000")
MAX_REFERENCE = 60
CENT = Decimal("0.01")


def format_payment(payment_id: int) -> str:
    return f"PAY{payment_id:08d}"


@dataclass(frozen=True, slots=True)
class PayableUnit:
    """A unit handed over to a partner for good, as a payment sees it."""

    unit_id: int
    lpn: str
    new_price: Decimal
    #: The payment that paid for it already (None: not paid yet).
    paid_by: int | None = None


@dataclass(frozen=True, slots=True)
class PaymentLine:
    unit_id: int
    lpn: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class PartnerPayment:
    id: int
    site_code: str
    reference: str
    amount: Decimal
    paid_on: date
    recorded_by: str
    recorded_at: datetime
    lines: tuple[PaymentLine, ...]

    @property
    def number(self) -> str:
        return format_payment(self.id)


def check_reference(text: str) -> str:
    reference = " ".join(text.split())
    if not reference:
        raise InvalidValue(
            "a payment needs its reference (the partner's remittance advice, a statement's number)",
            field="reference",
        )
    if len(reference) > MAX_REFERENCE:
        raise InvalidValue(
            f"a payment's reference has at most {MAX_REFERENCE} characters, not {len(reference)}",
            field="reference",
        )
    return reference


def check_amount(amount: Decimal) -> Decimal:
    if not amount.is_finite() or amount <= 0 or amount > MAX_PAYMENT:
        raise InvalidValue(
            f"a payment is more than 0 and at most {MAX_PAYMENT} EUR, not {amount}",
            field="amount",
        )
    if amount != amount.quantize(CENT):
        raise InvalidValue(f"a payment is in whole cents, not {amount}", field="amount")
    return amount


def split(amount: Decimal, units: Sequence[PayableUnit]) -> tuple[PaymentLine, ...]:
    """Each unit's share of ``amount``, in proportion to its price as new (equal shares when
    no unit has one), to the cent: the shares add up to the amount."""
    weights = [float(u.new_price) for u in units]
    if not all(w > 0 for w in weights):
        weights = [1.0] * len(units)
    cents = allocate_by_mass(int(check_amount(amount) / CENT), weights)
    return tuple(
        PaymentLine(u.unit_id, u.lpn, (Decimal(c) * CENT).quantize(CENT))
        for u, c in zip(units, cents, strict=True)
    )


def due_by_share(share: Decimal, units: Sequence[PayableUnit]) -> tuple[PaymentLine, ...]:
    """What each unit is paid at the agreed price share of its price as new, to the cent."""
    return tuple(PaymentLine(u.unit_id, u.lpn, (share * u.new_price).quantize(CENT)) for u in units)
