"""Tonight's batch in two steps, on SQLite and PostgreSQL: a preview decides nothing and
shows the baselines beside the optimiser; its commit decides every unit once; a preview
whose units changed, or committed already, is refused; two commits at once decide each
unit once."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.domain.disposition_batches import BatchState
from revalo.domain.errors import Conflict, InvalidValue
from revalo.domain.units import UnitState
from revalo.services import disposition_batches as batches
from revalo.services import queries
from tests.conftest import World
from tests.integration.flows import expected_unit, grade, snapshot
from tests.integration.test_concurrency import together
from tests.people import person


def _graded(world: World, serial: str, f: str, c: str) -> str:
    lpn = expected_unit(world, world.laptop, serial)
    grade(world, lpn, f, c)
    return lpn


def _decisions(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(orm.dispositions)) or 0)


def _today(world: World) -> date:
    return world.now.astimezone(UTC).date()


def test_a_preview_decides_nothing_and_its_commit_decides_every_unit_once(world: World) -> None:
    lpns = [_graded(world, f"SN-{i}", g[0], g[1]) for i, g in enumerate(["CA", "CA", "AA", "DD"])]
    preview = batches.preview_batch(world.app.uow(), by=person("mia"), day=_today(world))
    assert preview.id is not None and preview.state is BatchState.PREVIEW
    assert _decisions(world) == 0
    assert sorted(d.lpn for d in preview.plan) == sorted(lpns)
    f = preview.figures
    assert f["status"] == "optimal"
    for name in ("greedy", "regret_greedy", "hierarchy_first"):
        assert f["optimiser"]["objective"] >= f[name]["objective"] - 0.01
    before = snapshot(world.app)
    done = batches.commit_batch(world.app.uow(), preview.id, by=person("mia"))
    assert snapshot(world.app) != before
    assert len(done.decided) == len(lpns) == _decisions(world)
    for lpn in lpns:
        unit = queries.unit_detail(world.app.uow(), lpn, by=person("reader")).unit
        assert unit.state is not UnitState.GRADED
    with pytest.raises(Conflict, match="committed already, by mia"):
        batches.commit_batch(world.app.uow(), preview.id, by=person("ann"))
    assert _decisions(world) == len(lpns)


def test_a_preview_whose_units_changed_is_refused_and_nothing_is_decided(world: World) -> None:
    _graded(world, "SN-1", "C", "A")
    preview = batches.preview_batch(world.app.uow(), by=person("mia"), day=_today(world))
    late = _graded(world, "SN-2", "A", "A")
    assert preview.id is not None
    with pytest.raises(Conflict, match=f"1 units changed since batch {preview.id}.*{late}"):
        batches.commit_batch(world.app.uow(), preview.id, by=person("mia"))
    assert _decisions(world) == 0
    again = batches.preview_batch(world.app.uow(), by=person("mia"), day=_today(world))
    assert again.id is not None
    assert len(batches.commit_batch(world.app.uow(), again.id, by=person("mia")).decided) == 2


def test_a_day_to_come_and_an_unknown_batch_are_refused(world: World) -> None:
    with pytest.raises(InvalidValue, match="cannot be decided before that day"):
        batches.preview_batch(
            world.app.uow(), by=person("mia"), day=_today(world) + timedelta(days=1)
        )
    with pytest.raises(Exception, match="no disposition batch 999"):
        batches.commit_batch(world.app.uow(), 999, by=person("mia"))


def test_two_commits_of_one_preview_at_once_decide_each_unit_once(world: World) -> None:
    lpns = [_graded(world, f"SN-{i}", "C", "A") for i in range(4)]
    preview = batches.preview_batch(world.app.uow(), by=person("mia"), day=_today(world))
    assert preview.id is not None
    batch_id = preview.id
    results = together(
        2, lambda i: batches.commit_batch(world.app.uow(), batch_id, by=person(f"m{i}"))
    )
    won = [r for r in results if isinstance(r, batches.CommittedBatch)]
    lost = [r for r in results if isinstance(r, Conflict)]
    assert len(won) == 1 and len(lost) == 1, results
    assert _decisions(world) == len(lpns)
