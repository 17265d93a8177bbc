"""Cycle counts and safety records over HTTP: a count task planned, taken and counted by
scan, its differences approved by someone else (never by the counter), the accuracy; an
incident and a briefing recorded, refused when wrong, and the site's figures with where
their hours come from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, refused
from tests.integration.floor_world import BINS, member
from tests.integration.test_floor_bins import graded
from tests.people import token_of


def test_a_count_by_scan_and_its_approval_over_http(
    client: TestClient, sqlite_world: World
) -> None:
    world = sqlite_world
    ok(client.post(f"{API}/sites/HUB-FR/bins/import", json={"csv": BINS}))
    lpns = [graded(world, "TEE-M", f"H{i}") for i in range(2)]
    for lpn in lpns:
        ok(client.post(f"{API}/units/{lpn}/put-away", json={"bin_code": "HUB-FR:A-01-0-A"}))
    task = ok(client.post(f"{API}/counts/tasks", json={"bin_code": "HUB-FR:A-01-0-A"}))
    assert task["kind"] == "count" and task["ppe"] == ["hi_vis_vest", "safety_shoes"]
    again = client.post(f"{API}/counts/tasks", json={"bin_code": "HUB-FR:A-01-0-A"})
    assert "has a count task open already" in refused(again, 409, None)
    counter = member(world, "lea")
    headers = {"Authorization": f"Bearer {token_of(world.app, counter)}"}
    [taken] = ok(client.post(f"{API}/tasks/next", headers=headers))["data"]
    assert taken["id"] == task["id"]
    count = ok(
        client.post(f"{API}/tasks/{task['id']}/count", json={"scans": [lpns[0]]}, headers=headers)
    )
    assert (count["on_ledger"], count["counted"], count["matched"]) == (2, 1, 1)
    assert count["state"] == "awaiting_approval"
    [adjustment] = count["adjustments"]
    assert (adjustment["kind"], adjustment["lpn"]) == ("missing", lpns[1])
    # A handler may not approve; the counter may not approve their own count.
    denied = client.post(f"{API}/counts/{count['id']}/approve", json={}, headers=headers)
    assert denied.status_code == 403
    decided = ok(client.post(f"{API}/counts/{count['id']}/approve", json={"note": "checked"}))
    assert decided["state"] == "decided" and decided["adjustments"][0]["state"] == "approved"
    unit = ok(client.get(f"{API}/units/{lpns[1]}"))
    assert unit["location_code"] == "HUB-FR:missing"
    twice = client.post(f"{API}/counts/{count['id']}/approve", json={})
    assert "awaits no approval" in refused(twice, 409, None)
    listed = ok(client.get(f"{API}/counts", params={"site_code": "HUB-FR"}))
    assert listed["count"] == 1
    [row] = ok(client.get(f"{API}/counts/accuracy", params={"period": "week"}))["data"]
    assert (row["on_ledger"], row["counted"], row["matched"], row["rate"]) == (2, 1, 1, 0.5)
    assert client.get(f"{API}/counts/999").status_code == 404


def test_incidents_briefings_and_a_site_s_figures_over_http(
    client: TestClient, sqlite_world: World
) -> None:
    world = sqlite_world
    ok(client.post(f"{API}/sites/HUB-FR/bins/import", json={"csv": BINS}))
    for login in ("lea", "max"):
        member(world, login, roles=frozenset({Role.HANDLER}))
    now = datetime.now(UTC)
    body = {
        "site_code": "HUB-FR",
        "occurred_at": (now - timedelta(days=3)).isoformat(),
        "kind": "incident",
        "severity": "lost_time",
        "lost_days": 4,
        "bin_code": "HUB-FR:P-02-4-A",
        "equipment": "reach_truck",
        "people": ["lea"],
        "description": "a carton fell from the racking onto a foot",
        "action_taken": "first aid, then the doctor; racking re-strapped",
    }
    incident = ok(client.post(f"{API}/safety/incidents", json=body))
    assert incident["zone"] == "graded_stock" and incident["reported_by"] == "operator"
    near = {**body, "kind": "near_miss", "severity": "first_aid", "lost_days": 0}
    assert "a near miss hurt nobody" in refused(
        client.post(f"{API}/safety/incidents", json=near), 422, "severity"
    )
    unknown = {**body, "people": ["nobody-here"]}
    assert "no user nobody-here" in refused(
        client.post(f"{API}/safety/incidents", json=unknown), 422, "people"
    )
    ok(client.post(f"{API}/safety/incidents", json={**near, "severity": "none"}))
    briefing = {
        "site_code": "HUB-FR",
        "held_at": (now - timedelta(days=1)).isoformat(),
        "topic": "Walking under racking: helmets on",
        "attendees": ["lea", "max"],
    }
    ok(client.post(f"{API}/safety/briefings", json=briefing))
    assert ok(client.get(f"{API}/safety/briefings"))["count"] == 1
    assert ok(client.get(f"{API}/safety/incidents", params={"site_code": "HUB-FR"}))["count"] == 2
    start = (now - timedelta(days=6)).date()
    end = now.date()
    figures = ok(
        client.get(f"{API}/sites/HUB-FR/safety", params={"start": str(start), "end": str(end)})
    )
    assert (figures["incidents"], figures["near_misses"], figures["lost_time"]) == (1, 1, 1)
    assert figures["days_since_lost_time"] == 3
    assert figures["hours_source"] == "team shifts: 2 member(s) x 7 h x 5 weekday(s)"
    assert figures["per_1000_hours"] == 1 * 1000 / 70
    given = ok(client.get(f"{API}/sites/HUB-FR/safety", params={"hours": 500}))
    assert given["hours_source"] == "given" and given["per_1000_hours"] == 2.0
