"""Refunds with their deadline through the services, on SQLite and PostgreSQL: the goods'
receipt dated by the scan that completes the return, the customer-service list, the
dashboard's figures, the finance export, and two agents refunding one return at once."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.barcodes import parse_scan
from revalo.domain.after_sales import Outcome
from revalo.domain.errors import InvalidValue, NotAllowed, NotFound
from revalo.domain.refunds import DeadlineState, PartialReason, RefundMethod
from revalo.services import receiving, refunds
from tests.conftest import World
from tests.integration.flows import ask, gs1, line
from tests.integration.test_concurrency import together
from tests.people import person

CS = person("agent")
NOTICE = datetime(2026, 3, 2, 9, 0)


def returned(world: World, serial: str, *, customer: str = "C-ANNE") -> str:
    at = world.now.replace(year=2026, month=3, day=2, hour=9, minute=0)
    return ask(world, line("DRILL-18", serial=serial), customer=customer, requested_at=at).number


def opened(world: World, number: str, paid: str = "129.00", **kw: object) -> None:
    refunds.open_refund(
        world.app.uow(),
        number,
        paid=Decimal(paid),
        outcome=kw.pop("outcome", Outcome.REFUND),  # type: ignore[arg-type]
        by=CS,
        at=world.now.replace(year=2026, month=3, day=3),
    )


def test_the_scan_that_completes_the_return_starts_the_refund_due(world: World) -> None:
    number = returned(world, "SN-R1")
    opened(world, number)
    case = refunds.refund_case(world.app.uow(), number, by=CS)
    assert case is not None
    assert case.withdrawal.notified_on == date(2026, 3, 2)
    assert case.deadline == date(2026, 3, 16)
    assert case.state(date(2026, 3, 5)) is DeadlineState.WAITING_FOR_GOODS
    receiving.receive_scan(
        world.app.uow(),
        parse_scan(gs1(world.drill, "SN-R1")),
        site_code="HUB-FR",
        by=person("bob"),
        at=datetime(2026, 3, 9, 14, 0, tzinfo=world.now.tzinfo),
    )
    case = refunds.refund_case(world.app.uow(), number, by=CS)
    assert case is not None and case.withdrawal.goods_received_on == date(2026, 3, 9)
    due = refunds.refunds_due(world.app.uow(), by=CS, today=date(2026, 3, 14))
    assert [(d.case.return_number, d.state, d.days_left) for d in due] == [
        (number, DeadlineState.DUE_SOON, 2)
    ]
    assert refunds.refunds_due(world.app.uow(), by=CS, today=date(2026, 3, 17))[0].state is (
        DeadlineState.LATE
    )


def test_proof_of_sending_first_a_partial_refund_with_its_reason_settles(world: World) -> None:
    number = returned(world, "SN-R2")
    opened(world, number)
    at = world.now.replace(year=2026, month=3, day=20)
    refunds.record_proof_of_sending(world.app.uow(), number, on=date(2026, 3, 4), by=CS, at=at)
    with pytest.raises(InvalidValue, match="reason for the partial refund"):
        refunds.record_refund(
            world.app.uow(),
            number,
            amount=Decimal("100.00"),
            method=RefundMethod.BANK_TRANSFER,
            by=CS,
            paid_on=date(2026, 3, 12),
            at=at,
        )
    with pytest.raises(NotAllowed, match="pay it back by bank_transfer, original_payment"):
        refunds.record_refund(
            world.app.uow(),
            number,
            amount=Decimal("129.00"),
            method=RefundMethod.STORE_CREDIT,
            by=CS,
            at=at,
        )
    case = refunds.record_refund(
        world.app.uow(),
        number,
        amount=Decimal("100.00"),
        method=RefundMethod.ORIGINAL_PAYMENT,
        partial_reason=PartialReason.DIMINISHED_VALUE,
        note="scratched casing",
        by=CS,
        paid_on=date(2026, 3, 12),
        at=at,
    )
    assert case.settled and case.days_to_refund == 10 and case.on_time
    stored = refunds.refund_case(world.app.uow(), number, by=CS)
    assert stored is not None and stored.settled_on == date(2026, 3, 12)
    assert stored.withdrawal.proof_of_sending_on == date(2026, 3, 4)
    assert refunds.refunds_due(world.app.uow(), by=CS, today=date(2026, 3, 20)) == []
    with pytest.raises(NotAllowed, match="settled already"):
        refunds.record_refund(
            world.app.uow(),
            number,
            amount=Decimal("29.00"),
            method=RefundMethod.ORIGINAL_PAYMENT,
            by=CS,
            at=at,
        )


def test_refusals_change_nothing(world: World) -> None:
    number = returned(world, "SN-R3")
    with pytest.raises(NotFound, match="has no refund case"):
        refunds.record_refund(
            world.app.uow(),
            number,
            amount=Decimal("1.00"),
            method=RefundMethod.ORIGINAL_PAYMENT,
            by=CS,
        )
    opened(world, number)
    with pytest.raises(NotAllowed, match="has its refund case already"):
        opened(world, number)
    with pytest.raises(InvalidValue) as bad:
        refunds.open_refund(
            world.app.uow(),
            returned(world, "SN-R4"),
            paid=Decimal("-5"),
            outcome=Outcome.REFUND,
            by=CS,
        )
    assert bad.value.field == "paid"
    with world.app.engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from refund_cases")).scalar() == 1
        assert conn.execute(sa.text("select count(*) from refunds")).scalar() == 0


def test_figures_and_the_finance_export(world: World) -> None:
    early, late, owed = (returned(world, f"SN-F{i}") for i in range(3))
    for n in (early, late, owed):
        opened(world, n)
    at = world.now.replace(year=2026, month=4, day=1)
    for number, day in ((early, date(2026, 3, 10)), (late, date(2026, 3, 25))):
        refunds.record_refund(
            world.app.uow(),
            number,
            amount=Decimal("129.00"),
            method=RefundMethod.ORIGINAL_PAYMENT,
            by=CS,
            paid_on=day,
            at=at,
            note="=HYPERLINK(1)" if number == late else "",
        )
    figures = refunds.refund_figures(world.app.uow(), by=CS, today=date(2026, 4, 1))
    assert (figures.cases, figures.settled, figures.late_now, figures.settled_late) == (3, 2, 1, 1)
    assert figures.median_days == 15.5 and figures.p90_days == 23
    assert figures.on_time_share == 0.5
    text = refunds.export_refunds(
        world.app.uow(), start=date(2026, 3, 1), end=date(2026, 4, 1), by=CS
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["return_number"], r["paid_on"], r["amount"]) for r in rows] == [
        (early, "2026-03-10", "129.00"),
        (late, "2026-03-25", "129.00"),
    ]
    assert rows[1]["note"] == "'=HYPERLINK(1)"
    with pytest.raises(InvalidValue, match="is not after its start"):
        refunds.export_refunds(world.app.uow(), start=date(2026, 4, 1), end=date(2026, 4, 1), by=CS)


def test_two_agents_refunding_one_return_at_once_never_pay_back_more(world: World) -> None:
    number = returned(world, "SN-C1")
    opened(world, number, paid="120.00")
    at = world.now.replace(year=2026, month=3, day=10)

    def refund(i: int) -> object:
        return refunds.record_refund(
            world.app.uow(),
            number,
            amount=Decimal("50.00"),
            method=RefundMethod.ORIGINAL_PAYMENT,
            partial_reason=PartialReason.NOT_ALL_ITEMS,
            by=person(f"agent-{i}"),
            at=at,
        )

    got = together(8, refund)
    refused = [r for r in got if isinstance(r, BaseException)]
    assert len(refused) == 7 and all(isinstance(r, NotAllowed) for r in refused)
    with world.app.engine.connect() as conn:
        total = conn.execute(sa.text("select coalesce(sum(amount), 0) from refunds")).scalar()
        assert total == 5000  # cents: one partial refund, then the case was settled

    # The whole amount refunded by each of them at once: paid back once.
    other = returned(world, "SN-C2")
    opened(world, other, paid="120.00")

    def whole(i: int) -> object:
        return refunds.record_refund(
            world.app.uow(),
            other,
            amount=Decimal("120.00"),
            method=RefundMethod.BANK_TRANSFER,
            by=person(f"agent-{i}"),
            at=at,
        )

    got = together(8, whole)
    assert sum(not isinstance(r, BaseException) for r in got) == 1
    assert all(isinstance(r, NotAllowed) for r in got if isinstance(r, BaseException))
    paid_back = """select r.rma_id, sum(r.amount), max(c.paid), count(*) from refunds r
    join refund_cases c on c.rma_id = r.rma_id group by r.rma_id"""
    with world.app.engine.connect() as conn:
        found = conn.execute(sa.text(paid_back)).all()
    assert sorted((refunded, count) for _, refunded, _, count in found) == [(5000, 1), (12000, 1)]
    assert all(refunded <= paid for _, refunded, paid, _ in found)
