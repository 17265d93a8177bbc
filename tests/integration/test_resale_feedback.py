"""The value model learns from the sales, on SQLite and PostgreSQL: once enough units of a
channel, category and grade were sold, the engine's expected value of another such unit,
and a new listing's price, use the share of the new price they fetched, taken back through
the category's decay to the day each unit came back; with too few sales, another grade or
the feedback off, the configured rate."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from revalo.domain.disposition import DispositionRoute
from revalo.domain.returns import ReturnReason
from revalo.domain.values import utcnow
from revalo.engines.disposition.explain import UnitScore
from revalo.services import deciding, disposition, portal, portal_staff, resale
from revalo.services.portal import PortalLine
from tests.conftest import World
from tests.integration.flows import do_work, expected_unit, grade
from tests.integration.test_portal import RULES
from tests.integration.test_portal import _start as start_return
from tests.integration.test_resale import MANAGER, on_sale, ready
from tests.people import person
from tests.portal_orders import add_orders

#: The laptop's price as new (EUR), DISCOUNT-MKT's configured rate for grade B, and the
#: laptop's decay: 1 % every 7 days (``config/disposition.toml``, ``config/channels.toml``).
NEW_PRICE, CONFIGURED_B, WEEKLY_KEEP = 899, 0.50, 0.99


def _discount_rate(score: UnitScore) -> float:
    """The recovery rate of the unit's best option on DISCOUNT-MKT as it is (resold)."""
    rates = [
        s.breakdown.recovery_rate
        for s in score.ranked
        if s.option.route is DispositionRoute.RESELL and s.label.endswith("on DISCOUNT-MKT")
    ]
    assert rates, [s.label for s in score.ranked]
    return max(rates)


def test_the_engine_and_the_next_listing_use_what_two_sales_fetched(world: World) -> None:
    ids = [on_sale(world, f"SN-F{i}") for i in range(2)]
    two_weeks_on = utcnow() + timedelta(days=14)
    for listing_id in ids:
        resale.sell_listing(
            world.app.uow(), listing_id, by=MANAGER, price=Decimal("200"), at=two_weeks_on
        )
    # 200 EUR after two weeks of decay: 200 / (899 x 0.99^2) of the new price, once back.
    observed = round(200 / (NEW_PRICE * WEEKLY_KEEP**2), 4)
    assert observed == 0.227
    lpn = expected_unit(world, world.laptop, "SN-F9")
    grade(world, lpn, "B", "B")

    def rate(min_sales: int) -> float:
        score = deciding.explain_unit(world.app.uow(), lpn, feedback_min_sales=min_sales)
        return _discount_rate(score)

    assert abs(rate(2) - observed) < 1e-9
    assert rate(0) == CONFIGURED_B, "the feedback off"
    assert rate(3) == CONFIGURED_B, "too few sales"
    # Another grade was never sold there: its configured rate stays.
    other = expected_unit(world, world.laptop, "SN-F8")
    grade(world, other, "A", "A")
    score = deciding.explain_unit(world.app.uow(), other, feedback_min_sales=2)
    assert _discount_rate(score) == 0.60
    # The engine decides on the observed rate, and records what it expected from it.
    best = deciding.explain_unit(world.app.uow(), lpn, feedback_min_sales=2).ranked[0]
    decided = deciding.decide_unit(world.app.uow(), lpn, by=MANAGER, feedback_min_sales=2)
    assert decided.record.route is best.option.route
    assert decided.record.expected_net is not None
    assert abs(float(decided.record.expected_net) - best.breakdown.net) < 0.01
    # A new listing of the same channel, category and grade is priced at the observed rate.
    fresh = ready(world, "SN-F7", DispositionRoute.RESELL, "DISCOUNT-MKT", "B", "B")
    listing = resale.create_listing(world.app.uow(), fresh, by=MANAGER, feedback_min_sales=2)
    assert listing.reference_price == (Decimal(NEW_PRICE) * Decimal("0.2270")).quantize(
        Decimal("0.01")
    )


def test_keep_it_prices_a_return_with_the_rates_the_sales_taught(world: World) -> None:
    """The keep-it figures come from the same value model as the engine's decisions: once
    two T-shirts resold on DISCOUNT-MKT fetched little, a T-shirt sent back as not as
    described (expected B/A) is worth less there."""
    add_orders(world)
    for i in range(2):
        lpn = expected_unit(world, world.tshirt, f"SN-T{i}")
        grade(world, lpn, "B", "A")
        out = disposition.record_disposition(
            world.app.uow(), lpn, route=DispositionRoute.RESELL, by=MANAGER, reason="test",
            channel="DISCOUNT-MKT",
        )  # fmt: skip
        for order in out.work_orders:
            do_work(world, order)
        listing = resale.create_listing(world.app.uow(), lpn, by=MANAGER)
        assert listing.id is not None
        resale.publish_listing(world.app.uow(), listing.id, by=MANAGER)
        resale.sell_listing(world.app.uow(), listing.id, by=MANAGER, price=Decimal("2.00"))
    started = start_return(world, [PortalLine(1, 1, ReturnReason.NOT_AS_DESCRIBED)])

    def route_net(min_sales: int) -> Decimal:
        (line,) = portal_staff.keep_it_check(
            world.app.uow(),
            world.app.transport,
            RULES,
            started.rma.number,
            by=person("agent"),
            feedback_min_sales=min_sales,
        )
        assert line.figures is not None
        return line.figures.route_net_eur

    configured, taught = route_net(0), route_net(2)
    assert taught < configured, (taught, configured)
    assert route_net(3) == configured, "too few sales"
    # The offer stored when the portal authorises a return is priced the same way.
    stored = portal.view(world.app.uow(), started.token).offers[0].figures
    assert stored.route_net_eur == configured  # the portal door here passed no feedback
