"""The network page: scenarios side by side with today's network."""

from __future__ import annotations

import html
from datetime import date, timedelta

from fastapi.testclient import TestClient

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import client_of
from tests.integration.test_network_plan import received_from
from tests.people import add_person

CLOSE_KOLN = """name = "Close Köln"
[sites]
close = ["HUB-DE"]
"""


def test_compare_today_with_a_closed_hub(client: TestClient, sqlite_world: World) -> None:
    received_from(sqlite_world, "C-JONAS", sqlite_world.drill, 2)
    form = client.get("/network")
    assert form.status_code == 200 and 'name="scenario1"' in form.text
    until = (date.today() + timedelta(days=1)).isoformat()
    shown = client.post("/network", data={"scenario1": CLOSE_KOLN, "weeks": "1", "until": until})
    assert shown.status_code == 200, shown.text
    page = shown.text
    assert "Today&#39;s network" in page and "Close Köln" in page
    assert "What changes from today" in page and "1 regions move hub" in page
    assert "Bonn (DE)" in page and "HUB-FR" in page
    # A map of the flows per plan: Bonn's line to Köln today, to Lyon with Köln closed.
    assert page.count('<svg class="map"') == 2 and page.count('class="flow"') == 2
    assert "<title>HUB-DE</title>" in page


def test_a_bad_scenario_is_named_on_the_form(client: TestClient) -> None:
    bad = client.post(
        "/network", data={"scenario1": 'name = "x"\n[sites]\nshut = []\n', "weeks": "12"}
    )
    assert bad.status_code == 422
    assert "sites.shut: unknown key" in bad.text
    broken = client.post("/network", data={"scenario1": "name = ", "weeks": "12"})
    assert broken.status_code == 422 and "TOML" in broken.text


def test_why_a_plan_costs_what_it_does_is_said_in_french(sqlite_world: World) -> None:
    received_from(sqlite_world, "C-JONAS", sqlite_world.drill, 2)
    manager = add_person(sqlite_world.app, "flow.fr", [Role.FLOW_MANAGER])
    until = (date.today() + timedelta(days=1)).isoformat()
    with client_of(sqlite_world.app, manager, "fr") as c:
        shown = c.post("/network", data={"scenario1": CLOSE_KOLN, "weeks": "1", "until": until})
    assert shown.status_code == 200, shown.text
    page = html.unescape(shown.text)
    why = page[page.index("Pourquoi") :].split("</p>")[0]
    assert "coûts fixes -" in why and "transport +" in why, why
    assert "fixed" not in why and " EUR" not in why
