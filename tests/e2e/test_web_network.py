"""The network page: scenarios side by side with today's network."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from tests.conftest import World
from tests.integration.test_network_plan import received_from

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
