"""Benchmark of the floor's assignment. Run: ``python bench/bench_floor_assignment.py``.

A site's day: 500 open tasks (put-aways, moves to the workshop, picks of 5 to 40 lines,
truck loads) over its zones, with the equipment, qualifications and PPE the floor's rules
give them, and 40 people on shift with their own qualifications and PPE (some expired).
Who may do what is the floor's check (``services.floor.assignment.problem_for``). Each
instance is solved by the HiGHS model and by the greedy baseline in the same process; the
time, the workload spread (the busiest person's hours over the mean), the hours walked and
the tasks left open are printed side by side. Target: under 2 s for HiGHS, a spread better
than greedy's.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta

from revalo.domain.catalog import LocationKind
from revalo.domain.floor.bins import Bin, BinKind, Item
from revalo.domain.floor.tasks import FloorTask, Priority, TaskKind, requirements_for
from revalo.domain.floor.team import (
    PpeIssue,
    PpeKind,
    Qualification,
    QualificationKind,
    Shift,
    TeamMember,
)
from revalo.engines.floor_assignment import (
    AssignmentResult,
    check_assignment,
    greedy_assignment,
    load_params,
    solve_assignment,
)
from revalo.services.floor.assignment import problem_for

NOW = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
SITE = "HUB-BENCH"
Q = QualificationKind
#: (zone, kind, share of the tasks)
MIX = (
    (LocationKind.GRADED_STOCK, TaskKind.PUT_AWAY, 0.30),
    (LocationKind.RECEIVING, TaskKind.PUT_AWAY, 0.10),
    (LocationKind.QUARANTINE, TaskKind.PUT_AWAY, 0.05),
    (LocationKind.GRADED_STOCK, TaskKind.TO_WORKSHOP, 0.10),
    (LocationKind.INSPECTION, TaskKind.TO_WORKSHOP, 0.05),
    (LocationKind.GRADED_STOCK, TaskKind.PICK, 0.20),
    (LocationKind.RECYCLING_CAGE, TaskKind.PICK, 0.05),
    (LocationKind.OUTBOUND, TaskKind.LOAD, 0.15),
)


def _valid(day: date, rng: random.Random, expired: float) -> tuple[date, date]:
    if rng.random() < expired:
        return day - timedelta(days=900), day - timedelta(days=rng.randint(1, 60))
    return day - timedelta(days=300), day + timedelta(days=rng.randint(30, 900))


def team(n: int, rng: random.Random) -> list[TeamMember]:
    day = NOW.date()
    out = []
    for i in range(n):
        m = TeamMember(f"p{i:02d}", SITE, Shift.MORNING, id=i + 1)
        for item, share in (
            (PpeKind.HI_VIS_VEST, 1.0),
            (PpeKind.SAFETY_SHOES, 1.0),
            (PpeKind.GLOVES, 0.6),
            (PpeKind.HELMET, 0.5),
        ):
            if rng.random() < share:
                on, until = _valid(day, rng, 0.04)
                m.ppe.append(PpeIssue(i + 1, item, "L", on, until))
        quals = [(Q.DG_AWARENESS, "", 0.25)]
        if rng.random() < 0.6:  # a driver
            quals += [
                (Q.DRIVING_AUTHORISATION, "", 1.0),
                (Q.MEDICAL_FITNESS, "", 1.0),
                (Q.CACES_R489, "3", 0.8),
                (Q.CACES_R489, "5", 0.5),
            ]
        for kind, category, share in quals:
            if rng.random() < share:
                on, until = _valid(day, rng, 0.06)
                m.qualifications.append(Qualification(i + 1, kind, on, until, category))
        out.append(m)
    return out


def tasks(n: int, rng: random.Random) -> list[FloorTask]:
    racking = Bin(
        f"{SITE}:P-01-4-A", SITE, LocationKind.GRADED_STOCK, BinKind.PALLET_RACKING, 4, height_m=4.5
    )
    shelf = Bin(f"{SITE}:A-01-1-A", SITE, LocationKind.GRADED_STOCK, BinKind.SHELF, 1)
    zones, weights = zip(*[((z, k), w) for z, k, w in MIX], strict=True)
    out = []
    for i in range(n):
        zone, kind = rng.choices(zones, weights)[0]
        item = Item(
            f"LPN{i:06d}",
            mass_kg=rng.choice((1.5, 2.5, 4.0, 8.0, 12.0, 18.0, 30.0, 60.0)),
            volume_m3=0.05,
            damaged_lithium=rng.random() < 0.05,
        )
        where = racking if rng.random() < 0.2 else shelf
        task = FloorTask(
            kind,
            SITE,
            zone.value,
            NOW - timedelta(minutes=rng.randint(5, 48 * 60)),
            id=i + 1,
            priority=rng.choices(list(Priority), (0.1, 0.2, 0.7))[0],
        )
        task.require(requirements_for(item, where if kind is TaskKind.PUT_AWAY else None))
        if kind is TaskKind.PICK:
            task.detail = {"lines": str(rng.randint(5, 40))}
        out.append(task)
    return out


def row(name: str, r: AssignmentResult, n: int) -> str:
    busiest = max(p.hours for p in r.plans)
    return (
        f"{name:<8} {r.run_time_s:7.3f} s  {r.status:<10} spread {r.spread:5.3f}  "
        f"busiest {busiest:5.2f} h  walked {r.walk_h:6.2f} h  "
        f"assigned {len(r.assigned):>4}/{n}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=500)
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--instances", type=int, default=5)
    args = parser.parse_args()
    # A site of 40 people has more trucks than the default (a small hub's).
    params = load_params(fleet={"reach_truck": 6, "counterbalance_truck": 10})
    print(
        f"{args.tasks} tasks x {args.people} people, {args.instances} instance(s); "
        f"HiGHS time limit {params.time_limit_s:g} s, gap {params.mip_gap:g}"
    )
    ratios = []
    for seed in range(args.instances):
        rng = random.Random(seed)
        members, open_tasks = team(args.people, rng), tasks(args.tasks, rng)
        built = time.perf_counter()
        problem = problem_for(open_tasks, members, params, NOW)
        built = time.perf_counter() - built
        eligible = sum(1 for t in problem.tasks if t.eligible)
        if len(problem.tasks) != args.tasks or len(problem.people) != args.people or not eligible:
            print(
                f"instance {seed}: the generated data is not what was asked "
                f"({len(problem.tasks)} tasks, {len(problem.people)} people, "
                f"{eligible} doable)",
                file=sys.stderr,
            )
            return 1
        highs = solve_assignment(problem, params, seed=seed)
        greedy = greedy_assignment(problem)
        check_assignment(problem, highs.assigned)
        check_assignment(problem, greedy.assigned)
        hours = sum(t.hours for t in problem.tasks)
        print(
            f"instance {seed}: {hours:.1f} h of tasks, {eligible} doable by someone, "
            f"problem built in {built:.3f} s"
        )
        print("  " + row("HiGHS", highs, args.tasks))
        print("  " + row("greedy", greedy, args.tasks))
        ratios.append((highs.run_time_s, highs.spread / greedy.spread if greedy.spread else 1.0))
    worst = max(t for t, _ in ratios)
    print(
        f"slowest HiGHS solve {worst:.3f} s (target < 2 s); spread HiGHS/greedy "
        f"{min(r for _, r in ratios):.3f} to {max(r for _, r in ratios):.3f} (< 1: better)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
