from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from revalo.domain.after_sales import Outcome, RefundCase
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.refunds import DeadlineState, PartialReason, Refund, RefundMethod, Withdrawal

M = RefundMethod


def case(outcome: Outcome = Outcome.REFUND, paid: str = "120.00") -> RefundCase:
    return RefundCase(
        "RMA-1",
        Decimal(paid),
        outcome,
        Withdrawal(date(2026, 3, 2)),
        "cs1",
        datetime(2026, 3, 2, tzinfo=UTC),
    )


def pay(amount: str, method: M, on: date, reason: PartialReason | None = None) -> Refund:
    return Refund("RMA-1", Decimal(amount), method, on, "cs1", reason)


def test_goods_received_is_kept_once_and_proof_of_sending_ends_the_wait() -> None:
    c = case()
    assert c.state(date(2026, 3, 4)) is DeadlineState.WAITING_FOR_GOODS
    c.proof_of_sending(date(2026, 3, 4), today=date(2026, 3, 5))
    assert c.state(date(2026, 3, 5)) is DeadlineState.DUE
    c.goods_received(date(2026, 3, 9))
    c.goods_received(date(2026, 3, 11))
    assert c.withdrawal.goods_received_on == date(2026, 3, 9)
    assert c.deadline == date(2026, 3, 16)
    with pytest.raises(InvalidValue, match="in the future"):
        c.proof_of_sending(date(2026, 3, 6), today=date(2026, 3, 5))


def test_each_outcome_is_paid_back_its_own_way() -> None:
    credit = case(Outcome.STORE_CREDIT)
    with pytest.raises(NotAllowed, match="pay it back by store_credit, not bank_transfer"):
        credit.record(pay("120.00", M.BANK_TRANSFER, date(2026, 3, 10)), today=date(2026, 3, 10))
    credit.record(pay("120.00", M.STORE_CREDIT, date(2026, 3, 10)), today=date(2026, 3, 10))
    assert credit.settled and credit.settled_on == date(2026, 3, 10) and credit.on_time
    assert credit.days_to_refund == 8 and credit.outstanding == 0


def test_less_than_owed_needs_a_reason_and_a_refund_after_the_deadline_is_late() -> None:
    c = case()
    first = pay("100.00", M.ORIGINAL_PAYMENT, date(2026, 3, 10), None)
    with pytest.raises(InvalidValue, match="reason for the partial refund"):
        c.record(first, today=date(2026, 3, 20))
    assert c.refunds == []
    c.record(pay("120.00", M.ORIGINAL_PAYMENT, date(2026, 3, 18)), today=date(2026, 3, 20))
    assert c.settled and c.on_time is False and c.days_to_refund == 16
    with pytest.raises(NotAllowed, match="settled already"):
        c.record(pay("1.00", M.ORIGINAL_PAYMENT, date(2026, 3, 20)), today=date(2026, 3, 20))


def test_dates_and_amounts_out_of_bounds_are_refused_with_their_field() -> None:
    c = case()
    with pytest.raises(InvalidValue) as early:
        c.record(pay("120.00", M.ORIGINAL_PAYMENT, date(2026, 3, 1)), today=date(2026, 3, 3))
    assert early.value.field == "paid_on"
    with pytest.raises(InvalidValue) as future:
        c.record(pay("120.00", M.ORIGINAL_PAYMENT, date(2026, 3, 9)), today=date(2026, 3, 3))
    assert future.value.field == "paid_on"
    with pytest.raises(InvalidValue, match="two decimals"):
        case(paid="1.005")
    with pytest.raises(InvalidValue, match="positive"):
        case(paid="0")
