"""A partner's deliveries through the API, the page and the command line: the units of a lot
it bought listed, each accepted once by scan, a wrong scan refused with nothing written, and
another partner kept out."""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from revalo.domain.people import Role
from revalo.services import lots
from tests.conftest import World
from tests.e2e.conftest import API, client_of, revalo
from tests.integration.lots_world import MANAGER, lot_of, ready_unit
from tests.people import add_person


def _accepted(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.text("select count(*) from partner_receipts")) or 0)


def test_deliveries_by_api_page_and_command(db: tuple[Path, World]) -> None:
    path, world = db
    app = world.app
    lpns = [ready_unit(world, world.laptop, f"DD{i}") for i in range(3)]
    lot = lot_of(world, lpns)
    offer = lots.record_offer(
        app.uow(), lot.id, buyer_site="OUT-FR", amount=Decimal("400"), by=MANAGER
    )
    lots.accept_offer(app.uow(), lot.id, offer.id, by=MANAGER, ship=True)
    outlet = add_person(app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    vendor = add_person(app, "vendor", [Role.PARTNER], partner_sites=["VEN-LUMEN"])
    with client_of(app, outlet) as c, client_of(app, vendor) as v:
        listed = c.get(f"{API}/partners/OUT-FR/deliveries")
        assert listed.status_code == 200, listed.text
        assert sorted(u["lpn"] for u in listed.json()) == sorted(lpns)
        assert {u["lot"] for u in listed.json()} == {lot.number}
        assert v.get(f"{API}/partners/OUT-FR/deliveries").status_code == 403
        wrong = c.post(f"{API}/partners/OUT-FR/deliveries", json={"code": "NOPE-1"})
        assert wrong.status_code == 422 and "no unit handed over to OUT-FR" in wrong.text
        assert (
            v.post(f"{API}/partners/OUT-FR/deliveries", json={"code": lpns[0]}).status_code == 403
        )
        assert _accepted(world) == 0
        done = c.post(f"{API}/partners/OUT-FR/deliveries", json={"code": lpns[0]})
        assert done.status_code == 201 and done.json()["accepted"] is True, done.text
        again = c.post(f"{API}/partners/OUT-FR/deliveries", json={"code": lpns[0]})
        assert again.status_code == 409 and "accepted already" in again.text
    with client_of(app, outlet, "fr") as page:
        shown = page.get("/partners/deliveries")
        assert shown.status_code == 200 and 'id="delivery-form"' in shown.text
        assert "1 pas encore" not in shown.text and "2 pas encore" in html.unescape(shown.text)
        page.post("/partners/deliveries", data={"site_code": "OUT-FR", "code": lpns[1]})
        assert _accepted(world) == 2
        bad = html.unescape(
            page.post("/partners/deliveries", data={"site_code": "OUT-FR", "code": "X9"}).text
        )
        assert "X9 n'est pas une unité remise à OUT-FR" in bad and _accepted(world) == 2
    said = revalo("deliveries", "accept", "OUT-FR", lpns[2], "--as", "outlet", "--db", path)
    assert said.exit_code == 0 and f"Unit {lpns[2]} accepted at OUT-FR." in said.output
    listed = revalo("deliveries", "list", "OUT-FR", "--as", "outlet", "--db", path)
    assert listed.exit_code == 0 and "3 unit(s) handed over, 0 not accepted yet" in listed.output
    refused = revalo("deliveries", "accept", "OUT-FR", lpns[2], "--as", "outlet", "--db", path)
    assert refused.exit_code != 0 and "accepted already" in refused.output
