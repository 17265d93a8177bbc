"""Jobs in the services, on SQLite and PostgreSQL: two workers on one job book its work
once; a job cancelled or over its time keeps nothing; keys and schedules submit once; a
job whose worker was lost too often fails; the jobs left unfinished are taken again."""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock

import pytest
import sqlalchemy as sa

from revalo.adapters.local_schedule import LocalScheduler
from revalo.bootstrap import App
from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.jobs import MAX_ATTEMPTS, Job, JobKind, JobState
from revalo.domain.people import Role
from revalo.services import disposition_batches, jobs
from revalo.services.job_schedules import COLLECTION_PLANS, NIGHTLY_BATCH, fire_schedule
from revalo.services.jobs import JobContext
from tests.conftest import World
from tests.integration.test_collections import _authorised
from tests.integration.test_deciding import graded
from tests.people import add_person


class Kept:
    """A runner that keeps what it is handed: the test runs the jobs itself."""

    def __init__(self) -> None:
        self.ids: list[int] = []

    def submit(self, job_id: int) -> None:
        self.ids.append(job_id)

    def drain(self) -> None:
        pass

    def close(self, *, wait: bool = True) -> None:
        pass


def _ctx(app: App, worker: str, **changes: object) -> JobContext:
    return dataclasses.replace(app.job_context(worker), **changes)  # type: ignore[arg-type]


def _count(app: App, sql: str) -> int:
    with app.engine.connect() as conn:
        return int(conn.scalar(sa.text(sql)) or 0)


def _plan_job(world: World, seconds: float = 1.0, **kw: object) -> Job:
    _authorised(world, "B-ACME", "LAP-14", 8)
    manager = add_person(world.app, "manon", [Role.FLOW_MANAGER])
    day = (world.now + timedelta(days=8)).date().isoformat()
    return jobs.submit_job(
        world.app.uow(),
        Kept(),
        by=manager,
        kind=JobKind.COLLECTION_PLAN,
        parameters={"date": day, "region": "FR", "seconds": seconds, "seed": 1},
        **kw,  # type: ignore[arg-type]
    )


def _job(app: App, job_id: int) -> Job:
    with app.read_uow() as uow:
        job = uow.jobs.get(job_id)
    assert job is not None
    return job


