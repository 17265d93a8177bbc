"""All or nothing: a refused use case leaves the database as it was, alone or inside a batch."""

from __future__ import annotations

import contextlib

import pytest

from revalo.adapters.barcodes import parse_scan
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import DomainError, NotAllowed
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WorkOrderState
from revalo.services import disposition, queries, receiving, stock
from revalo.services import work_orders as wo
from revalo.services.ports import UnitFilter
from tests.conftest import World
from tests.integration.flows import expected_unit, gs1, received_unit, scan, snapshot
from tests.people import person


def test_a_refused_use_case_leaves_the_database_as_it_was(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    before = snapshot(world.app)
    with pytest.raises(NotAllowed, match="not certified"):
        disposition.record_disposition(
            world.app.uow(),
            lpn,
            route=DispositionRoute.RECYCLE,
            by=person("manager"),
            reason="broken",
            destination_site="REC-X",
        )
    assert snapshot(world.app) == before
    assert (
        queries.unit_detail(world.app.uow(), lpn, by=person("reader")).unit.state
        is UnitState.GRADED
    )


def on_sqlite(world: World) -> bool:
    return world.app.engine.dialect.name == "sqlite"


def test_a_refused_receipt_leaves_no_unit_and_its_licence_plate_is_never_given(
    world: World,
) -> None:
    # The unit number is taken, then the site refuses the unit: no unit has it. SQLite gives
    # the number back with the rollback; a PostgreSQL sequence does not (a gap, never a
    # number given twice).
    with pytest.raises(NotAllowed, match="does not receive returns"):
        scan(world, gs1(world.sofa), site="CHA-FR")
    lpn = scan(world, gs1(world.sofa)).unit.lpn
    assert lpn == ("LPN000000001" if on_sqlite(world) else "LPN000000002")
    units = queries.list_units(world.app.uow(), UnitFilter(), by=person("reader")).items
    assert [u.lpn for u in units] == [lpn]


def test_a_failing_use_case_in_a_batch_rolls_back_only_itself(world: World) -> None:
    uow = world.app.uow()
    refused: list[DomainError] = []
    with uow.batch():
        first = receiving.receive_scan(
            uow, parse_scan(gs1(world.sofa)), site_code="HUB-FR", by=person("bob")
        )
        try:
            # Takes a unit number, then the charity refuses to hold stock.
            receiving.receive_scan(
                uow, parse_scan(gs1(world.drill)), site_code="CHA-FR", by=person("bob")
            )
        except DomainError as exc:
            refused.append(exc)
        try:
            stock.move_unit(
                uow,
                first.unit.lpn,
                from_location="HUB-FR:receiving",  # it is in quarantine
                to_location="HUB-FR:inspection",
                by=person("bob"),
                reason="",
            )
        except DomainError as exc:
            refused.append(exc)
        second = receiving.receive_scan(
            uow, parse_scan(gs1(world.tshirt)), site_code="HUB-FR", by=person("bob")
        )
    assert [type(e).__name__ for e in refused] == ["NotAllowed", "LedgerError"]
    units = queries.list_units(world.app.uow(), UnitFilter(), by=person("reader")).items
    assert [(u.lpn, u.sku) for u in units] == [
        (first.unit.lpn, "SOFA-3"),
        (second.unit.lpn, "TEE-M"),
    ]
    numbers = ("LPN000000001", "LPN000000002" if on_sqlite(world) else "LPN000000003")
    assert (first.unit.lpn, second.unit.lpn) == numbers
    assert stock.stock_balances(world.app.uow()) == {"HUB-FR:quarantine": 2}


def test_an_error_escaping_the_batch_rolls_back_the_whole_batch(world: World) -> None:
    expected_unit(world, world.laptop, "SN-1")
    before = snapshot(world.app)
    uow = world.app.uow()
    with pytest.raises(NotAllowed), uow.batch():
        receiving.receive_scan(
            uow, parse_scan(gs1(world.sofa)), site_code="HUB-FR", by=person("bb")
        )
        receiving.receive_scan(
            uow, parse_scan(gs1(world.sofa)), site_code="CHA-FR", by=person("bb")
        )
    assert snapshot(world.app) == before


def test_a_step_refused_inside_a_batch_leaves_no_trace_in_what_the_batch_loaded(
    world: World,
) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    uow = world.app.uow()
    with uow.batch():
        orders = disposition.record_disposition(
            uow,
            lpn,
            route=DispositionRoute.REPAIR,
            by=person("mm"),
            reason="keyboard",
            destination_site="REP-FR",
        ).work_orders
        # The order is marked started, then the unit is found still at the hub: refused.
        with pytest.raises(NotAllowed, match="ship it there first"):
            wo.start_work_order(uow, orders[0].id, by=person("tech"))
        stock.ship_unit(uow, lpn, to_site="REP-FR", by=person("bob"))
        receiving.receive_scan(uow, parse_scan(lpn), site_code="REP-FR", by=person("rita"))
        started = wo.start_work_order(uow, orders[0].id, by=person("tech"))
        assert started.state is WorkOrderState.IN_PROGRESS
    detail = queries.unit_detail(world.app.uow(), lpn, by=person("reader"))
    assert (detail.unit.state, detail.unit.location_code) == (
        UnitState.IN_PROCESS,
        "REP-FR:work_in_progress",
    )
    assert [e.type.value for e in detail.events][-3:] == ["shipped", "arrived", "work_started"]


def test_without_savepoints_one_failing_use_case_fails_the_whole_batch(world: World) -> None:
    uow = world.app.uow()
    before = snapshot(world.app)
    with (
        pytest.raises(RuntimeError, match="nothing was written"),
        uow.batch(isolate_failures=False),
    ):
        receiving.receive_scan(
            uow, parse_scan(gs1(world.sofa)), site_code="HUB-FR", by=person("bb")
        )
        # The caller carries on after a refusal, but the batch will not be written.
        with contextlib.suppress(NotAllowed):
            receiving.receive_scan(
                uow, parse_scan(gs1(world.drill)), site_code="CHA-FR", by=person("bob")
            )
        with pytest.raises(RuntimeError, match="failed earlier"):
            receiving.receive_scan(
                uow, parse_scan(gs1(world.tshirt)), site_code="HUB-FR", by=person("bob")
            )
    assert snapshot(world.app) == before


def test_without_savepoints_a_batch_that_succeeds_is_written(world: World) -> None:
    uow = world.app.uow()
    with uow.batch(isolate_failures=False):
        for product in (world.sofa, world.tshirt):
            receiving.receive_scan(
                uow, parse_scan(gs1(product)), site_code="HUB-FR", by=person("bob")
            )
    units = queries.list_units(world.app.uow(), UnitFilter(), by=person("reader")).items
    assert [u.sku for u in units] == ["SOFA-3", "TEE-M"]
