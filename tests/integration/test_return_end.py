"""How a return ends, through the services on SQLite and PostgreSQL: cancelled before
receipt with the reason (and never after); closed only once every unit has left the
parallel stock and its refund is settled, each blocker named; the sweep closes those done."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from revalo.domain.after_sales import Outcome
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidTransition, InvalidValue, NotAllowed
from revalo.domain.refunds import RefundMethod
from revalo.domain.returns import ReturnState
from revalo.services import refunds, return_end, stock
from tests.conftest import World
from tests.integration.flows import ask, decide, expected_unit, grade, gs1, line, scan
from tests.people import person

CS = person("agent")


def test_cancelled_before_receipt_with_the_reason_and_never_after(world: World) -> None:
    number = ask(world, line("DRILL-18", serial="SN-E1")).number
    refunds.open_refund(
        world.app.uow(), number, paid=Decimal("129.00"), outcome=Outcome.REFUND, by=CS
    )
    with pytest.raises(InvalidValue, match="needs a reason"):
        return_end.cancel_return(world.app.uow(), number, reason=" ", by=CS)
    assert return_end.how_it_ends(world.app.uow(), number, by=CS).may_cancel
    rma = return_end.cancel_return(world.app.uow(), number, reason="changed their mind", by=CS)
    assert (rma.state, rma.decision_reason) == (ReturnState.CANCELLED, "changed their mind")
    with world.app.uow() as uow:
        assert uow.outbox.for_return(number) == []  # Anne has no e-mail address
    assert refunds.refunds_due(world.app.uow(), by=CS, today=date.today()) == []
    with pytest.raises(NotAllowed, match="only one not yet received is cancelled"):
        return_end.cancel_return(world.app.uow(), number, reason="again", by=CS)

    other = ask(world, line("DRILL-18", quantity=2)).number
    scan(world, gs1(world.drill, "SN-E3"), rma_number=other)  # one of its two drills
    with pytest.raises(NotAllowed, match="has units received: it can no longer be cancelled"):
        return_end.cancel_return(world.app.uow(), other, reason="too late", by=CS)


def test_closed_once_its_units_have_left_and_its_refund_is_settled(world: World) -> None:
    lpn = expected_unit(world, world.drill, "SN-E4")
    with world.app.uow() as uow:
        unit = uow.units.by_lpn(lpn)
        assert unit is not None and unit.rma_number
        number = unit.rma_number
    refunds.open_refund(
        world.app.uow(), number, paid=Decimal("129.00"), outcome=Outcome.REFUND, by=CS
    )
    end = return_end.how_it_ends(world.app.uow(), number, by=CS)
    assert not end.may_close and end.blockers == [
        f"1 unit(s) still in the parallel stock: {lpn}",
        "its refund is not settled: 129.00 EUR still owed",
    ]
    with pytest.raises(NotAllowed, match="1 unit\\(s\\) still in the parallel stock"):
        return_end.close_return(world.app.uow(), number, by=CS)
    grade(world, lpn, "C", "C")
    decide(world, lpn, DispositionRoute.RECYCLE, "REC-FR")
    stock.dispatch_unit(world.app.uow(), lpn, by=person("bob"), document="WEEE-1")
    assert return_end.close_finished(world.app.uow(), by=CS) == []  # still owed
    refunds.record_refund(
        world.app.uow(),
        number,
        amount=Decimal("129.00"),
        method=RefundMethod.BANK_TRANSFER,
        by=CS,
    )
    assert return_end.how_it_ends(world.app.uow(), number, by=CS).may_close
    assert return_end.close_finished(world.app.uow(), by=CS) == [number]
    with pytest.raises((NotAllowed, InvalidTransition)):
        return_end.close_return(world.app.uow(), number, by=CS)
    with world.app.uow() as uow:
        stored = uow.returns.get(number)
        assert stored is not None and stored.state is ReturnState.CLOSED
