"""A job's life (domain/jobs.py), the jobs' settings, and the Celery configuration that
makes a killed worker lose nothing."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revalo.adapters.celery_jobs import FIRE_SCHEDULE, celery_app
from revalo.domain.errors import InvalidTransition, InvalidValue
from revalo.domain.jobs import MAX_LOG_LINES, Job, JobKind, JobState, check_key, parse_kind
from revalo.services.job_kinds import KINDS
from revalo.settings_jobs import JobSettings

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _job() -> Job:
    return Job(JobKind.COLLECTION_PLAN, "manon", AT, {"region": "FR"})


def test_a_job_runs_then_is_done_once() -> None:
    job = _job()
    job.start("w1", AT)
    job.advance(0.4, "searching", AT)
    job.advance(0.2, "", AT)  # progress never goes back
    assert (job.state, job.progress, job.step, job.attempts) == (
        JobState.RUNNING,
        0.4,
        "searching",
        1,
    )
    job.finish({"plan_id": 3}, AT)
    assert job.state is JobState.DONE and job.progress == 1.0 and job.finished_at == AT
    with pytest.raises(InvalidTransition):
        job.finish({"plan_id": 4}, AT)
    with pytest.raises(InvalidTransition):
        job.start("w2", AT)
    assert [ln.text for ln in job.log] == ["attempt 1 started on w1", "searching", "done"]


def test_a_job_whose_worker_is_lost_is_taken_over_as_a_new_attempt() -> None:
    job = _job()
    job.start("w1", AT)
    job.start("w2", AT)
    assert job.attempts == 2 and job.worker == "w2"
    assert "worker w1 was lost: w2 takes the job over" in [ln.text for ln in job.log]


def test_cancelling_a_queued_job_stops_it_a_running_one_at_its_next_step() -> None:
    queued = _job()
    queued.cancel("manon", AT)
    assert queued.state is JobState.CANCELLED
    running = _job()
    running.start("w1", AT)
    running.cancel("boss", AT)
    assert running.state is JobState.RUNNING and running.cancel_requested
    done = _job()
    done.start("w1", AT)
    done.finish({}, AT)
    with pytest.raises(InvalidTransition, match="cannot be cancelled"):
        done.cancel("manon", AT)


def test_the_log_keeps_its_newest_lines() -> None:
    job = _job()
    job.start("w1", AT)
    for n in range(MAX_LOG_LINES + 10):
        job.advance(0.5, f"step {n}", AT)
    assert len(job.log) == MAX_LOG_LINES and job.log[-1].text == f"step {MAX_LOG_LINES + 9}"


def test_kinds_and_keys_are_checked() -> None:
    assert parse_kind("collection-plan") is JobKind.COLLECTION_PLAN
    with pytest.raises(InvalidValue, match="unknown job kind"):
        parse_kind("nap")
    assert check_key("  k-1 ") == "k-1" and check_key(None) is None
    for bad in ("", "x" * 201, "tab\there"):
        with pytest.raises(InvalidValue):
            check_key(bad)


def test_the_settings_of_the_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    assert JobSettings.from_env() == JobSettings()
    monkeypatch.setenv("REVALO_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")
    monkeypatch.setenv("REVALO_JOB_TIME_LIMIT", "900")
    monkeypatch.setenv("REVALO_NIGHTLY_BATCH_AT", "2:30")
    monkeypatch.setenv("REVALO_COLLECTION_PLANS_AT", "17:00")
    monkeypatch.setenv("REVALO_COLLECTION_REGIONS", "FR; be,nl")
    monkeypatch.setenv("REVALO_SCHEDULE_AS", "Manon")
    s = JobSettings.from_env()
    assert s.time_limit_s == 900 and s.nightly_batch_at == time(2, 30)
    assert s.collection_regions == ("FR", "BE,NL") and s.schedule_as == "manon"
    monkeypatch.setenv("REVALO_NIGHTLY_BATCH_AT", "25:00")
    with pytest.raises(InvalidValue, match="REVALO_NIGHTLY_BATCH_AT"):
        JobSettings.from_env()
    monkeypatch.setenv("REVALO_NIGHTLY_BATCH_AT", "02:00")
    monkeypatch.delenv("REVALO_SCHEDULE_AS")
    with pytest.raises(InvalidValue, match="REVALO_SCHEDULE_AS"):
        JobSettings.from_env()
    monkeypatch.setenv("REVALO_JOB_QUEUE", "no spaces")
    with pytest.raises(InvalidValue, match="REVALO_JOB_QUEUE"):
        JobSettings.from_env()


def test_celery_acknowledges_late_and_gives_a_lost_job_back() -> None:
    settings = JobSettings(
        broker_url="redis://127.0.0.1:6379/0",
        queue="q1",
        time_limit_s=900,
        nightly_batch_at=time(2, 0),
        schedule_as="manon",
    )
    app = celery_app(settings)
    conf = app.conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1 and conf.task_default_queue == "q1"
    assert conf.task_soft_time_limit == 900 and conf.task_time_limit > 900
    # Redis gives an unacknowledged job again only after longer than any job may run.
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit
    (entry,) = conf.beat_schedule.values()
    assert entry["task"] == FIRE_SCHEDULE and entry["args"] == ["nightly_batch"]
    assert entry["options"] == {"queue": "q1"}
    assert entry["schedule"].hour == {2} and entry["schedule"].minute == {0}


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["FR", "FR,BE", "2026-03-02", "graded", "HUB-FR", 10, 0.5]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
PARAMETERS = ("date", "region", "seconds", "seed", "max_iterations", "site", "time_limit_s")
names = st.sampled_from([*PARAMETERS, "dry_run", "preview", "states", "client", "other"])


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(list(JobKind)),
    params=st.dictionaries(names, json_values, max_size=5),
    file=st.none() | st.text(max_size=40),
)
def test_any_parameters_are_checked_or_refused_by_name(
    kind: JobKind, params: dict[str, object], file: str | None
) -> None:
    try:
        checked = KINDS[kind].check(params, file, 60.0)
    except InvalidValue as exc:
        assert exc.message
        return
    assert set(checked) <= {*params, "seconds", "seed", "max_iterations", "site"} | {
        "time_limit_s",
        "dry_run",
        "preview",
        "lines",
        "states",
        "client",
        "date",
        "region",
    }
