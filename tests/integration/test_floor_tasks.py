"""The team's qualifications checked before work, on SQLite and PostgreSQL: a task on high
racking needs a reach truck and its CACES R489 category; a member whose category is wrong
or expired is refused (the refusal names what is missing, and is in the audit trail), and
accepted once it is renewed. Grading makes the put-away task; the handler takes it, scans
the unit, then the bin."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.invariants import check_database
from revalo.domain.errors import NotAllowed
from revalo.domain.floor.tasks import TaskKind, TaskState
from revalo.domain.floor.team import PpeKind, QualificationKind
from revalo.services.floor import tasks, team
from tests.conftest import World
from tests.integration.floor_world import add_bins, member, qualify
from tests.integration.test_floor_bins import graded, where
from tests.people import person

Q = QualificationKind
RACKING = "code,zone,kind,height_m,places\nHUB-FR:P-02-4-A,graded_stock,pallet_racking,4.5,1\n"


def refusals(world: World) -> list[tuple[str, str]]:
    a = orm.audit_log.c
    with world.app.engine.connect() as conn:
        rows = conn.execute(
            sa.select(a.action, a.detail).where(a.outcome == "refused").order_by(a.id)
        )
        return [(r.action, r.detail) for r in rows]


def test_grading_makes_a_put_away_task_stating_what_it_needs(world: World) -> None:
    add_bins(world, RACKING)
    lpn = graded(world, "TEE-M", "T1")
    [task] = tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))
    assert (task.kind, task.unit_lpn, task.bin_code) == (TaskKind.PUT_AWAY, lpn, "HUB-FR:P-02-4-A")
    assert task.equipment == {"reach_truck"}
    assert {str(n) for n in task.needs} == {
        "caces_r489 5",
        "driving_authorisation",
        "medical_fitness",
    }
    assert task.ppe == {PpeKind.HI_VIS_VEST, PpeKind.SAFETY_SHOES, PpeKind.HELMET}


def test_a_forklift_task_is_refused_on_a_wrong_or_expired_caces_and_accepted_once_renewed(
    world: World,
) -> None:
    add_bins(world, RACKING)
    lpn = graded(world, "TEE-M", "T1")
    [task] = tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))
    assert task.id is not None
    member(world, "driver")
    team.issue_ppe(
        world.app.uow(),
        "driver",
        item=PpeKind.HELMET,
        size="M",
        issued_on=world.now.date(),
        replace_by=world.now.date().replace(year=world.now.year + 3),
        by=person("sup"),
    )
    qualify(world, "driver", Q.DRIVING_AUTHORISATION)
    qualify(world, "driver", Q.MEDICAL_FITNESS)
    qualify(world, "driver", Q.CACES_R489, category="3")  # counterbalance: not a reach truck
    with pytest.raises(NotAllowed, match=r"may not do task .*: caces_r489 5 missing"):
        tasks.assign_task(world.app.uow(), task.id, "driver", by=person("sup"))
    qualify(world, "driver", Q.CACES_R489, category="5", expires_in_days=-3)
    with pytest.raises(NotAllowed, match="caces_r489 5 expired on"):
        tasks.assign_task(world.app.uow(), task.id, "driver", by=person("sup"))
    driver = person("driver")
    with pytest.raises(NotAllowed, match="caces_r489 5 expired on"):
        tasks.start_task(world.app.uow(), task.id, by=driver)
    assert [a for a, _ in refusals(world)] == ["assign_task", "assign_task", "start_task"]
    assert "caces_r489 5 missing" in refusals(world)[0][1]
    # Renewed: the newest certificate counts.
    qualify(world, "driver", Q.CACES_R489, category="5", expires_in_days=5 * 365)
    assigned = tasks.assign_task(world.app.uow(), task.id, "driver", by=person("sup"))
    assert (assigned.state, assigned.assignee) == (TaskState.ASSIGNED, "driver")
    started = tasks.take_next(world.app.uow(), by=driver)
    assert started is not None and started.id == task.id and started.state is TaskState.STARTED
    done = tasks.finish_put_away(
        world.app.uow(), task.id, unit_scan=lpn, bin_scan="HUB-FR:P-02-4-A", by=driver
    )
    assert done.state is TaskState.DONE
    assert where(world, lpn) == "HUB-FR:P-02-4-A"
    assert tasks.board(world.app.uow(), "HUB-FR", by=person("sup")) == []
    assert check_database(world.app.engine) == []


def test_missing_ppe_is_named_and_a_handler_takes_only_what_they_may_do(world: World) -> None:
    add_bins(world, RACKING + "HUB-FR:A-01-0-A,graded_stock,shelf,,10\n")
    high = graded(world, "TEE-M", "T1")  # proposed the low shelf (lowest level first)
    member(world, "nopp", ppe=False)
    [task] = tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))
    assert task.bin_code == "HUB-FR:A-01-0-A" and not task.needs
    with pytest.raises(NotAllowed, match="PPE hi_vis_vest not issued; PPE safety_shoes not"):
        tasks.start_task(world.app.uow(), task.id or 0, by=person("nopp"))
    assert tasks.take_next(world.app.uow(), by=person("nopp")) is None
    member(world, "hana")
    taken = tasks.take_next(world.app.uow(), by=person("hana"))
    assert taken is not None and taken.unit_lpn == high
    with pytest.raises(NotAllowed, match="you scanned bin HUB-FR:P-02-4-A: task"):
        tasks.finish_put_away(
            world.app.uow(),
            task.id or 0,
            unit_scan=high,
            bin_scan="HUB-FR:P-02-4-A",
            by=person("hana"),
        )
    with pytest.raises(NotAllowed, match="you scanned 'LPN999': task"):
        tasks.finish_put_away(
            world.app.uow(),
            task.id or 0,
            unit_scan="LPN999",
            bin_scan="HUB-FR:A-01-0-A",
            by=person("hana"),
        )
    tasks.finish_put_away(
        world.app.uow(), task.id or 0, unit_scan=high, bin_scan="hub-fr:a-01-0-a", by=person("hana")
    )
    assert where(world, high) == "HUB-FR:A-01-0-A"


def test_what_expires_within_30_days_soonest_first(world: World) -> None:
    member(world, "hana")
    qualify(world, "hana", Q.DG_AWARENESS, expires_in_days=10)
    qualify(world, "hana", Q.MEDICAL_FITNESS, expires_in_days=-1)
    qualify(world, "hana", Q.ELECTRICAL_CLEARANCE, expires_in_days=90)
    soon = team.expiring_soon(world.app.uow(), by=person("sup"), day=world.now.date())
    assert [(e.member.user_login, e.what, e.expired(world.now.date())) for e in soon] == [
        ("hana", "medical_fitness", True),
        ("hana", "dg_awareness", False),
    ]
