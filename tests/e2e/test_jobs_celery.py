"""Jobs on real Celery workers (``revalo worker`` processes) and the machine's RabbitMQ: a
job submitted by API runs on a worker, its progress is seen, its result stored; a worker
killed with SIGKILL mid-job loses nothing: another worker takes the job over and it is
done exactly once. On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.bootstrap import App, bootstrap
from revalo.entrypoints.api import create_app
from revalo.settings_jobs import JobSettings
from tests.conftest import World
from tests.e2e.celery_workers import Workers, require_broker
from tests.e2e.conftest import ok
from tests.e2e.jobs_world import JOBS, authorised, wait_for, week_later
from tests.people import bearer

pytestmark = pytest.mark.slow


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    """Set ``database_url`` before starting any; all are stopped, the queue deleted, after."""
    w = Workers(database_url="", broker=require_broker(), logs=tmp_path)
    try:
        yield w
    finally:
        w.stop_all()


@pytest.fixture
def on_broker(world: World, workers: Workers) -> Iterator[tuple[TestClient, Workers]]:
    """The API of ``world``'s database handing its jobs to the workers' queue."""
    workers.database_url = world.app.settings.database_url
    settings = dataclasses.replace(
        world.app.settings, jobs=JobSettings(broker_url=workers.broker, queue=workers.queue)
    )
    app = bootstrap(settings)
    try:
        with TestClient(
            create_app(app), base_url="http://localhost", headers=bearer(app)
        ) as client:
            yield client, workers
    finally:
        app.close()


def _plans_and_jobs(app: App) -> tuple[int, list[tuple[str, int]]]:
    with app.engine.connect() as conn:
        plans = conn.scalar(sa.text("SELECT count(*) FROM collection_plans"))
        jobs = conn.execute(sa.text("SELECT state, attempts FROM jobs ORDER BY id")).all()
    return int(plans or 0), [(s, a) for s, a in jobs]


def test_a_job_runs_on_a_celery_worker(on_broker: tuple[TestClient, Workers], world: World) -> None:
    client, workers = on_broker
    authorised(client, "B-ACME", "LAP-14", 8)
    workers.start()
    body = {"date": week_later(), "region": "FR", "seconds": 3, "seed": 1}
    job = ok(client.post(f"{JOBS}/collection-plans", json=body), 202)
    running = wait_for(client, job["id"], lambda j: j["state"] != "queued" and j["progress"] > 0)
    assert running["state"] == "running", (running, workers.log_text())
    assert running["worker"].startswith("revalo-")  # a worker process, not this one
    assert running["worker"].split(" pid ")[1] != str(os.getpid())
    done = wait_for(client, job["id"])
    assert done["state"] == "done", (done, workers.log_text())
    assert done["result"]["collected"] == 1 and done["attempts"] == 1
    plan = ok(client.get(done["links"]["plan"]))
    assert plan["reference"] == done["result"]["reference"]
    assert _plans_and_jobs(world.app) == (1, [("done", 1)])


def test_a_worker_killed_mid_job_loses_nothing_and_books_nothing_twice(
    on_broker: tuple[TestClient, Workers], world: World
) -> None:
    client, workers = on_broker
    authorised(client, "B-ACME", "LAP-14", 8)
    first = workers.start()
    body = {"date": week_later(), "region": "FR", "seconds": 8, "seed": 2}
    job = ok(client.post(f"{JOBS}/collection-plans", json=body), 202)
    running = wait_for(client, job["id"], lambda j: j["state"] == "running" and j["progress"] > 0)
    workers.kill(first)  # mid-search: the message was never acknowledged
    time.sleep(1.0)
    after = ok(client.get(f"{JOBS}/{job['id']}"))
    assert after["state"] == "running" and after["attempts"] == 1  # nobody runs it now
    assert _plans_and_jobs(world.app) == (0, [("running", 1)])
    workers.start()  # the broker gives the job to this one
    done = wait_for(client, job["id"])
    assert done["state"] == "done", (done, workers.log_text())
    assert done["attempts"] == 2 and done["worker"] != running["worker"]
    assert any(f"worker {running['worker']} was lost" in ln["text"] for ln in done["log"])
    # Done exactly once: one plan stored, one job, its result naming that plan.
    assert _plans_and_jobs(world.app) == (1, [("done", 2)])
    plan = ok(client.get(done["links"]["plan"]))
    assert plan["collected_count"] == 1


def test_a_pool_process_killed_mid_job_has_its_job_given_again(
    on_broker: tuple[TestClient, Workers], world: World
) -> None:
    """Only the process running the job dies (out of memory, say), its worker lives on:
    with reject_on_worker_lost the message goes back to the queue and runs again."""
    client, workers = on_broker
    authorised(client, "B-ACME", "LAP-14", 8)
    workers.start()
    body = {"date": week_later(), "region": "FR", "seconds": 8, "seed": 4}
    job = ok(client.post(f"{JOBS}/collection-plans", json=body), 202)
    running = wait_for(client, job["id"], lambda j: j["state"] == "running" and j["progress"] > 0)
    child = int(running["worker"].split(" pid ")[1])
    os.kill(child, signal.SIGKILL)
    done = wait_for(client, job["id"])
    assert done["state"] == "done", (done, workers.log_text())
    assert done["attempts"] == 2 and done["worker"] != running["worker"]
    assert _plans_and_jobs(world.app) == (1, [("done", 2)])
