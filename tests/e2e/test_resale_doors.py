"""A partner's resales through the API, the page and the command line: an outlet resells
the units handed over to it once it accepted them, each once; a second resale of a unit is
refused by name with nothing written; another partner is kept out; the page speaks French."""

from __future__ import annotations

import html
from pathlib import Path

import sqlalchemy as sa

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, client_of, revalo
from tests.integration.test_partner_resales import _sent
from tests.people import add_person


def _resold(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.text("select count(*) from partner_resales")) or 0)


def test_resales_by_api_page_and_command(db: tuple[Path, World]) -> None:
    path, world = db
    app = world.app
    first, second, third = (_sent(world, s) for s in ("X1", "X2", "X3"))
    outlet = add_person(app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    other = add_person(app, "other", [Role.PARTNER], partner_sites=["OUT-BE"])
    with client_of(app, outlet) as c, client_of(app, other) as o:
        for lpn in (first, second, third):
            got = c.post(f"{API}/partners/OUT-FR/deliveries", json={"code": lpn})
            assert got.status_code == 201, got.text
        made = c.post(
            f"{API}/partners/OUT-FR/resales",
            json={"code": "X1", "price": "64.50", "receipt": "T-1"},
        )
        assert made.status_code == 201, made.text
        assert made.json()["lpn"] == first and made.json()["price"] == "64.50"
        again = c.post(f"{API}/partners/OUT-FR/resales", json={"code": first, "price": "9"})
        assert again.status_code == 409 and "resold already" in again.text, again.text
        bad = c.post(f"{API}/partners/OUT-FR/resales", json={"code": second, "price": "-1"})
        assert bad.status_code == 422
        kept_out = o.post(f"{API}/partners/OUT-FR/resales", json={"code": second, "price": "5"})
        assert kept_out.status_code == 403
        assert o.get(f"{API}/partners/OUT-FR/resales").status_code == 403
        listed = c.get(f"{API}/partners/OUT-FR/resales")
        assert listed.json()["count"] == 1 and listed.json()["data"][0]["receipt"] == "T-1"
        handed = c.get(f"{API}/partners/OUT-FR/deliveries").json()
        assert {u["lpn"]: u["resale_price"] for u in handed}[first] == "64.50"
        assert _resold(world) == 1

        page = c.get("/partners/deliveries?site=OUT-FR")
        assert page.status_code == 200 and 'id="resale-form"' in page.text
        form = {"site_code": "OUT-FR", "code": second, "price": "12,50", "receipt": ""}
        posted = c.post("/partners/deliveries/resales", data=form, follow_redirects=False)
        assert posted.status_code == 303, posted.text
        shown = html.unescape(c.get(posted.headers["location"]).text)
        assert f"Resale of {second} for €12.50 recorded." in shown
        assert "2 resold" in shown
        twice = html.unescape(c.post("/partners/deliveries/resales", data=form).text)
        assert f"unit {second} was resold already" in twice
        empty = {"site_code": "OUT-FR", "code": third, "price": ""}
        refused = html.unescape(c.post("/partners/deliveries/resales", data=empty).text)
        assert "price" in refused.lower() and _resold(world) == 2
    with client_of(app, outlet, "fr") as f:
        french = html.unescape(f.get("/partners/deliveries?site=OUT-FR").text)
        assert "Enregistrer une revente" in french and "12,50\xa0€" in french
        assert "2 revendue(s)" in french

    listed_cli = revalo("deliveries", "list", "OUT-FR", "--db", path)
    assert listed_cli.exit_code == 0 and "64.50" in listed_cli.output, listed_cli.output
    done = revalo(
        "deliveries", "resell", "OUT-FR", third, "--price", "30", "--receipt", "T-9",
        "--as", "outlet", "--db", path,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert f"Resale of {third} by OUT-FR for 30.00 EUR recorded." in done.output
    refused_cli = revalo(
        "deliveries", "resell", "OUT-FR", third, "--price", "31", "--as", "outlet", "--db", path
    )
    assert refused_cli.exit_code != 0 and "resold already" in refused_cli.output
    assert _resold(world) == 3
