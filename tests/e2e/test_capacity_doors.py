"""The capacity plan from each door: the API sets, lists and imports it (bad input refused
with what is wrong); the page shows it with this week's remainder and its forms set a new
version, in English and French; the command line does the same; a handler may not set it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from revalo.domain.capacity_plans import monday_of
from revalo.domain.people import Role
from revalo.entrypoints.api import create_app
from tests.conftest import World
from tests.e2e.conftest import API, revalo
from tests.e2e.test_sessions import csrf_of, sign_in
from tests.integration.test_capacity_plans import GOOD
from tests.people import add_person, bearer

WEEK = "2026-12-07"


def test_the_api_sets_lists_and_imports_the_plan(sqlite_world: World) -> None:
    app = sqlite_world.app
    with TestClient(create_app(app), base_url="http://localhost", headers=bearer(app)) as c:
        body = {"site": "REP-FR", "week": WEEK, "hours": {"repair": 40}, "storage_places": 90}
        made = c.put(f"{API}/disposition/capacities", json=body)
        assert made.status_code == 200, made.text
        assert made.json()["version"] == 1 and made.json()["hours"] == {"repair": 40.0}
        again = c.put(f"{API}/disposition/capacities", json={**body, "hours": {"repair": 30}})
        assert again.json()["version"] == 2
        listed = c.get(f"{API}/disposition/capacities", params={"week": WEEK}).json()
        assert listed["count"] == 1 and listed["data"][0]["hours"] == {"repair": 30.0}
        every = c.get(f"{API}/disposition/capacities", params={"history": "true"}).json()
        assert [r["version"] for r in every["data"]] == [1, 2]
        tuesday = c.put(f"{API}/disposition/capacities", json={**body, "week": "2026-12-08"})
        assert tuesday.status_code == 422 and "2026-12-07" in tuesday.text
        steps = [{"units": 10, "rate": 1}, {"units": 5, "rate": 0.8}]
        dem = {"channel": "DISCOUNT-MKT", "category": "laptop", "week": WEEK, "steps": steps}
        put = c.put(f"{API}/disposition/demand", json=dem)
        assert put.status_code == 200, put.text and put.json()["volume"] == 15
        rising = c.put(f"{API}/disposition/demand", json={**dem, "steps": steps[::-1]})
        assert rising.status_code == 422 and "must not rise" in rising.text
        shown = c.get(f"{API}/disposition/demand").json()
        assert shown["data"][0]["steps"] == steps
        imported = c.post(f"{API}/disposition/capacities/import", json={"csv": GOOD})
        assert imported.json() == {"capacities": 2, "demands": 1}, imported.text
        bad = c.post(f"{API}/disposition/capacities/import", json={"csv": GOOD + "x,y,z\n"})
        assert bad.status_code == 422 and "line 5" in bad.text


def test_a_handler_may_not_set_it(sqlite_world: World) -> None:
    app = sqlite_world.app
    hal = bearer(app, "hal", [Role.HANDLER])
    with TestClient(create_app(app), base_url="http://localhost", headers=hal) as c:
        body = {"site": "REP-FR", "week": WEEK, "hours": {"repair": 40}}
        assert c.put(f"{API}/disposition/capacities", json=body).status_code == 403


def test_the_page_shows_the_plan_and_its_forms_set_versions(sqlite_world: World) -> None:
    add_person(sqlite_world.app, "mia", [Role.FLOW_MANAGER], password="correct horse battery")
    this_week = monday_of(datetime.now(UTC).date()).isoformat()
    with TestClient(create_app(sqlite_world.app), base_url="http://localhost") as browser:
        assert sign_in(browser, "mia").status_code == 303
        browser.get("/lang/en")
        page = browser.get("/capacities")
        assert page.status_code == 200 and 'id="capacity-form"' in page.text
        form = {"csrf": csrf_of(page.text), "site": "REP-FR", "week": this_week}
        done = browser.post(
            "/capacities", data={**form, "repair_hours": "12,5"}, follow_redirects=False
        )
        assert done.status_code == 303 and done.headers["location"] == "/capacities"
        demand = {"csrf": form["csrf"], "channel": "DISCOUNT-MKT", "category": "laptop"}
        demand |= {"week": this_week, "steps": "4@1, 2@0.5"}
        assert (
            browser.post("/capacities/demand", data=demand, follow_redirects=False).status_code
            == 303
        )
        shown = browser.get("/capacities").text
        assert "12.5" in shown and "12.5 left" in shown and "6 left" in shown
        browser.get("/lang/fr")
        french = browser.get("/capacities").text
        assert "Plan de capacité" in french and "12,5 restantes" in french
        bad = browser.post(
            "/capacities", data={**form, "repair_hours": "-3"}, follow_redirects=False
        )
        assert bad.status_code == 303
        assert "doivent être entre 0" in browser.get("/capacities").text
        # One week at a time: next week's plan is on its own page, asked by any of its days.
        browser.get("/lang/en")
        monday = monday_of(datetime.now(UTC).date()) + timedelta(days=7)
        browser.post("/capacities", data={**form, "week": monday.isoformat(), "test_hours": "7"})
        assert ">7.0<" not in browser.get("/capacities").text
        wednesday = (monday + timedelta(days=2)).isoformat()
        later = browser.get("/capacities", params={"week": wednesday}).text
        assert ">7.0<" in later and "12.5 left" not in later
        assert f'value="{monday.isoformat()}"' in later
        wrong = browser.get("/capacities", params={"week": "next tuesday"})
        assert wrong.status_code == 422


def test_the_command_line_sets_lists_and_imports(db: tuple[Path, World], tmp_path: Path) -> None:
    path, _ = db
    done = revalo(
        "capacities", "set", "REP-FR", WEEK, "--repair", "40", "--storage", "80", "--db", path
    )
    assert done.exit_code == 0 and "REP-FR 2026-12-07 v1: repair=40 storage=80" in done.output
    dem = revalo(
        "capacities", "demand", "DISCOUNT-MKT", "laptop", WEEK, "10@1, 5@0.8", "--db", path
    )
    assert dem.exit_code == 0 and "10@1, 5@0.8" in dem.output
    listed = revalo("capacities", "list", "--week", WEEK, "--db", path)
    assert listed.exit_code == 0 and "REP-FR" in listed.output and "DISCOUNT-MKT" in listed.output
    file = tmp_path / "plan.csv"
    file.write_text(GOOD, encoding="utf-8")
    imported = revalo("capacities", "import", str(file), "--db", path)
    assert imported.exit_code == 0 and "capacities 2, demand 1" in imported.output
    wrong = revalo("capacities", "set", "REP-FR", "2026-12-08", "--repair", "4", "--db", path)
    assert wrong.exit_code != 0 and "starts on a Monday" in wrong.output


def test_the_api_previews_then_commits_tonight_s_batch(sqlite_world: World) -> None:
    from tests.integration.flows import expected_unit, grade

    for i in range(3):
        lpn = expected_unit(sqlite_world, sqlite_world.laptop, f"SN-{i}")
        grade(sqlite_world, lpn, "C", "A")
    app = sqlite_world.app
    today = datetime.now(UTC).date().isoformat()
    with TestClient(create_app(app), base_url="http://localhost", headers=bearer(app)) as c:
        made = c.post(f"{API}/dispositions/batches", json={"date": today})
        assert made.status_code == 201, made.text
        preview = made.json()
        assert preview["state"] == "preview" and len(preview["plan"]) == 3
        assert set(preview["figures"]) >= {
            "optimiser",
            "greedy",
            "regret_greedy",
            "hierarchy_first",
        }
        shown = c.get(f"{API}/dispositions/batches/{preview['id']}").json()
        assert shown["plan"] == preview["plan"]
        done = c.post(f"{API}/dispositions/batches", json={"preview_id": preview["id"]})
        assert done.status_code == 200 and done.json()["decided"] == 3, done.text
        again = c.post(f"{API}/dispositions/batches", json={"preview_id": preview["id"]})
        assert again.status_code == 409 and "committed already" in again.text
        assert c.post(f"{API}/dispositions/batches", json={}).status_code == 422
        assert c.get(f"{API}/dispositions/batches/999").status_code == 404


def test_the_command_line_previews_and_commits(db: tuple[Path, World]) -> None:
    from tests.integration.flows import expected_unit, grade

    path, world = db
    lpn = expected_unit(world, world.laptop, "SN-1")
    grade(world, lpn, "C", "A")
    today = datetime.now(UTC).date().isoformat()
    shown = revalo("decide", "--date", today, "--preview", "--db", path)
    assert shown.exit_code == 0, shown.output
    assert "optimiser" in shown.output and "hierarchy_first" in shown.output
    preview_id = shown.output.split("preview ")[1].split(":")[0]
    done = revalo("decide", "--commit", preview_id, "--db", path)
    assert done.exit_code == 0 and "1 decided" in done.output, done.output
    twice = revalo("decide", "--commit", preview_id, "--db", path)
    assert twice.exit_code != 0 and "committed already" in twice.output


def test_the_batch_page_previews_shows_the_baselines_and_commits(sqlite_world: World) -> None:
    from tests.integration.flows import expected_unit, grade

    for i in range(2):
        lpn = expected_unit(sqlite_world, sqlite_world.laptop, f"SN-{i}")
        grade(sqlite_world, lpn, "C", "A")
    add_person(sqlite_world.app, "mia", [Role.FLOW_MANAGER], password="correct horse battery")
    with TestClient(create_app(sqlite_world.app), base_url="http://localhost") as browser:
        assert sign_in(browser, "mia").status_code == 303
        browser.get("/lang/en")
        empty = browser.get("/batch")
        assert empty.status_code == 200 and "No batch has been previewed yet." in empty.text
        form = {"csrf": csrf_of(empty.text), "date": datetime.now(UTC).date().isoformat()}
        assert browser.post("/batch/preview", data=form, follow_redirects=False).status_code == 303
        shown = browser.get("/batch").text
        for name in (
            "Optimiser",
            "Greedy by regret",
            "Greedy (first come)",
            "Waste hierarchy first",
        ):
            assert name in shown
        assert 'id="batch-commit-form"' in shown and "Commit the 2 decisions" in shown
        batch_id = shown.split('name="batch_id" value="')[1].split('"')[0]
        done = browser.post(
            "/batch/commit", data={"csrf": form["csrf"], "batch_id": batch_id},
            follow_redirects=False,
        )  # fmt: skip
        assert done.status_code == 303
        after = browser.get("/batch").text
        assert "The batch is committed" in after and 'id="batch-commit-form"' not in after
        browser.get("/lang/fr")
        assert "Glouton par regret" in browser.get("/batch").text
