"""The flow makes the floor's other tasks, on SQLite and PostgreSQL: a unit given a work
order in its site's workshop gets a move there (its put-away cancelled), carried by scan
as a move of the ledger; a consignment leaving the site gets a pick, its list in the
walking path's order, and a load, each finished when every unit is scanned."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revalo.adapters.invariants import check_database
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import NotAllowed
from revalo.domain.floor.flow_tasks import path_of
from revalo.domain.floor.tasks import TaskKind, TaskState
from revalo.domain.floor.team import PpeKind
from revalo.services import stock
from revalo.services.floor import flow_tasks, putaway, tasks, team
from tests.conftest import World
from tests.integration.floor_world import add_bins, member
from tests.integration.flows import decide, do_work
from tests.integration.test_floor_bins import graded, where
from tests.people import person

SHELVES = (
    "code,zone,kind,places\n"
    "HUB-FR:A-01-0-A,graded_stock,shelf,20\n"
    "HUB-FR:B-02-0-A,graded_stock,shelf,20\n"
)


def board(world: World) -> list[tuple[TaskKind, TaskState]]:
    return [(t.kind, t.state) for t in tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))]


def test_a_work_order_in_the_workshop_makes_a_move_there(world: World) -> None:
    add_bins(world, SHELVES)
    lpn = graded(world, "TEE-M", "T1")
    assert board(world) == [(TaskKind.PUT_AWAY, TaskState.OPEN)]
    decide(world, lpn, DispositionRoute.RESELL)  # a clean, in HUB-FR's workshop
    [task] = tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))
    assert (task.kind, task.unit_lpn, task.bin_code) == (
        TaskKind.TO_WORKSHOP,
        lpn,
        "HUB-FR:work_in_progress",
    )
    assert task.detail["work_order"].startswith("WO")
    member(world, "hana")
    taken = tasks.take_next(world.app.uow(), by=person("hana"))
    assert taken is not None and taken.id == task.id
    with pytest.raises(NotAllowed, match=r"takes .* to HUB-FR:work_in_progress"):
        flow_tasks.finish_by_scans(
            world.app.uow(), task.id or 0, [lpn, "HUB-FR:A-01-0-A"], by=person("hana")
        )
    done = flow_tasks.finish_by_scans(
        world.app.uow(), task.id or 0, [lpn, "hub-fr:work_in_progress"], by=person("hana")
    )
    assert done.state is TaskState.DONE
    assert where(world, lpn) == "HUB-FR:work_in_progress"
    assert check_database(world.app.engine) == []


def test_a_consignment_leaving_makes_a_pick_in_walking_order_and_a_load(world: World) -> None:
    add_bins(world, SHELVES)
    lpns = [graded(world, "DRILL-18", f"D{i}") for i in range(3)]
    # Two put away, into B then A; the third waits in graded stock.
    putaway.put_away(world.app.uow(), lpns[0], "HUB-FR:B-02-0-A", by=person("hana"))
    putaway.put_away(world.app.uow(), lpns[1], "HUB-FR:A-01-0-A", by=person("hana"))
    for lpn in lpns:
        decide(world, lpn, DispositionRoute.REPAIR, "REP-FR", reason="switch")
    stock.ship_units(world.app.uow(), lpns, to_site="REP-FR", by=person("bob"))
    found = {t.kind: t for t in tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))}
    assert set(found) == {TaskKind.PICK, TaskKind.LOAD}
    pick, load = found[TaskKind.PICK], found[TaskKind.LOAD]
    assert [s.lpn for s in path_of(pick)] == [lpns[1], lpns[0], lpns[2]]
    assert pick.detail["lines"] == "3" and pick.bin_code == "HUB-FR:outbound"
    assert load.zone == "outbound" and "gloves" in {p.value for p in load.ppe}
    member(world, "hana")
    with pytest.raises(NotAllowed, match="PPE gloves not issued"):
        tasks.start_task(world.app.uow(), load.id or 0, by=person("hana"))
    day = world.now.date()
    team.issue_ppe(
        world.app.uow(),
        "hana",
        item=PpeKind.GLOVES,
        size="8",
        issued_on=day,
        replace_by=day + timedelta(days=90),
        by=person("sup"),
    )
    for task in (pick, load):
        tasks.start_task(world.app.uow(), task.id or 0, by=person("hana"))
        with pytest.raises(NotAllowed, match="still needs"):
            flow_tasks.finish_by_scans(world.app.uow(), task.id or 0, lpns[:2], by=person("hana"))
        done = flow_tasks.finish_by_scans(world.app.uow(), task.id or 0, lpns, by=person("hana"))
        assert done.state is TaskState.DONE
    assert board(world) == []
    assert check_database(world.app.engine) == []


def test_no_task_where_the_floor_is_not_set_up(world: World) -> None:
    lpn = graded(world, "TEE-M", "T1")
    decide(world, lpn, DispositionRoute.RESELL)
    assert board(world) == []


def test_a_unit_whose_work_ended_where_it_stood_is_not_carried_to_the_workshop(
    world: World,
) -> None:
    """The technician tried the unit's clean on a bench of the stock, without the move, and
    it failed: nothing waits in the workshop, so the move there is offered to nobody any
    more, though the unit has not moved."""
    add_bins(world, SHELVES)
    lpn = graded(world, "TEE-M", "T1")
    decided = decide(world, lpn, DispositionRoute.RESELL)
    [task] = tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))
    assert task.kind is TaskKind.TO_WORKSHOP
    member(world, "hana")
    for order in decided.work_orders:
        do_work(world, order, succeeded=False)
    assert where(world, lpn) == "HUB-FR:graded_stock"
    assert tasks.take_next(world.app.uow(), by=person("hana")) is None
