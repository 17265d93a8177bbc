"""Refunds of a return and the legal deadline to pay them.

Directive 2011/83/EU, art. 13: the trader reimburses all payments without undue delay and at
the latest 14 days from the day it is informed of the consumer's decision to withdraw
(art. 13(1)); for a sales contract the trader may withhold the reimbursement until it has
received the goods back or the consumer has supplied evidence of having sent them back,
whichever is the earliest (art. 13(3)). Art. 14(2): the consumer is liable for a diminished
value of the goods resulting from handling beyond what is necessary to establish their
nature, characteristics and functioning, which allows a partial refund with that reason.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from revalo.domain.errors import InvalidValue, NotAllowed

REFUND_DAYS = 14
DUE_SOON_DAYS = 3


class RefundMethod(enum.StrEnum):
    ORIGINAL_PAYMENT = "original_payment"
    BANK_TRANSFER = "bank_transfer"
    STORE_CREDIT = "store_credit"
    EXCHANGE = "exchange"


class PartialReason(enum.StrEnum):
    """Why less than what was paid is refunded."""

    DIMINISHED_VALUE = "diminished_value"  # 2011/83/EU art. 14(2)
    MISSING_PARTS = "missing_parts"
    NOT_ALL_ITEMS = "not_all_items"


class DeadlineState(enum.StrEnum):
    WAITING_FOR_GOODS = "waiting_for_goods"
    DUE = "due"
    DUE_SOON = "due_soon"
    LATE = "late"
    SETTLED = "settled"


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """The dates that set the refund deadline of one return."""

    notified_on: date
    goods_received_on: date | None = None
    proof_of_sending_on: date | None = None

    def __post_init__(self) -> None:
        for name in ("goods_received_on", "proof_of_sending_on"):
            value = getattr(self, name)
            if value is not None and value < self.notified_on:
                raise InvalidValue(
                    f"The {name.replace('_', ' ')} ({value}) is before the withdrawal "
                    f"notice ({self.notified_on}).",
                    field=name,
                )

    @property
    def deadline(self) -> date:
        """The last day to pay: 14 days from the notice (art. 13(1))."""
        return self.notified_on + timedelta(days=REFUND_DAYS)

    @property
    def may_withhold_until(self) -> date | None:
        """The earliest of goods received and proof of sending (art. 13(3)); None: neither yet."""
        known = [d for d in (self.goods_received_on, self.proof_of_sending_on) if d is not None]
        return min(known) if known else None


@dataclass(frozen=True, slots=True)
class Refund:
    return_id: str
    amount: Decimal
    method: RefundMethod
    paid_on: date
    by: str
    partial_reason: PartialReason | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise InvalidValue(f"A refund is a positive amount, not {self.amount}.", field="amount")
        if self.amount != self.amount.quantize(Decimal("0.01")):
            raise InvalidValue(
                f"A refund has at most two decimals, not {self.amount}.", field="amount"
            )
        if not self.by.strip():
            raise InvalidValue("A refund names who recorded it.", field="by")


def refunded_total(refunds: Iterable[Refund]) -> Decimal:
    return sum((r.amount for r in refunds), Decimal("0"))


def check_new_refund(paid: Decimal, earlier: Iterable[Refund], new: Refund) -> None:
    """Refuse a refund that would pay back more than was paid, or a partial one without reason."""
    already = refunded_total(earlier)
    if already + new.amount > paid:
        raise NotAllowed(
            f"Refunding {new.amount} would bring the refunds of {new.return_id} to "
            f"{already + new.amount}, more than the {paid} paid.",
            field="amount",
        )
    if already + new.amount < paid and new.partial_reason is None:
        raise InvalidValue(
            f"{new.amount} is less than the {paid - already} still to refund: "
            "give the reason for the partial refund.",
            field="partial_reason",
        )


def deadline_state(
    withdrawal: Withdrawal,
    *,
    paid: Decimal,
    refunds: Iterable[Refund],
    today: date | datetime,
    due_soon_days: int = DUE_SOON_DAYS,
) -> DeadlineState:
    """Where the refund of one return stands against its deadline on ``today``.

    A refund is settled once the refunds reach what was paid, or once a partial refund with
    its reason is recorded. Before the goods are back or shown sent the trader may wait, unless
    the 14 days have passed: the withholding right does not move the deadline.
    """
    day = today.date() if isinstance(today, datetime) else today
    listed = list(refunds)
    total = refunded_total(listed)
    if total >= paid or any(r.partial_reason is not None for r in listed):
        return DeadlineState.SETTLED
    if day > withdrawal.deadline:
        return DeadlineState.LATE
    if withdrawal.may_withhold_until is None:
        return DeadlineState.WAITING_FOR_GOODS
    if (withdrawal.deadline - day).days <= due_soon_days:
        return DeadlineState.DUE_SOON
    return DeadlineState.DUE


def days_to_refund(withdrawal: Withdrawal, refunds: Iterable[Refund]) -> int | None:
    """Days from the notice to the last refund; None while nothing is refunded."""
    days = [r.paid_on for r in refunds]
    return (max(days) - withdrawal.notified_on).days if days else None
