"""Moves inside a site, shipments between sites and arrival by scan, on both databases."""

from __future__ import annotations

import pytest

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import LedgerError, NotAllowed, NotFound
from revalo.domain.events import EventType
from revalo.domain.units import UnitState
from revalo.services import queries, stock
from revalo.services import work_orders as wo
from tests.conftest import World
from tests.integration.flows import (
    decide,
    do_work,
    expected_unit,
    grade,
    received_unit,
    scan,
    snapshot,
)
from tests.people import person


def test_a_unit_goes_to_a_repair_centre_is_scanned_in_and_repaired_there(world: World) -> None:
    u = world.app.uow
    lpn = received_unit(world, world.laptop, "SN-1")
    out = decide(world, lpn, DispositionRoute.REPAIR, "REP-FR", reason="keyboard")
    assert {o.site_code for o in out.work_orders} == {"REP-FR"}
    with pytest.raises(NotAllowed, match="ship it there first"):
        wo.start_work_order(u(), out.work_orders[0].id, by=person("tech"))

    stock.ship_unit(u(), lpn, to_site="REP-FR", by=person("bob"), document="CMR-1")
    assert stock.stock_balances(u()) == {"REP-FR:in_transit": 1}
    # Scanned at the wrong site on the way: nothing changes.
    wrong = scan(world, lpn, site="HUB-DE")
    assert not wrong.created and "already received" in wrong.message
    arrived = scan(world, lpn.lower(), site="REP-FR")
    assert not arrived.created and arrived.message == f"{lpn} arrived at REP-FR"
    assert stock.stock_balances(u(), site_code="rep-fr") == {"REP-FR:graded_stock": 1}

    for order in out.work_orders:
        do_work(world, order)
    stock.dispatch_unit(u(), lpn, by=person("rita"))
    detail = queries.unit_detail(u(), lpn, by=person("reader"))
    assert (detail.unit.state, detail.unit.location_code) == (
        UnitState.LISTED,
        "REP-FR:graded_stock",
    )
    assert [e.type for e in detail.events][3:6] == [
        EventType.SHIPPED,
        EventType.ARRIVED,
        EventType.WORK_STARTED,
    ]
    assert [(m.from_location, m.to_location) for m in detail.moves][2:4] == [
        ("HUB-FR:graded_stock", "REP-FR:in_transit"),
        ("REP-FR:in_transit", "REP-FR:graded_stock"),
    ]


def test_a_unit_in_transit_is_not_handled_before_it_arrives(world: World) -> None:
    lpn = expected_unit(world, world.laptop, "SN-1")
    stock.ship_unit(world.app.uow(), lpn, to_site="HUB-DE", by=person("bob"))
    before = snapshot(world.app)
    with pytest.raises(NotAllowed, match="in transit to HUB-DE: it cannot be inspected"):
        grade(world, lpn)
    with pytest.raises(NotAllowed, match="in transit to HUB-DE: it cannot be moved"):
        stock.move_unit(
            world.app.uow(),
            lpn,
            from_location="HUB-DE:in_transit",
            to_location="HUB-DE:receiving",
            by=person("bob"),
            reason="skip arrival",
        )
    assert snapshot(world.app) == before


def test_shipping_to_a_partner_is_refused(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    with pytest.raises(NotAllowed, match="does not hold Revalo stock"):
        stock.ship_unit(world.app.uow(), lpn, to_site="OUT-FR", by=person("bob"))
    with pytest.raises(NotFound) as err:
        stock.ship_unit(world.app.uow(), lpn, to_site="NOWHERE", by=person("bob"))
    assert err.value.field == "to_site"


def test_a_move_is_recorded_in_the_ledger_and_the_balances(world: World) -> None:
    u = world.app.uow
    lpn = expected_unit(world, world.sofa, "SN-1")
    stock.move_unit(
        u(),
        lpn,
        from_location="HUB-FR:receiving",
        to_location="HUB-FR:inspection",
        by=person("bob"),
        reason="to the bench",
    )
    assert stock.stock_balances(u()) == {"HUB-FR:inspection": 1}
    moves = queries.unit_detail(u(), lpn, by=person("reader")).moves
    assert [(m.from_location, m.to_location, m.reason) for m in moves] == [
        (None, "HUB-FR:receiving", "received at Hub Lyon"),
        ("HUB-FR:receiving", "HUB-FR:inspection", "to the bench"),
    ]


def test_a_move_from_where_the_unit_is_not_is_refused_and_changes_nothing(world: World) -> None:
    lpn = expected_unit(world, world.sofa, "SN-1")
    before = snapshot(world.app)
    with pytest.raises(LedgerError, match="is at HUB-FR:receiving, not at HUB-FR:quarantine"):
        stock.move_unit(
            world.app.uow(),
            lpn,
            from_location="HUB-FR:quarantine",
            to_location="HUB-FR:graded_stock",
            by=person("bob"),
            reason="",
        )
    with pytest.raises(NotFound) as err:
        stock.move_unit(
            world.app.uow(),
            lpn,
            from_location="HUB-FR:receiving",
            to_location="HUB-FR:roof",
            by=person("bob"),
            reason="",
        )
    assert err.value.field == "to_location"
    with pytest.raises(NotFound) as err:
        stock.move_unit(
            world.app.uow(),
            "LPN000000404",
            from_location="HUB-FR:receiving",
            to_location="HUB-FR:inspection",
            by=person("bob"),
            reason="",
        )
    assert err.value.field == "lpn"
    assert snapshot(world.app) == before


def test_balances_can_be_read_per_site(world: World) -> None:
    expected_unit(world, world.sofa, "SN-1")
    lpn = expected_unit(world, world.laptop, "SN-2")
    stock.ship_unit(world.app.uow(), lpn, to_site="HUB-DE", by=person("bob"))
    u = world.app.uow
    assert stock.stock_balances(u()) == {"HUB-FR:receiving": 1, "HUB-DE:in_transit": 1}
    assert stock.stock_balances(u(), site_code="HUB-FR") == {"HUB-FR:receiving": 1}
    assert stock.stock_balances(u(), site_code="REP-FR") == {}
    with pytest.raises(NotFound):
        stock.stock_balances(u(), site_code="NOWHERE")
