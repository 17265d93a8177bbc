"""The network engine on a tiny instance checked by hand: 3 sites, 5 regions.

Sites A, B, C: fixed cost 100, 120, 90; receiving capacity 60, 50, 40. Regions R1..R5 send
20, 15, 25, 10, 30 units (100 in all), at these costs per unit:

        A  B  C
    R1  1  3  4
    R2  2  1  3
    R3  3  2  1
    R4  1  2  3
    R5  4  3  1

No single site holds 100 units and B + C hold only 90, so A + B (220 fixed), A + C (190) or
all three (310) open. Split flows, A + C: both are full (60 + 40); C takes the units that
save most over A, R5 (3 a unit) then 10 of R3 (2 a unit): 30 + 10 + 20 + 30 + 45 + 10 = 145,
335 in all. A + B costs 220 + 205 and all three 310 + 115, both 425. Single sourcing, A + C:
C's 40 units are R5 + R4 or R3 + R2 (no other subset adds up to 40 and leaves A <= 60): R5 +
R4 costs 185, so 375; A + B is at best 220 + 210 (B takes R5 and R2) and all three 310 + 125.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from revalo.engines.network import (
    CLOSED,
    OPEN,
    Demands,
    NetworkParams,
    NetworkProblem,
    NetworkResult,
    Sites,
    empty_lanes,
    lanes,
    plain_demands,
    receiving_sites,
    solve_network,
)

COST = [[1, 3, 4], [2, 1, 3], [3, 2, 1], [1, 2, 3], [4, 3, 1]]
UNITS = [20, 15, 25, 10, 30]
#: Road km of each lane: R1 is 400 km from C, every other lane under 300 km.
KM = [[50, 200, 400], [150, 60, 250], [200, 120, 40], [60, 150, 280], [250, 200, 30]]


def tiny(state: list[int] | None = None, capacity: list[float] | None = None) -> NetworkProblem:
    origin = [d for d in range(5) for _ in range(3)]
    site = [s for _ in range(5) for s in range(3)]
    return NetworkProblem(
        sites=receiving_sites(
            ["A", "B", "C"], [100, 120, 90], capacity or [60, 50, 40], state=state
        ),
        demands=plain_demands([f"R{d + 1}" for d in range(5)], UNITS),
        inbound=lanes(
            origin,
            site,
            [float(c) for row in COST for c in row],
            km=[float(k) for row in KM for k in row],
            days=[1.0 if k <= 300 else 2.0 for row in KM for k in row],
        ),
        onward=empty_lanes(),
    )


def flows(r: NetworkResult) -> dict[tuple[str, str], float]:
    names = "ABC"
    return {
        (f"R{d + 1}", names[s]): round(float(u), 6)
        for d, s, u in zip(r.inbound.origin, r.inbound.site, r.inbound_units, strict=True)
        if u > 1e-6
    }


def test_split_flows_open_a_and_c_at_335() -> None:
    r = solve_network(tiny())
    assert r.status == "optimal"
    assert r.objective == pytest.approx(335)
    assert list(r.open) == [True, False, True]
    assert flows(r) == {
        ("R1", "A"): 20,
        ("R2", "A"): 15,
        ("R3", "A"): 15,
        ("R3", "C"): 10,
        ("R4", "A"): 10,
        ("R5", "C"): 30,
    }
    assert (r.fixed_cost, r.transport_cost) == (pytest.approx(190), pytest.approx(145))
    assert r.usage[:, 0].tolist() == pytest.approx([60, 0, 40])
    assert r.gap <= 1e-9 and r.bound == pytest.approx(335)


def test_single_sourcing_sends_each_region_to_one_hub_at_375() -> None:
    r = solve_network(tiny(), NetworkParams(single_sourcing=True))
    assert r.status == "optimal"
    assert r.objective == pytest.approx(375)
    assert flows(r) == {
        ("R1", "A"): 20,
        ("R2", "A"): 15,
        ("R3", "A"): 25,
        ("R4", "C"): 10,
        ("R5", "C"): 30,
    }


def test_closing_c_costs_what_the_hand_count_says() -> None:
    split = solve_network(tiny(state=[0, 0, CLOSED]))
    single = solve_network(tiny(state=[0, 0, CLOSED]), NetworkParams(single_sourcing=True))
    assert (split.objective, single.objective) == (pytest.approx(425), pytest.approx(430))
    assert list(single.open) == [True, True, False]


def test_a_site_forced_open_is_paid_for() -> None:
    r = solve_network(tiny(state=[OPEN, OPEN, OPEN]))
    assert r.objective == pytest.approx(425)
    assert r.open.all()


def test_too_little_capacity_is_a_status_naming_what_cannot_be_served() -> None:
    r = solve_network(tiny(state=[CLOSED, 0, 0]))
    assert r.status == "infeasible"
    assert not r.has_plan and math.isinf(r.objective)
    assert "receiving" in r.reason and "10 units" in r.reason
    assert r.unserved  # B and C hold 90 of the 100 units: some region is left out


def test_a_distance_cap_that_leaves_a_region_without_hub_names_it() -> None:
    # R1 is within 300 km of A and B only; with both closed it has no hub.
    r = solve_network(tiny(state=[CLOSED, CLOSED, OPEN]), NetworkParams(max_km=300))
    assert r.status == "infeasible"
    assert r.unserved == ("R1",)
    assert "300 km" in r.reason


def test_a_distance_cap_is_respected() -> None:
    # Within 1 day (300 km): R1 can no longer go to C, which the optimum did not use anyway.
    r = solve_network(tiny(), NetworkParams(max_days=1))
    assert r.objective == pytest.approx(335)
    assert (r.inbound.days <= 1).all()
    # Within 100 km every region has one hub: all three open, 310 + 100 units at 1.
    tight = solve_network(tiny(capacity=[100, 100, 100]), NetworkParams(max_km=100))
    assert tight.status == "optimal"
    assert tight.objective == pytest.approx(410)
    assert (tight.inbound.km[tight.inbound_units > 0] <= 100).all()
    assert set(flows(tight)) == {("R1", "A"), ("R2", "B"), ("R3", "C"), ("R4", "A"), ("R5", "C")}
    # Uncapped, the same sites would open only A (60 + 40 units at 1 to 4 a unit).
    assert solve_network(tiny(capacity=[100, 100, 100])).objective < 410


def test_a_co2_price_is_added_to_the_cost() -> None:
    p = tiny()
    co2 = np.ones(len(p.inbound))  # 1 kg a unit on every lane: 100 kg in all
    priced = NetworkProblem(
        p.sites,
        p.demands,
        lanes(p.inbound.origin, p.inbound.site, p.inbound.unit_cost, unit_co2_kg=co2),
        p.onward,
    )
    r = solve_network(priced, NetworkParams(co2_price_per_t=100.0))
    assert r.co2_kg == pytest.approx(100)
    assert r.co2_cost == pytest.approx(10)
    assert r.objective == pytest.approx(345)


def test_units_go_on_from_the_hub_to_a_repair_centre() -> None:
    # One hub H (fixed 10) and two repair centres: P (fixed 50, 2 a unit from H) and Q (fixed
    # 0 but 10 a unit from H, capacity 5). 40 % of 20 units need repair: 8 units. P open
    # costs 50 + 16 = 66; Q takes 5 (50) and the other 3 must go to P anyway: 50 + 6 + 50.
    sites = Sites(
        ("H", "P", "Q"),
        np.array([10.0, 50.0, 0.0]),
        np.array([[100, 0, 0, 0], [0, 100, 0, 0], [0, 5, 0, 0]], dtype=float),
        np.zeros((3, 4)),
        np.zeros(3, dtype=np.int64),
    )
    demands = Demands(("R",), np.array([20.0]), np.array([[0.4, 0.0, 0.0]]))
    problem = NetworkProblem(sites, demands, lanes([0], [0], [1.0]), lanes([0, 0], [1, 2], [2, 10]))
    r = solve_network(problem)
    assert r.status == "optimal"
    assert r.objective == pytest.approx(10 + 20 + 50 + 16)
    assert r.onward_units[:, 0].tolist() == pytest.approx([8, 0])
    assert r.usage[1, 1] == pytest.approx(8)


def test_the_same_seed_gives_the_same_plan() -> None:
    a = solve_network(tiny(), NetworkParams(single_sourcing=True), seed=3)
    b = solve_network(tiny(), NetworkParams(single_sourcing=True), seed=3)
    assert flows(a) == flows(b) and a.objective == b.objective


def test_no_demand_is_an_empty_plan() -> None:
    p = tiny()
    r = solve_network(
        NetworkProblem(p.sites, plain_demands(p.demands.names, [0] * 5), p.inbound, p.onward)
    )
    assert r.status == "empty" and r.objective == 0 and not r.open.any()
