"""Listings through the services, on SQLite and PostgreSQL: a unit decided for resale
becomes a listing with the channel's grade name and the value model's price, its price
follows the decay, and a sale closes it and takes the unit out of the stock."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.invariants import check_database
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidTransition, InvalidValue, NotAllowed
from revalo.domain.listing_text import banned_wording
from revalo.domain.resale import ListingStatus
from revalo.domain.units import ReturnedUnit, UnitState
from revalo.services import deciding, disposition, resale
from tests.conftest import World
from tests.integration.flows import do_work, expected_unit, grade
from tests.integration.test_concurrency import together
from tests.people import person

Route = DispositionRoute
MANAGER = person("manager")


def unit_of(world: World, lpn: str) -> ReturnedUnit:
    with world.app.uow() as uow:
        unit = uow.units.by_lpn(lpn)
    assert unit is not None
    return unit


def ready(world: World, serial: str, route: Route, channel: str, f: str, c: str) -> str:
    """A laptop graded ``f``/``c``, decided for ``route`` on ``channel`` and its work done."""
    lpn = expected_unit(world, world.laptop, serial)
    grade(world, lpn, f, c)
    out = disposition.record_disposition(
        world.app.uow(), lpn, route=route, by=MANAGER, reason="test", channel=channel
    )
    for order in out.work_orders:
        do_work(world, order)
    return lpn


def on_sale(
    world: World,
    serial: str,
    route: Route = Route.RESELL,
    channel: str = "DISCOUNT-MKT",
    f: str = "B",
    c: str = "B",
) -> int:
    lpn = ready(world, serial, route, channel, f, c)
    listing = resale.create_listing(world.app.uow(), lpn, by=MANAGER)
    assert listing.id is not None
    resale.publish_listing(world.app.uow(), listing.id, by=MANAGER)
    return listing.id


def test_a_unit_decided_for_a_marketplace_becomes_a_listing_at_the_model_price(
    world: World,
) -> None:
    lpn = ready(world, "SN-1", Route.REFURBISH, "REFURB-MKT", "C", "C")
    listing = resale.create_listing(world.app.uow(), lpn, by=MANAGER)
    # A refurbishment restores the looks to B at worst: the marketplace's "Good".
    assert (listing.channel, listing.grade, listing.channel_grade) == ("REFURB-MKT", "B", "Good")
    assert listing.status is ListingStatus.DRAFT
    # 899.00 x 0.62 (grade B) x 1.0 (laptop's resale factor), decayed from the return.
    assert listing.reference_price == Decimal("557.38")
    assert listing.floor_price == Decimal("269.70")  # 899.00 x 0.30
    assert listing.floor_price <= listing.asking_price <= listing.reference_price
    assert "refurbished" in listing.title and "Good" in listing.title
    assert banned_wording(listing.title + " " + listing.description) is None
    assert "data erased" in listing.description
    stored = resale.show_listing(world.app.uow(), listing.id or 0, by=MANAGER)
    assert [p.price for p in stored.prices] == [listing.asking_price]


def test_a_refurbished_listing_refuses_a_claim_of_newness(world: World) -> None:
    lpn = ready(world, "SN-2", Route.REFURBISH, "REFURB-MKT", "A", "A")
    listing = resale.create_listing(world.app.uow(), lpn, by=MANAGER)
    assert listing.id is not None
    for words in ("Comme neuf !", "Etat neuf", "remis à neuf", "As new", "looks like-new"):
        with pytest.raises(InvalidValue, match="décret 2022-190"):
            resale.edit_listing(world.app.uow(), listing.id, by=MANAGER, description=words)
    kept = resale.show_listing(world.app.uow(), listing.id, by=MANAGER)
    assert kept.description == listing.description
    # "Il y a neuf jours" (nine days ago) claims nothing.
    resale.edit_listing(world.app.uow(), listing.id, by=MANAGER, description="Il y a neuf vis.")


def test_a_channel_refuses_a_grade_it_does_not_take(world: World) -> None:
    lpn = ready(world, "SN-3", Route.RESELL, "DISCOUNT-MKT", "D", "B")
    with pytest.raises(NotAllowed, match="does not take grade D"):
        resale.create_listing(world.app.uow(), lpn, by=MANAGER)
    assert (
        resale.create_listing(world.app.uow(), lpn, by=MANAGER, channel="B2B-LOT").channel_grade
        == "Grade D"
    )


def test_repricing_follows_the_decay_and_stops_at_the_floor(world: World) -> None:
    listing_id = on_sale(world, "SN-4")
    first = resale.show_listing(world.app.uow(), listing_id, by=MANAGER)
    unit = unit_of(world, first.lpn)
    # A laptop loses 1 % a week: four weeks after the return, 0.99 ** 4 of its value.
    later = unit.received_at + timedelta(days=28)
    done = resale.reprice_aged(world.app.uow(), by=MANAGER, at=later)
    assert [(r.listing_id, r.old) for r in done] == [(listing_id, first.asking_price)]
    expected = (first.reference_price * Decimal(str(0.99**4))).quantize(Decimal("0.01"))
    assert abs(done[0].new - expected) <= Decimal("0.01")
    # Years later it is at the floor, never below.
    resale.reprice_aged(world.app.uow(), by=MANAGER, at=later + timedelta(days=3650))
    aged = resale.show_listing(world.app.uow(), listing_id, by=MANAGER)
    assert aged.asking_price == aged.floor_price
    assert [p.reason for p in aged.prices] == ["first price", "aged", "aged"]
    with pytest.raises(InvalidValue, match="below the listing's floor"):
        resale.reprice_listing(world.app.uow(), listing_id, price=aged.floor_price - 1, by=MANAGER)


def test_a_sale_closes_the_listing_and_the_unit_leaves_the_stock(world: World) -> None:
    listing_id = on_sale(world, "SN-5")
    listing = resale.show_listing(world.app.uow(), listing_id, by=MANAGER)
    sold = resale.sell_listing(
        world.app.uow(), listing_id, by=MANAGER, buyer="order 1001", price=Decimal("300")
    )
    assert sold.status is ListingStatus.SOLD and sold.sale is not None
    # 15 % commission and 0.50 EUR a unit on the discount marketplace.
    assert sold.sale.fees == Decimal("45.50")
    unit = unit_of(world, listing.lpn)
    assert unit.state is UnitState.SOLD and unit.location_code is None
    assert unit.proceeds == Decimal("300.00")
    with world.app.engine.connect() as conn:
        last = conn.execute(
            sa.select(orm.stock_moves.c.to_location)
            .where(orm.stock_moves.c.unit_id == unit.id)
            .order_by(orm.stock_moves.c.id.desc())
        ).first()
    assert last is not None and last[0] is None
    with pytest.raises(InvalidTransition):
        resale.withdraw_listing(world.app.uow(), listing_id, reason="late", by=MANAGER)
    assert check_database(world.app.engine) == []


def test_two_buyers_at_once_one_wins(world: World) -> None:
    listing_id = on_sale(world, "SN-6")
    results = together(
        6,
        lambda i: resale.sell_listing(
            world.app.uow(), listing_id, by=person(f"clerk-{i}"), buyer=f"buyer-{i}"
        ),
    )
    won = [r for r in results if not isinstance(r, BaseException)]
    lost = [r for r in results if isinstance(r, BaseException)]
    assert len(won) == 1 and all(isinstance(e, InvalidTransition) for e in lost), lost
    with world.app.engine.connect() as conn:
        sales = conn.scalar(
            sa.select(sa.func.count())
            .select_from(orm.unit_events)
            .where(orm.unit_events.c.state == "sold")
        )
    assert sales == 1
    assert [str(v) for v in check_database(world.app.engine)] == []


def test_an_engine_decision_keeps_its_channel_and_expectation(world: World) -> None:
    lpn = expected_unit(world, world.laptop, "SN-7")
    grade(world, lpn, "A", "B")
    deciding.decide_unit(world.app.uow(), lpn, by=person("engine"))
    with world.app.uow() as uow:
        unit = uow.units.by_lpn(lpn)
        assert unit is not None
        record = uow.dispositions.latest(unit.id)
    assert record is not None and record.expected_net is not None
    if record.route in resale.RESALE_ROUTES:
        assert record.channel in {"REFURB-MKT", "DISCOUNT-MKT", "B2B-LOT"}


def test_profitability_nets_fees_and_costs_and_feeds_prices_back(world: World) -> None:
    from revalo.services import resale_profit

    ids = [on_sale(world, f"SN-P{i}") for i in range(2)]
    for listing_id in ids:
        resale.sell_listing(world.app.uow(), listing_id, by=MANAGER, price=Decimal("200"))
    report = resale_profit.resale_profitability(world.app.uow(), by=MANAGER, min_sales=2)
    assert len(report.sold) == 2
    one = report.sold[0]
    # 15 % + 0.50 EUR; the data wipe and cleaning done (15 min each at 35 EUR/h, a licence).
    assert one.fees == Decimal("30.50")
    assert one.costs.processing == Decimal("20.50")
    assert one.net == Decimal("200") - one.fees - one.costs.total
    (g,) = report.groups
    assert (g.channel, g.category, g.grade, g.units) == ("DISCOUNT-MKT", "laptop", "B", 2)
    assert g.net == sum((s.net for s in report.sold), Decimal("0"))
    # A manager's decision has no expectation: nothing is judged.
    assert g.expected_units == 0 and report.off == []
    # Two sales at 200 of an 899 EUR laptop: 0.2225 of the new price feeds the next price.
    lpn = ready(world, "SN-P9", Route.RESELL, "DISCOUNT-MKT", "B", "B")
    fed = resale.create_listing(world.app.uow(), lpn, by=MANAGER, feedback_min_sales=2)
    assert fed.reference_price == Decimal("200.03")
    lpn = ready(world, "SN-P10", Route.RESELL, "DISCOUNT-MKT", "B", "B")
    off = resale.create_listing(world.app.uow(), lpn, by=MANAGER, feedback_min_sales=0)
    assert off.reference_price == Decimal("449.50")  # 899 x 0.50


def test_a_new_decision_withdraws_the_listing(world: World) -> None:
    listing_id = on_sale(world, "SN-RD")
    lpn = resale.show_listing(world.app.uow(), listing_id, by=MANAGER).lpn
    disposition.record_disposition(
        world.app.uow(),
        lpn,
        route=Route.RECYCLE,
        by=MANAGER,
        reason="cracked screen",
        destination_site="REC-FR",
    )
    gone = resale.show_listing(world.app.uow(), listing_id, by=MANAGER)
    assert gone.status is ListingStatus.WITHDRAWN
    assert gone.withdrawn_reason == "decision changed to recycle"
