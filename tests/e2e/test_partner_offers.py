"""A resale partner or an outlet sees the open B2B lots, offered to its buying sites, and
makes its own offers on them (API, page, command line), for its own sites only; a partner
that does not buy lots (a repair centre) sees none of them. An offer racing the lot's sale
is either declined with the others or refused: no open offer is left on a sold lot."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from revalo.domain.errors import InvalidTransition
from revalo.domain.people import Role
from revalo.services import lots
from tests.conftest import World
from tests.e2e.conftest import API, client_of, revalo
from tests.integration.lots_world import MANAGER, lot_of, ready_unit
from tests.integration.test_concurrency import together
from tests.people import add_person


def test_an_outlet_sees_the_open_lots_and_makes_its_own_offers(sqlite_world: World) -> None:
    world = sqlite_world
    app = world.app
    open_lot = lot_of(world, [ready_unit(world, world.laptop, f"PO{i}") for i in range(2)])
    sold_lot = lot_of(world, [ready_unit(world, world.laptop, "PO9")])
    theirs = lots.record_offer(
        app.uow(), sold_lot.id, buyer_site="OUT-FR", amount=Decimal("400"), by=MANAGER
    )
    lots.accept_offer(app.uow(), sold_lot.id, theirs.id, by=MANAGER)
    other = lots.record_offer(
        app.uow(), open_lot.id, buyer_site="OUT-FR", amount=Decimal("310"), by=MANAGER
    )
    outlet = add_person(app, "outlet.buyer", [Role.PARTNER], partner_sites=["OUT-FR"])
    repairer = add_person(app, "repair.desk", [Role.PARTNER], partner_sites=["REP-FR"])
    with client_of(app, outlet) as c:
        listed = c.get(f"{API}/lots", params={"state": "open"})
        assert [x["id"] for x in listed.json()["data"]] == [open_lot.id], listed.text
        made = c.post(
            f"{API}/lots/{open_lot.id}/offers",
            json={"buyer_site": "OUT-FR", "amount": "355.50", "note": "pick-up Friday"},
        )
        assert made.status_code == 201, made.text
        assert made.json()["made_by"] == "outlet.buyer"
        elsewhere = c.post(
            f"{API}/lots/{open_lot.id}/offers", json={"buyer_site": "OUT-BE", "amount": "999"}
        )
        assert elsewhere.status_code == 403, elsewhere.text
        late = c.post(
            f"{API}/lots/{sold_lot.id}/offers", json={"buyer_site": "OUT-FR", "amount": "999"}
        )
        assert late.status_code == 409 and "open" in late.text, late.text
        shown = c.get(f"/lots/{open_lot.id}")
        assert shown.status_code == 200 and 'id="make-offer"' in shown.text
        assert f'action="/lots/{open_lot.id}/offers/' not in shown.text  # no accept form
        form = {"buyer_site": "OUT-FR", "amount": "360"}
        posted = c.post(f"/lots/{open_lot.id}/offers", data=form, follow_redirects=False)
        assert posted.status_code == 303, posted.text
    view = lots.lot_view(app.uow(), open_lot.id, by=MANAGER)
    by_outlet = sorted(o.amount for o in view.offers if o.made_by == "outlet.buyer")
    assert by_outlet == [Decimal("355.50"), Decimal("360.00")]
    assert other.id in {o.id for o in view.offers}
    with client_of(app, repairer) as c:
        assert c.get(f"{API}/lots").json()["data"] == []
        assert c.get(f"{API}/lots/{open_lot.id}").status_code == 403
        refused = c.post(
            f"{API}/lots/{open_lot.id}/offers", json={"buyer_site": "REP-FR", "amount": "500"}
        )
        assert refused.status_code in (409, 422) and "outlets" in refused.text, refused.text
        assert 'id="make-offer"' not in c.get("/lots").text


def test_an_offer_made_on_the_command_line_names_who_made_it(
    db: tuple[Path, World],
) -> None:
    path, world = db
    lot = lot_of(world, [ready_unit(world, world.laptop, "PC1")])
    add_person(world.app, "outlet.cli", [Role.PARTNER], partner_sites=["OUT-FR"])
    done = revalo(
        "lots", "offer", lot.number, "--buyer", "OUT-FR", "--amount", "333",
        "--as", "outlet.cli", "--db", path,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    refused = revalo(
        "lots", "offer", lot.number, "--buyer", "CHA-FR", "--amount", "1",
        "--as", "outlet.cli", "--db", path,
    )  # fmt: skip
    assert refused.exit_code != 0 and "CHA-FR" in refused.output, refused.output
    offers = lots.lot_view(world.app.uow(), lot.id, by=MANAGER).offers
    assert [(o.buyer_site, o.amount, o.made_by) for o in offers] == [
        ("OUT-FR", Decimal("333.00"), "outlet.cli")
    ]


def test_offers_racing_the_sale_leave_no_open_offer_on_a_sold_lot(world: World) -> None:
    app = world.app
    lot = lot_of(world, [ready_unit(world, world.laptop, f"PR{i}") for i in range(2)])
    best = lots.record_offer(
        app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal("500"), by=MANAGER
    )
    outlet = add_person(app, "outlet.race", [Role.PARTNER], partner_sites=["OUT-FR"])

    def work(i: int) -> object:
        if i == 0:
            return lots.accept_offer(app.uow(), lot.id, best.id, by=MANAGER)
        return lots.record_offer(
            app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal(400 + i), by=outlet
        )

    got = together(6, work)
    assert not isinstance(got[0], BaseException), got
    refused = [r for r in got[1:] if isinstance(r, BaseException)]
    assert all(isinstance(r, InvalidTransition) for r in refused), refused
    with app.engine.connect() as conn:
        left_open = conn.execute(
            sa.text(
                "select count(*) from lot_offers o join lots l on l.id = o.lot_id "
                "where l.state <> 'open' and o.state = 'open'"
            )
        ).scalar()
        offers = conn.execute(sa.text("select count(*) from lot_offers")).scalar()
    assert left_open == 0
    assert offers == 1 + 5 - len(refused)
