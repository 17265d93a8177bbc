"""Short ways to drive the services in integration tests, and a snapshot of the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.barcodes import parse_scan
from revalo.bootstrap import App
from revalo.domain.catalog import Product
from revalo.domain.disposition import DispositionRoute
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.returns import ReturnReason, ReturnRequest
from revalo.domain.work_orders import WipeMethod, WorkOrder
from revalo.services import disposition, inspection, receiving, returns
from revalo.services import work_orders as wo
from revalo.services.disposition import DispositionOutcome
from revalo.services.receiving import ReceiveOutcome
from tests.conftest import World
from tests.people import person


def gs1(product: Product, serial: str | None = None) -> str:
    """The element string a GS1 DataMatrix on the product gives, with its symbology prefix."""
    return f"]d201{product.gtin}" + (f"21{serial}" if serial else "")


def ask(
    world: World,
    *lines: returns.LineRequest,
    customer: str = "C-ANNE",
    delivered_days_ago: int = 5,
    requested_at: datetime | None = None,
    order_ref: str = "",
) -> ReturnRequest:
    """A return request decided by the policy (authorised for these tests' reasons)."""
    at = requested_at or world.now
    return returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code=customer,
        lines=list(lines),
        delivered_at=at - timedelta(days=delivered_days_ago),
        by=person("portal"),
        requested_at=at,
        order_ref=order_ref,
    )


def line(
    sku: str,
    quantity: int = 1,
    serial: str | None = None,
    reason: ReturnReason = ReturnReason.WITHDRAWAL,
) -> returns.LineRequest:
    return returns.LineRequest(sku, quantity, reason, serial=serial)


def scan(
    world: World, raw: str, *, site: str = "HUB-FR", rma_number: str | None = None
) -> ReceiveOutcome:
    return receiving.receive_scan(
        world.app.uow(), parse_scan(raw), site_code=site, by=person("bob"), rma_number=rma_number
    )


def grade(
    world: World,
    lpn: str,
    functional: str = "A",
    cosmetic: str = "A",
    *,
    hazardous: bool = False,
) -> Inspection:
    return inspection.inspect_unit(
        world.app.uow(),
        lpn,
        functional_grade=FunctionalGrade(functional),
        cosmetic_grade=CosmeticGrade(cosmetic),
        by=person("ines"),
        duration_s=180,
        hazardous=hazardous,
    )


def decide(
    world: World,
    lpn: str,
    route: DispositionRoute,
    destination: str | None = None,
    reason: str = "",
) -> DispositionOutcome:
    return disposition.record_disposition(
        world.app.uow(),
        lpn,
        route=route,
        by=person("manager"),
        reason=reason,
        destination_site=destination,
    )


def do_work(world: World, order: WorkOrder, *, succeeded: bool = True, notes: str = "") -> None:
    wo.start_work_order(world.app.uow(), order.id, by=person("tech"))
    wo.finish_work_order(
        world.app.uow(),
        order.id,
        succeeded=succeeded,
        by=person("tech"),
        labour_minutes=15,
        notes=notes,
        wipe_method=WipeMethod.PURGE,
        wipe_tool="Blancco 7",
        wipe_verified=True,
    )


def expected_unit(world: World, product: Product, serial: str) -> str:
    """A unit of an authorised return, received at HUB-FR; its LPN."""
    ask(world, line(product.sku, serial=serial))
    out = scan(world, gs1(product, serial))
    assert out.created and not out.quarantined, out.message
    return out.unit.lpn


def received_unit(world: World, product: Product, serial: str) -> str:
    """A unit of an authorised return, received at HUB-FR and graded A/A; its LPN."""
    lpn = expected_unit(world, product, serial)
    grade(world, lpn)
    return lpn


def snapshot(app: App) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: equal snapshots, unchanged database."""
    rows = {}
    with app.engine.connect() as conn:
        for table in orm.metadata.sorted_tables:
            stmt = sa.select(table).order_by(*table.primary_key.columns)
            rows[table.name] = [tuple(r) for r in conn.execute(stmt)]
    return rows


@contextmanager
def statements(app: App) -> Iterator[list[str]]:
    """The SQL statements sent to the database meanwhile (an executemany of many rows is
    one statement), through the writer and the readers."""
    sent: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    engines = {app.engine, app.reader_engine or app.engine}
    for engine in engines:
        sa.event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        for engine in engines:
            sa.event.remove(engine, "before_cursor_execute", note)
