"""Every unit's journey: its return parcel, transfers between sites and its last trip out,
each a consignment booked with the transport model and shared out by mass."""

from __future__ import annotations

from decimal import Decimal

import pytest

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.events import EventType
from revalo.domain.journey import ConsignmentKind
from revalo.domain.values import GeoPoint
from revalo.services import queries, stock
from revalo.services.transport import default_transport, transport_totals, unit_journey
from tests.conftest import World
from tests.integration.flows import (
    ask,
    decide,
    do_work,
    grade,
    gs1,
    line,
    received_unit,
    scan,
    snapshot,
)
from tests.people import person


def _shares_add_up(world: World, consignment_id: int) -> None:
    with world.app.uow() as uow:
        c = uow.consignments.get(consignment_id)
        assert c is not None
        legs = uow.legs.for_consignment(consignment_id)
    assert sum((leg.cost for leg in legs), Decimal(0)) == c.cost
    assert sum(leg.co2e_g for leg in legs) == c.co2e_g
    assert {leg.km for leg in legs} == {c.km}


def test_a_received_unit_carries_its_share_of_the_return_parcel(world: World) -> None:
    rma = ask(world, line("TEE-M", quantity=2), line("DRILL-18"))
    outs = [scan(world, gs1(world.tshirt)) for _ in range(2)] + [scan(world, gs1(world.drill))]
    assert all(o.created and not o.quarantined for o in outs), [o.message for o in outs]

    journeys = [unit_journey(world.app.uow(), o.unit.lpn, by=person("reader")) for o in outs]
    consignments = {j.legs[0].consignment.id for j in journeys}
    assert len(consignments) == 1, "one parcel carried the whole return"
    c = journeys[0].legs[0].consignment
    assert (c.kind, c.origin, c.destination, c.rma_number) == (
        ConsignmentKind.RETURN,
        "C-ANNE",
        "HUB-FR",
        rma.number,
    )
    assert c.units == 3 and c.weight_kg == pytest.approx(0.2 + 0.2 + 1.8)
    # A drill holds a lithium battery: only a service that accepts lithium may carry the parcel.
    assert default_transport().cards.get(c.service_id).handling.accepts_lithium
    assert c.sscc is not None and len(c.sscc) == 18
    # Paris to Lyon: the great circle is 392 km; the road is longer.
    crow = GeoPoint(48.85, 2.35).km_to(GeoPoint(45.76, 4.84))
    assert crow < c.km < 1.6 * crow
    _shares_add_up(world, c.id)
    tee, drill = journeys[0].totals, journeys[2].totals
    assert drill.cost > tee.cost and drill.co2e_kg > tee.co2e_kg, "shares follow the mass"

    received = queries.unit_detail(world.app.uow(), outs[2].unit.lpn, by=person("reader")).events[0]
    assert received.type is EventType.RECEIVED
    assert received.detail["transport"]["consignment"] == c.reference
    assert received.detail["transport"]["km"] == c.km


def test_units_shipped_together_share_one_consignment_and_add_it_to_their_journey(
    world: World,
) -> None:
    lpns = [received_unit(world, world.laptop, f"SN-{i}") for i in range(3)]
    for lpn in lpns:
        decide(world, lpn, DispositionRoute.REPAIR, "REP-FR", reason="keyboard")
    before = unit_journey(world.app.uow(), lpns[0], by=person("reader")).totals

    shipped = stock.ship_units(world.app.uow(), lpns, to_site="rep-fr", by=person("bob"))

    c = shipped.consignment
    assert (c.kind, c.origin, c.destination, c.units) == (
        ConsignmentKind.TRANSFER,
        "HUB-FR",
        "REP-FR",
        3,
    )
    assert default_transport().cards.get(c.service_id).handling.accepts_lithium, (
        "laptops hold lithium"
    )
    _shares_add_up(world, c.id)
    after = unit_journey(world.app.uow(), lpns[0], by=person("reader"))
    assert after.totals.legs == before.legs + 1
    assert after.totals.km == pytest.approx(before.km + c.km, abs=0.11)
    assert after.totals.cost == before.cost + after.legs[-1].leg.cost
    for lpn in lpns:
        shipped_event = queries.unit_detail(world.app.uow(), lpn, by=person("reader")).events[-1]
        assert shipped_event.type is EventType.SHIPPED
        assert shipped_event.document == c.reference
        assert shipped_event.detail["transport"]["consignment"] == c.reference


def test_shipping_units_from_two_sites_together_is_refused_and_changes_nothing(
    world: World,
) -> None:
    here = received_unit(world, world.laptop, "SN-1")
    ask(world, line("LAP-14", serial="SN-2"), customer="C-JONAS")
    there = scan(world, gs1(world.laptop, "SN-2"), site="HUB-DE").unit.lpn
    before = snapshot(world.app)
    with pytest.raises(InvalidValue, match="one site; these are at HUB-DE, HUB-FR") as err:
        stock.ship_units(world.app.uow(), [here, there], to_site="REP-FR", by=person("bob"))
    assert err.value.field == "lpns"
    with pytest.raises(InvalidValue, match="named twice"):
        stock.ship_units(world.app.uow(), [here, here], to_site="REP-FR", by=person("bob"))
    with pytest.raises(NotFound):
        stock.ship_units(world.app.uow(), [here], to_site="NOWHERE", by=person("bob"))
    assert snapshot(world.app) == before


def test_the_last_trip_to_a_recycler_is_the_last_leg(world: World) -> None:
    lpn = received_unit(world, world.drill, "D-1")
    out = decide(world, lpn, DispositionRoute.RECYCLE, "REC-FR", reason="dead motor")
    for order in out.work_orders:
        do_work(world, order)
    stock.dispatch_unit(world.app.uow(), lpn, by=person("rita"))
    journey = unit_journey(world.app.uow(), lpn, by=person("reader"))
    assert [(x.consignment.kind, x.leg.destination) for x in journey.legs] == [
        (ConsignmentKind.RETURN, "HUB-FR"),
        (ConsignmentKind.DISPATCH, "REC-FR"),
    ]
    assert journey.totals.km == pytest.approx(sum(x.leg.km for x in journey.legs))


def test_restocking_in_place_adds_no_leg(world: World) -> None:
    lpn = received_unit(world, world.tshirt, "T-1")
    grade(world, lpn)
    out = decide(world, lpn, DispositionRoute.RESTOCK)
    for order in out.work_orders:
        do_work(world, order)
    stock.dispatch_unit(world.app.uow(), lpn, by=person("rita"))
    assert unit_journey(world.app.uow(), lpn, by=person("reader")).totals.legs == 1


def test_the_totals_are_the_sum_of_every_journey(world: World) -> None:
    empty = transport_totals(world.app.uow())
    assert (empty.units, empty.legs, empty.cost, empty.co2e_g) == (0, 0, Decimal("0.00"), 0)
    lpns = [received_unit(world, world.laptop, f"SN-{i}") for i in range(2)]
    stock.ship_units(world.app.uow(), lpns, to_site="HUB-DE", by=person("bob"))
    journeys = [unit_journey(world.app.uow(), lpn, by=person("reader")) for lpn in lpns]
    totals = transport_totals(world.app.uow())
    assert (totals.units, totals.legs) == (2, 4)
    assert totals.cost == sum((j.totals.cost for j in journeys), Decimal(0))
    assert totals.co2e_g == round(sum(j.totals.co2e_kg for j in journeys) * 1000)
    assert totals.km == pytest.approx(sum(j.totals.km for j in journeys), abs=0.2)
    assert totals.consignments_by_kind == {"return": 2, "transfer": 1}
