"""The network engine on the OR-Library capacitated facility location instances carried in
tests/data/cflp, against their proven optima."""

from __future__ import annotations

from pathlib import Path

import pytest

from revalo.domain.errors import DomainError
from revalo.engines.network.cflp import parse_cflp, read_cflp, solve_cflp

DATA = Path(__file__).resolve().parents[2] / "data" / "cflp"
#: Proven optima with split demand (OR-Library, capopt; J. E. Beasley, European Journal of
#: Operational Research 33(3), 1988), as in tests/data/README.md.
OPTIMA = {"cap41": 1040444.375, "cap72": 977799.400}


@pytest.mark.parametrize("name", sorted(OPTIMA))
def test_every_instance_to_its_proven_optimum(name: str) -> None:
    instance = read_cflp(DATA / f"{name}.txt")
    assert (len(instance.capacity), len(instance.demand)) == (16, 50)
    r = solve_cflp(instance)
    assert r.status == "optimal"
    assert r.cost == pytest.approx(OPTIMA[name], abs=1e-3)
    assert r.bound == pytest.approx(OPTIMA[name], abs=1e-3)


def test_single_sourcing_on_cap72_costs_its_split_optimum() -> None:
    # cap72's optimal split plan already serves every customer from one site.
    r = solve_cflp(read_cflp(DATA / "cap72.txt"), single_sourcing=True)
    assert r.status == "optimal" and r.split == 0
    assert r.cost == pytest.approx(OPTIMA["cap72"], abs=1e-3)


def test_single_sourcing_on_cap41_is_infeasible_and_says_which_customers() -> None:
    # Every site of cap41 holds 5,000 units; customers 11 and 34 order 5,495 and 12,912.
    r = solve_cflp(read_cflp(DATA / "cap41.txt"), single_sourcing=True)
    assert r.status == "infeasible"
    assert "customer 11 (5,495 units)" in r.reason and "customer 34 (12,912 units)" in r.reason
    split = solve_cflp(read_cflp(DATA / "cap41.txt"))
    assert split.split >= 2  # at least those two are split in the optimum


def test_a_malformed_file_names_what_is_wrong() -> None:
    with pytest.raises(DomainError, match="2 sites and 1 customers need 9 numbers"):
        parse_cflp("2 1\n10 5\n10 5\n3 1.0\n", "bad")
    with pytest.raises(DomainError, match="not an OR-Library"):
        parse_cflp("2 1\ncapacity 5\n", "bad")
