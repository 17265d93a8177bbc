"""The floor's performance over HTTP (JSON and CSV), on its page in English and French and
from the dashboard, and as a CSV file from the command line; the handheld finishes a pick
by scanning its list."""

from __future__ import annotations

import html
from datetime import timedelta
from pathlib import Path

from revalo.domain.disposition import DispositionRoute
from revalo.domain.floor.team import PpeKind
from revalo.domain.people import Role
from revalo.services import stock
from revalo.services.floor import team
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, client_of, ok, revalo
from tests.integration.floor_world import add_bins, member
from tests.integration.flows import decide
from tests.integration.test_floor_bins import graded
from tests.people import add_person, person

SHELVES = "code,zone,kind,places\nHUB-FR:A-01-0-A,graded_stock,shelf,20\n"


def one_done(world: World, client: TestClient) -> None:
    add_bins(world, SHELVES)
    lpn = graded(world, "TEE-M", "T1")
    hana = client_of(world.app, member(world, "hana"))
    [task] = ok(client.get(f"{API}/sites/HUB-FR/tasks"))["data"]
    ok(client.post(f"{API}/tasks/{task['id']}/assign", json={"login": "hana"}))
    hana.post("/handheld/next")
    hana.post(
        f"/handheld/{task['id']}/done", data={"unit_scan": lpn, "bin_scan": "HUB-FR:A-01-0-A"}
    )


def test_performance_over_http_and_as_csv(client: TestClient, sqlite_world: World) -> None:
    one_done(sqlite_world, client)
    found = ok(client.get(f"{API}/floor/performance", params={"site_code": "HUB-FR"}))
    assert [(r["level"], r["who"], r["tasks_done"]) for r in found["data"]] == [
        ("person", "hana", 1),
        ("team", "HUB-FR morning", 1),
    ]
    assert {d["zone"] for d in found["dwell"]} >= {"receiving", "graded_stock"}
    csv = client.get(f"{API}/floor/performance.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[1].startswith("person,hana,HUB-FR,1,1,")
    bad = client.get(f"{API}/floor/performance", params={"since": "2030-01-01T00:00:00Z"})
    assert bad.status_code == 422


def test_the_page_in_english_and_french_and_the_dashboard_entry(
    client: TestClient, sqlite_world: World
) -> None:
    one_done(sqlite_world, client)
    boss = client_of(sqlite_world.app, add_person(sqlite_world.app, "julien", {Role.FLOW_MANAGER}))
    assert 'href="/floor/performance"' in boss.get("/").text
    shown = boss.get("/floor/performance", params={"site": "HUB-FR"}).text
    assert "Receipt to put-away, median (h)" in shown and "hana" in shown
    assert "HUB-FR · morning" in shown and "Dwell by zone" in shown
    csv = boss.get("/floor/performance.csv", params={"site": "HUB-FR"})
    assert csv.text.startswith("level,who,site")
    fr = client_of(
        sqlite_world.app, add_person(sqlite_world.app, "chloe", {Role.FLOW_MANAGER}), "fr"
    )
    page = html.unescape(fr.get("/floor/performance").text)
    assert "Réception au rangement, médiane (h)" in page and "Séjour par zone" in page
    assert "HUB-FR · matin" in page
    wrong = html.unescape(fr.get("/floor/performance", params={"since": "2030-01-01"}).text)
    assert "le début de la période doit précéder sa fin" in wrong


def test_the_command_writes_the_csv(db: tuple[Path, World], tmp_path: Path) -> None:
    path, _ = db
    out = tmp_path / "perf.csv"
    done = revalo("floor", "performance", "--site", "HUB-FR", "--csv", out, "--db", path)
    assert done.exit_code == 0, done.output
    assert out.read_text().startswith("level,who,site,tasks_done")
    shown = revalo("floor", "performance", "--db", path)
    assert shown.exit_code == 0 and "row(s)" in shown.output and "zone(s)" in shown.output


def test_the_handheld_picks_by_scanning_the_list(sqlite_world: World) -> None:
    world = sqlite_world
    add_bins(world, SHELVES)
    lpns = [graded(world, "DRILL-18", f"D{i}") for i in range(2)]
    for lpn in lpns:
        decide(world, lpn, DispositionRoute.REPAIR, "REP-FR", reason="switch")
    stock.ship_units(world.app.uow(), lpns, to_site="REP-FR", by=person("bob"))
    lea = client_of(world.app, member(world, "lea"), "fr")
    day = world.now.date()
    team.issue_ppe(
        world.app.uow(),
        "lea",
        item=PpeKind.GLOVES,
        size="8",
        issued_on=day,
        replace_by=day + timedelta(days=90),
        by=person("sup"),
    )
    taken = html.unescape(lea.post("/handheld/next").text)
    assert "prélever 2 unité(s), dans cet ordre" in taken
    task_id = int(taken.split('action="/handheld/')[1].split("/")[0])
    short = html.unescape(lea.post(f"/handheld/{task_id}/scans", data={"scans": lpns[0]}).text)
    assert f"il manque encore à la tâche {task_id} : {lpns[1]}" in short
    done = lea.post(f"/handheld/{task_id}/scans", data={"scans": "\n".join(lpns)}).text
    assert f"La tâche {task_id} est terminée." in html.unescape(done)
