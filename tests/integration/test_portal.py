"""Returns started from the portal, on SQLite and PostgreSQL: the policy's answer at once,
keep-it offered where the trip back costs more than the item brings, the line kept expects
nothing and the refund waits for nothing, a bulky item joins the collection's pickups, a
link opens one return, the same order sent twice at once is one return."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from revalo.adapters import orm, orm_after_sales, orm_portal
from revalo.domain.after_sales import Outcome
from revalo.domain.errors import InvalidValue, NotAllowed, NotFound
from revalo.domain.keep_it import KeepChoice, KeepItRules
from revalo.domain.portal import CustomerOrder, OrderLine, WayBack
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.services import portal, portal_orders, portal_staff, service_desk
from revalo.services.collection_pickups import pending_pickups
from revalo.services.keep_it import load_keep_it_rules, trip_back
from revalo.services.portal import PortalLine
from tests.conftest import World
from tests.integration.test_concurrency import count, no_violations, together
from tests.people import person
from tests.portal_orders import ANNE_MAIL, ANNE_POSTCODE, JONAS_MAIL, add_orders

RULES = KeepItRules.from_mapping({"default": {"threshold_eur": 5, "processing_eur": 6}})


def _start(world: World, lines: list[PortalLine], **kw: object) -> portal.Started:
    args: dict[str, object] = {
        "order_ref": "WEB-1001",
        "proof": ANNE_POSTCODE,
        "outcome": Outcome.REFUND,
        "way_back": WayBack.LABEL,
        "language": "fr",
    }
    args.update(kw)
    return portal.start_return(
        world.app.uow(), world.app.policy, world.app.transport, RULES, lines=lines, **args
    )


def test_only_the_orders_own_mail_or_postcode_finds_it(world: World) -> None:
    add_orders(world)
    assert portal.find_order(world.app.uow(), " web-1001 ", " Anne.Martin@Example.FR").lines
    assert portal.find_order(world.app.uow(), "WEB-1001", "75 011").order_ref == "WEB-1001"
    for ref, proof in (("WEB-1001", JONAS_MAIL), ("WEB-2002", ANNE_MAIL), ("WEB-0", ANNE_MAIL)):
        with pytest.raises(NotFound) as refused:
            portal.find_order(world.app.uow(), ref, proof)
        assert refused.value.message == portal.NO_MATCH
    with pytest.raises(NotFound):
        _start(world, [PortalLine(1, 1, ReturnReason.WITHDRAWAL)], proof=JONAS_MAIL)
    assert count(world, sa.select(sa.func.count()).select_from(orm.return_requests)) == 0


def test_keep_it_is_offered_where_the_trip_back_costs_more_than_the_item_brings(
    world: World,
) -> None:
    add_orders(world)
    started = _start(
        world,
        [PortalLine(1, 2, ReturnReason.WITHDRAWAL), PortalLine(2, 1, ReturnReason.WITHDRAWAL)],
    )
    assert started.rma.state is ReturnState.AUTHORISED
    seen = portal.view(world.app.uow(), started.token)
    tee, drill = seen.offers
    for offer in (tee, drill):
        f = offer.figures
        # What is left is the best route's value less the trip back and the processing.
        assert f.net_after_eur == f.route_net_eur - f.trip_back_eur - Decimal("6.00")
        assert f.threshold_eur == Decimal("5.00")
    # The trip back is the carrier's quote from Paris to the Lyon hub for one unit.
    with world.app.uow() as uow:
        hub, anne = uow.sites.get("HUB-FR"), uow.customers.get("C-ANNE")
    assert hub and anne
    quote = trip_back(world.app.transport, world.tshirt, anne, hub, world.now.date())
    assert quote and tee.figures.trip_back_eur == Decimal(str(quote.eur)).quantize(Decimal("0.01"))
    assert tee.units == 2
    # A 19.90 EUR T-shirt restocked brings less than its trip back and processing leave...
    assert tee.figures.route_net_eur < Decimal("19.90")
    assert tee.figures.net_after_eur < Decimal("5") and tee.figures.offered
    # ... a 129 EUR drill much more.
    assert drill.figures.net_after_eur > Decimal("50") and not drill.figures.offered
    assert [o.line_no for o in seen.open_offers] == [1]
    with pytest.raises(NotAllowed, match="is not offered to keep"):
        portal.keep_item(world.app.uow(), started.token, 2, KeepChoice.KEEP)

    rma = portal.keep_item(world.app.uow(), started.token, 1, KeepChoice.GIVE_AWAY)
    assert rma.line(1).kept and rma.line(1).outstanding == 0
    assert rma.state is ReturnState.AUTHORISED  # the drill still comes back
    with pytest.raises(NotAllowed, match="is kept already"):
        portal.keep_item(world.app.uow(), started.token, 1, KeepChoice.KEEP)
    # The parcel's label lists what is in it: the drill, not the T-shirts given away.
    label = portal.get_label(world.app.uow(), world.app.transport, started.token)
    assert [(sku, n) for sku, _, n in label.items] == [("DRILL-18", 1)]
    saved = portal_staff.keep_it_savings(world.app.uow(), by=person("boss"))
    assert saved.units == 2
    assert saved.eur == 2 * tee.figures.saved_eur
    assert saved.km == 2 * tee.figures.trip_back_km
    assert saved.co2_kg == 2 * tee.figures.trip_back_co2_kg
    no_violations(world)


def test_a_return_wholly_kept_is_received_and_its_refund_waits_for_nothing(world: World) -> None:
    add_orders(world)
    started = _start(world, [PortalLine(1, 1, ReturnReason.WITHDRAWAL)], way_back=WayBack.QR_CODE)
    seen = portal.view(world.app.uow(), started.token)
    assert seen.case is not None and seen.case.paid == Decimal("19.90")
    rma = portal.keep_item(world.app.uow(), started.token, 1, KeepChoice.KEEP)
    assert rma.state is ReturnState.RECEIVED
    case = portal.view(world.app.uow(), started.token).case
    assert case is not None
    # Due 14 days from the customer's choice (2011/83/EU art. 13), with no goods to wait for.
    assert case.withdrawal.goods_received_on == world.now.date()
    assert case.deadline == world.now.date() + timedelta(days=14)
    with pytest.raises(NotAllowed):
        portal.get_label(world.app.uow(), world.app.transport, started.token)
    no_violations(world)


def test_a_booked_parcel_ends_the_offer_and_the_label_stays_the_same(world: World) -> None:
    add_orders(world)
    started = _start(world, [PortalLine(1, 1, ReturnReason.WITHDRAWAL)])
    first = portal.get_label(world.app.uow(), world.app.transport, started.token)
    again = portal.get_label(world.app.uow(), world.app.transport, started.token)
    assert first.consignment.sscc == again.consignment.sscc
    assert portal.view(world.app.uow(), started.token).open_offers == []
    with pytest.raises(NotAllowed, match="is booked"):
        portal.keep_item(world.app.uow(), started.token, 1, KeepChoice.KEEP)


def _late_withdrawal(world: World) -> portal.Started:
    """A drill delivered 30 days ago, sent back as a withdrawal from the portal."""
    late = CustomerOrder(
        "WEB-3003",
        "C-ANNE",
        ANNE_MAIL,
        ANNE_POSTCODE,
        world.now - timedelta(days=40),
        world.now - timedelta(days=30),
        [OrderLine(1, "DRILL-18", 1, Decimal("129.00"))],
    )
    portal_orders.record_order(world.app.uow(), late, by=person("shop"))
    return _start(world, [PortalLine(1, 1, ReturnReason.WITHDRAWAL)], order_ref="WEB-3003")


def test_the_policy_answers_at_once_a_late_withdrawal_is_rejected(world: World) -> None:
    started = _late_withdrawal(world)
    assert started.rma.state is ReturnState.REJECTED
    assert "withdrawal period ended" in started.rma.decision_reason
    seen = portal.view(world.app.uow(), started.token)
    assert seen.case is None and seen.offers == []


def test_a_bulky_item_is_collected_at_home_with_the_collection_planning(world: World) -> None:
    sofa = CustomerOrder(
        "WEB-4004",
        "C-ANNE",
        ANNE_MAIL,
        ANNE_POSTCODE,
        world.now - timedelta(days=6),
        world.now - timedelta(days=2),
        [OrderLine(1, "SOFA-3", 1, Decimal("749.00"))],
    )
    portal_orders.record_order(world.app.uow(), sofa, by=person("shop"))
    line = [PortalLine(1, 1, ReturnReason.NOT_AS_DESCRIBED)]
    with pytest.raises(InvalidValue, match="choose a pickup"):
        _start(world, line, order_ref="WEB-4004")
    started = _start(world, line, order_ref="WEB-4004", way_back=WayBack.PICKUP)
    assert started.rma.state is ReturnState.AUTHORISED
    pickups = pending_pickups(world.app.uow(), "FR", world.now.date() + timedelta(days=1))
    assert [p.rma_number for p in pickups] == [started.rma.number]
    with pytest.raises(NotAllowed, match="collected at home"):
        portal.get_label(world.app.uow(), world.app.transport, started.token)


def test_a_link_opens_its_own_return_and_no_other(world: World) -> None:
    add_orders(world)
    anne = _start(world, [PortalLine(2, 1, ReturnReason.DEFECTIVE)])
    jonas = _start(
        world, [PortalLine(1, 1, ReturnReason.DEFECTIVE)], order_ref="WEB-2002", proof=JONAS_MAIL
    )
    assert portal.view(world.app.uow(), anne.token).rma.number == anne.rma.number
    assert portal.view(world.app.uow(), jonas.token).rma.number == jonas.rma.number
    for token in ("", "x" * 43, anne.token[:-1] + ("A" if anne.token[-1] != "A" else "B")):
        with pytest.raises(NotFound):
            portal.view(world.app.uow(), token)
    # Only the hash of a token is stored.
    with world.app.engine.connect() as conn:
        stored = conn.execute(sa.select(orm_portal.portal_links.c.token_hash)).scalars().all()
    assert anne.token not in stored and len(stored) == 2
    # Customer service gives a new link: both work.
    again = portal_staff.issue_link(world.app.uow(), anne.rma.number, by=person("agent"))
    assert portal.view(world.app.uow(), again).rma.number == anne.rma.number
    assert portal.view(world.app.uow(), anne.token).rma.number == anne.rma.number


def _accepted_mail(world: World, number: str) -> str:
    table = orm_after_sales.outbox
    with world.app.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(table.c.body).where(
                    table.c.return_number == number,
                    table.c.kind == "return_authorised",
                    table.c.channel == "email",
                )
            ).scalar_one()
        )


def test_the_accepted_mail_leads_to_the_label_by_a_link_of_the_return(world: World) -> None:
    add_orders(world)
    started = _start(world, [PortalLine(2, 1, ReturnReason.DEFECTIVE)])
    body = _accepted_mail(world, started.rma.number)
    assert f"/portal/r/{started.token}" in body and "étiquette" in body
    # The merchant's webhook tells the acceptance, never the customer's secret.
    with world.app.engine.connect() as conn:
        sent = conn.execute(sa.select(orm_after_sales.outbox.c.body)).scalars().all()
    assert sum(started.token in b for b in sent) == 1
    # A return the policy rejected and customer service accepts: a new link, in the mail.
    rejected = _late_withdrawal(world)
    service_desk.authorise_exception(
        world.app.uow(), rejected.rma.number, reason="goodwill", by=person("agent")
    )
    body = _accepted_mail(world, rejected.rma.number)
    token = body.split("/portal/r/")[1].split()[0]
    assert token != rejected.token
    assert portal.view(world.app.uow(), token).rma.state is ReturnState.AUTHORISED


def test_a_photo_is_taken_by_its_content_and_size(world: World) -> None:
    add_orders(world)
    started = _start(world, [PortalLine(2, 1, ReturnReason.DAMAGED_IN_TRANSIT)])
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 100
    photo = portal.add_photo(world.app.uow(), started.token, 1, jpeg, max_bytes=1000)
    assert photo.media_type == "image/jpeg" and photo.size == 104
    assert portal.photo(world.app.uow(), started.token, photo.id) == ("image/jpeg", jpeg)
    for content, message in (
        (b"GIF89a" + b"\x00" * 10, "JPEG or PNG"),
        (b"#!/bin/sh\nrm -rf /", "JPEG or PNG"),
        (jpeg + b"\x00" * 1000, "at most 1000 bytes"),
        (b"", "empty"),
    ):
        with pytest.raises(InvalidValue, match=message):
            portal.add_photo(world.app.uow(), started.token, 1, content, max_bytes=1000)
    assert len(portal.view(world.app.uow(), started.token).photos) == 1


def test_the_same_order_sent_twice_at_once_is_one_return(world: World) -> None:
    add_orders(world)
    lines = [PortalLine(2, 1, ReturnReason.WITHDRAWAL)]
    results = together(4, lambda i: _start(world, lines, proof=(ANNE_MAIL, ANNE_POSTCODE)[i % 2]))
    started = [r for r in results if isinstance(r, portal.Started)]
    assert len(started) == 4, results
    assert len({s.rma.number for s in started}) == 1
    assert sorted(s.created for s in started) == [False, False, False, True]
    assert count(world, sa.select(sa.func.count()).select_from(orm.return_requests)) == 1
    assert count(world, sa.select(sa.func.count()).select_from(orm_portal.portal_returns)) == 1
    assert count(world, sa.select(sa.func.count()).select_from(orm_portal.portal_links)) == 4
    for s in started:
        assert portal.view(world.app.uow(), s.token).rma.number == started[0].rma.number
    no_violations(world)


def test_the_keep_it_check_prices_an_authorised_return_for_the_staff(world: World) -> None:
    add_orders(world)
    started = _start(world, [PortalLine(1, 1, ReturnReason.WITHDRAWAL)])
    checked = portal_staff.keep_it_check(
        world.app.uow(),
        world.app.transport,
        load_keep_it_rules(),
        started.rma.number,
        by=person("agent"),
    )
    stored = portal.view(world.app.uow(), started.token).offers[0].figures
    assert [c.figures for c in checked] == [stored]


def test_a_keep_it_file_is_read_and_a_wrong_one_named(tmp_path: Path) -> None:
    good = tmp_path / "keep.toml"
    good.write_text('[default]\nthreshold_eur = 12\n[[rule]]\ncategory = "*"\ncountry = "DE"\n')
    assert load_keep_it_rules(good).terms_for("apparel", "FR").threshold_eur == Decimal("12")
    bad = tmp_path / "bad.toml"
    bad.write_text("[default]\nthreshold_eur = true\n")
    with pytest.raises(InvalidValue, match=r"bad\.toml"):
        load_keep_it_rules(bad)
