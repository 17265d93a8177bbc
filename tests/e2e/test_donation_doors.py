"""Donations through the API, the page and the command line: a charity acknowledges what was
donated to it, finance values it, the receipt data is shown; bad input refused with nothing
written; a partner kept to its own; and the demo's donation."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
import sqlalchemy as sa

from revalo.bootstrap import bootstrap
from revalo.domain.disposition import DispositionRoute
from revalo.domain.people import Role
from revalo.settings import Settings
from tests.conftest import World
from tests.demo_builds import demo_copy
from tests.e2e.conftest import API, client_of, revalo
from tests.integration.compliance_world import send, unit
from tests.integration.flows import grade
from tests.people import add_person


def _donated(world: World, serial: str) -> str:
    lpn = unit(world, "DRILL-18", serial)
    grade(world, lpn, "B", "B")
    send(world, lpn, DispositionRoute.DONATE, "CHA-FR")
    return lpn


def _count(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.text("select count(*) from donations")) or 0)


def test_acknowledged_valued_and_its_receipt_by_api(sqlite_world: World) -> None:
    lpns = [_donated(sqlite_world, f"A{i}") for i in range(2)]
    kept = unit(sqlite_world, "DRILL-18", "A9")
    app = sqlite_world.app
    charity = add_person(app, "cha", [Role.PARTNER], partner_sites=["CHA-FR"])
    outlet = add_person(app, "out", [Role.PARTNER], partner_sites=["OUT-FR"])
    finance = add_person(app, "fin", [Role.FINANCE])
    with client_of(app, charity) as c, client_of(app, finance) as f, client_of(app, outlet) as o:
        waiting = c.get(f"{API}/donations/waiting", params={"site_code": "CHA-FR"})
        assert waiting.status_code == 200 and sorted(u["lpn"] for u in waiting.json()) == lpns
        assert o.get(f"{API}/donations/waiting", params={"site_code": "CHA-FR"}).status_code == 403
        for bad, said in [
            ({"site_code": "CHA-FR", "lpns": [kept]}, "was not donated to CHA-FR"),
            ({"site_code": "CHA-FR", "lpns": []}, "lpns"),
            ({"site_code": "CHA-FR", "lpns": lpns, "extra": 1}, "extra"),
        ]:
            refused = c.post(f"{API}/donations", json=bad)
            assert refused.status_code == 422 and said in refused.text, refused.text
        assert (
            o.post(f"{API}/donations", json={"site_code": "CHA-FR", "lpns": lpns}).status_code
            == 403
        )
        assert _count(sqlite_world) == 0
        made = c.post(f"{API}/donations", json={"site_code": "CHA-FR", "lpns": lpns})
        assert made.status_code == 201, made.text
        number = made.json()["id"]
        assert c.post(f"{API}/donations/{number}/value", json={"value_eur": 30}).status_code == 403
        valued = f.post(f"{API}/donations/{number}/value", json={"value_eur": 30})
        assert valued.status_code == 200 and valued.json()["value_eur"] == "30.00"
        again = f.post(f"{API}/donations/{number}/value", json={"value_eur": 31})
        assert again.status_code == 409 and "valued already" in again.text
        receipt = c.get(f"{API}/donations/{number}").json()["receipt"]
        assert (receipt["eligible"], receipt["reduction_eur"], receipt["why"]) == (
            True, "18.00", "eligible",
        )  # fmt: skip
        assert receipt["form"].startswith("Cerfa n° 16216")
        assert o.get(f"{API}/donations/{number}").status_code == 403
        assert o.get(f"{API}/donations").json()["count"] == 0
        assert c.get(f"{API}/donations").json()["count"] == 1


def test_acknowledged_on_the_page_and_by_command(sqlite_world: World, tmp_path: Path) -> None:
    lpn = _donated(sqlite_world, "P1")
    app = sqlite_world.app
    charity = add_person(app, "cha", [Role.PARTNER], partner_sites=["CHA-FR"])
    with client_of(app, charity, "fr") as page:
        shown = page.get("/partners/donations")
        assert shown.status_code == 200 and f'value="{lpn}"' in shown.text
        assert 'id="acknowledge-form"' in shown.text and "Dons" in shown.text
        nothing = page.post("/partners/donations", data={"site_code": "CHA-FR"})
        assert "cochez au moins une unité" in nothing.text and _count(sqlite_world) == 0
        page.post("/partners/donations", data={"site_code": "CHA-FR", "lpn": lpn, "note": "ok"})
        assert _count(sqlite_world) == 1
        listed = html.unescape(page.get("/partners/donations").text)
        assert "DON000001" in listed and "S'applique" in listed
        assert 'action="/partners/donations/1/value"' not in listed  # the charity values nothing


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("donations") / "demo.db"
    demo_copy(tmp_path_factory, path)
    return path


def test_the_demo_gave_valued_and_has_the_receipt(demo_path: Path) -> None:
    app = bootstrap(Settings(database_url=f"sqlite:///{demo_path}"))
    try:
        with app.engine.connect() as conn:
            rows = list(conn.execute(sa.text("select acknowledged_by, valued_by from donations")))
    finally:
        app.close()
    assert rows == [("charity", "finance")]
    listed = revalo("donations", "list", "--db", demo_path)
    assert listed.exit_code == 0 and "DON000001" in listed.output, listed.output
    receipt = revalo("donations", "receipt", "1", "--as", "charity", "--db", demo_path)
    assert receipt.exit_code == 0 and "Cerfa n° 16216" in receipt.output, receipt.output
    refused = revalo("donations", "value", "1", "12", "--as", "finance", "--db", demo_path)
    assert refused.exit_code != 0 and "valued already" in refused.output
    stranger = revalo("donations", "receipt", "1", "--as", "partner", "--db", demo_path)
    assert stranger.exit_code != 0
