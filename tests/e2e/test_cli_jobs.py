"""``revalo jobs ...`` and ``revalo worker``: fire a scheduled run, list and show its jobs,
cancel one, and a worker refused without a broker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import revalo
from tests.people import add_person


def test_a_scheduled_run_fired_by_hand_leaves_its_jobs(
    db: tuple[Path, World], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, world = db
    add_person(world.app, "manon", [Role.FLOW_MANAGER])
    monkeypatch.setenv("REVALO_SCHEDULE_AS", "manon")
    monkeypatch.setenv("REVALO_COLLECTION_PLANS_AT", "17:00")
    monkeypatch.setenv("REVALO_COLLECTION_REGIONS", "FR")
    fired = revalo("jobs", "fire", "collection_plans", "--date", "2026-03-02", "--db", path)
    assert fired.exit_code == 0, fired.output
    # No broker: the job ran in the command before it ended.
    assert "Fired collection_plans for 2026-03-02: JOB00000001 (done)." in fired.output
    again = revalo("jobs", "fire", "collection_plans", "--date", "2026-03-02", "--db", path)
    assert "JOB00000001 (done)" in again.output  # the same day's job, not a second one
    listed = revalo("jobs", "list", "--as", "manon", "--db", path)
    assert listed.exit_code == 0 and "JOB00000001" in listed.output and "done" in listed.output
    shown = revalo("jobs", "show", "1", "--json", "--as", "manon", "--db", path)
    job = json.loads(shown.output)
    assert job["state"] == "done" and job["schedule"] == "collection_plans"
    assert job["parameters"]["date"] == "2026-03-03"  # the next working day
    refused = revalo("jobs", "cancel", "1", "--as", "manon", "--db", path)
    assert refused.exit_code == 1
    assert "job JOB00000001 is done already: it cannot be cancelled" in refused.output
    other = add_person(world.app, "fiona", [Role.FINANCE])
    hidden = revalo("jobs", "show", "1", "--as", other.login, "--db", path)
    assert hidden.exit_code == 1 and "no job 1" in hidden.output


def test_a_worker_needs_a_broker(db: tuple[Path, World], monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = db
    monkeypatch.delenv("REVALO_BROKER_URL", raising=False)
    result = revalo("worker", "--db", path)
    assert result.exit_code == 2
    assert "no broker: set REVALO_BROKER_URL" in result.output
