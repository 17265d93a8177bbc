"""Cycle counts on SQLite and PostgreSQL: a count's differences from the ledger become
adjustments that someone else approves, and only then does the ledger move — a missing unit
to the site's ``missing`` location, a found one into the bin, an unknown item into
quarantine — every unit staying in exactly one place (checked in SQL). Two supervisors
planning the same count, a counter submitting twice, two approvers at once: exact."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from revalo.adapters import orm, orm_floor_records
from revalo.adapters.barcodes import read_scan
from revalo.adapters.invariants import check_database
from revalo.domain.errors import AlreadyExists, InvalidTransition, NotAllowed
from revalo.domain.floor.counts import AdjustmentKind, AdjustmentState, CountState, Period
from revalo.domain.floor.tasks import TaskKind
from revalo.services.floor import counts, putaway, tasks
from tests.conftest import World
from tests.integration.floor_world import add_bins, member
from tests.integration.flows import gs1, scan
from tests.integration.test_concurrency import together
from tests.integration.test_floor_bins import graded, where
from tests.people import person

SHELF = "HUB-FR:A-01-0-A"
OTHER = "HUB-FR:A-01-3-A"


def stocked(world: World, n: int, into: str = SHELF) -> list[str]:
    lpns = [graded(world, "TEE-M", f"C{into[-6:]}{i}") for i in range(n)]
    for lpn in lpns:
        putaway.put_away(world.app.uow(), lpn, into, by=person("bob"))
    return lpns


def counting(world: World, counter: str = "lea") -> int:
    """A count task of the shelf, started by ``counter`` (a handler with vest and shoes)."""
    task = counts.plan_count(world.app.uow(), SHELF, by=person("sup"))
    assert task.id is not None and task.kind is TaskKind.COUNT
    member(world, counter)
    tasks.start_task(world.app.uow(), task.id, by=person(counter))
    return task.id


def moves_of(world: World, lpn: str) -> list[tuple[str | None, str | None, str, str]]:
    m, u = orm.stock_moves.c, orm.units.c
    with world.app.engine.connect() as conn:
        rows = conn.execute(
            sa.select(m.from_location, m.to_location, m.actor, m.reason)
            .join(orm.units, u.id == m.unit_id)
            .where(u.lpn == lpn)
            .order_by(m.id)
        )
        return [tuple(r) for r in rows]


def test_a_count_difference_becomes_an_adjustment_and_every_unit_stays_in_one_place(
    world: World,
) -> None:
    add_bins(world)
    kept, gone = stocked(world, 2)
    [stray] = stocked(world, 1, into=OTHER)
    task_id = counting(world)
    # The counter scans the kept unit (twice), the stray one, and a label Revalo never made.
    count = counts.submit_count(
        world.app.uow(),
        task_id,
        [kept, kept.lower(), stray, "ZZ-UNKNOWN-7"],
        by=person("lea"),
    )
    assert (count.on_ledger, count.counted, count.matched) == (2, 3, 1)
    assert count.state is CountState.AWAITING_APPROVAL
    kinds = sorted((a.kind.value, a.lpn or a.scanned) for a in count.adjustments)
    assert kinds == sorted([("found", "ZZ-UNKNOWN-7"), ("found", stray), ("missing", gone)])
    # Nothing moved yet: a count never changes the ledger by itself.
    assert (where(world, gone), where(world, stray)) == (SHELF, OTHER)
    assert count.id is not None
    with pytest.raises(NotAllowed, match="lea counted HUB-FR:A-01-0-A: someone else approves"):
        counts.approve_count(world.app.uow(), count.id, by=person("lea"))
    decided = counts.approve_count(world.app.uow(), count.id, by=person("sup"))
    assert decided.state is CountState.DECIDED and decided.approver == "sup"
    assert all(a.state is AdjustmentState.APPROVED for a in decided.adjustments)
    assert where(world, gone) == "HUB-FR:missing"
    assert moves_of(world, gone)[-1] == (
        SHELF,
        "HUB-FR:missing",
        "sup",
        f"missing at count {count.id} of {SHELF}",
    )
    assert where(world, stray) == SHELF
    assert moves_of(world, stray)[-1][1:] == (SHELF, "sup", f"found at count {count.id} of {SHELF}")
    [unknown] = [a for a in decided.adjustments if a.scanned == "ZZ-UNKNOWN-7"]
    assert unknown.lpn is not None and where(world, unknown.lpn) == "HUB-FR:quarantine"
    assert [str(v) for v in check_database(world.app.engine)] == []
    with pytest.raises(InvalidTransition, match="is decided: it awaits no approval"):
        counts.approve_count(world.app.uow(), count.id, by=person("boss"))


def test_a_rejected_adjustment_moves_nothing_and_an_exact_count_awaits_nobody(
    world: World,
) -> None:
    add_bins(world)
    lpns = stocked(world, 2)
    count = counts.submit_count(world.app.uow(), counting(world), [lpns[0]], by=person("lea"))
    assert count.id is not None
    [missing] = count.adjustments
    assert missing.kind is AdjustmentKind.MISSING and missing.id is not None
    counts.approve_count(world.app.uow(), count.id, by=person("sup"), rejected=[missing.id])
    assert where(world, lpns[1]) == SHELF
    second = counts.plan_count(world.app.uow(), SHELF, by=person("sup"))
    assert second.id is not None
    tasks.start_task(world.app.uow(), second.id, by=person("lea"))
    exact = counts.submit_count(world.app.uow(), second.id, lpns, by=person("lea"))
    assert exact.state is CountState.MATCHED and exact.adjustments == []
    [row] = counts.count_accuracy(
        world.app.uow(), by=person("sup"), site_code="HUB-FR", period=Period.MONTH
    )
    assert (row.counts, row.exact, row.on_ledger, row.counted, row.matched) == (2, 1, 4, 3, 3)
    assert row.rate == pytest.approx(3 / 4)


def test_a_count_while_one_is_open_or_awaiting_approval_is_refused(world: World) -> None:
    add_bins(world)
    stocked(world, 1)
    task_id = counting(world)
    with pytest.raises(AlreadyExists, match=f"has a count task open already: task {task_id}"):
        counts.plan_count(world.app.uow(), SHELF, by=person("sup"))
    count = counts.submit_count(world.app.uow(), task_id, [], by=person("lea"))
    with pytest.raises(AlreadyExists, match=f"count {count.id} awaiting approval"):
        counts.plan_count(world.app.uow(), SHELF, by=person("sup"))


def test_two_supervisors_planning_the_same_count_at_once_make_one_task(world: World) -> None:
    add_bins(world)
    results = together(2, lambda i: counts.plan_count(world.app.uow(), SHELF, by=person(f"s{i}")))
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(refused) == 1 and isinstance(refused[0], AlreadyExists), results
    live = [t for t in tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))]
    assert [t.kind for t in live] == [TaskKind.COUNT]


def test_two_counters_and_two_approvers_at_once_stay_exact(world: World) -> None:
    add_bins(world)
    lpns = stocked(world, 3)
    task = counts.plan_count(world.app.uow(), SHELF, by=person("sup"))
    assert task.id is not None
    task_id = task.id
    for login in ("lea", "max"):
        member(world, login)
    # Two counters start the count at once: one holds it, the other is refused.
    started = together(
        2,
        lambda i: tasks.start_task(world.app.uow(), task_id, by=person(("lea", "max")[i])),
    )
    holders = [r.assignee for r in started if not isinstance(r, BaseException)]
    assert len(holders) == 1, started
    assert isinstance(next(r for r in started if isinstance(r, BaseException)), InvalidTransition)
    counter = holders[0]
    assert counter is not None
    # The one who holds it submits twice at once (a double tap): one count.
    submitted = together(
        2,
        lambda i: counts.submit_count(world.app.uow(), task_id, lpns[:1], by=person(counter)),
    )
    made = [r for r in submitted if not isinstance(r, BaseException)]
    assert len(made) == 1, submitted
    assert isinstance(next(r for r in submitted if isinstance(r, BaseException)), InvalidTransition)
    count_id = made[0].id
    assert count_id is not None
    approved = together(
        2, lambda i: counts.approve_count(world.app.uow(), count_id, by=person(f"boss{i}"))
    )
    ok = [r for r in approved if not isinstance(r, BaseException)]
    assert len(ok) == 1, approved
    assert isinstance(next(r for r in approved if isinstance(r, BaseException)), InvalidTransition)
    for lpn in lpns[1:]:
        assert where(world, lpn) == "HUB-FR:missing"
        assert [m[1] for m in moves_of(world, lpn)].count("HUB-FR:missing") == 1
    with world.app.engine.connect() as conn:
        assert (
            conn.scalar(sa.select(sa.func.count()).select_from(orm_floor_records.bin_counts)) == 1
        )
    assert [str(v) for v in check_database(world.app.engine)] == []


def test_an_adjustment_overtaken_by_a_move_is_refused_and_changes_nothing(world: World) -> None:
    add_bins(world)
    lpns = stocked(world, 2)
    count = counts.submit_count(world.app.uow(), counting(world), lpns[:1], by=person("lea"))
    assert count.id is not None
    # Meanwhile the "missing" unit is found and put away elsewhere, by the book.
    putaway.put_away(world.app.uow(), lpns[1], OTHER, by=person("bob"))
    with pytest.raises(NotAllowed, match=f"{lpns[1]} is no longer in {SHELF}"):
        counts.approve_count(
            world.app.uow(), count.id, by=person("sup"), at=world.now + timedelta(hours=1)
        )
    assert where(world, lpns[1]) == OTHER
    assert counts.count(world.app.uow(), count.id, by=person("sup")).state is (
        CountState.AWAITING_APPROVAL
    )
    assert [str(v) for v in check_database(world.app.engine)] == []


def test_the_ledger_check_finds_a_count_whose_state_disagrees_with_its_adjustments(
    world: World,
) -> None:
    add_bins(world)
    lpns = stocked(world, 2)
    count = counts.submit_count(world.app.uow(), counting(world), lpns[:1], by=person("lea"))
    assert check_database(world.app.engine) == []
    adjustments = orm_floor_records.count_adjustments
    with world.app.engine.begin() as conn:  # a change made behind the use cases' back
        conn.execute(
            adjustments.update()
            .where(adjustments.c.count_id == count.id)
            .values(state=AdjustmentState.APPROVED)
        )
    [broken] = check_database(world.app.engine)
    assert broken.check.startswith("counts whose state disagrees") and broken.count == 1
    assert broken.examples == (f"{count.id}, awaiting_approval, 1, 0",)


def test_a_found_unit_the_rules_keep_out_of_the_bin_gets_a_put_away_task(world: World) -> None:
    add_bins(world)
    drill = graded(world, "DRILL-18", "D1", hazardous=True)
    putaway.put_away(world.app.uow(), drill, "HUB-FR:L-01-0-A", by=person("bob"))
    # The battery unit turns up on the shelf: counted there, found, approved.
    count = counts.submit_count(world.app.uow(), counting(world), [drill], by=person("lea"))
    assert count.id is not None
    counts.approve_count(world.app.uow(), count.id, by=person("sup"))
    assert where(world, drill) == SHELF
    [task] = [
        t
        for t in tasks.board(world.app.uow(), "HUB-FR", by=person("sup"))
        if t.kind is TaskKind.PUT_AWAY
    ]
    assert (task.unit_lpn, task.from_location, task.bin_code) == (drill, SHELF, "HUB-FR:L-01-0-A")
    assert [str(v) for v in check_database(world.app.engine)] == []


def test_an_unknown_item_found_by_two_counts_is_received_once(world: World) -> None:
    add_bins(world)
    first = counts.submit_count(world.app.uow(), counting(world), ["ZZ-42"], by=person("lea"))
    task = counts.plan_count(world.app.uow(), OTHER, by=person("sup"))
    assert task.id is not None and first.id is not None
    tasks.start_task(world.app.uow(), task.id, by=person("lea"))
    second = counts.submit_count(world.app.uow(), task.id, ["ZZ-42"], by=person("lea"))
    assert second.id is not None
    counts.approve_count(world.app.uow(), first.id, by=person("sup"))
    decided = counts.approve_count(world.app.uow(), second.id, by=person("sup"))
    [again] = decided.adjustments
    [received] = counts.count(world.app.uow(), first.id, by=person("sup")).adjustments
    assert again.lpn == received.lpn and received.lpn is not None
    assert where(world, received.lpn) == OTHER  # found again, in the second bin
    with world.app.engine.connect() as conn:
        u = orm.units.c
        assert conn.scalar(sa.select(sa.func.count()).where(u.scanned_code == "ZZ-42")) == 1
    assert [str(v) for v in check_database(world.app.engine)] == []


def test_a_unit_counted_by_its_product_barcode_in_another_form_is_the_same_unit(
    world: World,
) -> None:
    """The counter scans the product's own barcode, not Revalo's label: a GS1 element
    string in brackets, or a Digital Link, names the unit received from its DataMatrix."""
    add_bins(world)
    [lpn] = stocked(world, 1)
    gtin, serial = world.tshirt.gtin, f"C{SHELF[-6:]}0"
    forms = [f"(01){gtin}(21){serial}", f"https://id.gs1.org/01/{gtin}/21/{serial}"]
    count = counts.submit_count(
        world.app.uow(), counting(world), [read_scan(c) for c in forms], by=person("lea")
    )
    assert (count.on_ledger, count.counted, count.matched) == (1, 1, 1), lpn
    assert count.state is CountState.MATCHED and count.adjustments == []


def test_an_unknown_item_scanned_in_two_forms_is_one_found_item_and_receiving_finds_it(
    world: World,
) -> None:
    """An item Revalo did not know, scanned twice in a count in two forms of its barcode,
    is one adjustment; approved, it is received under its GTIN and serial, so that the
    receiving station's scan of its DataMatrix gives the same unit, not a second one."""
    add_bins(world)
    gtin, serial = world.laptop.gtin, "NEVER-SEEN-1"
    forms = [f"(01){gtin}(21){serial}", f"https://id.gs1.org/01/{gtin}/21/{serial}"]
    count = counts.submit_count(
        world.app.uow(), counting(world), [read_scan(c) for c in forms], by=person("lea")
    )
    [found] = count.adjustments
    assert (found.kind, found.lpn, found.gtin, found.serial) == (
        AdjustmentKind.FOUND,
        None,
        gtin,
        serial,
    )
    assert count.id is not None
    [received] = counts.approve_count(world.app.uow(), count.id, by=person("sup")).adjustments
    assert received.lpn is not None and where(world, received.lpn) == "HUB-FR:quarantine"
    again = scan(world, gs1(world.laptop, serial)).unit
    assert again is not None and again.lpn == received.lpn
    with world.app.engine.connect() as conn:
        u = orm.units.c
        rows = conn.execute(sa.select(u.sku, u.gtin).where(u.serial == serial)).all()
    assert [tuple(r) for r in rows] == [(world.laptop.sku, gtin)]
    assert [str(v) for v in check_database(world.app.engine)] == []


def test_an_item_received_at_the_station_before_its_count_is_approved_is_not_received_twice(
    world: World,
) -> None:
    add_bins(world)
    gtin, serial = world.laptop.gtin, "NEVER-SEEN-2"
    scanned = read_scan(f"(01){gtin}(21){serial}")
    count = counts.submit_count(world.app.uow(), counting(world), [scanned], by=person("lea"))
    # Meanwhile the item reaches the receiving station, scanned from its DataMatrix.
    at_station = scan(world, gs1(world.laptop, serial)).unit
    assert at_station is not None and count.id is not None
    [found] = counts.approve_count(world.app.uow(), count.id, by=person("sup")).adjustments
    assert found.lpn == at_station.lpn and where(world, at_station.lpn) == SHELF
    with world.app.engine.connect() as conn:
        u = orm.units.c
        assert conn.scalar(sa.select(sa.func.count()).where(u.serial == serial)) == 1
    assert [str(v) for v in check_database(world.app.engine)] == []


def test_a_code_that_is_no_barcode_is_kept_as_scanned() -> None:
    assert read_scan("  ZZ-UNKNOWN-7 ") == "ZZ-UNKNOWN-7"
    assert read_scan("x" * 300) == "x" * 300
