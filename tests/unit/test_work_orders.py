"""Work orders: their states, and what a data wipe needs before it counts as done."""

from __future__ import annotations

from decimal import Decimal

import pytest

from revalo.domain.errors import InvalidTransition, InvalidValue
from revalo.domain.work_orders import WipeMethod, WorkOrder, WorkOrderKind, WorkOrderState
from tests.unit.domain_world import later, work_order

W = WorkOrderState


def started(kind: WorkOrderKind = WorkOrderKind.REPAIR) -> WorkOrder:
    order = work_order(kind)
    order.start(operator="tom", at=later(1))
    return order


def test_an_order_is_numbered_and_open_until_finished() -> None:
    order = work_order()
    assert order.number == "WO00000007"
    assert order.state is W.OPEN and order.is_open
    order.start(operator="tom", at=later(1))
    assert (order.state, order.operator, order.started_at) == (W.IN_PROGRESS, "tom", later(1))
    assert order.is_open


def test_starting_needs_the_operator() -> None:
    order = work_order()
    with pytest.raises(InvalidValue, match="operator's name") as err:
        order.start(operator="  ", at=later(1))
    assert err.value.field == "operator"
    assert order.state is W.OPEN


def test_finishing_records_labour_and_parts() -> None:
    order = started()
    order.finish(
        succeeded=True, at=later(50), labour_minutes=45, parts_cost=Decimal("12.40"), notes="fan"
    )
    assert order.state is W.DONE and not order.is_open
    assert (order.labour_minutes, order.parts_cost, order.notes) == (45, Decimal("12.40"), "fan")
    assert order.completed_at == later(50)


def test_a_failed_order_is_closed_as_failed() -> None:
    order = started()
    order.finish(succeeded=False, at=later(5), labour_minutes=5, parts_cost=Decimal("0"))
    assert order.state is W.FAILED and not order.is_open


@pytest.mark.parametrize(
    ("minutes", "cost", "field"),
    [(-1, Decimal("0"), "labour_minutes"), (0, Decimal("-0.01"), "parts_cost")],
)
def test_negative_labour_or_parts_are_refused(minutes: int, cost: Decimal, field: str) -> None:
    order = started()
    with pytest.raises(InvalidValue, match="must not be negative") as err:
        order.finish(succeeded=True, at=later(5), labour_minutes=minutes, parts_cost=cost)
    assert err.value.field == field
    assert order.state is W.IN_PROGRESS


def test_an_order_not_started_cannot_be_finished() -> None:
    order = work_order()
    with pytest.raises(InvalidTransition, match="WO00000007 is open and cannot become done"):
        order.finish(succeeded=True, at=later(5), labour_minutes=1, parts_cost=Decimal("0"))


@pytest.mark.parametrize("state", [W.OPEN, W.IN_PROGRESS])
def test_an_open_order_can_be_cancelled_with_its_reason(state: WorkOrderState) -> None:
    order = work_order()
    order.state = state
    order.cancel(at=later(9), reason="decision changed to recycle")
    assert order.state is W.CANCELLED
    assert order.notes == "decision changed to recycle"


@pytest.mark.parametrize("state", [W.DONE, W.FAILED, W.CANCELLED])
def test_a_closed_order_stays_closed(state: WorkOrderState) -> None:
    order = work_order()
    order.state = state
    with pytest.raises(InvalidTransition, match=f"{state.value} is final"):
        order.cancel(at=later(9), reason="late")
    with pytest.raises(InvalidTransition):
        order.start(operator="tom", at=later(9))
    assert order.state is state


@pytest.mark.parametrize(
    "certificate",
    [
        {"wipe_tool": "Blancco 7", "wipe_verified": True},
        {"wipe_method": WipeMethod.PURGE, "wipe_verified": True},
        {"wipe_method": WipeMethod.PURGE, "wipe_tool": " ", "wipe_verified": True},
        {"wipe_method": WipeMethod.PURGE, "wipe_tool": "Blancco 7"},
    ],
    ids=["no method", "no tool", "blank tool", "not verified"],
)
def test_a_data_wipe_is_done_only_with_method_tool_and_verification(
    certificate: dict[str, object],
) -> None:
    order = started(WorkOrderKind.DATA_WIPE)
    with pytest.raises(InvalidValue, match="certificate of sanitisation") as err:
        order.finish(
            succeeded=True,
            at=later(5),
            labour_minutes=20,
            parts_cost=Decimal("0"),
            **certificate,  # type: ignore[arg-type]
        )
    assert err.value.field == "wipe_method"
    assert order.state is W.IN_PROGRESS


def test_a_certified_data_wipe_keeps_its_certificate() -> None:
    order = started(WorkOrderKind.DATA_WIPE)
    order.finish(
        succeeded=True,
        at=later(5),
        labour_minutes=20,
        parts_cost=Decimal("0"),
        wipe_method=WipeMethod.PURGE,
        wipe_tool="Blancco 7",
        wipe_verified=True,
    )
    assert order.state is W.DONE
    assert (order.wipe_method, order.wipe_tool, order.wipe_verified) == (
        WipeMethod.PURGE,
        "Blancco 7",
        True,
    )


def test_a_failed_data_wipe_needs_no_certificate() -> None:
    order = started(WorkOrderKind.DATA_WIPE)
    order.finish(succeeded=False, at=later(5), labour_minutes=20, parts_cost=Decimal("0"))
    assert order.state is W.FAILED


def test_other_work_needs_no_wipe_certificate() -> None:
    order = started(WorkOrderKind.CLEAN)
    order.finish(succeeded=True, at=later(5), labour_minutes=3, parts_cost=Decimal("0"))
    assert order.state is W.DONE
