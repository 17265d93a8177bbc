"""The cost targets from each door: the API sets, lists (with the period's figure) and
removes them; the costs page's form sets one and the dashboard shows it missed; the
command line does the same; a client's user may see them but not set them."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from revalo.domain.people import Role
from revalo.entrypoints.api import create_app
from tests.conftest import World
from tests.e2e.conftest import API, revalo
from tests.e2e.test_sessions import csrf_of, sign_in
from tests.integration.test_costs import DAY, T0, repaired_and_sold
from tests.people import add_person, bearer

PERIOD = {"from": T0.date().isoformat(), "to": (T0.date() + 9 * DAY).isoformat()}


def test_the_api_sets_checks_and_removes_a_target(sqlite_world: World) -> None:
    repaired_and_sold(sqlite_world)
    app = sqlite_world.app
    with TestClient(create_app(app), base_url="http://localhost", headers=bearer(app)) as c:
        made = c.post(f"{API}/costs/targets", json={"metric": "cost_per_return", "value": "100"})
        assert made.status_code == 201, made.text
        listed = c.get(f"{API}/costs/targets", params=PERIOD).json()
        (row,) = listed["data"]
        assert row["missed"] and row["actual"] > 136 and listed["missed"] == 1
        bad = c.post(f"{API}/costs/targets", json={"metric": "share_recovered", "value": "2"})
        assert bad.status_code == 422 and "between 0 and 1" in bad.text
        gone = c.post(f"{API}/costs/targets/remove", json={"metric": "cost_per_return"})
        assert gone.status_code == 204
        assert c.get(f"{API}/costs/targets").json()["count"] == 0


def test_the_page_form_sets_a_target_the_dashboard_shows_missed(sqlite_world: World) -> None:
    repaired_and_sold(sqlite_world)
    add_person(sqlite_world.app, "mia", [Role.FLOW_MANAGER], password="correct horse battery")
    with TestClient(create_app(sqlite_world.app), base_url="http://localhost") as browser:
        assert sign_in(browser, "mia").status_code == 303
        page = browser.get("/costs", params=PERIOD)
        assert 'id="cost-target-form"' in page.text
        form = {"csrf": csrf_of(page.text), "metric": "km_per_unit", "scope": "all", "value": "5"}
        done = browser.post("/costs/targets", data=form, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == "/costs#targets"
        page = browser.get("/costs", params=PERIOD)
        assert 'id="cost-targets"' in page.text and "manqué" in page.text
        board = browser.get("/", params={"period": "all"})
        assert 'id="cost-targets-missed"' in board.text


def test_the_command_line_sets_and_checks_targets(db: tuple[Path, World]) -> None:
    path, world = db
    repaired_and_sold(world)
    done = revalo(
        "targets", "set", "dwell_days", "3", "--scope", "site", "--code", "HUB-FR", "--db", path
    )
    assert done.exit_code == 0, done.output
    checked = revalo("targets", "check", "--db", path)
    assert checked.exit_code == 0 and "dwell_days" in checked.output
    wrong = revalo("targets", "set", "speed", "3", "--db", path)
    assert wrong.exit_code != 0 and "unknown target 'speed'" in wrong.output
    gone = revalo(
        "targets", "remove", "dwell_days", "--scope", "site", "--code", "HUB-FR", "--db", path
    )
    assert gone.exit_code == 0, gone.output
