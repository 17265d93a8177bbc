"""Every figure of the dashboard, the summary, the stock pages and the export, asked for one
client, counts that client's goods only: on the case of test_reports.py where every return
is client A's or client B's, A's figures are worked out by hand and A's and B's add up to
the whole.

- A: RMA 1, the laptop SN-1, received at HUB-FR on day 0, resold in house (its work orders
  done) and sold on day 10; RMA 4, the two leased laptops received on days 2 and 3, still
  in stock.
- B: RMA 2, the drill received at HUB-DE on day 1 and recycled on day 4; RMA 3, the
  T-shirt refused by the policy; RMA 5, the sofa received on day 5, still in stock.
"""

from __future__ import annotations

import io
from dataclasses import astuple
from datetime import UTC, datetime
from typing import Any

import pytest

from revalo.domain.clients import Client
from revalo.domain.errors import NotFound
from revalo.services import (
    clients,
    exports,
    queries,
)
from revalo.services import dashboard as board
from revalo.services.dashboard import Dashboard
from revalo.services.decision_queue import decision_queue
from revalo.services.network_map import network_map
from revalo.services.ports import UnitFilter
from revalo.services.reports import ReturnsSummary, summary
from tests.conftest import World
from tests.integration.test_reports import PRICE_OF_SN1, day, play_case
from tests.people import person

DAY0 = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
A, B = "VELO-NORD", "CASA-SUD"


@pytest.fixture
def case(world: World) -> World:
    clients.add_client(world.app.uow(), Client(A, "Vélo Nord"), by=person("operator"))
    clients.add_client(world.app.uow(), Client(B, "Casa Sud"), by=person("operator"))
    return play_case(world, {1: A, 2: B, 3: B, 4: A, 5: B})


def figures(d: Dashboard) -> dict[str, Any]:
    """Every total the dashboard shows."""
    t = d.transport
    return {
        "received": d.received,
        "graded": d.graded,
        "left": d.left,
        "in_stock": d.in_stock,
        "returns_requested": d.returns_requested,
        "stale_count": d.stale_count,
        "stock_by_grade": sum(d.stock_by_grade.values()),
        "ages": sum(a.count for a in d.ages),
        "routes": sum(d.routes.values()),
        "units_valued": d.units_valued,
        "value_received": d.value_received,
        "work": (d.work.orders, d.work.units, d.work.labour_minutes, d.work.parts_cost),
        "transport": (t.units, t.legs, round(t.km, 6), t.cost, t.co2e_g),
        "consignments": sum(t.consignments_by_kind.values()),
        "units_left_valued": d.units_left_valued,
        "value_left": d.value_left,
        "recovered": d.recovered,
        "dwell": d.dwell.count if d.dwell else 0,
        "oldest": len(d.oldest),
    }


def added(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    def plus(x: Any, y: Any) -> Any:
        if isinstance(x, tuple):
            return tuple(plus(p, q) for p, q in zip(x, y, strict=True))
        return round(x + y, 6) if isinstance(x, float) else x + y

    return {k: plus(a[k], b[k]) for k in a}


def test_every_dashboard_total_counts_only_the_clients_units(case: World) -> None:
    u = case.app.uow
    every = figures(board.dashboard(u(), days=28, stale_days=1, by=person("reader")))
    mine = board.dashboard(u(), days=28, stale_days=1, client_code="velo-nord", by=person("reader"))
    theirs = board.dashboard(u(), days=28, stale_days=1, client_code=B, by=person("reader"))
    assert mine.client_code == A
    a = figures(mine)
    # A's by hand: three laptops received, one graded, resold and gone; two in stock.
    assert (a["received"], a["graded"], a["left"], a["in_stock"]) == (3, 1, 1, 2)
    assert (a["returns_requested"], a["routes"], a["units_valued"]) == (2, 1, 3)
    assert a["value_received"] == 3 * case.laptop.new_price
    assert (a["units_left_valued"], a["recovered"]) == (1, PRICE_OF_SN1)
    # Every work order of the case is A's laptop's.
    assert a["work"][:2] == (queries.list_work_orders(u(), by=person("reader")).total, 1)
    assert a["transport"][0] == 3  # each laptop's return parcel; the sale is in-house
    assert {s.site_code for s in mine.stock_by_site} == {"HUB-FR"}
    assert [x.lpn for x in mine.oldest] == ["LPN000000003", "LPN000000004"]
    # A's and B's add up to everything: nothing of B counts in A's, nor of A in B's.
    assert added(a, figures(theirs)) == every


def test_the_summary_counts_only_the_clients_goods(case: World) -> None:
    u = case.app.uow
    mine, theirs, every = (
        summary(u(), as_of=day(12), client_code=c, by=person("reader")) for c in (A, B, None)
    )
    assert (mine.total_units, mine.total_returns) == (3, 2)
    assert mine.units_by_state == {"received": 2, "sold": 1}
    assert mine.returns_by_state == {"received": 2}
    assert [(x.key, x.units_requested) for x in mine.returns_by_reason] == [
        ("end_of_lease", 2),
        ("withdrawal", 1),
    ]
    assert theirs.returns_by_state == {"received": 2, "rejected": 1}

    def counts(s: ReturnsSummary) -> tuple[int, ...]:
        return (
            s.total_units,
            s.total_returns,
            sum(s.units_by_route.values()),
            sum(x.in_stock + x.left for x in s.units_by_site),
            s.dwell_in_stock_overall.count if s.dwell_in_stock_overall else 0,
            s.time_to_leave_overall.count if s.time_to_leave_overall else 0,
            sum(x.units_received for x in s.returns_by_category),
        )

    assert tuple(map(sum, zip(counts(mine), counts(theirs), strict=True))) == counts(every)


def test_stock_pages_map_queue_and_export_count_only_the_clients_goods(case: World) -> None:
    u = case.app.uow
    ageing = board.stock_ageing(u(), client_code=A, by=person("reader"))
    assert [(r.key, r.total) for r in ageing.rows] == [("HUB-FR", 2)]
    at_hub = board.stock_ageing(u(), site_code="HUB-FR", client_code=B, by=person("reader"))
    assert sum(r.total for r in at_hub.rows) == 1
    net = network_map(u(), client_code=B, by=person("reader"))
    assert net.in_stock == {"HUB-FR": 1}
    assert {(f.origin, f.destination) for f in net.flows} == {("HUB-DE", "REC-FR")}
    assert sum(f.units for f in network_map(u(), client_code=A, by=person("reader")).inflows) == 3
    assert decision_queue(u(), client_code=A, by=person("reader")).total == 0
    out = io.StringIO()
    assert exports.export_units(u(), out, UnitFilter(client_code=B), by=person("reader")) == 2
    rows = out.getvalue().splitlines()
    column = rows[0].split(",").index("client")
    assert {r.split(",")[column] for r in rows[1:]} == {B}
    with pytest.raises(NotFound, match="no client 'NOBODY'"):
        board.dashboard(u(), client_code="NOBODY", by=person("reader"))
    with pytest.raises(NotFound, match="no client 'NOBODY'"):
        exports.export_units(
            u(), io.StringIO(), UnitFilter(client_code="NOBODY"), by=person("reader")
        )
    assert astuple(
        board.stock_ageing(u(), by=person("reader")).rows[0]
    )  # the unfiltered page still answers
