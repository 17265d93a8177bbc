"""After-sales: what a return owes the customer back, and where it stands.

A refund case belongs to one return: what the customer paid, the outcome they chose (their
money back, an exchange, or store credit), the dates that set the legal deadline
(``refunds.Withdrawal``: the notice, the goods received, the proof of sending) and what has
been paid back so far. Every payment back is a ``refunds.Refund`` whose method says how:
to the original means of payment or by bank transfer for a refund, ``exchange`` for the
value of the goods sent in exchange, ``store_credit`` for a credit note.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.refunds import (
    DeadlineState,
    Refund,
    RefundMethod,
    Withdrawal,
    check_new_refund,
    days_to_refund,
    deadline_state,
    refunded_total,
)


class Outcome(enum.StrEnum):
    """What the customer gets back for the return."""

    REFUND = "refund"
    EXCHANGE = "exchange"
    STORE_CREDIT = "store_credit"


_M = RefundMethod
#: The ways of paying back each outcome.
METHODS: dict[Outcome, frozenset[RefundMethod]] = {
    Outcome.REFUND: frozenset({_M.ORIGINAL_PAYMENT, _M.BANK_TRANSFER}),
    Outcome.EXCHANGE: frozenset({_M.EXCHANGE}),
    Outcome.STORE_CREDIT: frozenset({_M.STORE_CREDIT}),
}


def check_paid(value: Decimal) -> Decimal:
    """What the customer paid for the returned goods, in EUR and cents."""
    if value <= 0:
        raise InvalidValue(f"What was paid is a positive amount, not {value}.", field="paid")
    if value != value.quantize(Decimal("0.01")):
        raise InvalidValue(f"What was paid has at most two decimals, not {value}.", field="paid")
    return value


@dataclass(eq=False)
class RefundCase:
    """What one return owes back, and what was paid back."""

    return_number: str
    paid: Decimal
    outcome: Outcome
    withdrawal: Withdrawal
    opened_by: str
    opened_at: datetime
    refunds: list[Refund] = field(default_factory=list)
    customer_code: str = ""
    client_code: str | None = None

    def __post_init__(self) -> None:
        check_paid(self.paid)

    # -- what it owes -----------------------------------------------------------------------
    @property
    def refunded(self) -> Decimal:
        return refunded_total(self.refunds)

    @property
    def outstanding(self) -> Decimal:
        return max(self.paid - self.refunded, Decimal("0.00"))

    @property
    def settled(self) -> bool:
        """Paid back in full, or in part with the reason (whatever the day)."""
        return self.refunds != [] and (
            self.refunded >= self.paid or any(r.partial_reason for r in self.refunds)
        )

    @property
    def settled_on(self) -> date | None:
        return max(r.paid_on for r in self.refunds) if self.settled else None

    @property
    def deadline(self) -> date:
        return self.withdrawal.deadline

    def state(self, today: date | datetime) -> DeadlineState:
        return deadline_state(self.withdrawal, paid=self.paid, refunds=self.refunds, today=today)

    @property
    def days_to_refund(self) -> int | None:
        """Days from the notice to the refund that settled it; None while not settled."""
        return days_to_refund(self.withdrawal, self.refunds) if self.settled else None

    @property
    def on_time(self) -> bool | None:
        settled = self.settled_on
        return None if settled is None else settled <= self.deadline

    # -- changes ----------------------------------------------------------------------------
    def record(self, refund: Refund, *, today: date) -> None:
        """Add a payment back: of the outcome's kind, dated between the notice and today,
        never more than was paid, a part of it only with the reason."""
        if refund.return_id != self.return_number:
            raise InvalidValue(
                f"The refund is for {refund.return_id}, not {self.return_number}.",
                field="return_number",
            )
        if self.settled:
            raise NotAllowed(
                f"The refund of {self.return_number} is settled already.", field="amount"
            )
        allowed = METHODS[self.outcome]
        if refund.method not in allowed:
            ways = ", ".join(sorted(m.value for m in allowed))
            raise NotAllowed(
                f"{self.return_number} is settled by {self.outcome.value}: pay it back by "
                f"{ways}, not {refund.method.value}.",
                field="method",
            )
        if refund.paid_on < self.withdrawal.notified_on:
            raise InvalidValue(
                f"The refund date {refund.paid_on} is before the withdrawal notice "
                f"({self.withdrawal.notified_on}).",
                field="paid_on",
            )
        if refund.paid_on > today:
            raise InvalidValue(
                f"The refund date {refund.paid_on} is in the future.", field="paid_on"
            )
        check_new_refund(self.paid, self.refunds, refund)
        self.refunds.append(refund)

    def goods_received(self, on: date) -> None:
        """The goods are back (the scan that completed the return): kept once."""
        if self.withdrawal.goods_received_on is None:
            self.withdrawal = replace(
                self.withdrawal, goods_received_on=max(on, self.withdrawal.notified_on)
            )

    def proof_of_sending(self, on: date, *, today: date) -> None:
        if on > today:
            raise InvalidValue(f"The proof of sending date {on} is in the future.", field="on")
        self.withdrawal = replace(self.withdrawal, proof_of_sending_on=on)
