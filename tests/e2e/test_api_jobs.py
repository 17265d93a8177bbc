"""Jobs over HTTP in the embedded default (no broker): the job runs in the server's own
thread pool, its progress and result are read by API, and it can be cancelled."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, client_of, ok, refused
from tests.e2e.jobs_world import JOBS, authorised, wait_for, week_later
from tests.integration.test_import import HEADER
from tests.people import add_person


def test_a_collection_plan_runs_as_a_job_in_the_server(
    client: TestClient, sqlite_world: World
) -> None:
    acme = authorised(client, "B-ACME", "LAP-14", 8)
    body = {"date": week_later(), "region": "fr", "seconds": 2, "seed": 3}
    answer = client.post(f"{JOBS}/collection-plans", json=body)
    job = ok(answer, 202)
    assert answer.headers["location"] == f"{JOBS}/{job['id']}"
    assert job["kind"] == "collection_plan" and job["submitted_by"] == "operator"
    assert job["parameters"]["region"] == "FR"
    seen = wait_for(client, job["id"], lambda j: j["state"] == "running" and j["progress"] > 0)
    assert seen["step"].startswith("searching the plan")
    done = wait_for(client, job["id"])
    assert done["state"] == "done", done
    assert done["progress"] == 1.0 and done["attempts"] == 1
    plan_id = done["result"]["plan_id"]
    assert done["links"]["plan"] == f"{API}/collections/plans/{plan_id}"
    plan = ok(client.get(done["links"]["plan"]))
    assert plan["collected_count"] == 1 == done["result"]["collected"]
    assert plan["routes"][0]["stops"][0]["rma_number"] == acme
    assert any("attempt 1 started" in line["text"] for line in done["log"])
    # The plan is stored once.
    with sqlite_world.app.read_uow() as uow:
        assert [p.id for p in uow.collection_plans.recent(10)] == [plan_id]


def test_a_wrong_parameter_is_refused_with_nothing_stored(client: TestClient) -> None:
    body = {"date": week_later(), "region": "F1", "seconds": 1}
    assert refused(client.post(f"{JOBS}/collection-plans", json=body), 422, "region")
    too_long = {"date": week_later(), "region": "FR", "seconds": 61}
    message = refused(client.post(f"{JOBS}/collection-plans", json=too_long), 422, "seconds")
    assert "at most 60" in message
    assert ok(client.get(JOBS))["count"] == 0


def test_an_export_leaves_its_file_and_an_import_fails_naming_bad_lines(
    client: TestClient,
) -> None:
    authorised(client, "B-ACME", "LAP-14", 2)
    job = ok(client.post(f"{JOBS}/unit-exports", json={"states": []}), 202)
    done = wait_for(client, job["id"])
    assert done["state"] == "done" and done["result"] == {"units": 0}
    csv = client.get(done["links"]["output"])
    assert csv.status_code == 200 and csv.text.startswith("lpn,")
    day = (date.today() - timedelta(days=2)).isoformat()
    rows = [
        f"ORD-1,C-ANNE,{day},,LAP-14,1,defective,,",
        f"ORD-2,C-ANNE,{day},,TEE-M,2,withdrawal,,",
    ]
    good = "\n".join([HEADER, *rows, ""])
    job = ok(client.post(f"{JOBS}/return-imports", json={"csv": good}), 202)
    imported = wait_for(client, job["id"])
    assert imported["state"] == "done", imported
    assert imported["result"]["returns"] == 2 and imported["result"]["committed"]
    assert ok(client.get(f"{API}/returns"))["count"] == 3  # the one above and these two
    bad = f"{HEADER}\nORD-3,C-ANNE,{day},,NOPE,1,defective,,\n"
    job = ok(client.post(f"{JOBS}/return-imports", json={"csv": bad}), 202)
    failed = wait_for(client, job["id"])
    assert failed["state"] == "failed" and "nothing was imported" in failed["error"]
    assert "line 2 sku" in failed["error"]


def test_each_sees_their_own_jobs_and_a_flow_manager_all(
    client: TestClient, sqlite_world: World
) -> None:
    app = sqlite_world.app
    job = ok(client.post(f"{JOBS}/unit-exports", json={}), 202)
    wait_for(client, job["id"])
    finance = client_of(app, add_person(app, "fiona", [Role.FINANCE]))
    mine = ok(finance.post(f"{JOBS}/unit-exports", json={}), 202)
    assert [j["id"] for j in ok(finance.get(JOBS))["data"]] == [mine["id"]]
    refused(finance.get(f"{JOBS}/{job['id']}"), 404, "job_id")
    refused(finance.post(f"{JOBS}/{job['id']}/cancel"), 404, "job_id")
    refused(finance.post(f"{JOBS}/collection-plans", json={}), 403, None)
    manager = client_of(app, add_person(app, "manon", [Role.FLOW_MANAGER]))
    assert {j["id"] for j in ok(manager.get(JOBS))["data"]} == {job["id"], mine["id"]}
    only = ok(manager.get(JOBS, params={"submitted_by": "fiona"}))["data"]
    assert [j["id"] for j in only] == [mine["id"]]
    wait_for(finance, mine["id"])


def test_a_finished_job_cannot_be_cancelled(client: TestClient) -> None:
    job = ok(client.post(f"{JOBS}/unit-exports", json={}), 202)
    wait_for(client, job["id"])
    message = refused(client.post(f"{JOBS}/{job['id']}/cancel"), 409, "job_id")
    assert "cannot be cancelled" in message
