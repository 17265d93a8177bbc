"""Return requests (RMA): their lines, their state machine and its guards."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revalo.domain.errors import InvalidTransition, InvalidValue, NotFound
from revalo.domain.returns import ReturnLine, ReturnReason, ReturnRequest, ReturnState
from tests.unit.domain_world import NOW

R = ReturnState


def line(
    line_no: int = 1, sku: str = "LAP-14", quantity: int = 1, serial: str | None = None
) -> ReturnLine:
    return ReturnLine(line_no, sku, quantity, ReturnReason.DEFECTIVE, serial=serial)


def rma(*lines: ReturnLine, state: ReturnState = R.REQUESTED) -> ReturnRequest:
    return ReturnRequest(
        number="RMA00000001",
        customer_code="C-ANNE",
        requested_at=NOW,
        delivered_at=NOW - timedelta(days=3),
        lines=list(lines) or [line()],
        state=state,
    )


def authorised(*lines: ReturnLine) -> ReturnRequest:
    r = rma(*lines)
    r.authorise(by="anna", reason="ok", at=NOW, destination_site="HUB-FR")
    return r


# -- lines and the request itself ---------------------------------------------------------


def test_a_line_needs_at_least_one_unit() -> None:
    with pytest.raises(InvalidValue, match="line 2: quantity must be at least 1") as err:
        line(2, quantity=0)
    assert err.value.field == "quantity"


def test_a_line_naming_a_serial_is_for_exactly_one_unit() -> None:
    with pytest.raises(InvalidValue, match="exactly one unit"):
        line(serial="SN-1", quantity=2)
    assert line(serial="   ").serial is None  # a blank serial is no serial


def test_a_return_needs_lines_with_unique_numbers_and_a_sane_delivery_date() -> None:
    with pytest.raises(InvalidValue, match="at least one line") as err:
        ReturnRequest("RMA1", "C-ANNE", NOW, None, lines=[])
    assert err.value.field == "lines"
    with pytest.raises(InvalidValue, match="unique"):
        rma(line(1), line(1))
    with pytest.raises(InvalidValue, match="delivery date is after the request date") as err:
        ReturnRequest("RMA1", "C-ANNE", NOW, NOW + timedelta(days=1), lines=[line()])
    assert err.value.field == "delivered_at"


def test_a_missing_line_is_named() -> None:
    with pytest.raises(NotFound, match="RMA00000001 has no line 9"):
        rma().line(9)


# -- the state machine --------------------------------------------------------------------


def test_authorising_records_who_why_when_and_where_to_send() -> None:
    r = authorised()
    assert r.state is R.AUTHORISED
    assert (r.decided_by, r.decision_reason, r.decided_at) == ("anna", "ok", NOW)
    assert r.destination_site == "HUB-FR"
    assert r.expects_units


def test_rejecting_needs_a_reason_the_customer_can_read() -> None:
    r = rma()
    with pytest.raises(InvalidValue, match="rejection needs a reason") as err:
        r.reject(by="anna", reason="  ", at=NOW)
    assert err.value.field == "reason"
    assert (r.state, r.decided_by) == (R.REQUESTED, None)
    r.reject(by="anna", reason="outside the withdrawal period", at=NOW)
    assert r.state is R.REJECTED and not r.expects_units


def test_guards_answer_before_the_step_and_explain_the_refusal() -> None:
    r = rma()
    assert r.can_authorise() and r.can_reject()
    r.reject(by="anna", reason="too late", at=NOW)
    assert not r.can_authorise() and not r.can_reject()
    with pytest.raises(InvalidTransition) as err:
        r.ensure_can_authorise()
    assert err.value.message == (
        "Return RMA00000001 is rejected and cannot become authorised; rejected is final"
    )


def test_an_authorised_return_cannot_be_rejected_and_says_what_it_can_become() -> None:
    r = authorised()
    with pytest.raises(InvalidTransition) as err:
        r.ensure_can_reject()
    assert "cannot become rejected" in err.value.message
    assert "it can only become cancelled, in_transit, received" in err.value.message


def test_a_return_goes_in_transit_then_is_received_when_every_unit_is_in() -> None:
    r = authorised(line(1, quantity=2), line(2, sku="TEE-M"))
    r.mark_in_transit()
    assert (r.state, r.expects_units) == (R.IN_TRANSIT, True)
    r.record_receipt(r.line(1))
    r.record_receipt(r.line(2))
    # One unit of line 1 is still to come.
    assert (r.state, [ln.outstanding for ln in r.lines]) == (R.IN_TRANSIT, [1, 0])
    r.record_receipt(r.line(1))
    assert r.state is R.RECEIVED and not r.expects_units


def test_an_authorised_return_may_be_received_without_going_in_transit() -> None:
    r = authorised()
    r.record_receipt(r.line(1))
    assert r.state is R.RECEIVED


def test_no_unit_is_received_on_a_return_that_does_not_expect_any() -> None:
    r = rma()
    with pytest.raises(InvalidValue, match="RMA00000001 is requested: no unit expected"):
        r.record_receipt(r.line(1))
    assert r.line(1).received_quantity == 0


def test_a_received_return_is_closed_and_stays_closed() -> None:
    r = authorised()
    r.record_receipt(r.line(1))
    r.close()
    assert r.state is R.CLOSED
    with pytest.raises(InvalidTransition, match="closed is final"):
        r.cancel(by="anna", reason="oops", at=NOW)


def test_only_a_received_return_can_be_closed() -> None:
    with pytest.raises(InvalidTransition, match="authorised and cannot become closed"):
        authorised().close()


@pytest.mark.parametrize("state", [R.REQUESTED, R.AUTHORISED])
def test_a_return_can_be_cancelled_until_it_is_on_its_way(state: ReturnState) -> None:
    r = rma(state=state)
    r.cancel(by="customer", reason="changed my mind", at=NOW)
    assert r.state is R.CANCELLED and not r.expects_units


@pytest.mark.parametrize("state", [R.IN_TRANSIT, R.RECEIVED, R.REJECTED, R.CLOSED])
def test_a_return_on_its_way_or_done_cannot_be_cancelled(state: ReturnState) -> None:
    r = rma(state=state)
    with pytest.raises(InvalidTransition, match=f"is {state.value} and cannot become cancelled"):
        r.cancel(by="customer", reason="changed my mind", at=NOW)
    assert r.state is state


@pytest.mark.parametrize("state", [R.REQUESTED, R.REJECTED, R.CANCELLED, R.RECEIVED])
def test_only_an_authorised_return_goes_in_transit(state: ReturnState) -> None:
    r = rma(state=state)
    with pytest.raises(InvalidTransition):
        r.mark_in_transit()
    assert r.state is state


def test_matching_prefers_the_line_naming_the_serial_then_an_open_line_without_one() -> None:
    r = authorised(line(1), line(2, serial="SN-9"), line(3, sku="TEE-M", quantity=2))
    assert r.match_line("LAP-14", "SN-9") is r.line(2)
    assert r.match_line("LAP-14", "SN-other") is r.line(1)
    assert r.match_line("LAP-14", None) is r.line(1)
    r.record_receipt(r.line(1))
    assert r.match_line("LAP-14", None) is None  # the only serial-less line is full
    assert r.match_line("LAP-14", "SN-other") is None
    assert r.match_line("SOFA-3", None) is None
