"""What units bring when they leave: sale prices, partners' payments, and the recovery rate
worked out by hand, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.events import EventType
from revalo.services import queries, stock
from tests.conftest import World
from tests.integration.flows import decide, do_work, received_unit
from tests.people import person


def _left(world: World, lpn: str, route: DispositionRoute, destination: str | None = None) -> None:
    for order in decide(world, lpn, route, destination, "test").work_orders:
        do_work(world, order)
    stock.dispatch_unit(world.app.uow(), lpn, by=person("rita"))


def test_the_recovery_rate_counts_what_each_unit_brought(world: World) -> None:
    start = world.now - timedelta(days=1)
    sold = received_unit(world, world.laptop, "SN-1")  # new 899.00
    _left(world, sold, DispositionRoute.RESELL)
    stock.sell_unit(world.app.uow(), sold, by=person("shop"), price=Decimal("449.50"))
    restocked = received_unit(world, world.tshirt, "T-1")  # new 19.90, counts at new price
    _left(world, restocked, DispositionRoute.RESTOCK)
    recycled = received_unit(world, world.drill, "D-1")  # new 129.00
    _left(world, recycled, DispositionRoute.RECYCLE, "REC-FR")
    stock.record_proceeds(
        world.app.uow(), recycled, amount=Decimal("0.18"), by=person("lea"), document="RS-1"
    )
    stock.record_proceeds(world.app.uow(), recycled, amount=Decimal("0.02"), by=person("lea"))
    still_here = received_unit(world, world.laptop, "SN-2")  # not left: not counted

    end = world.now + timedelta(days=1)
    with world.app.uow() as uow:
        n, value, brought = uow.reports.value_recovered(start, end)
    assert n == 3
    assert value == Decimal("899.00") + Decimal("19.90") + Decimal("129.00")
    assert brought == Decimal("449.50") + Decimal("19.90") + Decimal("0.20")

    detail = queries.unit_detail(world.app.uow(), recycled, by=person("reader"))
    assert detail.unit.proceeds == Decimal("0.20")
    assert [e.type for e in detail.events][-2:] == [EventType.PROCEEDS_RECORDED] * 2
    assert detail.events[-2].document == "RS-1"
    assert queries.unit_detail(world.app.uow(), sold, by=person("reader")).unit.proceeds == Decimal(
        "449.50"
    )
    with pytest.raises(NotAllowed, match="once it has left"):
        stock.record_proceeds(world.app.uow(), still_here, amount=Decimal("1"), by=person("lea"))
    with pytest.raises(InvalidValue, match="zero or more") as err:
        stock.record_proceeds(world.app.uow(), recycled, amount=Decimal("-1"), by=person("lea"))
    assert err.value.field == "amount"
    assert queries.unit_detail(
        world.app.uow(), recycled, by=person("reader")
    ).unit.proceeds == Decimal("0.20")
