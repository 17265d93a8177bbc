from datetime import date, datetime
from decimal import Decimal

import pytest

from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.refunds import (
    DeadlineState,
    PartialReason,
    Refund,
    RefundMethod,
    Withdrawal,
    check_new_refund,
    days_to_refund,
    deadline_state,
)

PAID = Decimal("120.00")


def refund(amount: str, on: date, reason: PartialReason | None = None) -> Refund:
    return Refund("RMA-1", Decimal(amount), RefundMethod.ORIGINAL_PAYMENT, on, "cs1", reason)


def state(w: Withdrawal, today: date, refunds: list[Refund] | None = None) -> DeadlineState:
    return deadline_state(w, paid=PAID, refunds=refunds or [], today=today)


def test_notice_first_goods_received_later() -> None:
    w = Withdrawal(notified_on=date(2026, 3, 2), goods_received_on=date(2026, 3, 9))
    assert w.deadline == date(2026, 3, 16)
    assert w.may_withhold_until == date(2026, 3, 9)
    assert state(Withdrawal(notified_on=date(2026, 3, 2)), date(2026, 3, 5)) is (
        DeadlineState.WAITING_FOR_GOODS
    )
    assert state(w, date(2026, 3, 10)) is DeadlineState.DUE
    assert state(w, date(2026, 3, 13)) is DeadlineState.DUE_SOON
    assert state(w, date(2026, 3, 16)) is DeadlineState.DUE_SOON
    assert state(w, date(2026, 3, 17)) is DeadlineState.LATE


def test_proof_of_sending_first_ends_the_withholding() -> None:
    w = Withdrawal(
        notified_on=date(2026, 3, 2),
        proof_of_sending_on=date(2026, 3, 4),
        goods_received_on=date(2026, 3, 11),
    )
    assert w.may_withhold_until == date(2026, 3, 4)
    assert state(w, date(2026, 3, 5)) is DeadlineState.DUE
    assert w.deadline == date(2026, 3, 16)


def test_late_when_passed_even_without_the_goods() -> None:
    w = Withdrawal(notified_on=date(2026, 3, 2))
    assert state(w, datetime(2026, 3, 17, 8, 0)) is DeadlineState.LATE


def test_settled_by_full_or_reasoned_partial_refund() -> None:
    w = Withdrawal(notified_on=date(2026, 3, 2), goods_received_on=date(2026, 3, 9))
    assert state(w, date(2026, 3, 20), [refund("120.00", date(2026, 3, 10))]) is (
        DeadlineState.SETTLED
    )
    partial = refund("90.00", date(2026, 3, 12), PartialReason.DIMINISHED_VALUE)
    assert state(w, date(2026, 3, 20), [partial]) is DeadlineState.SETTLED
    assert state(w, date(2026, 3, 20), [refund("50.00", date(2026, 3, 10))]) is (DeadlineState.LATE)
    assert days_to_refund(w, [partial]) == 10
    assert days_to_refund(w, []) is None


def test_never_more_than_paid_and_partial_needs_a_reason() -> None:
    first = refund("100.00", date(2026, 3, 10), PartialReason.MISSING_PARTS)
    with pytest.raises(NotAllowed, match=r"more than the 120\.00 paid"):
        check_new_refund(PAID, [first], refund("20.01", date(2026, 3, 11)))
    check_new_refund(PAID, [first], refund("20.00", date(2026, 3, 11)))
    with pytest.raises(InvalidValue, match="reason for the partial refund"):
        check_new_refund(PAID, [], refund("60.00", date(2026, 3, 11)))


def test_bad_values_are_refused_with_their_field() -> None:
    with pytest.raises(InvalidValue) as bad:
        refund("0", date(2026, 3, 10))
    assert bad.value.field == "amount"
    with pytest.raises(InvalidValue, match="two decimals"):
        refund("1.005", date(2026, 3, 10))
    with pytest.raises(InvalidValue) as early:
        Withdrawal(notified_on=date(2026, 3, 2), goods_received_on=date(2026, 3, 1))
    assert early.value.field == "goods_received_on"
