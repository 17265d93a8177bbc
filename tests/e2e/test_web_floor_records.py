"""The floor records' pages: a supervisor plans a count, the handler counts the bin on the
handheld, the supervisor approves the difference (the unit moves to the site's missing
location); a lost-time accident and a briefing recorded from the safety page, and the days
since it on the dashboard and the floor page, in French too."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from revalo.domain.people import Role
from revalo.services.floor import putaway
from tests.conftest import World
from tests.e2e.conftest import client_of
from tests.integration.floor_world import add_bins, member
from tests.integration.test_floor_bins import graded, where
from tests.people import add_person, person

SHELF = "HUB-FR:A-01-0-A"


def test_a_count_on_the_handheld_and_its_approval_on_the_page(sqlite_world: World) -> None:
    world = sqlite_world
    add_bins(world)
    lpns = [graded(world, "TEE-M", f"W{i}") for i in range(2)]
    for lpn in lpns:
        putaway.put_away(world.app.uow(), lpn, SHELF, by=person("bob"))
    boss = client_of(world.app, add_person(world.app, "julien", {Role.TEAM_SUPERVISOR}))
    planned = boss.post("/floor/counts/plan", data={"bin_code": SHELF})
    assert f"count {SHELF}" in html.unescape(planned.text)
    hand = client_of(world.app, member(world, "hana"))
    hand.post("/handheld/next")
    page = hand.get("/handheld").text
    assert 'id="scans"' in page and SHELF in page
    task_id = int(page.split('action="/handheld/count/')[1].split('"')[0])
    counted = hand.post(f"/handheld/count/{task_id}", data={"scans": lpns[0] + "\n"})
    assert "1 difference(s) await approval" in html.unescape(counted.text)
    counts_page = boss.get("/floor/counts").text
    assert lpns[1] in counts_page and "missing" in counts_page
    count_id = int(counts_page.split('id="count-')[1].split('"')[0])
    decided = boss.post(f"/floor/counts/{count_id}/approve", data={"note": "not in the aisle"})
    assert "is decided" in decided.text
    assert where(world, lpns[1]) == "HUB-FR:missing"
    french = client_of(world.app, add_person(world.app, "claire", {Role.TEAM_SUPERVISOR}), "fr")
    assert "Inventaires tournants" in french.get("/floor/counts").text


def test_the_safety_page_records_and_the_days_show_on_the_dashboard(sqlite_world: World) -> None:
    world = sqlite_world
    add_bins(world)
    member(world, "hana")
    boss = client_of(world.app, add_person(world.app, "julien", {Role.TEAM_SUPERVISOR}))
    today = datetime.now(UTC).date()
    answer = boss.post(
        "/floor/safety/incidents",
        data={
            "site": "HUB-FR",
            "occurred_on": today.isoformat(),
            "kind": "incident",
            "severity": "lost_time",
            "lost_days": "3",
            "bin_code": SHELF,
            "people": "hana",
            "description": "a box fell on a foot",
            "action_taken": "first aid and the doctor",
        },
    )
    assert "Recorded at HUB-FR." in answer.text
    wrong = boss.post(
        "/floor/safety/incidents",
        data={
            "site": "HUB-FR",
            "occurred_on": today.isoformat(),
            "kind": "near_miss",
            "severity": "first_aid",
            "description": "x",
            "action_taken": "y",
        },
    )
    assert "a near miss hurt nobody" in html.unescape(wrong.text)
    boss.post(
        "/floor/safety/briefings",
        data={"site": "HUB-FR", "topic": "Helmets under racking", "attendees": "hana"},
    )
    safety = boss.get("/floor/safety").text
    assert "a box fell on a foot" in safety and "Helmets under racking" in safety
    assert 'id="safety-days"' in boss.get("/").text
    assert 'id="safety-days"' in boss.get("/floor", params={"site": "HUB-FR"}).text
    french = client_of(world.app, add_person(world.app, "claire", {Role.TEAM_SUPERVISOR}), "fr")
    assert "Jours depuis le dernier accident avec arrêt" in french.get("/").text
