"""The shift's assignment over HTTP, on the page (in English and French) and on the command
line: proposed without changing anything, accepted, a handler refused."""

from __future__ import annotations

import html
from pathlib import Path

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, client_of, ok, refused, revalo
from tests.integration.floor_world import add_bins, member
from tests.integration.test_floor_bins import graded
from tests.people import add_person, bearer

SHELVES = "code,zone,kind,places\nHUB-FR:A-01-0-A,graded_stock,shelf,20\n"


def two_tasks(world: World) -> None:
    add_bins(world, SHELVES)
    graded(world, "TEE-M", "T1")
    graded(world, "TEE-M", "T2")
    member(world, "hana")


def test_the_assignment_over_http(client: TestClient, sqlite_world: World) -> None:
    two_tasks(sqlite_world)
    proposed = ok(
        client.get(f"{API}/sites/HUB-FR/assignment", params={"shift": "morning", "compare": True})
    )
    assert proposed["status"] in ("optimal", "time_limit")
    assert [p["login"] for p in proposed["plans"]] == ["hana"]
    assert proposed["baseline"]["assigned"] == 2 and len(proposed["assigned"]) == 2
    again = ok(client.get(f"{API}/sites/HUB-FR/tasks"))
    assert all(t["assignee"] is None for t in again["data"])
    pairs = [{"task_id": g["task_id"], "login": g["login"]} for g in proposed["assigned"]]
    twice = client.post(f"{API}/tasks/assign", json={"pairs": pairs + pairs[:1]})
    assert "is given twice" in refused(twice, 422, "pairs")
    done = ok(client.post(f"{API}/tasks/assign", json={"pairs": pairs}))
    assert [t["assignee"] for t in done["assigned"]] == ["hana", "hana"]
    late = ok(client.post(f"{API}/tasks/assign", json={"pairs": pairs}))
    assert late["assigned"] == [] and "taken meanwhile" in late["reported"][0]["reason"]
    handler = bearer(sqlite_world.app, "ivo", {Role.HANDLER})
    assert client.get(f"{API}/sites/HUB-FR/assignment", headers=handler).status_code == 403
    assert (
        client.post(f"{API}/tasks/assign", json={"pairs": pairs}, headers=handler).status_code
        == 403
    )


def test_the_page_proposes_and_accepts_in_english_and_french(sqlite_world: World) -> None:
    world = sqlite_world
    two_tasks(world)
    boss = client_of(world.app, add_person(world.app, "julien", {Role.TEAM_SUPERVISOR}))
    shown = boss.get("/floor/assignment", params={"site": "HUB-FR", "shift": "morning"}).text
    assert "Accept and assign 2 tasks" in shown and "hana" in shown
    assert "greedy baseline" in shown
    pairs = [v.split('"')[0] for v in shown.split('name="pair" value="')[1:]]
    assert len(pairs) == 2
    accepted = boss.post(
        "/floor/assignment/accept", data={"site": "HUB-FR", "shift": "morning", "pair": pairs}
    )
    assert "2 task(s) assigned." in html.unescape(accepted.text)
    fr = client_of(world.app, add_person(world.app, "chloe", {Role.TEAM_SUPERVISOR}), "fr")
    again = fr.post(
        "/floor/assignment/accept", data={"site": "HUB-FR", "shift": "morning", "pair": pairs}
    )
    text = html.unescape(again.text)
    assert "0 tâche(s) confiée(s) ; non confiées" in text
    assert "a été prise entre-temps : elle est confiée, tenue par hana" in text
    night = fr.get("/floor/assignment", params={"site": "HUB-FR", "shift": "night"}).text
    assert "Rien à confier" in html.unescape(night)


def test_the_command_proposes_and_accepts(db: tuple[Path, World]) -> None:
    path, world = db
    two_tasks(world)
    shown = revalo("floor", "assign", "HUB-FR", "--shift", "morning", "--db", path)
    assert shown.exit_code == 0, shown.output
    assert "2 task(s) given, 0 left open" in shown.output and "greedy: spread" in shown.output
    done = revalo("floor", "assign", "HUB-FR", "--shift", "morning", "--accept", "--db", path)
    assert done.exit_code == 0, done.output
    assert "Assigned 2 task(s)." in done.output
    bad = revalo("floor", "assign", "HUB-FR", "--shift", "noon", "--db", path)
    assert bad.exit_code == 1 and "shift 'noon' must be one of" in bad.output