def test_two_workers_on_one_job_book_its_plan_once(world: World) -> None:
    app = world.app
    job = _plan_job(world)
    assert job.id is not None
    threads = [
        threading.Thread(target=jobs.run_job, args=(_ctx(app, name), job.id))
        for name in ("worker-a", "worker-b")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done = _job(app, job.id)
    assert done.state is JobState.DONE and done.result is not None
    # One plan, the one the result names, whichever attempt stored it.
    assert _count(app, "SELECT count(*) FROM collection_plans") == 1
    assert _count(app, "SELECT min(id) FROM collection_plans") == done.result["plan_id"]
    assert _count(app, "SELECT count(*) FROM jobs WHERE state = 'done'") == 1


def test_a_job_cancelled_while_it_runs_keeps_nothing(world: World) -> None:
    app = world.app
    job = _plan_job(world, seconds=3.0)
    assert job.id is not None
    runner = threading.Thread(target=jobs.run_job, args=(_ctx(app, "worker"), job.id))
    runner.start()
    deadline = time.monotonic() + 60
    while _job(app, job.id).state is JobState.QUEUED and time.monotonic() < deadline:
        time.sleep(0.05)
    manager = add_person(app, "boss", [Role.FLOW_MANAGER])
    asked = jobs.cancel_job(app.uow(), job.id, by=manager)
    assert asked.state is JobState.RUNNING and asked.cancel_requested
    runner.join()
    after = _job(app, job.id)
    assert after.state is JobState.CANCELLED and after.result is None
    assert "cancelled while it ran" in [ln.text for ln in after.log]
    assert _count(app, "SELECT count(*) FROM collection_plans") == 0


def test_a_job_over_its_time_fails_and_keeps_nothing(world: World) -> None:
    app = world.app
    job = _plan_job(world, seconds=2.0)
    assert job.id is not None
    jobs.run_job(_ctx(app, "worker", time_limit_s=0.5), job.id)
    after = _job(app, job.id)
    assert after.state is JobState.FAILED
    assert after.error == "stopped: it ran over its time limit of 0.5 s"
    assert _count(app, "SELECT count(*) FROM collection_plans") == 0


def test_a_key_is_the_same_job_for_its_owner_and_refused_to_others(world: World) -> None:
    app = world.app
    first = _plan_job(world, key="plan-fr-1")
    manager = add_person(app, "other", [Role.FLOW_MANAGER])
    with app.read_uow() as uow:
        owner = uow.users.by_login("manon")
    assert owner is not None
    again = jobs.submit_job(
        app.uow(),
        Kept(),
        by=owner,
        kind=JobKind.COLLECTION_PLAN,
        parameters=first.parameters,
        key="plan-fr-1",
    )
    assert again.id == first.id
    with pytest.raises(InvalidValue, match="names job JOB00000001 already"):
        jobs.submit_job(
            app.uow(),
            Kept(),
            by=manager,
            kind=JobKind.COLLECTION_PLAN,
            parameters=first.parameters,
            key="plan-fr-1",
        )
    assert _count(app, "SELECT count(*) FROM jobs") == 1


def test_a_job_whose_worker_was_lost_too_often_fails(world: World) -> None:
    app = world.app
    job = _plan_job(world)
    assert job.id is not None
    with app.uow() as uow:
        stored = uow.jobs.get(job.id, lock=True)
        assert stored is not None
        for n in range(MAX_ATTEMPTS):
            stored.start(f"lost-{n}", datetime.now(UTC))
        uow.jobs.save(stored)
        uow.commit()
    assert jobs.run_job(_ctx(app, "worker"), job.id) is None
    after = _job(app, job.id)
    assert after.state is JobState.FAILED and f"lost {MAX_ATTEMPTS} times" in (after.error or "")
    assert _count(app, "SELECT count(*) FROM collection_plans") == 0


def test_the_jobs_left_unfinished_are_handed_over_again(world: World) -> None:
    app = world.app
    queued = _plan_job(world)
    runner = Kept()
    assert jobs.resubmit_unfinished(app.uow(), runner) == [queued.id]
    assert queued.id is not None
    jobs.run_job(_ctx(app, "worker"), queued.id)
    assert jobs.resubmit_unfinished(app.uow(), runner) == []


def test_a_user_sees_only_their_jobs(world: World) -> None:
    app = world.app
    job = _plan_job(world)
    assert job.id is not None
    finance = add_person(app, "fiona", [Role.FINANCE])
    with pytest.raises(NotFound):
        jobs.get_job(app.read_uow(), job.id, by=finance)
    assert jobs.list_jobs(app.read_uow(), by=finance).total == 0
    manager = add_person(app, "boss", [Role.FLOW_MANAGER])
    assert [j.id for j in jobs.list_jobs(app.read_uow(), by=manager).items] == [job.id]


def test_a_scheduled_run_fired_twice_submits_its_jobs_once(world: World) -> None:
    app = world.app
    add_person(app, "manon", [Role.FLOW_MANAGER])
    runner = Kept()
    day = date(2026, 3, 2)
    first = fire_schedule(
        app.uow(), runner, COLLECTION_PLANS, day, login="manon", regions=("FR", "BE,NL")
    )
    again = fire_schedule(
        app.uow(), runner, COLLECTION_PLANS, day, login="manon", regions=("FR", "BE,NL")
    )
    assert [j.id for j in first] == [j.id for j in again]
    assert [j.parameters["region"] for j in first] == ["FR", "BE,NL"]
    assert {j.schedule for j in first} == {COLLECTION_PLANS}
    assert all(j.parameters["date"] > day.isoformat() for j in first)  # the next working day
    batch = fire_schedule(app.uow(), runner, NIGHTLY_BATCH, day, login="manon")
    assert [j.kind for j in batch] == [JobKind.DISPOSITION_BATCH]
    assert _count(app, "SELECT count(*) FROM jobs") == 3
    assert len(runner.ids) == 3  # a job already there is not handed over again


def test_the_embedded_scheduler_fires_each_run_once_a_day() -> None:
    now = [datetime(2026, 3, 2, 1, 0, tzinfo=UTC)]
    fired: list[tuple[str, date]] = []
    scheduler = LocalScheduler(
        [("nightly_batch", clock(2, 0))], lambda n, d: fired.append((n, d)), now=lambda: now[0]
    )
    assert scheduler.tick() == []
    now[0] = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    assert scheduler.tick() == ["nightly_batch"]
    now[0] = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    assert scheduler.tick() == []
    now[0] = datetime(2026, 3, 3, 2, 30, tzinfo=UTC)
    assert scheduler.tick() == ["nightly_batch"]
    assert fired == [("nightly_batch", date(2026, 3, 2)), ("nightly_batch", date(2026, 3, 3))]


def test_the_nights_batch_job_leaves_a_preview_the_manager_commits_in_the_morning(
    world: World,
) -> None:
    app = world.app
    lpns = [graded(world, f"SN-N{i}", "B", "B") for i in range(3)]
    manager = add_person(app, "manon", [Role.FLOW_MANAGER])
    night = fire_schedule(app.uow(), Kept(), NIGHTLY_BATCH, date(2026, 3, 2), login="manon")
    assert night[0].parameters["preview"] is True and night[0].id is not None
    jobs.run_job(_ctx(app, "worker-a"), night[0].id)
    done = _job(app, night[0].id)
    assert done.state is JobState.DONE and done.result is not None
    assert done.result["planned"] + done.result["held"] == len(lpns)
    # Nothing is decided overnight: the preview waits for the manager.
    assert _count(app, "SELECT count(*) FROM dispositions") == 0
    batch_id = done.result["batch_id"]
    assert _count(app, f"SELECT count(*) FROM disposition_batches WHERE id = {batch_id}") == 1
    committed = disposition_batches.commit_batch(app.uow(), batch_id, by=manager)
    assert len(committed.decided) == done.result["planned"] > 0
    assert _count(app, "SELECT count(*) FROM dispositions") == done.result["planned"]


def test_a_batch_job_refuses_a_preview_that_is_not_true_or_false(world: World) -> None:
    manager = add_person(world.app, "manon", [Role.FLOW_MANAGER])
    with pytest.raises(InvalidValue, match="preview must be true or false"):
        jobs.submit_job(
            world.app.uow(),
            Kept(),
            by=manager,
            kind=JobKind.DISPOSITION_BATCH,
            parameters={"preview": "yes"},
        )
