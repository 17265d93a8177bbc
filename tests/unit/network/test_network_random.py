"""The network engine on random small instances, against enumeration.

Single sourcing is checked against every assignment of regions to sites (an oracle that
shares no code with the engine); split flows against the best of the open sets, each solved
with its sites forced open or closed. Then the two laws a scenario comparison rests on:
closing a site never lowers the optimal cost, removing a capacity limit never raises it.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from revalo.engines.network import (
    CLOSED,
    OPEN,
    NetworkParams,
    NetworkProblem,
    NetworkResult,
    empty_lanes,
    lanes,
    plain_demands,
    receiving_sites,
    solve_network,
)
from revalo.engines.network.baselines import greedy_drop
from revalo.engines.network.large import solve_large_network


@st.composite
def instances(draw: st.DrawFn) -> tuple[NetworkProblem, float | None]:
    n_sites = draw(st.integers(2, 4))
    n_regions = draw(st.integers(2, 5))
    units = draw(st.lists(st.integers(1, 20), min_size=n_regions, max_size=n_regions))
    fixed = draw(st.lists(st.integers(0, 60), min_size=n_sites, max_size=n_sites))
    capacity = draw(
        st.lists(
            st.one_of(st.just(math.inf), st.integers(5, 60).map(float)),
            min_size=n_sites,
            max_size=n_sites,
        )
    )
    cost = draw(
        st.lists(st.integers(0, 9), min_size=n_sites * n_regions, max_size=n_sites * n_regions)
    )
    km = draw(
        st.lists(st.integers(0, 500), min_size=n_sites * n_regions, max_size=n_sites * n_regions)
    )
    max_km = draw(st.one_of(st.none(), st.integers(150, 450).map(float)))
    origin = [d for d in range(n_regions) for _ in range(n_sites)]
    site = [s for _ in range(n_regions) for s in range(n_sites)]
    problem = NetworkProblem(
        sites=receiving_sites([f"S{s}" for s in range(n_sites)], fixed, capacity),
        demands=plain_demands([f"R{d}" for d in range(n_regions)], units),
        inbound=lanes(origin, site, [float(c) for c in cost], km=[float(k) for k in km]),
        onward=empty_lanes(),
    )
    return problem, max_km


def _lane_cost(p: NetworkProblem) -> dict[tuple[int, int], tuple[float, float]]:
    return {
        (int(d), int(s)): (float(c), float(k))
        for d, s, c, k in zip(
            p.inbound.origin, p.inbound.site, p.inbound.unit_cost, p.inbound.km, strict=True
        )
    }


def brute_single(p: NetworkProblem, max_km: float | None) -> float:
    """The cheapest assignment of each region to one site, by trying all of them."""
    lane = _lane_cost(p)
    S, D = len(p.sites.names), len(p.demands.names)
    units = p.demands.units
    cap = p.sites.capacity[:, 0]
    best = math.inf
    for assign in itertools.product(range(S), repeat=D):
        load = np.zeros(S)
        cost = 0.0
        ok = True
        for d, s in enumerate(assign):
            c, k = lane[(d, s)]
            if (max_km is not None and k > max_km) or p.sites.state[s] == CLOSED:
                ok = False
                break
            load[s] += units[d]
            cost += units[d] * c
        if not ok or (load > cap + 1e-9).any():
            continue
        used = (load > 0) | (p.sites.state == OPEN)
        best = min(best, cost + float(p.sites.fixed_cost[used].sum()))
    return best


def with_states(p: NetworkProblem, state: list[int]) -> NetworkProblem:
    s = p.sites
    return NetworkProblem(
        receiving_sites(s.names, s.fixed_cost, s.capacity[:, 0], state=state),
        p.demands,
        p.inbound,
        p.onward,
    )


def best_open_set(p: NetworkProblem, params: NetworkParams) -> float:
    """The best over every open set, each solved with its sites forced open or closed."""
    S = len(p.sites.names)
    best = math.inf
    for mask in itertools.product((CLOSED, OPEN), repeat=S):
        r = solve_network(with_states(p, list(mask)), params)
        if r.has_plan:
            best = min(best, r.objective)
    return best


def respects_caps(r: NetworkResult, p: NetworkProblem, max_km: float | None) -> None:
    used = r.inbound_units > 1e-6
    if max_km is not None:
        assert (r.inbound.km[used] <= max_km).all()
    assert (r.usage[:, 0] <= p.sites.capacity[:, 0] + 1e-6).all()
    served = np.zeros(len(p.demands.names))
    np.add.at(served, r.inbound.origin, r.inbound_units)
    assert np.allclose(served, p.demands.units)


@settings(max_examples=60, deadline=None)
@given(instances())
def test_single_sourcing_matches_every_assignment_tried(
    case: tuple[NetworkProblem, float | None],
) -> None:
    p, max_km = case
    r = solve_network(p, NetworkParams(single_sourcing=True, max_km=max_km))
    best = brute_single(p, max_km)
    if math.isinf(best):
        assert r.status == "infeasible" and r.reason
        return
    assert r.status == "optimal"
    assert math.isclose(r.objective, best, rel_tol=1e-9, abs_tol=1e-6)
    respects_caps(r, p, max_km)
    # Each region at exactly one site.
    used = r.inbound_units > 1e-6
    assert len(set(r.inbound.origin[used].tolist())) == used.sum()


@settings(max_examples=40, deadline=None)
@given(instances())
def test_split_flows_match_the_best_open_set(case: tuple[NetworkProblem, float | None]) -> None:
    p, max_km = case
    params = NetworkParams(max_km=max_km)
    r = solve_network(p, params)
    best = best_open_set(p, params)
    if math.isinf(best):
        assert r.status == "infeasible" and r.unserved
        return
    assert r.status == "optimal"
    assert math.isclose(r.objective, best, rel_tol=1e-9, abs_tol=1e-6)
    respects_caps(r, p, max_km)
    # Splitting can only help.
    single = solve_network(p, NetworkParams(single_sourcing=True, max_km=max_km))
    assert not single.has_plan or single.objective >= r.objective - 1e-6


@settings(max_examples=60, deadline=None)
@given(instances(), st.integers(0, 3), st.booleans())
def test_closing_a_site_never_lowers_the_optimal_cost(
    case: tuple[NetworkProblem, float | None], which: int, single: bool
) -> None:
    p, max_km = case
    params = NetworkParams(single_sourcing=single, max_km=max_km)
    state = [0] * len(p.sites.names)
    state[which % len(state)] = CLOSED
    before = solve_network(p, params)
    after = solve_network(with_states(p, state), params)
    if not before.has_plan:
        assert not after.has_plan
    elif after.has_plan:
        assert after.objective >= before.objective - 1e-6


@settings(max_examples=60, deadline=None)
@given(instances(), st.integers(0, 3), st.booleans())
def test_removing_a_capacity_limit_never_raises_the_optimal_cost(
    case: tuple[NetworkProblem, float | None], which: int, single: bool
) -> None:
    p, max_km = case
    params = NetworkParams(single_sourcing=single, max_km=max_km)
    s = p.sites
    capacity = s.capacity[:, 0].copy()
    capacity[which % len(capacity)] = math.inf
    loose = NetworkProblem(
        receiving_sites(s.names, s.fixed_cost, capacity), p.demands, p.inbound, p.onward
    )
    before = solve_network(p, params)
    after = solve_network(loose, params)
    if before.has_plan:
        assert after.has_plan and after.objective <= before.objective + 1e-6


@settings(max_examples=40, deadline=None)
@given(instances())
def test_drop_and_the_large_network_path_bracket_the_optimum(
    case: tuple[NetworkProblem, float | None],
) -> None:
    p, max_km = case
    params = NetworkParams(max_km=max_km)
    exact = solve_network(p, params)
    drop = greedy_drop(p, params)
    large = solve_large_network(p, params)
    if not exact.has_plan:
        assert not large.has_plan
        return
    assert drop.has_plan and drop.status == "heuristic"
    assert drop.objective >= exact.objective - 1e-6
    respects_caps(drop, p, max_km)
    # The Lagrangian bound is a lower bound; the plan a real plan.
    assert large.bound <= exact.objective + 1e-6 * max(1.0, exact.objective)
    assert large.objective >= exact.objective - 1e-6
    respects_caps(large, p, max_km)
