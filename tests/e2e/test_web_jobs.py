"""The jobs' pages: the list, submitting a batch and a plan from a form, one job with its
progress, result and log, cancelling it; in English and French."""

from __future__ import annotations

from fastapi.testclient import TestClient

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import client_of
from tests.e2e.jobs_world import authorised, wait_for, week_later
from tests.people import add_person


def test_a_plan_submitted_from_the_page_runs_and_links_its_plan(
    client: TestClient, sqlite_world: World
) -> None:
    authorised(client, "B-ACME", "LAP-14", 8)
    app = sqlite_world.app
    manager = add_person(app, "manon", [Role.FLOW_MANAGER])
    with client_of(app, manager, "fr") as page:
        listing = page.get("/jobs")
        assert listing.status_code == 200 and "Planifier les collectes" in listing.text
        form = {"day": week_later(), "region": "FR", "seconds": "1"}
        sent = page.post("/jobs/collection-plan", data=form, follow_redirects=False)
        assert sent.status_code == 303
        job_id = int(sent.headers["location"].rsplit("/", 1)[1])
        running = page.get(f"/jobs/{job_id}").text
        assert "JOB" in running
        done = wait_for(page, job_id)
        assert done["state"] == "done"
        shown = page.get(f"/jobs/{job_id}").text
        assert 'http-equiv="refresh"' not in shown  # over: no more refreshing
        assert f'href="/collections/{done["result"]["plan_id"]}"' in shown
        assert "tentative 1 commencée sur serve" in shown and "terminée" in shown
        assert "plan de collecte" in page.get("/jobs").text


def test_a_wrong_form_says_what_is_wrong_and_submits_nothing(client: TestClient) -> None:
    form = {"day": week_later(), "region": "F1", "seconds": "1"}
    answer = client.post("/jobs/collection-plan", data=form)
    assert answer.status_code == 422 and "ISO 3166" in answer.text
    assert client.get("/api/v1/jobs").json()["count"] == 0


def test_a_queued_job_is_cancelled_from_its_page(client: TestClient, sqlite_world: World) -> None:
    from revalo.domain.jobs import Job, JobKind
    from revalo.domain.values import utcnow

    app = sqlite_world.app
    job = Job(
        JobKind.UNIT_EXPORT, "operator", utcnow(), {"states": [], "site": None, "client": None}
    )
    with app.uow() as uow:  # stored but never handed to a worker: it stays queued
        uow.jobs.add(job)
        uow.commit()
    shown = client.get(f"/jobs/{job.id}").text
    assert 'http-equiv="refresh"' in shown and "Cancel the job" in shown
    sent = client.post(f"/jobs/{job.id}/cancel", follow_redirects=False)
    assert sent.status_code == 303
    after = client.get(f"/jobs/{job.id}").text
    assert "cancelled by operator before it started" in after
    assert client.get(f"/api/v1/jobs/{job.id}").json()["state"] == "cancelled"


def test_a_batch_submitted_from_the_page_is_previewed_and_decides_nothing(
    sqlite_world: World,
) -> None:
    from tests.integration.flows import grade, received_unit

    app = sqlite_world.app
    lpn = received_unit(sqlite_world, sqlite_world.laptop, "PRE-1")
    grade(sqlite_world, lpn, "B", "B")
    manager = add_person(app, "marc", [Role.FLOW_MANAGER])
    with client_of(app, manager, "en") as page:
        assert "Preview the disposition batch now" in page.get("/jobs").text
        sent = page.post("/jobs/disposition-batch", data={}, follow_redirects=False)
        assert sent.status_code == 303
        job_id = int(sent.headers["location"].rsplit("/", 1)[1])
        done = wait_for(page, job_id)
        assert done["state"] == "done", done
        batch_id = done["result"]["batch_id"]
        assert f'href="/batch?id={batch_id}"' in page.get(f"/jobs/{job_id}").text
        unit = page.get(f"/api/v1/units/{lpn}").json()
        assert unit["state"] == "graded", unit
