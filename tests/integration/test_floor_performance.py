"""The floor's performance from what the tasks and the ledger say, on SQLite and
PostgreSQL: a put-away started and done by the clock, its unit's receipt, its stays in the
zones."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revalo.domain.errors import InvalidValue
from revalo.services.floor import performance, tasks
from tests.conftest import World
from tests.integration.floor_world import add_bins, member
from tests.integration.test_floor_bins import graded
from tests.people import person

SHELVES = "code,zone,kind,places\nHUB-FR:A-01-0-A,graded_stock,shelf,20\n"


def test_tasks_done_units_per_hour_receipt_to_put_away_and_dwell(world: World) -> None:
    add_bins(world, SHELVES)
    for i in range(2):
        graded(world, "TEE-M", f"T{i}")
    member(world, "hana")
    start = world.now + timedelta(hours=2)
    for i, task in enumerate(tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))):
        begun = start + timedelta(minutes=30 * i)
        tasks.start_task(world.app.uow(), task.id or 0, by=person("hana"), at=begun)
        tasks.finish_put_away(
            world.app.uow(),
            task.id or 0,
            unit_scan=task.unit_lpn or "",
            bin_scan="HUB-FR:A-01-0-A",
            by=person("hana"),
            at=begun + timedelta(minutes=15),
        )
    found = performance.floor_performance(
        world.app.read_uow(),
        by=person("sup"),
        site_code="HUB-FR",
        since=world.now - timedelta(days=1),
        until=world.now + timedelta(days=1),
    )
    person_row, team_row = found.rows
    assert (person_row.level, person_row.who, person_row.tasks_done, person_row.units) == (
        "person",
        "hana",
        2,
        2,
    )
    # Two units in two quarters of an hour: 4 units an hour.
    assert person_row.task_hours == pytest.approx(0.5)
    assert person_row.units_per_hour == pytest.approx(4.0)
    assert person_row.put_aways == 2 and person_row.receipt_to_put_away_h_median is not None
    assert 2.0 < person_row.receipt_to_put_away_h_median < 3.5
    assert (team_row.level, team_row.who, team_row.tasks_done) == ("team", "HUB-FR morning", 2)
    zones = {d.zone: d for d in found.dwell}
    # Both units left the receiving zone (graded) and graded stock (put away), and are in
    # the bin, a location of the graded stock zone.
    assert zones["graded_stock"].in_zone == 2 and zones["graded_stock"].stays == 2
    assert zones["receiving"].stays == 2 and zones["receiving"].in_zone == 0
    csv = performance.as_csv(found)
    assert csv.splitlines()[0].startswith("level,who,site,tasks_done,units,task_hours")
    assert "person,hana,HUB-FR,2,2,0.50,4.00,2," in csv
    assert "zone,graded_stock,HUB-FR,2," in csv


def test_a_period_must_run_forwards_and_be_at_most_a_year(world: World) -> None:
    with pytest.raises(InvalidValue, match="start must be before its end"):
        performance.floor_performance(
            world.app.read_uow(), by=person("sup"), since=world.now, until=world.now
        )
    with pytest.raises(InvalidValue, match="at most 366 days"):
        performance.floor_performance(
            world.app.read_uow(),
            by=person("sup"),
            since=world.now - timedelta(days=400),
            until=world.now,
        )
