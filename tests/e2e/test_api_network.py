"""Network plans over HTTP: today's network against a scenario, and bad scenarios refused."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from tests.conftest import World
from tests.e2e.conftest import API, ok, refused
from tests.integration.test_network_plan import received_from

PLANS = f"{API}/network/plans"


def test_today_against_a_closed_hub(client: TestClient, sqlite_world: World) -> None:
    received_from(sqlite_world, "C-JONAS", sqlite_world.drill, 2)
    until = (date.today() + timedelta(days=1)).isoformat()
    scenario = {"name": "Close Köln", "sites": {"close": ["HUB-DE"]}}
    body = {"scenarios": [scenario], "weeks": 1, "until": until, "seconds": 5}
    answer = ok(client.post(PLANS, json=body))
    today, closed = answer["plans"]
    assert today["name"] == "Today's network" and closed["name"] == "Close Köln"
    assert today["status"] == closed["status"] == "optimal"
    assert today["units"] == 2 * 52
    assert today["hub_of"] == {"Bonn (DE)": "HUB-DE"}
    assert closed["hub_of"] == {"Bonn (DE)": "HUB-FR"}
    assert answer["changes"][0] is None
    assert answer["changes"][1]["closed"] == ["HUB-DE"]
    assert answer["changes"][1]["moved"] == [["Bonn (DE)", "HUB-DE", "HUB-FR"]]


def test_a_bad_scenario_is_refused_with_its_key(client: TestClient) -> None:
    bad = client.post(PLANS, json={"scenarios": [{"name": "x", "sites": {"shut": ["HUB-DE"]}}]})
    assert "sites.shut: unknown key" in refused(bad, 422, None)  # the message names the key
    unknown = client.post(
        PLANS, json={"scenarios": [{"name": "x", "sites": {"close": ["HUB-XX"]}}]}
    )
    assert "no site HUB-XX" in refused(unknown, 404, None)
