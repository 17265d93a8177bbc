"""The capacity plan through the services, on SQLite and PostgreSQL: versions kept, bad input
refused, a CSV file imported whole or not at all, the batch and the one-unit decision held
to what the week has left, and managers setting one week at once."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_capacity_plans import channel_demand, site_capacities
from revalo.domain.capacity_plans import monday_of
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue, NotFound, PermissionDenied
from revalo.domain.people import Role, User
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition import load_params
from revalo.services import capacity_plans as plans
from revalo.services import deciding
from revalo.services.capacity_left import week_left, work_hours
from tests.conftest import World
from tests.integration.flows import expected_unit, grade, snapshot
from tests.integration.test_concurrency import together
from tests.people import person

Route = DispositionRoute


def _week(world: World) -> object:
    return monday_of(world.now.astimezone(UTC).date())


def _rows(world: World, table: sa.Table) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)


def test_each_change_is_a_new_version_and_the_list_shows_the_latest(world: World) -> None:
    week = monday_of(datetime(2026, 12, 7).date())
    ann, bob = person("ann"), person("bob")
    plans.set_capacity(world.app.uow(), site_code="rep-fr", week=week, hours={"repair": 40}, by=ann)
    later = plans.set_capacity(
        world.app.uow(), site_code="REP-FR", week=week, hours={"repair": 32, "test": 10},
        storage_places=120, by=bob,
    )  # fmt: skip
    assert later.version == 2 and later.site_code == "REP-FR"
    plans.set_demand(
        world.app.uow(), channel="discount-mkt", category="Laptop", week=week,
        steps="10@1, 5@0.8", by=ann,
    )  # fmt: skip
    before = snapshot(world.app)
    now = plans.list_plan(world.app.uow(), by=person("reader"), week=week)
    assert snapshot(world.app) == before
    [cap] = now.capacities
    assert cap.hours == {WorkOrderKind.REPAIR: 32.0, WorkOrderKind.TEST: 10.0}
    assert (cap.storage_places, cap.set_by, cap.version) == (120, "bob", 2)
    [dem] = now.demands
    assert (dem.channel, dem.category, dem.curve.text()) == (
        "DISCOUNT-MKT",
        "laptop",
        "10@1, 5@0.8",
    )
    history = plans.list_plan(world.app.uow(), by=person("reader"), week=week, history=True)
    assert [(c.version, c.set_by) for c in history.capacities] == [(1, "ann"), (2, "bob")]


def test_bad_input_is_refused_by_name_and_nothing_is_written(world: World) -> None:
    monday = monday_of(datetime(2026, 12, 7).date())
    uow, ann = world.app.uow, person("ann")
    with pytest.raises(
        InvalidValue,
        match=r"starts on a Monday: 2026-12-08 is not one \(its week starts 2026-12-07\)",
    ):
        plans.set_capacity(
            uow(), site_code="REP-FR", week=monday + timedelta(days=1), hours={}, by=ann
        )
    with pytest.raises(InvalidValue, match="unknown skill 'paint'"):
        plans.set_capacity(uow(), site_code="REP-FR", week=monday, hours={"paint": 3}, by=ann)
    with pytest.raises(InvalidValue, match="repair hours must be between 0"):
        plans.set_capacity(uow(), site_code="REP-FR", week=monday, hours={"repair": -1}, by=ann)
    with pytest.raises(NotFound, match="NOPE"):
        plans.set_capacity(uow(), site_code="NOPE", week=monday, hours={"repair": 1}, by=ann)
    with pytest.raises(NotFound, match="no resale channel EBAY"):
        plans.set_demand(uow(), channel="EBAY", category="laptop", week=monday, steps="1@1", by=ann)
    with pytest.raises(NotFound, match="no product of category boat"):
        plans.set_demand(
            uow(), channel="DISCOUNT-MKT", category="boat", week=monday, steps="1@1", by=ann
        )
    with pytest.raises(InvalidValue, match="must not rise"):
        plans.set_demand(
            uow(),
            channel="DISCOUNT-MKT",
            category="laptop",
            week=monday,
            steps="1@0.5, 1@0.9",
            by=ann,
        )
    handler = User(login="hal", name="Hal", roles=frozenset({Role.HANDLER}))
    with pytest.raises(PermissionDenied):
        plans.set_capacity(uow(), site_code="REP-FR", week=monday, hours={"repair": 1}, by=handler)
    assert _rows(world, site_capacities) == 0 and _rows(world, channel_demand) == 0


GOOD = """kind,week,code,category,repair_hours,refurbish_hours,test_hours,storage_places,steps
capacity,2026-12-07,REP-FR,,40,,12,200,
demand,2026-12-07,DISCOUNT-MKT,laptop,,,,,"20@1, 10@0.85"
capacity,2026-12-14,REP-FR,,38,,,,
"""


def test_a_csv_file_is_imported_whole_or_not_at_all(world: World) -> None:
    bad = GOOD + "capacity,2026-12-08,REP-FR,,40,,,,\ndemand,2026-12-07,EBAY,laptop,,,,,1@1\n"
    before = snapshot(world.app)
    with pytest.raises(InvalidValue) as refused:
        plans.import_plan(world.app.uow(), bad, by=person("ann"))
    assert "line 5: a week starts on a Monday" in refused.value.message
    assert "line 6: no resale channel EBAY" in refused.value.message
    assert snapshot(world.app) == before and _rows(world, site_capacities) == 0
    done = plans.import_plan(world.app.uow(), GOOD, by=person("ann"))
    assert (done.capacities, done.demands) == (2, 1)
    listed = plans.list_plan(world.app.uow(), by=person("ann"))
    assert [(c.week.isoformat(), c.hours.get(WorkOrderKind.REPAIR)) for c in listed.capacities] == [
        ("2026-12-07", 40.0),
        ("2026-12-14", 38.0),
    ]
    with pytest.raises(InvalidValue, match=re.escape("line 1: unknown column(s): colour")):
        plans.import_plan(world.app.uow(), "kind,week,code,colour\n", by=person("ann"))
    with pytest.raises(InvalidValue, match=re.escape("line 1: missing column(s): code")):
        plans.import_plan(world.app.uow(), "kind,week\n", by=person("ann"))
    with pytest.raises(InvalidValue, match="line 2: the file has no line"):
        plans.import_plan(world.app.uow(), "kind,week,code\n", by=person("ann"))


def _graded(world: World, serial: str, f: str, c: str) -> str:
    lpn = expected_unit(world, world.laptop, serial)
    grade(world, lpn, f, c)
    return lpn


def test_the_batch_and_the_queue_use_what_the_week_has_left(world: World) -> None:
    """REP-FR has one laptop repair's hours this week: the first batch repairs one unit;
    once that work is booked, neither the next batch nor a one-unit decision repairs."""
    one = work_hours(load_params(), WorkOrderKind.REPAIR, "laptop")
    plans.set_capacity(
        world.app.uow(), site_code="REP-FR", week=_week(world), hours={"repair": one * 1.5},
        by=person("ann"),
    )  # fmt: skip
    first = [_graded(world, f"SN-{i}", "C", "A") for i in range(3)]
    out = deciding.decide_batch(world.app.uow(), by=person("engine"), at=world.now)
    assert out.status == "optimal" and len(out.decided) == len(first)
    assert [o.record.route for o in out.decided].count(Route.REPAIR) == 1
    assert out.usage["repair hours at REP-FR"] == pytest.approx((one, one * 1.5))
    with world.app.uow() as uow:
        left = week_left(uow, world.now, load_params())
    assert left.hours["REP-FR"][WorkOrderKind.REPAIR] == pytest.approx(one * 0.5)
    more = _graded(world, "SN-9", "C", "A")
    again = deciding.decide_unit(world.app.uow(), more, by=person("engine"), at=world.now)
    assert again.record.route is not Route.REPAIR
    score = deciding.explain_unit(world.app.uow(), _graded(world, "SN-10", "C", "A"))
    assert score.best is not None
    later = deciding.decide_batch(world.app.uow(), by=person("engine"), at=world.now)
    assert Route.REPAIR not in [o.record.route for o in later.decided]


def test_demand_steps_left_this_week_hold_the_batch(world: World) -> None:
    """The discount marketplace takes one more laptop this week: of three resold units,
    one sells there and the others go another way."""
    plans.set_demand(
        world.app.uow(), channel="DISCOUNT-MKT", category="laptop", week=_week(world),
        steps="1@1", by=person("ann"),
    )  # fmt: skip
    for i in range(3):
        _graded(world, f"SN-{i}", "C", "C")
    out = deciding.decide_batch(world.app.uow(), by=person("engine"), at=world.now)
    channels = [o.record.channel for o in out.decided]
    assert channels.count("DISCOUNT-MKT") == 1, channels
    with world.app.uow() as uow:
        left = week_left(uow, world.now, load_params())
    assert left.demand["DISCOUNT-MKT"]["laptop"].volume == 1 - channels.count("DISCOUNT-MKT")


def test_managers_setting_one_week_at_once_each_get_a_version(world: World) -> None:
    week = monday_of(datetime(2026, 12, 7).date())
    n = 6
    results = together(
        n,
        lambda i: plans.set_capacity(
            world.app.uow(), site_code="REP-FR", week=week, hours={"repair": 10 + i},
            by=person(f"m{i}"),
        ),
    )  # fmt: skip
    assert [r for r in results if isinstance(r, BaseException)] == []
    history = plans.list_plan(world.app.uow(), by=person("ann"), week=week, history=True)
    assert sorted(c.version for c in history.capacities) == list(range(1, n + 1))
