"""``revalo counts`` and ``revalo safety``: a cycle through a site's bins planned, a count's
difference approved (not by its counter), the accuracy; an incident and a briefing recorded,
a wrong one refused, and the site's figures with where their hours come from."""

from __future__ import annotations

from pathlib import Path

from revalo.services.floor import counts, putaway, tasks
from tests.conftest import World
from tests.e2e.conftest import revalo
from tests.integration.floor_world import add_bins, member
from tests.integration.test_floor_bins import graded, where
from tests.people import add_person, person


def test_counts_from_the_command_line(db: tuple[Path, World]) -> None:
    path, world = db
    add_bins(world)
    lpn = graded(world, "TEE-M", "K1")
    putaway.put_away(world.app.uow(), lpn, "HUB-FR:A-01-0-A", by=person("bob"))
    result = revalo("counts", "plan-site", "HUB-FR", "--bins", "6", "--db", path)
    assert result.exit_code == 0 and "6 task(s)" in result.output, result.output
    member(world, "lea")
    [task] = [
        t
        for t in tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))
        if t.bin_code == "HUB-FR:A-01-0-A"
    ]
    assert task.id is not None
    tasks.start_task(world.app.uow(), task.id, by=person("lea"))
    count = counts.submit_count(world.app.uow(), task.id, [], by=person("lea"))
    result = revalo("counts", "list", "--awaiting", "--db", path)
    assert result.exit_code == 0 and "missing" in result.output and lpn in result.output
    result = revalo("counts", "approve", str(count.id), "--as", "lea", "--db", path)
    assert result.exit_code == 1 and "approve_counts" in result.output, result.output
    result = revalo("counts", "approve", str(count.id), "--note", "gone", "--db", path)
    assert result.exit_code == 0, result.output
    assert where(world, lpn) == "HUB-FR:missing"
    result = revalo("counts", "accuracy", "--site", "HUB-FR", "--db", path)
    assert result.exit_code == 0 and "0.0%" in result.output, result.output


def test_safety_records_from_the_command_line(db: tuple[Path, World]) -> None:
    path, world = db
    add_bins(world)
    member(world, "lea")
    add_person(world.app, "max")
    wrong = revalo(
        "safety", "record-incident", "HUB-FR", "--description", "x", "--action", "y",
        "--kind", "near_miss", "--db", path,
    )  # fmt: skip
    assert wrong.exit_code == 1 and "a near miss hurt nobody" in wrong.output, wrong.output
    result = revalo(
        "safety", "record-incident", "HUB-FR", "--description", "A carton fell on a foot",
        "--action", "First aid; the doctor", "--severity", "lost_time", "--lost-days", "2",
        "--bin", "HUB-FR:A-01-0-A", "--person", "lea", "--db", path,
    )  # fmt: skip
    assert result.exit_code == 0 and "A carton fell on a foot" in result.output, result.output
    result = revalo(
        "safety", "record-briefing", "HUB-FR", "--topic", "Cartons on top shelves",
        "--attendee", "lea", "--attendee", "max", "--db", path,
    )  # fmt: skip
    assert result.exit_code == 0 and "lea, max" in result.output, result.output
    result = revalo("safety", "incidents", "--site", "HUB-FR", "--db", path)
    assert result.exit_code == 0 and "lost_time" in result.output, result.output
    result = revalo("safety", "figures", "HUB-FR", "--days", "7", "--db", path)
    assert result.exit_code == 0, result.output
    assert "team shifts: 1 member(s) x 7 h x 5 weekday(s)" in result.output
    assert "28.57" in result.output  # 1 incident in 35 h: 1,000 / 35
    result = revalo("safety", "figures", "HUB-FR", "--hours", "1000", "--db", path)
    assert "(given)" in result.output and "1.00" in result.output, result.output
