"""Returned units: every step of their lifecycle, the places they go, and what is refused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidTransition, InvalidValue, LedgerError, NotAllowed
from revalo.domain.events import EventType
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.units import FINAL_STATES, UNIT_TRANSITIONS, Change, ReturnedUnit, UnitState
from revalo.domain.work_orders import WipeMethod, WorkOrder
from tests.unit.domain_world import (
    CHARITY,
    HUB,
    HUB_DE,
    NOW,
    OUTLET,
    REPAIR,
    SCRAP,
    SOFA,
    VENDOR,
    decide,
    decision,
    graded,
    inspection,
    later,
    received,
)

U = UnitState
Route = DispositionRoute


def step(unit: ReturnedUnit, change: Change) -> tuple[UnitState, str | None]:
    """Check what a step says it did matches the unit, and that the state change it made is
    one the lifecycle declares."""
    assert change.event.state == unit.state.value
    assert change.event.location_code == unit.location_code
    if change.move is not None:
        assert change.move.to_location == unit.location_code
    return unit.state, unit.location_code


def declared(before: UnitState, after: UnitState) -> bool:
    return before == after or after in UNIT_TRANSITIONS[before]


def work_through(unit: ReturnedUnit, orders: list[WorkOrder]) -> Iterator[Change]:
    """Do the work orders one after another, as a technician would, step by step."""
    for i, order in enumerate(orders):
        yield unit.start_work(order, at=later(30 + i), actor="tech")
        order.start(operator="tech", at=later(30 + i))
        order.finish(
            succeeded=True,
            at=later(31 + i),
            labour_minutes=5,
            parts_cost=Decimal("0"),
            wipe_method=WipeMethod.PURGE,
            wipe_tool="wiper",
            wipe_verified=True,
        )
        last = i == len(orders) - 1
        yield unit.complete_work(order, at=later(31 + i), actor="tech", all_done=last)


def finish(unit: ReturnedUnit, orders: list[WorkOrder]) -> None:
    for _ in work_through(unit, orders):
        pass


# -- receiving ----------------------------------------------------------------------------


def test_a_received_unit_enters_the_stock_at_the_receiving_location() -> None:
    unit, change = ReturnedUnit.receive(
        id=1, lpn="LPN000000001", site=HUB, at=NOW, actor="bob", document="RMA1", sku="LAP-14"
    )
    assert unit.state is U.RECEIVED and unit.location_code == "HUB-FR:receiving"
    assert change.move is not None
    assert (change.move.from_location, change.move.to_location) == (None, "HUB-FR:receiving")
    assert change.event.type is EventType.RECEIVED
    assert (change.event.actor, change.event.document) == ("bob", "RMA1")


def test_only_a_site_holding_stock_receives_returns() -> None:
    with pytest.raises(NotAllowed, match="Charity Paris is a charity: it does not receive"):
        ReturnedUnit.receive(id=1, lpn="LPN000000001", site=CHARITY, at=NOW, actor="bob")


def test_every_change_needs_who_made_it() -> None:
    unit = received()
    with pytest.raises(InvalidValue, match="needs who made it") as err:
        unit.quarantine(reason="smells burnt", at=NOW, actor=" ")
    assert err.value.field == "operator"


# -- the happy paths, step by step, each a declared transition ----------------------------


def test_quarantine_and_release_put_the_unit_aside_and_back() -> None:
    unit = received()
    before = unit.state
    assert step(unit, unit.quarantine(reason="seal broken", at=later(1), actor="bob")) == (
        U.QUARANTINED,
        "HUB-FR:quarantine",
    )
    assert declared(before, unit.state) and unit.quarantine_reason == "seal broken"
    change = unit.release(at=later(2), actor="lea", reason="seal checked")
    assert step(unit, change) == (U.RECEIVED, "HUB-FR:receiving")
    assert declared(U.QUARANTINED, U.RECEIVED) and unit.quarantine_reason == ""


def test_quarantine_needs_a_reason() -> None:
    unit = received()
    with pytest.raises(InvalidValue, match="quarantine needs a reason"):
        unit.quarantine(reason="", at=NOW, actor="bob")
    assert unit.state is U.RECEIVED


def test_an_unidentified_unit_is_released_only_with_its_product() -> None:
    unit = received(product=None)
    unit.quarantine(reason="unknown GTIN", at=later(1), actor="bob")
    with pytest.raises(NotAllowed, match="name its product to release it"):
        unit.release(at=later(2), actor="lea", reason="checked")
    assert unit.state is U.QUARANTINED
    unit.release(at=later(2), actor="lea", reason="it is a laptop", sku="LAP-14", gtin="0" * 14)
    assert (unit.state, unit.sku) == (U.RECEIVED, "LAP-14")


def test_inspection_grades_the_unit_and_puts_it_in_graded_stock() -> None:
    unit = received()
    change = unit.record_inspection(inspection(checklist={"boots": True, "keyboard": True}))
    assert step(unit, change) == (U.GRADED, "HUB-FR:graded_stock")
    assert (unit.functional_grade, unit.cosmetic_grade) == ("A", "A")
    assert unit.tested_at is not None  # every function on the checklist passed
    assert change.event.reason == "graded A/A (functional/cosmetic)"
    # Grading again is allowed (a second opinion) and a failed check is not "tested".
    again = received()
    again.record_inspection(inspection(functional="B", checklist={"boots": True, "wifi": False}))
    again.record_inspection(inspection(functional="C", cosmetic="D"))
    assert (again.state, again.functional_grade, again.cosmetic_grade) == (U.GRADED, "C", "D")
    assert again.tested_at is None


def test_an_unidentified_unit_cannot_be_inspected() -> None:
    unit = received(product=None)
    with pytest.raises(NotAllowed, match="not identified"):
        unit.record_inspection(inspection())


def test_a_graded_unit_can_go_back_to_quarantine() -> None:
    unit = graded()
    unit.quarantine(reason="battery swelling", at=later(15), actor="ines")
    assert (unit.state, unit.location_code) == (U.QUARANTINED, "HUB-FR:quarantine")


def test_a_decision_with_work_waits_for_the_work_and_work_makes_it_ready() -> None:
    unit = graded()
    orders = decide(unit, Route.RESELL)
    assert [o.kind.value for o in orders] == ["data_wipe", "clean"]
    assert (unit.state, unit.location_code) == (U.DISPOSITION_DECIDED, "HUB-FR:graded_stock")
    assert declared(U.GRADED, U.DISPOSITION_DECIDED)
    seen: list[tuple[UnitState, str | None]] = []
    for change in work_through(unit, orders):
        before = seen[-1][0] if seen else U.DISPOSITION_DECIDED
        seen.append(step(unit, change))
        assert declared(before, unit.state)
    assert seen == [
        (U.IN_PROCESS, "HUB-FR:work_in_progress"),
        (U.IN_PROCESS, "HUB-FR:work_in_progress"),
        (U.IN_PROCESS, "HUB-FR:work_in_progress"),
        (U.READY, "HUB-FR:outbound"),
    ]
    assert unit.data_wiped_at is not None


def test_a_decision_with_no_work_makes_the_unit_ready_at_once() -> None:
    unit = graded()
    unit.record_disposition(decision(unit, Route.RECYCLE), [])
    assert (unit.state, unit.location_code) == (U.READY, "HUB-FR:outbound")
    assert declared(U.GRADED, U.READY)


def test_a_failed_work_order_sends_the_unit_back_to_graded_stock_without_a_route() -> None:
    unit = graded()
    orders = decide(unit, Route.REPAIR)
    unit.start_work(orders[0], at=later(30), actor="tech")
    change = unit.fail_work(orders[0], at=later(31), actor="tech", reason="")
    assert step(unit, change) == (U.GRADED, "HUB-FR:graded_stock")
    assert declared(U.IN_PROCESS, U.GRADED)
    assert unit.route is None and unit.destination_site is None
    assert change.event.reason == "data_wipe failed"


@pytest.mark.parametrize(
    ("route", "destination", "final", "leaves_stock"),
    [
        (Route.RESTOCK, None, U.RESTOCKED, True),
        (Route.RESELL, None, U.LISTED, False),
        (Route.RESELL, OUTLET, U.SENT_TO_PARTNER, True),
        (Route.DONATE, CHARITY, U.DONATED, True),
        (Route.RECYCLE, SCRAP, U.RECYCLED, True),
        (Route.REPAIR, None, U.LISTED, False),
        (Route.HARVEST_PARTS, None, U.HARVESTED, True),
        (Route.RETURN_TO_VENDOR, VENDOR, U.RETURNED_TO_VENDOR, True),
        (Route.DISPOSE, SCRAP, U.DISPOSED, True),
    ],
)
def test_dispatch_ends_the_route_where_it_says(
    route: DispositionRoute,
    destination: Site | None,
    final: UnitState,
    leaves_stock: bool,
) -> None:
    unit = received(product=SOFA)
    unit.record_inspection(inspection())
    orders = decide(unit, route, destination, product=SOFA)
    finish(unit, orders)
    assert unit.state is U.READY
    change = unit.dispatch(at=later(60), actor="bob", data_bearing=False)
    assert step(unit, change) == (final, None if leaves_stock else "HUB-FR:graded_stock")
    assert declared(U.READY, final)
    assert unit.is_final is leaves_stock
    if leaves_stock:
        assert change.move is not None and change.move.to_location is None


def test_a_listed_unit_is_sold_and_leaves_the_stock() -> None:
    unit = graded()
    finish(unit, decide(unit, Route.RESELL))
    unit.dispatch(at=later(60), actor="bob", data_bearing=True)
    assert unit.state is U.LISTED
    change = unit.sell(at=later(90), actor="shop", document="ORDER-7")
    assert step(unit, change) == (U.SOLD, None)
    assert change.event.document == "ORDER-7"


@pytest.mark.parametrize("state", [U.READY, U.LISTED, U.IN_PROCESS, U.DISPOSITION_DECIDED])
def test_a_decision_can_be_overridden_until_the_unit_leaves(state: UnitState) -> None:
    unit = graded()
    unit.state = state
    unit.record_disposition(decision(unit, Route.RECYCLE), [])
    assert unit.state is U.READY and unit.route is Route.RECYCLE


def test_a_decision_with_work_can_be_replaced_by_another_with_work() -> None:
    unit = graded()
    decide(unit, Route.REPAIR)
    orders = decide(unit, Route.RESELL)
    assert (unit.state, unit.route) == (U.DISPOSITION_DECIDED, Route.RESELL)
    assert declared(U.DISPOSITION_DECIDED, U.DISPOSITION_DECIDED)
    finish(unit, orders)
    assert unit.state is U.READY


# -- a sample of what is refused ----------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "attempt", "message"),
    [
        (U.RECEIVED, "sell", "received and cannot become sold"),
        (U.QUARANTINED, "inspect", "quarantined and cannot become graded"),
        (U.QUARANTINED, "decide", "quarantined and cannot become disposition_decided"),
        (U.RECEIVED, "decide", "received and cannot become disposition_decided"),
        (U.GRADED, "release", "graded and cannot become received"),
        (U.READY, "quarantine", "ready and cannot become quarantined"),
        (U.SOLD, "inspect", "sold is final"),
        (U.RECYCLED, "decide", "recycled is final"),
        (U.DISPOSED, "release", "disposed is final"),
    ],
)
def test_a_step_the_state_does_not_allow_is_refused_and_changes_nothing(
    state: UnitState, attempt: str, message: str
) -> None:
    unit = graded()
    unit.state = state
    where = unit.location_code
    steps = {
        "sell": lambda: unit.sell(at=NOW, actor="x"),
        "inspect": lambda: unit.record_inspection(inspection()),
        "decide": lambda: unit.record_disposition(decision(unit, Route.RECYCLE), []),
        "release": lambda: unit.release(at=NOW, actor="x", reason="r"),
        "quarantine": lambda: unit.quarantine(reason="r", at=NOW, actor="x"),
    }
    with pytest.raises(InvalidTransition) as err:
        steps[attempt]()
    assert err.value.message.startswith("Unit LPN000000001 is ")
    assert message in err.value.message
    assert (unit.state, unit.location_code) == (state, where)


def test_final_states_lead_nowhere() -> None:
    assert all(UNIT_TRANSITIONS[s] == frozenset() for s in FINAL_STATES)
    unit = graded()
    for state in FINAL_STATES:
        unit.state = state
        assert not any(unit.can(target) for target in UnitState)


def test_work_starts_only_on_a_decided_unit_at_the_order_site() -> None:
    unit = graded()
    orders = decide(unit, Route.REPAIR, REPAIR)
    assert orders[0].site_code == "REP-FR"
    with pytest.raises(NotAllowed, match="is at REP-FR but unit LPN000000001 is at HUB-FR"):
        unit.start_work(orders[0], at=later(30), actor="tech")
    other = graded(2)
    order = WorkOrder(id=9, unit_id=2, kind=orders[0].kind, site_code="HUB-FR", created_at=NOW)
    with pytest.raises(InvalidTransition, match="graded and cannot become in_process"):
        other.start_work(order, at=later(30), actor="tech")


# -- moves inside a site ------------------------------------------------------------------


def test_a_move_inside_the_site_is_recorded_from_where_the_unit_is() -> None:
    unit = received()
    change = unit.move(
        from_location="HUB-FR:receiving",
        to_location="HUB-FR:inspection",
        at=later(1),
        actor="bob",
        reason="to the bench",
    )
    assert change.move is not None
    assert (change.move.from_location, change.move.to_location) == (
        "HUB-FR:receiving",
        "HUB-FR:inspection",
    )
    assert unit.location_code == "HUB-FR:inspection" and unit.state is U.RECEIVED


def test_a_move_from_a_place_the_unit_is_not_in_is_refused() -> None:
    unit = received()
    with pytest.raises(LedgerError, match="is at HUB-FR:receiving, not at HUB-FR:quarantine"):
        unit.move(
            from_location="HUB-FR:quarantine",
            to_location="HUB-FR:inspection",
            at=later(1),
            actor="bob",
            reason="",
        )
    assert unit.location_code == "HUB-FR:receiving"


def test_a_move_to_another_site_must_be_a_shipment() -> None:
    unit = received()
    with pytest.raises(LedgerError, match="ship the unit"):
        unit.move(
            from_location="HUB-FR:receiving",
            to_location="HUB-DE:receiving",
            at=later(1),
            actor="bob",
            reason="",
        )


def test_a_unit_that_left_the_stock_cannot_be_moved() -> None:
    unit = graded()
    unit.record_disposition(decision(unit, Route.RECYCLE), [])
    unit.destination_site = "REC-X"
    unit.dispatch(at=later(60), actor="bob", data_bearing=False)
    with pytest.raises(LedgerError, match="has left the parallel stock"):
        unit.move(
            from_location=None, to_location="HUB-FR:receiving", at=NOW, actor="bob", reason=""
        )


# -- shipping between sites, and what a unit in transit may not do -------------------------


def test_a_shipped_unit_waits_in_transit_and_arrives_where_its_state_belongs() -> None:
    unit = graded()
    change = unit.ship(to_site=REPAIR, at=later(40), actor="bob", document="CMR-1")
    assert step(unit, change) == (U.GRADED, "REP-FR:in_transit")
    assert unit.in_transit and unit.site_code == "REP-FR"
    assert change.event.detail == {"from_site": "HUB-FR", "to_site": "REP-FR"}
    change = unit.arrive(at=later(600), actor="rita")
    assert step(unit, change) == (U.GRADED, "REP-FR:graded_stock")
    assert not unit.in_transit


@pytest.mark.parametrize(
    ("state", "arrives_at"),
    [
        (U.RECEIVED, "HUB-DE:receiving"),
        (U.QUARANTINED, "HUB-DE:quarantine"),
        (U.READY, "HUB-DE:outbound"),
        (U.DISPOSITION_DECIDED, "HUB-DE:graded_stock"),
    ],
)
def test_arrival_location_follows_the_state(state: UnitState, arrives_at: str) -> None:
    unit = received()
    unit.state = state
    unit.ship(to_site=HUB_DE, at=later(40), actor="bob")
    unit.arrive(at=later(500), actor="jan")
    assert unit.location_code == arrives_at


def test_a_unit_not_in_transit_cannot_arrive() -> None:
    with pytest.raises(NotAllowed, match="is not in transit"):
        received().arrive(at=NOW, actor="bob")


def test_shipping_is_refused_to_a_partner_to_the_same_site_and_during_work() -> None:
    unit = graded()
    with pytest.raises(NotAllowed, match="does not hold Revalo stock; dispatch the unit to it"):
        unit.ship(to_site=OUTLET, at=NOW, actor="bob")
    with pytest.raises(InvalidValue, match="already at HUB-FR") as err:
        unit.ship(to_site=HUB, at=NOW, actor="bob")
    assert err.value.field == "to_site"
    orders = decide(unit, Route.REPAIR)
    unit.start_work(orders[0], at=later(30), actor="tech")
    with pytest.raises(NotAllowed, match="is in_process: it cannot be shipped now"):
        unit.ship(to_site=REPAIR, at=NOW, actor="bob")
    assert (unit.site_code, unit.location_code) == ("HUB-FR", "HUB-FR:work_in_progress")


def test_a_unit_in_transit_is_not_handled_before_it_arrives() -> None:
    unit = received()
    unit.ship(to_site=HUB_DE, at=later(40), actor="bob")
    refused: dict[str, Callable[[], Change]] = {
        "inspected": lambda: unit.record_inspection(inspection()),
        "shipped": lambda: unit.ship(to_site=REPAIR, at=NOW, actor="bob"),
        "quarantined": lambda: unit.quarantine(reason="r", at=NOW, actor="bob"),
    }
    for doing, attempt in refused.items():
        with pytest.raises(NotAllowed, match=f"in transit to HUB-DE: it cannot be {doing}"):
            attempt()
        assert (unit.state, unit.location_code) == (U.RECEIVED, "HUB-DE:in_transit")


def test_a_decision_taken_while_in_transit_leaves_the_unit_in_transit() -> None:
    unit = graded()
    unit.ship(to_site=HUB_DE, at=later(40), actor="bob")
    change = unit.record_disposition(decision(unit, Route.RECYCLE), [])
    assert change.move is None
    assert (unit.state, unit.location_code) == (U.READY, "HUB-DE:in_transit")
    with pytest.raises(NotAllowed, match="cannot be dispatched before it arrives"):
        unit.dispatch(at=later(50), actor="bob", data_bearing=False)
    unit.arrive(at=later(500), actor="jan")
    assert unit.location_code == "HUB-DE:outbound"


def test_work_does_not_start_on_a_unit_still_in_transit() -> None:
    unit = graded()
    orders = decide(unit, Route.REPAIR, REPAIR)
    unit.ship(to_site=REPAIR, at=later(40), actor="bob")
    with pytest.raises(NotAllowed, match="cannot be worked on before it arrives"):
        unit.start_work(orders[0], at=later(50), actor="tech")
    unit.arrive(at=later(500), actor="rita")
    unit.start_work(orders[0], at=later(501), actor="tech")
    assert unit.location_code == "REP-FR:work_in_progress"


# -- dispatch guards ----------------------------------------------------------------------


def test_only_a_ready_unit_is_dispatched() -> None:
    unit = graded()
    with pytest.raises(NotAllowed, match="is graded: only a ready unit can be dispatched"):
        unit.dispatch(at=NOW, actor="bob", data_bearing=False)


def test_a_site_kind_without_stock_has_no_locations() -> None:
    assert CHARITY.standard_locations() == []
    codes = {loc.code for loc in HUB.standard_locations()}
    assert {"HUB-FR:receiving", "HUB-FR:quarantine", "HUB-FR:in_transit"} <= codes
    assert REPAIR.kind is SiteKind.REPAIR_CENTRE and REPAIR.holds_stock


def test_an_inspection_keeps_clean_fault_codes_and_refuses_bad_ones() -> None:
    def inspect(
        operator: str = "ines", duration_s: int = 60, faults: list[str] | None = None
    ) -> Inspection:
        return Inspection(
            1,
            operator,
            NOW,
            FunctionalGrade.B,
            CosmeticGrade.C,
            duration_s,
            fault_codes=faults or [],
        )

    assert inspect(faults=[" hdd-01 ", "KEY_2"]).fault_codes == ["HDD-01", "KEY_2"]
    with pytest.raises(InvalidValue, match="fault code 'no way!'") as err:
        inspect(faults=["no way!"])
    assert err.value.field == "fault_codes"
    with pytest.raises(InvalidValue, match="operator's name"):
        inspect(operator=" ")
    with pytest.raises(InvalidValue, match="duration must not be negative"):
        inspect(duration_s=-1)
