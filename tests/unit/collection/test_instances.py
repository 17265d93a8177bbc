"""Benchmark instance readers and the cost conventions, against the published solutions."""

from __future__ import annotations

from pathlib import Path

import pytest
import vrplib  # type: ignore[import-untyped]

from revalo.domain.errors import InvalidValue
from revalo.engines.collection.instances import (
    check_solution,
    read_instance,
    route_cost,
    route_violations,
    solve_instance,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "vrp"
#: Best known, distance only, exact distances (VROOM's BKS table, tests/data/README.md).
C101_BEST = 828.94
#: VROOM's BKS table, R201 distance only, exact distances (9 vehicles).
R201_PUBLISHED = 1149.68
INSTANCES = sorted((DATA / "solomon").glob("*.txt")) + sorted((DATA / "cvrp").glob("*.vrp"))


def test_x_instance_cost_of_the_best_known_solution_is_its_stated_cost() -> None:
    instance = read_instance(DATA / "cvrp" / "X-n101-k25.vrp")
    solution = vrplib.read_solution(str(DATA / "cvrp" / "X-n101-k25.sol"))
    assert instance.num_clients == 100
    assert instance.capacity == 206
    assert route_cost(instance, solution["routes"]) == 27591 == solution["cost"]
    assert route_violations(instance, solution["routes"]) == ()


def test_solomon_cost_uses_exact_distances() -> None:
    instance = read_instance(DATA / "solomon" / "C101.txt")
    solution = vrplib.read_solution(str(DATA / "solomon" / "C101.sol"))
    assert (instance.vehicles, instance.capacity, instance.num_clients) == (25, 200, 100)
    # The .sol file states 827.3 with distances truncated to one decimal; exact is 828.94.
    assert route_cost(instance, solution["routes"]) == pytest.approx(C101_BEST, abs=0.005)
    assert route_violations(instance, solution["routes"]) == ()


@pytest.mark.parametrize("path", INSTANCES, ids=lambda p: p.stem)
def test_every_shipped_solution_holds_the_cost_it_states(path: Path) -> None:
    known = check_solution(read_instance(path), path.with_suffix(".sol"))
    assert known.matches_stated_cost, (known.stated_cost, known.stated_recomputed)


def test_r201_solution_is_feasible_and_below_the_published_figure() -> None:
    instance = read_instance(DATA / "solomon" / "R201.txt")
    known = check_solution(instance, DATA / "solomon" / "R201.sol")
    assert known.feasible
    assert len(known.routes) == 8
    assert known.cost == pytest.approx(1147.82, abs=0.005)
    assert known.cost < R201_PUBLISHED


def test_rc101_solution_is_late_with_exact_distances() -> None:
    # Feasible with distances truncated to one decimal, as it was published; not in reals.
    instance = read_instance(DATA / "solomon" / "RC101.txt")
    known = check_solution(instance, DATA / "solomon" / "RC101.sol")
    assert known.stated_cost == 1619.8 and known.matches_stated_cost
    assert not known.feasible
    assert known.violations == ("node 46 reached at 143.070 after its window closes at 143",)


def test_a_missing_solution_file_is_refused(tmp_path: Path) -> None:
    instance = read_instance(DATA / "solomon" / "C101.txt")
    with pytest.raises(InvalidValue, match="no such solution file"):
        check_solution(instance, tmp_path / "C101.sol")


def test_violations_name_what_is_wrong() -> None:
    instance = read_instance(DATA / "solomon" / "C101.txt")
    found = route_violations(instance, [[1, 2, 3], [3]])
    assert any("never visited" in f for f in found)
    assert "a client is visited more than once" in found
    assert any("after its window closes" in f for f in found)
    with pytest.raises(InvalidValue, match=r"outside 1\.\.100"):
        route_cost(instance, [[101]])


def test_unreadable_files_are_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match="no such instance file"):
        read_instance(tmp_path / "missing.vrp")
    odd = tmp_path / "odd.dat"
    odd.write_text("hello\n", encoding="utf-8")
    with pytest.raises(InvalidValue, match="neither a Solomon"):
        read_instance(odd)


@pytest.mark.slow
def test_c101_within_one_percent_of_best_known() -> None:
    result = solve_instance(DATA / "solomon" / "C101.txt", seconds=5, seed=0)
    assert result.feasible
    assert result.cost <= C101_BEST * 1.01
    assert sorted(c for r in result.routes for c in r) == list(range(1, 101))
