"""Long work (a plan's search, a batch's solve) runs with no transaction open; the short
write that stores its result first checks that what it read has not changed since.
On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.units import UnitState
from revalo.services import collections, deciding, queries
from revalo.services.return_labels import book_return_label
from tests.conftest import World
from tests.integration.flows import grade
from tests.integration.test_collections import _plan, returns_to_collect
from tests.integration.test_deciding import graded
from tests.people import person


def test_a_return_booked_while_its_plan_is_searched_is_not_collected(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = returns_to_collect(world)
    search = collections._solve

    def meanwhile(*args: Any) -> Any:
        # While the plan is searched, a label is issued for one of its returns.
        book_return_label(
            world.app.uow(), world.app.transport, r["acme"].number, by=person("operator")
        )
        return search(*args)

    monkeypatch.setattr(collections, "_solve", meanwhile)
    with pytest.raises(NotAllowed, match=f"{r['acme'].number} is booked already") as refused:
        _plan(world)
    assert "while the plan was searched" in refused.value.message
    assert "plan again" in refused.value.message
    with world.app.read_uow() as uow:
        assert list(uow.collection_plans.recent(5)) == []
    # Planned again, the return a carrier takes is no pickup any more.
    monkeypatch.setattr(collections, "_solve", search)
    stored = _plan(world)
    assert r["acme"].number not in {p.id for p in stored.problem.pickups}


def test_a_search_longer_than_the_servers_maximum_is_refused_naming_it(world: World) -> None:
    returns_to_collect(world)
    with pytest.raises(InvalidValue, match="at most 60, the longest") as refused:
        collections.plan_collections(
            world.app.uow(),
            world.app.transport,
            day=world.now.date(),
            region="FR",
            seconds=61,
            max_seconds=60,
            by=person("operator"),
        )
    assert refused.value.field == "seconds"


def test_a_unit_graded_again_while_the_batch_is_solved_is_not_decided_on_its_old_grade(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = graded(world, "SN-1", "C", "A"), graded(world, "SN-2", "B", "B")
    solve = deciding.solve_disposition

    def meanwhile(*args: Any, **kwargs: Any) -> Any:
        grade(world, first, "D", "D")  # a technician grades it again while the batch solves
        return solve(*args, **kwargs)

    monkeypatch.setattr(deciding, "solve_disposition", meanwhile)
    batch = deciding.decide_batch(world.app.uow(), by=person("engine"))
    assert batch.decided_lpns == [second]
    assert [x.lpn for x in batch.refused] == [first]
    assert "graded again while the batch was solved" in batch.refused[0].reason
    unit = queries.unit_detail(world.app.uow(), first, by=person("reader")).unit
    assert unit.state is UnitState.GRADED  # it waits for the next batch
