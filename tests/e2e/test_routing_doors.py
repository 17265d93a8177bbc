"""Routings at every door: the API adopts a plan's hub of each region and reads the one in
force; the network page shows it and its form adopts one; ``revalo network routing`` lists
it and ``revalo network route`` adopts today's plan; a handler is kept out; what is not a
routing is refused by name with nothing written; the page speaks French."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, client_of, revalo
from tests.integration.flows import received_unit
from tests.people import add_person


def _routings(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.text("select count(*) from routings")) or 0)


def test_routings_by_api_page_and_command(db: tuple[Path, World]) -> None:
    path, world = db
    manager = add_person(world.app, "flow", [Role.FLOW_MANAGER])
    handler = add_person(world.app, "h.lyon", [Role.HANDLER])
    today = datetime.now(UTC).date()
    tomorrow = (today + timedelta(days=1)).isoformat()
    with client_of(world.app, manager) as c, client_of(world.app, handler) as h:
        assert c.get(f"{API}/network/routing").json()["routing"] is None
        body = {"valid_from": today.isoformat(), "hub_of": {"Paris (FR)": "HUB-DE"}, "note": "x"}
        made = c.post(f"{API}/network/routing", json=body)
        assert made.status_code == 201, made.text
        assert made.json()["regions"] == 1 and made.json()["adopted_by"] == "flow"
        bad = c.post(f"{API}/network/routing", json={**body, "hub_of": {"Paris (FR)": "REP-FR"}})
        assert bad.status_code == 422 and "REP-FR: not a returns hub" in bad.text
        past = (today - timedelta(days=1)).isoformat()
        late = c.post(f"{API}/network/routing", json={**body, "valid_from": past})
        assert late.status_code == 422 and "from today" in late.text
        assert h.post(f"{API}/network/routing", json=body).status_code == 403
        assert h.get(f"{API}/network/routing").status_code == 403
        assert _routings(world) == 1
        now = c.get(f"{API}/network/routing").json()["routing"]
        assert now["hub_of"] == {"Paris (FR)": "HUB-DE"}
        listed = c.get(f"{API}/network/routings").json()
        assert listed["count"] == 1 and listed["data"][0]["regions"] == 1

        page = html.unescape(c.get("/network").text)
        section = page[page.index('id="routing"') :]
        assert "Paris (FR)" in section and "HUB-DE" in section
        form = {
            "valid_from": tomorrow,
            "note": "page",
            "region": ["Paris (FR)", "Köln (DE)"],
            "hub": ["HUB-FR", "HUB-DE"],
        }
        posted = c.post("/network/routing", data=form, follow_redirects=False)
        assert posted.status_code == 303, posted.text
        shown = html.unescape(c.get(posted.headers["location"]).text)
        assert f"Routing of 2 region(s) adopted from {tomorrow}." in shown
        assert "to come" in shown
        refused = html.unescape(
            c.post("/network/routing", data={"valid_from": tomorrow, "region": ["X (FR)"]}).text
        )
        assert "each region needs its hub" in refused and _routings(world) == 2
    with client_of(world.app, manager, "fr") as f:
        french = html.unescape(f.get("/network").text)
        assert "Acheminement des retours" in french and "à venir" in french

    listed_cli = revalo("network", "routing", "--db", path)
    assert listed_cli.exit_code == 0, listed_cli.output
    assert "Paris (FR)" in listed_cli.output and "2 routing(s) adopted" in listed_cli.output
    later = revalo("network", "routing", "--day", tomorrow, "--db", path)
    assert "Köln (DE)" in later.output, later.output
    none = revalo("network", "route", "--from", tomorrow, "--seconds", "5", "--db", path)
    assert none.exit_code == 1 and "routes no region: no returns came back" in none.output
    # Once a Paris customer's unit came back, today's plan routes Paris to its hub.
    received_unit(world, world.laptop, "SN-R1")
    adopted = revalo(
        "network", "route", "--from", tomorrow, "--until", tomorrow, "--seconds", "5",
        "--db", path,
    )  # fmt: skip
    assert adopted.exit_code == 0, adopted.output
    assert f"Routing of 1 region(s) adopted from {tomorrow}." in adopted.output
    assert _routings(world) == 3
