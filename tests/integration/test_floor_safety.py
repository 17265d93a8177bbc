"""Safety records on SQLite and PostgreSQL: an incident's place follows its bin, a wrong one
is refused and records nothing, the days since the last lost-time accident and the
incidents per 1,000 hours from the team's shifts (or payroll's hours)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from revalo.adapters import orm_floor_records
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.floor.safety import Incident, IncidentKind, Severity
from revalo.services.floor import safety
from tests.conftest import World
from tests.integration.floor_world import add_bins, member
from tests.people import person


def _record(
    world: World, days_ago: int, severity: Severity = Severity.FIRST_AID, **kw: Any
) -> Incident:
    kind = IncidentKind.NEAR_MISS if severity is Severity.NONE else IncidentKind.INCIDENT
    return safety.record_incident(
        world.app.uow(),
        site_code="HUB-FR",
        occurred_at=world.now - timedelta(days=days_ago),
        kind=kind,
        severity=severity,
        description="a carton fell",
        action_taken="area cordoned",
        by=person("sup"),
        **kw,
    )


def _incidents(world: World) -> int:
    with world.app.engine.connect() as conn:
        table = orm_floor_records.incidents
        return int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)


def test_an_incident_where_and_who_and_a_wrong_one_records_nothing(world: World) -> None:
    add_bins(world)
    member(world, "lea")
    i = _record(world, 1, bin_code="hub-fr:p-02-4-a", people=["LEA"], equipment="Reach_Truck")
    assert (i.bin_code, i.zone, list(i.people), i.equipment) == (
        "HUB-FR:P-02-4-A",
        "graded_stock",
        ["lea"],
        "reach_truck",
    )
    with pytest.raises(InvalidValue, match="no user ghost among the people"):
        _record(world, 1, people=["lea", "ghost"])
    with pytest.raises(InvalidValue, match="is in the graded_stock zone, not receiving"):
        _record(world, 1, bin_code="HUB-FR:A-01-0-A", zone="receiving")
    with pytest.raises(InvalidValue, match="zone 'attic' must be one of"):
        _record(world, 1, zone="attic")
    with pytest.raises(NotAllowed, match="is at another site than HUB-DE"):
        safety.record_incident(
            world.app.uow(),
            site_code="HUB-DE",
            occurred_at=world.now,
            kind=IncidentKind.NEAR_MISS,
            severity=Severity.NONE,
            description="x",
            action_taken="y",
            bin_code="HUB-FR:A-01-0-A",
            by=person("sup"),
        )
    assert _incidents(world) == 1
    [found] = safety.incidents(
        world.app.uow(),
        by=person("sup"),
        site_code="HUB-FR",
        start=world.now.date() - timedelta(days=7),
        end=world.now.date(),
    )
    assert list(found.people) == ["lea"]


def test_days_since_the_last_lost_time_accident_and_the_rate(world: World) -> None:
    for login in ("lea", "max", "zoe"):
        member(world, login)
    _record(world, 40, Severity.LOST_TIME, lost_days=5)
    _record(world, 20, Severity.LOST_TIME, lost_days=2)
    _record(world, 3)
    _record(world, 2, Severity.NONE)
    safety.record_briefing(
        world.app.uow(),
        site_code="HUB-FR",
        held_at=world.now - timedelta(days=1),
        topic="Cartons up high",
        attendees=["lea", "max"],
        by=person("sup"),
    )
    end = world.now.date()
    start = end - timedelta(days=27)
    f = safety.safety_figures(
        world.app.uow(), by=person("sup"), site_code="HUB-FR", start=start, end=end
    )
    assert (f.incidents, f.near_misses, f.lost_time, f.briefings, f.attendances) == (2, 1, 1, 1, 2)
    assert f.last_lost_time == (world.now - timedelta(days=20)).date()
    assert f.days_since_lost_time == 20
    assert f.hours.hours == 3 * 7 * 20  # four whole weeks of weekdays
    assert f.per_1000_hours == pytest.approx(2 * 1000 / 420)
    given = safety.safety_figures(
        world.app.uow(), by=person("sup"), site_code="HUB-FR", start=start, end=end, hours=500
    )
    assert given.hours.source == "given" and given.per_1000_hours == pytest.approx(4.0)
    days = dict(safety.days_without_lost_time(world.app.uow(), by=person("sup"), day=end))
    assert days == {"HUB-FR": 20}
    with pytest.raises(InvalidValue, match="before it starts"):
        safety.safety_figures(
            world.app.uow(), by=person("sup"), site_code="HUB-FR", start=end, end=start
        )
