"""Tonight's batch accepted with overrides from each door: the API's commit body, the
command line's --override, the page's per-unit choice; a bad override refused naming its
unit with nothing decided; what changed since the last committed plan in the answer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from revalo.domain.people import Role
from revalo.entrypoints.api import create_app
from tests.conftest import World
from tests.e2e.conftest import API, revalo
from tests.e2e.test_sessions import csrf_of, sign_in
from tests.integration.flows import expected_unit, grade
from tests.people import add_person, bearer

BATCHES = f"{API}/dispositions/batches"


def _graded(world: World, n: int) -> list[str]:
    lpns = [expected_unit(world, world.laptop, f"SN-{i}") for i in range(n)]
    for lpn in lpns:
        grade(world, lpn, "C", "A")
    return lpns


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def _another(unit: dict[str, Any]) -> str:
    """A route offered for the unit other than its plan's."""
    planned = unit["route"] + (f"@{unit['destination']}" if unit["destination"] else "")
    return next(c for c, _net in unit["offered"] if c.split(":")[0] != planned)


def test_the_api_commits_with_overrides_and_refuses_a_bad_one_whole(sqlite_world: World) -> None:
    lpns = _graded(sqlite_world, 3)
    app = sqlite_world.app
    with TestClient(create_app(app), base_url="http://localhost", headers=bearer(app)) as c:
        preview = c.post(BATCHES, json={"date": _today()}).json()
        assert sorted(ch["lpn"] for ch in preview["changes"]) == sorted(lpns)
        assert all(ch["batch_id"] is None for ch in preview["changes"])
        unit = preview["plan"][0]
        rest, _, channel = _another(unit).partition(":")
        route, _, site = rest.partition("@")
        good = {"lpn": unit["lpn"], "route": route, "reason": "a buyer waits for it"}
        good |= {"destination": site or None, "channel": channel or None}
        bad = {"lpn": preview["plan"][1]["lpn"], "route": "teleport", "reason": "why not"}
        refused = c.post(BATCHES, json={"preview_id": preview["id"], "overrides": [good, bad]})
        assert refused.status_code == 422, refused.text
        assert f"override of {bad['lpn']}: unknown route teleport" in refused.text
        unknown = {**bad, "lpn": "LPN-NONE", "route": "recycle"}
        outside = c.post(BATCHES, json={"preview_id": preview["id"], "overrides": [unknown]})
        assert outside.status_code == 422 and "not in batch" in outside.text
        still = c.get(f"{BATCHES}/{preview['id']}").json()
        assert still["state"] == "preview"
        done = c.post(BATCHES, json={"preview_id": preview["id"], "overrides": [good]})
        assert done.status_code == 200 and done.json()["decided"] == 3, done.text
        mine = next(d for d in done.json()["plan"] if d["lpn"] == unit["lpn"])
        assert mine["route"] == route and mine["overridden_by"] and mine["reason"] == good["reason"]
        shown = c.get(f"{API}/units/{unit['lpn']}").json()
        assert route in str(shown) and "a buyer waits for it" in str(shown)
        with_date = c.post(BATCHES, json={"date": _today(), "overrides": [good]})
        assert with_date.status_code == 422 and "go with a commit" in with_date.text


def test_the_command_line_commits_with_an_override(db: tuple[Path, World]) -> None:
    path, world = db
    lpn = _graded(world, 1)[0]
    shown = revalo("decide", "--date", _today(), "--preview", "--db", path)
    assert shown.exit_code == 0, shown.output
    preview_id = shown.output.split("preview ")[1].split(":")[0]
    alone = revalo("decide", "--commit", preview_id, "--override", f"{lpn}=recycle", "--db", path)
    assert alone.exit_code != 0 and "needs --reason" in alone.output
    bad = revalo(
        "decide", "--commit", preview_id, "--override", f"{lpn}=restock@NOWHERE",
        "--reason", "kept", "--db", path,
    )  # fmt: skip
    assert bad.exit_code != 0 and f"override of {lpn}" in bad.output, bad.output
    done = revalo(
        "decide", "--commit", preview_id, "--override", f"{lpn}=donate@CHA-FR",
        "--reason", "the shop needs it", "--db", path,
    )  # fmt: skip
    assert done.exit_code == 0 and "1 decided" in done.output, done.output
    assert "1 by override" in done.output


def test_the_batch_page_offers_a_choice_per_unit_and_shows_what_changed(
    sqlite_world: World,
) -> None:
    lpns = _graded(sqlite_world, 2)
    add_person(sqlite_world.app, "mia", [Role.FLOW_MANAGER], password="correct horse battery")
    with TestClient(create_app(sqlite_world.app), base_url="http://localhost") as browser:
        assert sign_in(browser, "mia").status_code == 303
        browser.get("/lang/en")
        token = csrf_of(browser.get("/batch").text)
        browser.post("/batch/preview", data={"csrf": token, "date": _today()})
        shown = browser.get("/batch").text
        assert f'name="override.{lpns[0]}"' in shown and "as planned" in shown
        assert "What changed since the last plan" in shown
        assert "2 units are new since the last plan" in shown
        assert browser.get("/batch", params={"id": str(10**30)}).status_code == 422
        assert browser.get("/batch", params={"id": "424242"}).status_code == 404
        batch_id = shown.split('name="batch_id" value="')[1].split('"')[0]
        choice = shown.split(f'name="override.{lpns[0]}"')[1].split('<option value="')[2]
        choice = choice.split('"')[0]
        form = {"csrf": token, "batch_id": batch_id, f"override.{lpns[0]}": choice}
        refused = browser.post("/batch/commit", data=form)
        assert f"the override of {lpns[0]} needs a reason" in refused.text
        assert 'id="batch-commit-form"' in refused.text
        done = browser.post("/batch/commit", data={**form, "reason": "promised to a client"})
        assert "The batch is committed" in done.text and "chosen by mia" in done.text
        browser.get("/lang/fr")
        french = browser.get("/batch").text
        assert "choisie par mia" in french and "Ce qui a changé depuis le dernier plan" in french
