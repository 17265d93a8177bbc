"""The shift's assignment, on SQLite and PostgreSQL: proposed from the open tasks and the
team on shift (nothing changed), accepted through the assign use case, each task's row
locked: two supervisors accepting at once give each task once, and a task taken
meanwhile is reported, not taken over."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.invariants import check_database
from revalo.domain.errors import InvalidValue
from revalo.domain.floor.tasks import TaskState
from revalo.domain.floor.team import Shift
from revalo.services.floor import assignment, tasks
from tests.conftest import World
from tests.integration.floor_world import add_bins, member
from tests.integration.test_concurrency import together
from tests.integration.test_floor_bins import graded
from tests.people import person

SHELVES = "code,zone,kind,places\nHUB-FR:A-01-0-A,graded_stock,shelf,20\n"


def three_tasks(world: World) -> list[int]:
    add_bins(world, SHELVES)
    for serial in ("T1", "T2", "T3"):
        graded(world, "TEE-M", serial)
    member(world, "hana")
    member(world, "ivo")
    board = tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))
    return [t.id or 0 for t in board]


def assignees(world: World) -> dict[int, str | None]:
    t = orm.floor_tasks.c
    with world.app.engine.connect() as conn:
        return {r.id: r.assignee for r in conn.execute(sa.select(t.id, t.assignee))}


def test_the_proposal_changes_nothing_and_accepting_it_assigns(world: World) -> None:
    ids = three_tasks(world)
    p = assignment.propose_assignment(
        world.app.read_uow(), "HUB-FR", by=person("sup"), shift=Shift.MORNING, at=world.now
    )
    assert sorted(p.result.assigned) == sorted(ids)
    assert {x.login for x in p.result.plans} == {"hana", "ivo"}
    assert all(v is None for v in assignees(world).values())
    # Nobody on the night shift: every task left open, with the reason.
    night = assignment.propose_assignment(
        world.app.read_uow(), "HUB-FR", by=person("sup"), shift=Shift.NIGHT, at=world.now
    )
    assert set(night.result.unassigned.values()) == {"nobody on the shift holds what it needs"}
    done = assignment.accept_assignment(
        world.app.uow(), sorted(p.result.assigned.items()), by=person("sup")
    )
    assert done.reported == [] and len(done.assigned) == 3
    assert assignees(world) == p.result.assigned


def test_a_task_taken_meanwhile_is_reported_not_taken_over(world: World) -> None:
    ids = three_tasks(world)
    p = assignment.propose_assignment(
        world.app.read_uow(), "HUB-FR", by=person("sup"), shift=Shift.MORNING, at=world.now
    )
    taken = tasks.take_next(world.app.uow(), by=person("hana"))
    assert taken is not None and taken.id in ids
    pairs = [(t, "ivo") for t in ids]
    done = assignment.accept_assignment(world.app.uow(), pairs, by=person("sup"))
    assert [(t, who) for t, who, _ in done.reported] == [(taken.id, "ivo")]
    assert "was taken meanwhile: it is started, held by hana" in done.reported[0][2]
    assert assignees(world)[taken.id or 0] == "hana"
    assert sorted(t.id or 0 for t in done.assigned) == sorted(set(ids) - {taken.id or 0})
    assert p.result.assigned  # the proposal was made before the task was taken


def test_two_supervisors_accepting_at_once_give_each_task_once(world: World) -> None:
    ids = three_tasks(world)
    logins = ("hana", "ivo")
    results = together(
        2,
        lambda i: assignment.accept_assignment(
            world.app.uow(), [(t, logins[i]) for t in ids], by=person("sup")
        ),
    )
    given: list[tuple[int, str]] = []
    for i, r in enumerate(results):
        assert isinstance(r, assignment.Acceptance), r
        given += [(t.id or 0, logins[i]) for t in r.assigned]
        assert all("was taken meanwhile" in why for _, _, why in r.reported)
        assert len(r.assigned) + len(r.reported) == 3
    assert sorted(t for t, _ in given) == sorted(ids)
    # In SQL: each task is held by the one who was given it, once.
    assert assignees(world) == dict(given)
    a = orm.audit_log.c
    with world.app.engine.connect() as conn:
        allowed = conn.scalar(
            sa.select(sa.func.count()).where(a.action == "assign_task", a.outcome == "allowed")
        )
        states = set(conn.scalars(sa.select(orm.floor_tasks.c.state)))
    assert allowed == 3 and states == {TaskState.ASSIGNED.value}
    assert check_database(world.app.engine) == []


def test_bad_pairs_are_refused_before_anything_is_assigned(world: World) -> None:
    ids = three_tasks(world)
    with pytest.raises(InvalidValue, match="is given twice"):
        assignment.accept_assignment(
            world.app.uow(), [(ids[0], "hana"), (ids[0], "ivo")], by=person("sup")
        )
    with pytest.raises(InvalidValue, match="must be TASK_ID=LOGIN"):
        assignment.parse_pairs(["12=hana", "x=ivo"])
    assert all(v is None for v in assignees(world).values())
