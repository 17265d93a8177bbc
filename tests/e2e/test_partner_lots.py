"""A resale partner sees the lots it made an offer on or bought, with its own offers only,
at every door that shows a lot (the list, one lot, its manifests, the pages); the lots sold
to others are not its to see (the open ones are offered to it: test_partner_offers.py)."""

from __future__ import annotations

from decimal import Decimal

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.people import Role
from revalo.services import catalog, lots
from tests.conftest import World
from tests.e2e.conftest import API, client_of
from tests.integration.lots_world import MANAGER, lot_of, ready_unit
from tests.people import add_person, person


def test_a_partner_sees_the_lots_it_bid_on_or_bought_and_its_own_offers(
    sqlite_world: World,
) -> None:
    world = sqlite_world
    app = world.app
    catalog.add_site(
        app.uow(),
        Site("OUT-BE", "Outlet Bruxelles", SiteKind.OUTLET, "BE", "Bruxelles", 50.85, 4.35),
        by=person("operator"),
    )
    bid = lot_of(world, [ready_unit(world, world.laptop, f"PL{i}") for i in range(2)])
    other = lot_of(world, [ready_unit(world, world.laptop, "PL9")])
    mine = lots.record_offer(
        app.uow(), bid.id, buyer_site="OUT-FR", amount=Decimal("500"), by=MANAGER
    )
    lots.record_offer(app.uow(), bid.id, buyer_site="OUT-BE", amount=Decimal("450"), by=MANAGER)
    sold = lots.record_offer(
        app.uow(), other.id, buyer_site="OUT-BE", amount=Decimal("999"), by=MANAGER
    )
    lots.accept_offer(app.uow(), other.id, sold.id, by=MANAGER)  # sold to another buyer
    outlet = add_person(app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    with client_of(app, outlet) as c:
        listed = c.get(f"{API}/lots")
        assert listed.status_code == 200, listed.text
        assert [x["id"] for x in listed.json()["data"]] == [bid.id]
        one = c.get(f"{API}/lots/{bid.id}")
        assert one.status_code == 200
        assert [o["id"] for o in one.json()["offers"]] == [mine.id]
        for path in ("", "/manifest.csv", "/manifest.pdf"):
            assert c.get(f"{API}/lots/{other.id}{path}").status_code == 403, path
        assert c.get(f"{API}/lots/{bid.id}/manifest.csv").status_code == 200
        page = c.get("/lots")
        assert page.status_code == 200 and bid.number in page.text
        assert other.number not in page.text
        shown = c.get(f"/lots/{bid.id}").text
        assert "450" not in shown  # another buyer's offer
        assert c.get(f"/lots/{other.id}").status_code == 403
        # Once it bought the lot, it still sees it (and only its offer).
        lots.accept_offer(app.uow(), bid.id, mine.id, by=MANAGER)
        assert c.get(f"{API}/lots/{bid.id}").json()["buyer_site"] == "OUT-FR"
        assert c.post(f"{API}/lots/{other.id}/cancel").status_code == 403
