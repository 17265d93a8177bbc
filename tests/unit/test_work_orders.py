"""Work orders: their states, the work recorded while in progress, and what a data wipe
needs before it counts as done and is given its certificate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from revalo.domain.errors import InvalidTransition, InvalidValue
from revalo.domain.work_orders import (
    PartUsed,
    WipeMethod,
    WorkOrder,
    WorkOrderKind,
    WorkOrderState,
    format_certificate,
)
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


def test_work_is_recorded_in_sittings_and_adds_up_at_the_finish() -> None:
    order = started()
    battery = PartUsed(" BAT-T480 ", 1, Decimal("34.9"))
    order.record(labour_minutes=20, notes="battery swollen", parts=[battery])
    order.record(notes="fan cleaned", parts=[PartUsed("SCREW-M2", 4, Decimal("0.05"))])
    assert (order.labour_minutes, order.parts_cost) == (20, Decimal("35.10"))
    assert [(p.reference, p.quantity, p.cost) for p in order.parts] == [
        ("BAT-T480", 1, Decimal("34.90")),
        ("SCREW-M2", 4, Decimal("0.20")),
    ]
    order.finish(
        succeeded=True,
        at=later(60),
        labour_minutes=10,
        parts_cost=Decimal("2"),
        notes="ok",
        parts=[PartUsed("LABEL-REFURB", 1, Decimal("0.10"))],
    )
    assert (order.labour_minutes, order.parts_cost) == (30, Decimal("37.20"))
    assert [p.reference for p in order.parts] == ["BAT-T480", "SCREW-M2", "LABEL-REFURB"]
    assert order.notes == "battery swollen\nfan cleaned\nok"
    assert order.wipe_certificate is None


@pytest.mark.parametrize("state", [W.OPEN, W.DONE, W.FAILED, W.CANCELLED])
def test_work_is_recorded_only_on_an_order_in_progress(state: WorkOrderState) -> None:
    order = work_order()
    order.state = state
    with pytest.raises(InvalidTransition, match="only on an order in progress"):
        order.record(labour_minutes=5)
    assert order.labour_minutes == 0


def test_a_record_says_something_and_nothing_negative() -> None:
    order = started()
    with pytest.raises(InvalidValue, match="minutes worked, the results or a part"):
        order.record(notes="  ")
    with pytest.raises(InvalidValue, match="must not be negative") as err:
        order.record(labour_minutes=-5, notes="x")
    assert err.value.field == "labour_minutes"
    assert (order.labour_minutes, order.notes) == (0, "")


@pytest.mark.parametrize(
    ("reference", "quantity", "cost", "message"),
    [
        (" ", 1, "1", "needs its reference"),
        ("X" * 101, 1, "1", "at most 100 characters"),
        ("FAN", 0, "1", "between 1 and 1000"),
        ("FAN", 1001, "1", "between 1 and 1000"),
        ("FAN", 1, "-0.01", "must not be negative"),
        ("FAN", 1, "NaN", "an amount in EUR"),
    ],
)
def test_a_part_is_named_counted_and_priced(
    reference: str, quantity: int, cost: str, message: str
) -> None:
    with pytest.raises(InvalidValue, match=message) as err:
        PartUsed(reference, quantity, Decimal(cost))
    assert err.value.field == "parts"


def test_a_data_wipe_done_is_given_its_certificate_number() -> None:
    order = started(WorkOrderKind.DATA_WIPE)
    assert order.wipe_certificate is None
    order.finish(
        succeeded=True,
        at=later(5),
        labour_minutes=20,
        wipe_method=WipeMethod.CLEAR,
        wipe_tool=" factory reset ",
        wipe_verified=True,
    )
    assert order.wipe_tool == "factory reset"
    assert order.wipe_certificate == format_certificate(7) == "SAN00000007"


def test_only_a_data_wipe_done_has_a_certificate() -> None:
    failed = started(WorkOrderKind.DATA_WIPE)
    failed.finish(succeeded=False, at=later(5), labour_minutes=20)
    repaired = started()
    repaired.finish(succeeded=True, at=later(5), labour_minutes=20)
    cancelled = started(WorkOrderKind.DATA_WIPE)
    cancelled.cancel(at=later(5), reason="decision changed to recycle")
    assert [o.wipe_certificate for o in (failed, repaired, cancelled)] == [None] * 3
