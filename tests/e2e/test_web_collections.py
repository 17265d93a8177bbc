"""The transport pages: plan a region's collections, see the routes on the map, commit them;
see what leaves a site and book it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tests.conftest import World
from tests.e2e.conftest import API, TestClient
from tests.e2e.test_web_pages import field_errors, graded_laptop
from tests.integration.test_collections import returns_to_collect


def test_plan_look_and_commit_the_days_collections(client: TestClient, sqlite_world: World) -> None:
    returns_to_collect(sqlite_world)
    day = (sqlite_world.now + timedelta(days=8)).date().isoformat()
    response = client.post(
        "/collections", data={"day": day, "region": "fr", "seconds": "1"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text[:500]
    url = response.headers["location"]
    assert re.fullmatch(r"/collections/\d+", url)

    page = client.get(url).text
    assert 'class="route c0"' in page, "the route is drawn"
    assert 'class="hub"' in page and "HUB-FR" in page
    assert 'class="land"' in page or "grat" in page
    assert "Collect or ship?" in page and "Commit: book these collections" in page

    committed = client.post(f"{url}/commit", follow_redirects=False)
    assert committed.status_code == 303
    after = client.get(url).text
    assert "collections booked" in after
    assert "Commit: book these collections" not in after, "a plan is committed once"
    again = client.post(f"{url}/commit", follow_redirects=True).text
    assert "committed" in again

    listing = client.get("/collections").text
    assert url in listing


def test_the_planning_form_offers_the_next_working_day(client: TestClient) -> None:
    day = date.today() + timedelta(days=1)
    while day.weekday() >= 5:  # the hubs work Monday to Friday (collection.toml)
        day += timedelta(days=1)
    page = client.get("/collections").text
    assert f'name="day" value="{day.isoformat()}"' in page


def test_the_planning_form_names_what_is_wrong(client: TestClient) -> None:
    response = client.post("/collections", data={"day": "2025-13-40", "region": "", "seconds": "0"})
    assert response.status_code == 422
    errors = field_errors(response.text)
    assert "not a date" in errors["day"]
    assert errors["region"] and "between 1 and 60" in errors["seconds"]
    unknown = client.post("/collections", data={"day": "2025-03-03", "region": "XX"})
    assert unknown.status_code == 422
    assert field_errors(unknown.text)["region"]
    assert client.get("/collections/999999").status_code == 404


def test_what_leaves_a_site_is_planned_then_booked(client: TestClient, sqlite_world: World) -> None:
    lpn = graded_laptop(client, sqlite_world, "C/B")
    decision = {"route": "repair", "destination_site": "REP-FR", "reason": "hinge"}
    assert client.post(f"{API}/units/{lpn}/disposition", json=decision).status_code == 200
    assert "/sites/HUB-FR/outbound" in client.get("/sites/HUB-FR").text

    page = client.get("/sites/HUB-FR/outbound").text
    assert "REP-FR" in page and "leaves today" in page
    assert "Book what leaves today (1 destinations)" in page
    booked = client.post("/sites/hub-fr/outbound", follow_redirects=True).text
    assert "1 consignments booked (1 units): SHP" in booked
    assert "No unit waits to leave this site." in booked
    assert client.get(f"{API}/units/{lpn}").json()["location_code"] == "REP-FR:in_transit"
    assert client.get("/sites/NOWHERE/outbound").status_code == 404
