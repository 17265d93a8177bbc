"""Benchmark instance readers and the cost conventions, against the published solutions."""

from __future__ import annotations

from pathlib import Path

import pytest
import vrplib  # type: ignore[import-untyped]

from revalo.domain.errors import InvalidValue
from revalo.engines.collection.instances import (
    read_instance,
    route_cost,
    route_violations,
    solve_instance,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "vrp"
#: Best known, distance only, exact distances (VROOM's BKS table, tests/data/README.md).
C101_BEST = 828.94


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
