"""Ship now or wait, at a site: the units waiting per destination, planned and booked."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from revalo.domain.disposition import DispositionRoute
from revalo.domain.journey import Consignment, ConsignmentKind
from revalo.domain.units import UnitState
from revalo.engines.transport.consolidation import ConsolidationAction
from revalo.services import queries
from revalo.services.consolidation import consolidate_site, ship_planned, waiting_units
from revalo.services.transport import unit_journey
from tests.conftest import World
from tests.integration.flows import decide, do_work, received_unit
from tests.people import person


def _ready_for_recycling(world: World, serial: str) -> str:
    lpn = received_unit(world, world.drill, serial)
    for order in decide(world, lpn, DispositionRoute.RECYCLE, "REC-FR", "dead").work_orders:
        do_work(world, order)
    return lpn


def test_units_waiting_per_destination_leave_together(world: World) -> None:
    laptops = [received_unit(world, world.laptop, f"SN-{i}") for i in range(3)]
    for lpn in laptops:
        decide(world, lpn, DispositionRoute.REPAIR, "REP-FR", reason="keyboard")
    drill = _ready_for_recycling(world, "D-1")
    with world.app.uow() as uow:
        assert {u.lpn for u in waiting_units(uow, "HUB-FR")} == {*laptops, drill}

    plan = consolidate_site(world.app.uow(), "hub-fr")
    lanes = {(x.destination, x.kind): x for x in plan.lanes}
    assert set(lanes) == {
        ("REP-FR", ConsignmentKind.TRANSFER),
        ("REC-FR", ConsignmentKind.DISPATCH),
    }
    # No history on these lanes: nothing more is expected, so waiting gains nothing.
    assert all(x.decision.action is ConsolidationAction.SHIP_NOW for x in plan.lanes)

    booked = ship_planned(world.app.uow(), plan, by=person("bob"))
    assert sum(s.consignment.units for s in booked) == 4
    for lpn in laptops:
        unit = queries.unit_detail(world.app.uow(), lpn, by=person("reader")).unit
        assert unit.location_code == "REP-FR:in_transit"
        assert unit_journey(world.app.uow(), lpn, by=person("reader")).legs[
            -1
        ].consignment.kind is (ConsignmentKind.TRANSFER)
    assert (
        queries.unit_detail(world.app.uow(), drill, by=person("reader")).unit.state
        is UnitState.RECYCLED
    )
    with world.app.uow() as uow:
        assert waiting_units(uow, "HUB-FR") == []


def test_a_lane_with_a_steady_flow_and_no_value_to_lose_waits(world: World) -> None:
    drill = _ready_for_recycling(world, "D-1")
    with world.app.uow() as uow:
        # Forty drills a day went to the recycler over the last two weeks.
        for day in range(14):
            n = uow.sequences.next("consignment")
            uow.consignments.add(
                Consignment(
                    id=n,
                    kind=ConsignmentKind.DISPATCH,
                    origin="HUB-FR",
                    destination="REC-FR",
                    service_id="PALLET-NET",
                    carrier="Example Pallet Network",
                    vehicle="rigid_over_17t",
                    km=140.0,
                    cost=Decimal("80.00"),
                    co2e_g=5000,
                    weight_kg=72.0,
                    lead_time_days=3,
                    booked_at=world.now - timedelta(days=day, hours=1),
                    units=40,
                )
            )
        uow.commit()
    plan = consolidate_site(world.app.uow(), "HUB-FR")
    (lane,) = plan.lanes
    assert lane.decision.action is ConsolidationAction.WAIT, lane.decision.reason
    assert "wait" in lane.decision.reason
    assert ship_planned(world.app.uow(), plan, by=person("bob")) == []
    assert (
        queries.unit_detail(world.app.uow(), drill, by=person("reader")).unit.state
        is UnitState.READY
    )
