"""Dispositions and work orders through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from revalo.domain.disposition import DecidedBy, DispositionRoute
from revalo.domain.errors import InvalidTransition, InvalidValue, NotAllowed
from revalo.domain.units import UnitState
from revalo.domain.work_orders import PartUsed, WipeMethod, WorkOrderKind, WorkOrderState
from revalo.services import disposition, queries, stock
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

Route = DispositionRoute


def test_a_decision_opens_the_work_it_implies(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    out = decide(world, lpn, Route.RESELL, reason="sells well")
    assert [o.kind for o in out.work_orders] == [WorkOrderKind.DATA_WIPE, WorkOrderKind.CLEAN]
    assert {o.site_code for o in out.work_orders} == {"HUB-FR"}
    assert out.record.decided_by is DecidedBy.MANAGER and out.record.overrides_id is None
    detail = queries.unit_detail(world.app.uow(), lpn, by=person("reader"))
    assert detail.unit.state is UnitState.DISPOSITION_DECIDED
    assert [o.state for o in detail.work_orders] == [WorkOrderState.OPEN] * 2


def test_overriding_cancels_open_work_and_keeps_the_earlier_decision(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    first = decide(world, lpn, Route.RESELL, reason="sells well")
    wo.start_work_order(world.app.uow(), first.work_orders[0].id, by=person("tech"))

    with pytest.raises(InvalidValue) as err:
        decide(world, lpn, Route.RECYCLE, "REC-FR", reason=" ")
    assert err.value.field == "reason"

    second = decide(world, lpn, Route.RECYCLE, "REC-FR", reason="screen cracked on second look")
    assert [o.id for o in second.cancelled] == [o.id for o in first.work_orders]
    assert second.work_orders == []
    detail = queries.unit_detail(world.app.uow(), lpn, by=person("reader"))
    assert [o.state for o in detail.work_orders] == [WorkOrderState.CANCELLED] * 2
    assert {o.notes for o in detail.work_orders} == {"decision changed to recycle"}
    records = detail.dispositions
    assert [r.route for r in records] == [Route.RESELL, Route.RECYCLE]
    assert records[1].overrides_id == records[0].id
    assert records[1].reason == "screen cracked on second look"
    assert (detail.unit.state, detail.unit.location_code) == (UnitState.READY, "HUB-FR:outbound")
    # A cancelled order cannot be taken up again.
    with pytest.raises(InvalidTransition, match="cancelled is final"):
        do_work(world, first.work_orders[1])


def test_a_failed_work_order_sends_the_unit_back_to_graded_stock(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    wipe, clean = decide(world, lpn, Route.RESELL).work_orders
    do_work(world, wipe)
    do_work(world, clean, succeeded=False, notes="stain will not come off")
    detail = queries.unit_detail(world.app.uow(), lpn, by=person("reader"))
    assert (detail.unit.state, detail.unit.location_code) == (
        UnitState.GRADED,
        "HUB-FR:graded_stock",
    )
    assert detail.unit.route is None
    assert [o.state for o in detail.work_orders] == [WorkOrderState.DONE, WorkOrderState.FAILED]
    assert detail.events[-1].reason == "stain will not come off"
    # The wipe is on record: a new decision does not ask for it again.
    again = decide(world, lpn, Route.DONATE, "CHA-FR", reason="fine for a charity")
    assert [o.kind for o in again.work_orders] == [WorkOrderKind.CLEAN]


def test_when_one_order_fails_the_others_are_cancelled(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    wipe = decide(world, lpn, Route.RESELL).work_orders[0]
    do_work(world, wipe, succeeded=False, notes="disk does not answer")
    orders = queries.unit_detail(world.app.uow(), lpn, by=person("reader")).work_orders
    assert [o.state for o in orders] == [WorkOrderState.FAILED, WorkOrderState.CANCELLED]
    assert orders[1].notes == f"{wipe.number} failed"


def test_a_data_wipe_without_its_certificate_is_not_done(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    wipe = decide(world, lpn, Route.RESELL).work_orders[0]
    wo.start_work_order(world.app.uow(), wipe.id, by=person("tech"))
    before = snapshot(world.app)
    with pytest.raises(InvalidValue, match="certificate of sanitisation"):
        wo.finish_work_order(
            world.app.uow(), wipe.id, succeeded=True, by=person("tech"), labour_minutes=20
        )
    assert snapshot(world.app) == before


def test_the_work_recorded_and_the_certificate_are_kept(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    wipe, clean = decide(world, lpn, Route.RESELL).work_orders
    uow, tech = world.app.uow, person("tech")
    wo.start_work_order(uow(), wipe.id, by=tech)
    wo.record_work(
        uow(),
        wipe.id,
        by=person("ana"),
        labour_minutes=12,
        notes="SSD 256 GB, firmware sanitize",
        parts=[PartUsed("SATA-CABLE", 1, Decimal("3.20"))],
    )
    wo.finish_work_order(
        uow(),
        wipe.id,
        succeeded=True,
        by=tech,
        labour_minutes=3,
        wipe_method=WipeMethod.PURGE,
        wipe_tool="NVMe Sanitize (nvme-cli 2.8)",
        wipe_verified=True,
    )
    do_work(world, clean)
    detail = queries.unit_detail(uow(), lpn, by=person("reader"))
    kept, cleaned = detail.work_orders
    assert (kept.labour_minutes, kept.parts_cost, kept.wipe_certificate) == (
        15,
        Decimal("3.20"),
        "SAN00000001",
    )
    assert kept.parts == (PartUsed("SATA-CABLE", 1, Decimal("3.20")),)
    assert kept.notes == "SSD 256 GB, firmware sanitize"
    assert cleaned.wipe_certificate is None
    noted = [e for e in detail.events if e.type.value == "work_recorded"]
    assert [(e.actor, e.document, e.reason) for e in noted] == [
        ("ana", wipe.number, "SSD 256 GB, firmware sanitize")
    ]
    assert noted[0].detail["parts"] == ["1 x SATA-CABLE"]
    done = next(e for e in detail.events if e.type.value == "work_completed")
    assert done.detail["certificate"] == "SAN00000001"


def test_a_refused_record_changes_nothing(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    wipe = decide(world, lpn, Route.RESELL).work_orders[0]
    before = snapshot(world.app)
    with pytest.raises(InvalidTransition, match="only on an order in progress"):
        wo.record_work(world.app.uow(), wipe.id, by=person("tech"), labour_minutes=5)
    assert snapshot(world.app) == before


def test_a_unit_worked_through_is_ready_then_leaves_for_its_partner(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-1")
    for order in decide(world, lpn, Route.RESELL, "OUT-FR", reason="outlet").work_orders:
        do_work(world, order)
    unit = queries.unit_detail(world.app.uow(), lpn, by=person("reader")).unit
    assert (unit.state, unit.location_code) == (UnitState.READY, "HUB-FR:outbound")
    assert unit.data_wiped_at is not None
    stock.dispatch_unit(world.app.uow(), lpn, by=person("bob"), document="CMR-9")
    unit = queries.unit_detail(world.app.uow(), lpn, by=person("reader")).unit
    assert (unit.state, unit.location_code) == (UnitState.SENT_TO_PARTNER, None)
    assert stock.stock_balances(world.app.uow()) == {}


@pytest.mark.parametrize(
    ("product", "route", "destination", "grades", "error", "message"),
    [
        ("laptop", Route.RECYCLE, "REC-X", {}, NotAllowed, "not certified"),
        ("sofa", Route.DISPOSE, "REC-X", {}, NotAllowed, "only when hazardous"),
        ("tshirt", Route.DISPOSE, "REC-X", {"hazardous": True}, NotAllowed, "art. 25"),
        ("sofa", Route.RESTOCK, None, {"cosmetic": "B"}, NotAllowed, "graded A/A"),
        ("sofa", Route.REPAIR, "REP-FR", {}, NotAllowed, "does not handle the category sofa"),
        ("sofa", Route.DONATE, "OUT-FR", {}, InvalidValue, "cannot go to an outlet"),
    ],
)
def test_a_refused_disposition_leaves_the_database_unchanged(
    world: World,
    product: str,
    route: DispositionRoute,
    destination: str | None,
    grades: dict[str, object],
    error: type[Exception],
    message: str,
) -> None:
    lpn = expected_unit(world, getattr(world, product), "SN-1")
    grade(world, lpn, **grades)  # type: ignore[arg-type]
    before = snapshot(world.app)
    with pytest.raises(error, match=message):
        decide(world, lpn, route, destination)
    after = snapshot(world.app)
    # A destruction a ban refuses is kept for the yearly disclosure, and nothing else.
    kept = after.pop("destruction_refusals")
    assert len(kept) == (1 if route is Route.DISPOSE else 0)
    before.pop("destruction_refusals")
    assert after == before


def test_no_decision_on_a_unit_not_yet_graded(world: World) -> None:
    out = scan(world, "LPN000000999")  # unknown: quarantined, not identified
    with pytest.raises(InvalidTransition, match="quarantined and cannot become"):
        disposition.record_disposition(
            world.app.uow(), out.unit.lpn, route=Route.RECYCLE, by=person("mm"), reason="r"
        )
