"""One unit's whole journey through the services, on SQLite and PostgreSQL."""

from datetime import timedelta

from revalo.adapters.barcodes import parse_scan
from revalo.domain.disposition import DispositionRoute
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.domain.units import UnitState
from revalo.domain.work_orders import WipeMethod
from revalo.services import disposition, inspection, queries, receiving, returns, stock
from revalo.services import work_orders as wo
from tests.conftest import World
from tests.people import person


def test_a_laptop_from_request_to_sale(world: World) -> None:
    app, u = world.app, world.app.uow
    rma = returns.request_return(
        u(),
        app.policy,
        customer_code="C-ANNE",
        by=person("portal"),
        lines=[returns.LineRequest("LAP-14", 1, ReturnReason.WITHDRAWAL, serial="SN-1")],
        delivered_at=world.now - timedelta(days=5),
    )
    assert rma.state is ReturnState.AUTHORISED
    assert rma.destination_site == "HUB-FR"

    out = receiving.receive_scan(
        u(),
        parse_scan(f"01{world.laptop.gtin.zfill(14)}21SN-1"),
        site_code="HUB-FR",
        by=person("bob"),
    )
    assert out.created and out.rma_number == rma.number
    lpn = out.unit.lpn
    inspection.inspect_unit(
        u(),
        lpn,
        functional_grade=FunctionalGrade.A,
        cosmetic_grade=CosmeticGrade.B,
        by=person("bob"),
        duration_s=240,
    )
    decided = disposition.record_disposition(
        u(), lpn, route=DispositionRoute.RESELL, by=person("manager"), reason="sells well"
    )
    assert [o.kind.value for o in decided.work_orders] == ["data_wipe", "clean"]
    for order in decided.work_orders:
        wo.start_work_order(u(), order.id, by=person("tech"))
        wo.finish_work_order(
            u(),
            order.id,
            succeeded=True,
            by=person("tech"),
            labour_minutes=12,
            wipe_method=WipeMethod.PURGE,
            wipe_tool="wiper 5",
            wipe_verified=True,
        )
    stock.dispatch_unit(u(), lpn, by=person("bob"))
    stock.sell_unit(u(), lpn, by=person("shop"))

    detail = queries.unit_detail(u(), lpn, by=person("reader"))
    assert detail.unit.state is UnitState.SOLD
    assert detail.unit.location_code is None
    assert [e.type.value for e in detail.events][:3] == [
        "received",
        "inspected",
        "disposition_recorded",
    ]
    assert stock.stock_balances(u()) == {}
    assert (
        queries.return_with_units(u(), rma.number, by=person("reader"))[0].state
        is ReturnState.RECEIVED
    )
