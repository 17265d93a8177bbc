"""The demo's B2B lots and harvested parts: a lot sold and shipped to an outlet or resale
partner in one consignment (its units sold for shares adding up to its price), one open with
its offers, and units dismantled into graded parts in stock; the ledger's promises hold. The
resale partner who signs in made its own offers: it bought the lot shipped, whose units wait
for it to accept them by scan, and sees the open lot, where it may offer more."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from revalo.adapters.invariants import check_database
from revalo.bootstrap import App, bootstrap
from revalo.demo.team import RESELLER_SITE
from revalo.services import deliveries, lots
from revalo.settings import Settings
from tests.demo_builds import demo_copy


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    url = demo_copy(tmp_path_factory, tmp_path_factory.mktemp("lots") / "demo.db")
    app = bootstrap(Settings(database_url=url))
    yield app
    app.close()


def rows(app: App, sql: str) -> list[tuple[object, ...]]:
    with app.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


def test_a_lot_is_sold_and_shipped_in_one_consignment_and_another_waits(demo: App) -> None:
    lots = rows(demo, "select id, state, price, consignment_ref from lots order by id")
    assert [state for _, state, _, _ in lots] == ["shipped", "open"]
    shipped_id, _, price, ref = lots[0]
    units = rows(
        demo,
        "select u.state, u.proceeds, u.location_code from lot_units l join units u "
        f"on u.id = l.unit_id where l.lot_id = {shipped_id}",
    )
    assert units and {(s, where) for s, _, where in units} == {("sold", None)}
    assert sum(int(p) for _, p, _ in units) == price  # cents: the shares add up to the price
    (consignment,) = rows(
        demo,
        "select c.kind, s.kind, c.units from consignments c join sites s on s.code = "
        f"c.destination where c.id = {int(str(ref)[3:])}",
    )
    assert consignment[0] == "dispatch" and consignment[1] in ("outlet", "resale_partner")
    assert consignment[2] == len(units)
    offers = rows(demo, "select lot_id, state from lot_offers order by id")
    assert sorted(s for lot, s in offers if lot == shipped_id) == [
        "accepted",
        "declined",
        "declined",
    ]
    assert {s for lot, s in offers if lot != shipped_id} == {"open"}


def test_units_decided_for_their_parts_are_dismantled_into_parts_in_stock(demo: App) -> None:
    parts = rows(
        demo,
        "select p.state, p.location_code, p.grade, u.state, w.kind from parts p "
        "join units u on u.id = p.donor_unit_id join work_orders w on w.id = p.harvest_order_id",
    )
    assert parts
    assert {(u, w) for _, _, _, u, w in parts} == {("harvested", "harvest")}
    assert all(loc for state, loc, *_ in parts if state == "in_stock")
    assert "D" not in {g for _, _, g, _, _ in parts}
    assert check_database(demo.engine) == []


def test_the_reseller_bought_the_lot_shipped_and_sees_the_open_one(demo: App) -> None:
    with demo.read_uow() as uow:
        reseller = uow.users.by_login("reseller")
    assert reseller is not None and reseller.partner_sites == {RESELLER_SITE}
    found, _ = lots.list_lots(demo.read_uow(), by=reseller)
    assert [lot.state.value for lot in found] == ["open", "shipped"]
    open_lot, shipped = found
    assert shipped.buyer_site == RESELLER_SITE
    bought = lots.lot_view(demo.read_uow(), shipped.id, by=reseller).offers
    assert [(o.state.value, o.made_by) for o in bought] == [("accepted", "reseller")]
    offered = lots.lot_view(demo.read_uow(), open_lot.id, by=reseller).offers
    assert [o.made_by for o in offered] == ["reseller"]
    assert offered[0].amount < open_lot.reserve_price  # it may offer more
    waiting = deliveries.deliveries(demo.read_uow(), by=reseller, site_code=RESELLER_SITE)
    # The lot's units wait to be accepted; beside them, single units the company sold it
    # as is when their listing found no buyer (``demo.clearance``).
    of_lot = [u for u in waiting if u.lot == shipped.number]
    assert len(of_lot) == len(shipped.units) and not any(u.accepted for u in of_lot)
    assert {u.lot for u in waiting} <= {shipped.number, None}
