"""The summary report on a small case worked out by hand, on SQLite and PostgreSQL.

Day 0 is Monday 3 March 2025, 08:00 UTC. Five returns:
- RMA 1, Anne: a laptop (serial SN-1), withdrawal. Received at HUB-FR on day 0, resold in
  house (wipe, clean), listed, sold on day 10: 10 days from receipt to leaving.
- RMA 2, Jonas: a drill, defective. Received at HUB-DE on day 1, dead, recycled on day 4:
  3 days.
- RMA 3, Anne: a T-shirt, 30 days after delivery: refused, never sent.
- RMA 4, ACME: two laptops at the end of their lease. Received at HUB-FR on days 2 and 3.
- RMA 5, Anne: a sofa, withdrawal. Received at HUB-FR on day 5.
The laptops of RMA 4 and the sofa are still in stock at HUB-FR.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from revalo.adapters.barcodes import parse_scan
from revalo.bootstrap import App
from revalo.domain.disposition import DispositionRoute
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.domain.returns import ReturnReason
from revalo.domain.work_orders import WipeMethod
from revalo.services import disposition, inspection, receiving, returns, stock
from revalo.services import work_orders as wo
from revalo.services.reports import Dwell, ReturnCount, SiteStock, summary
from tests.conftest import World
from tests.people import person

DAY0 = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
#: What the laptop SN-1 was sold for, EUR.
PRICE_OF_SN1 = Decimal("500.00")


def day(n: float) -> datetime:
    return DAY0 + timedelta(days=n)


def _ask(
    world: World,
    customer: str,
    line: returns.LineRequest,
    delivered_days: int,
    client: str | None = None,
) -> str:
    rma = returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code=customer,
        lines=[line],
        delivered_at=day(-2 - delivered_days),
        requested_at=day(-2),
        by=person("portal"),
        client_code=client,
    )
    return rma.number


def _receive(world: World, code: str, site: str, rma: str, at: datetime) -> str:
    out = receiving.receive_scan(
        world.app.uow(), parse_scan(code), site_code=site, by=person("bob"), rma_number=rma, at=at
    )
    assert out.created and not out.quarantined, out.message
    return out.unit.lpn


def _grade(world: World, lpn: str, f: FunctionalGrade, at: datetime) -> None:
    inspection.inspect_unit(
        world.app.uow(),
        lpn,
        functional_grade=f,
        cosmetic_grade=CosmeticGrade.B,
        by=person("eve"),
        duration_s=300,
        at=at,
    )


def play_case(world: World, clients: dict[int, str] | None = None) -> World:
    """The case above; ``clients``: the client of each RMA, by its number 1 to 5 (none: the
    provider's own). The clients must exist."""
    u = world.app.uow
    laptop, drill, sofa = world.laptop.gtin, world.drill.gtin, world.sofa.gtin
    LR, R = returns.LineRequest, ReturnReason
    of = (clients or {}).get
    rma1 = _ask(world, "C-ANNE", LR("LAP-14", 1, R.WITHDRAWAL, serial="SN-1"), 3, of(1))
    rma2 = _ask(world, "C-JONAS", LR("DRILL-18", 1, R.DEFECTIVE), 60, of(2))
    _ask(world, "C-ANNE", LR("TEE-M", 1, R.WITHDRAWAL), 30, of(3))
    rma4 = _ask(world, "B-ACME", LR("LAP-14", 2, R.END_OF_LEASE), 1200, of(4))
    rma5 = _ask(world, "C-ANNE", LR("SOFA-3", 1, R.WITHDRAWAL), 4, of(5))

    u1 = _receive(world, f"(01){laptop}(21)SN-1", "HUB-FR", rma1, day(0))
    _grade(world, u1, FunctionalGrade.A, day(0.1))
    decided = disposition.record_disposition(
        u(), u1, route=DispositionRoute.RESELL, by=person("manager"), reason="sells", at=day(0.2)
    )
    for i, order in enumerate(decided.work_orders):
        wo.start_work_order(u(), order.id, by=person("tech"), at=day(1 + i / 10))
        wo.finish_work_order(
            u(),
            order.id,
            succeeded=True,
            by=person("tech"),
            labour_minutes=20,
            wipe_method=WipeMethod.PURGE,
            wipe_tool="crypto erase",
            wipe_verified=True,
            at=day(1.05 + i / 10),
        )
    stock.dispatch_unit(u(), u1, by=person("bob"), at=day(1.5))
    stock.sell_unit(u(), u1, by=person("shop"), at=day(10), price=PRICE_OF_SN1)

    u2 = _receive(world, f"01{drill}21D-9", "HUB-DE", rma2, day(1))
    _grade(world, u2, FunctionalGrade.D, day(1.1))
    disposition.record_disposition(
        u(),
        u2,
        route=DispositionRoute.RECYCLE,
        destination_site="REC-FR",
        by=person("manager"),
        reason="dead",
        at=day(1.2),
    )
    stock.dispatch_unit(u(), u2, by=person("hans"), at=day(4))

    _receive(world, f"01{laptop}21AC-1", "HUB-FR", rma4, day(2))
    _receive(world, f"01{laptop}21AC-2", "HUB-FR", rma4, day(3))
    _receive(world, sofa[1:], "HUB-FR", rma5, day(5))
    return world


@pytest.fixture
def case(world: World) -> World:
    return play_case(world)


def test_counts_by_state_route_site_reason_and_category(case: World) -> None:
    s = summary(case.app.uow(), as_of=day(12), by=person("reader"))
    assert (s.total_units, s.total_returns) == (5, 5)
    assert s.units_by_state == {"received": 3, "recycled": 1, "sold": 1}
    assert s.units_by_route == {"undecided": 3, "recycle": 1, "resell": 1}
    assert s.returns_by_state == {"received": 4, "rejected": 1}
    assert s.units_by_site == [
        SiteStock("HUB-DE", "Hub Köln", "returns_hub", in_stock=0, left=1),
        SiteStock("HUB-FR", "Hub Lyon", "returns_hub", in_stock=3, left=1),
    ]
    assert s.returns_by_reason == [
        ReturnCount("withdrawal", returns=3, units_requested=3, units_received=2),
        ReturnCount("end_of_lease", returns=1, units_requested=2, units_received=2),
        ReturnCount("defective", returns=1, units_requested=1, units_received=1),
    ]
    assert s.returns_by_category == [
        ReturnCount("laptop", returns=2, units_requested=3, units_received=3),
        ReturnCount("apparel", returns=1, units_requested=1, units_received=0),
        ReturnCount("power_tool", returns=1, units_requested=1, units_received=1),
        ReturnCount("sofa", returns=1, units_requested=1, units_received=1),
    ]


def _same(got: Dwell | None, want: Dwell) -> None:
    assert got is not None
    assert (got.site_code, got.count) == (want.site_code, want.count)
    assert got.median_days == pytest.approx(want.median_days, abs=1e-6)
    assert got.p90_days == pytest.approx(want.p90_days, abs=1e-6)
    assert got.max_days == pytest.approx(want.max_days, abs=1e-6)


def test_dwell_of_units_in_stock_at_a_given_time(case: World) -> None:
    s = summary(case.app.uow(), as_of=day(12), by=person("reader"))
    assert s.as_of == day(12)
    # Still in stock at HUB-FR, received on days 2, 3 and 5: 10, 9 and 7 days. An odd count:
    # the median is the middle value; p90 is the 3rd of 3 (nearest rank).
    assert len(s.dwell_in_stock) == 1
    _same(s.dwell_in_stock[0], Dwell("HUB-FR", 3, 9.0, 10.0, 10.0))
    _same(s.dwell_in_stock_overall, Dwell(None, 3, 9.0, 10.0, 10.0))


def test_days_from_receipt_to_leaving(case: World) -> None:
    s = summary(case.app.uow(), as_of=day(12), by=person("reader"))
    assert len(s.time_to_leave) == 2
    _same(s.time_to_leave[0], Dwell("HUB-DE", 1, 3.0, 3.0, 3.0))
    _same(s.time_to_leave[1], Dwell("HUB-FR", 1, 10.0, 10.0, 10.0))
    # An even count: the median is the mean of the two middle values (3 and 10).
    _same(s.time_to_leave_overall, Dwell(None, 2, 6.5, 10.0, 10.0))


def test_dwell_is_measured_at_the_latest_event_by_default(case: World) -> None:
    s = summary(case.app.uow(), by=person("reader"))
    assert s.as_of == day(10)  # the sale of the first laptop
    _same(s.dwell_in_stock_overall, Dwell(None, 3, 7.0, 8.0, 8.0))


def test_summary_of_an_empty_database(app: App) -> None:
    s = summary(app.uow(), by=person("reader"))
    assert s.as_of is None
    assert (s.total_units, s.total_returns) == (0, 0)
    assert s.units_by_state == {} and s.returns_by_state == {}
    assert s.units_by_site == [] and s.dwell_in_stock == [] and s.time_to_leave == []
    assert s.dwell_in_stock_overall is None and s.time_to_leave_overall is None
