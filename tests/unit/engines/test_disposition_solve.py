"""The batch: a 4-unit, 2-site example solved by hand, and properties against the greedy
baseline on random inputs."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revalo.domain.catalog import SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition import (
    ChannelSpec,
    DispositionProblem,
    SiteSpec,
    UnitBatch,
    greedy_disposition,
    hierarchy_first_disposition,
    regret_greedy_disposition,
    solve_disposition,
)
from revalo.engines.disposition.params import CategoryParams
from tests.unit.engines import world as w

_W = WorkOrderKind
FLAT = w.params(
    eur_per_kg_km=0.0,
    eur_per_shipment=0.0,
    storage_eur_per_m3_day=0.0,
    labour_eur_per_hour=0.0,
    data_wipe_licence_eur=0.0,
    categories={"default": CategoryParams(0.0, 30.0, parts_rate=0.2, repair_parts_rate=0.0)},
)


def _two_sites(repairs: int, refurbishments: int) -> tuple[SiteSpec, ...]:
    return (
        SiteSpec(w.site("HUB", SiteKind.RETURNS_HUB, 0.0)),
        SiteSpec(
            w.site("REP", SiteKind.REPAIR_CENTRE, 1.0, skills=["laptop"]),
            capacity={_W.REPAIR: repairs},
        ),
        SiteSpec(
            w.site("REF", SiteKind.REFURBISHER, 1.0, skills=["laptop"]),
            capacity={_W.REFURBISH: refurbishments},
        ),
    )


def test_four_laptops_two_sites_by_hand() -> None:
    """Four 1000 EUR laptops, no cost, no decay. In batch order: two graded B/B, then two
    graded C/A (a fault, looks new). REF refurbishes 2 a day, REP repairs 1 a day.

    Value of each option (price x recovery x (1 - fee)):
      B/B: refurbish (sold B) 600, resell (B) 450, repair (B) 450, parts 200.
      C/A: refurbish (sold A) 700, repair (A) 540, resell (C) 315, parts 200.
    Greedy: the B/B units take both refurbishments (600 + 600), then a C/A unit the repair
    (540) and the last resells (315): 2055.
    Optimum: refurbishment gains 700 - 540 or 700 - 315 on a C/A unit but only 600 - 450 on
    a B/B one, so both C/A units are refurbished (1400) and the B/B ones resold (900): 2300.
    (Refurbish one of each and repair the other C/A: 700 + 600 + 540 + 450 = 2290.)
    """
    pr = DispositionProblem(
        products=w.PRODUCTS,
        sites=_two_sites(repairs=1, refurbishments=2),
        channels=w.channels(),
        units=UnitBatch.of(
            product=[0, 0, 0, 0], functional=[1, 1, 2, 2], cosmetic=[1, 1, 0, 0], origin=[0] * 4
        ),
    )
    best = solve_disposition(pr, FLAT)
    greedy = greedy_disposition(pr, FLAT)
    assert best.status == "optimal"
    assert best.objective == pytest.approx(2300.0)
    assert best.net_recovery == pytest.approx(2300.0)
    assert greedy.objective == pytest.approx(2055.0)
    routes = [best.options[o].route.value for o in best.assignment]
    assert routes[2:] == ["refurbish", "refurbish"]
    assert best.classes == 2  # the four units are two kinds


def test_a_unit_waits_only_when_every_open_route_is_full() -> None:
    """Two A/A laptops whose only route is restocking, with room for one today: one waits
    for the next batch; with room for two, none does."""

    def batch(volume: int) -> DispositionProblem:
        new = ChannelSpec(
            "NEW",
            "As new",
            frozenset({DispositionRoute.RESTOCK}),
            {"A": 1.0},
            7.0,
            daily_volume=volume,
        )
        return DispositionProblem(
            products=w.PRODUCTS,
            sites=(SiteSpec(w.site("HUB", SiteKind.RETURNS_HUB, 0.0)),),
            channels=(new,),
            units=UnitBatch.of(product=[0, 0], functional=[0, 0], cosmetic=[0, 0], origin=[0, 0]),
        )

    tight = solve_disposition(batch(1), FLAT)
    assert tight.status == "optimal"
    assert tight.held == 1
    assert tight.usage.tolist() == [1]
    assert tight.net_recovery == pytest.approx(1000.0)
    assert solve_disposition(batch(2), FLAT).held == 0


def test_empty_batch() -> None:
    pr = w.problem([])
    result = solve_disposition(pr, w.params())
    assert result.status == "empty" and len(result.assignment) == 0


@st.composite
def batches(draw: st.DrawFn) -> DispositionProblem:
    n = draw(st.integers(1, 40))
    ints = st.lists(st.integers(0, 3), min_size=n, max_size=n)
    caps = {
        "REP": SiteSpec(
            w.site("REP", SiteKind.REPAIR_CENTRE, 1.0, skills=["laptop", "power_tool"]),
            capacity={_W.REPAIR: draw(st.integers(0, 5)), _W.TEST: draw(st.integers(0, 8))},
        ),
        "REF": SiteSpec(
            w.site("REF", SiteKind.REFURBISHER, 1.5, skills=["laptop"]),
            capacity={_W.REFURBISH: draw(st.integers(0, 5)), _W.TEST: draw(st.integers(0, 8))},
        ),
    }
    volume = draw(st.integers(0, 10))
    discount = ChannelSpec(
        "DISCOUNT", "Discount marketplace", w.RESALE,
        {"A": 0.6, "B": 0.5, "C": 0.35}, 7.0, fee_rate=0.1, daily_volume=volume,
    )  # fmt: skip
    return DispositionProblem(
        products=w.PRODUCTS,
        sites=w.sites(**caps),
        channels=w.channels(DISCOUNT=discount),
        units=UnitBatch.of(
            product=draw(ints),
            functional=draw(ints),
            cosmetic=draw(ints),
            hazardous=draw(st.lists(st.booleans(), min_size=n, max_size=n)),
            origin=[0] * n,
            days_waited=draw(st.lists(st.sampled_from([0.0, 3.0, 10.0]), min_size=n, max_size=n)),
        ),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches())
def test_batch_respects_capacity_and_beats_greedy(pr: DispositionProblem) -> None:
    pa = w.params(hierarchy_bonus_eur_per_rank=1.0, co2_price_eur_per_t=80.0)
    best = solve_disposition(pr, pa)
    greedy = greedy_disposition(pr, pa)
    top = hierarchy_first_disposition(pr, pa)
    assert best.status == "optimal"
    for result in (best, greedy, top):
        used = result.resources.usage(result.assignment)
        assert (used <= result.resources.limit).all()
    for baseline in (greedy, top):
        assert best.objective >= baseline.objective - 1e-6 * max(1.0, abs(baseline.objective))


def test_same_seed_same_result() -> None:
    rng = np.random.default_rng(3)
    n = 500
    pr = DispositionProblem(
        products=w.PRODUCTS,
        sites=w.sites(),
        channels=w.channels(),
        units=UnitBatch.of(
            product=rng.integers(0, 4, n),
            functional=rng.integers(0, 4, n),
            cosmetic=rng.integers(0, 4, n),
            origin=np.zeros(n, dtype=int),
            days_waited=rng.integers(0, 5, n).astype(float),
        ),
    )
    a = solve_disposition(pr, w.params(), seed=11)
    b = solve_disposition(pr, w.params(), seed=11)
    assert np.array_equal(a.assignment, b.assignment)
    assert a.objective == b.objective


def _random_batch(n: int, seed: int) -> DispositionProblem:
    rng = np.random.default_rng(seed)
    return DispositionProblem(
        products=w.PRODUCTS,
        sites=w.sites(),
        channels=w.channels(),
        units=UnitBatch.of(
            product=rng.integers(0, 4, n),
            functional=rng.integers(0, 4, n),
            cosmetic=rng.integers(0, 4, n),
            origin=np.zeros(n, dtype=int),
            days_waited=rng.integers(0, 30, n).astype(float),
        ),
    )


def test_running_out_of_time_is_a_status_not_an_error() -> None:
    result = solve_disposition(_random_batch(3000, 5), w.params(time_limit_s=1e-9))
    assert result.status == "time_limit"
    assert (result.usage <= result.resources.limit).all()
    assert result.gap > 0


def test_the_optimiser_beats_both_baselines_on_a_larger_batch() -> None:
    pr = _random_batch(3000, 9)
    pa = w.params(hierarchy_bonus_eur_per_rank=1.0)
    best = solve_disposition(pr, pa)
    assert best.status == "optimal" and best.gap <= 1e-9
    for baseline in (greedy_disposition(pr, pa), hierarchy_first_disposition(pr, pa)):
        assert best.objective >= baseline.objective - 1e-6 * abs(baseline.objective)


def test_hierarchy_first_prefers_re_use_even_at_a_loss() -> None:
    """A broken drill with no vendor agreement: recycling loses less than donating, so the
    optimiser recycles; the hierarchy-first baseline donates (re-use ranks above recycling)."""
    pr = DispositionProblem(
        products=w.PRODUCTS,
        sites=w.sites("VEN"),
        channels=w.channels(),
        units=UnitBatch.of(product=[1], functional=[3], cosmetic=[3], origin=[0]),
    )
    best = solve_disposition(pr, w.params())
    top = hierarchy_first_disposition(pr, w.params())
    assert best.options[best.assignment[0]].route.value == "recycle"
    assert top.options[top.assignment[0]].route.value == "donate"
    assert best.objective > top.objective


def test_hierarchy_first_resells_as_it_is_before_refurbishing() -> None:
    """A B/B laptop of the hand-made case, with benches to spare: refurbishing it (600)
    pays more than reselling it as it is (450), so the optimiser and the greedy refurbish;
    the hierarchy-first rule table resells it (re-use before refurbishment on the
    R-ladder)."""
    pr = DispositionProblem(
        products=w.PRODUCTS,
        sites=_two_sites(repairs=1, refurbishments=2),
        channels=w.channels(),
        units=UnitBatch.of(product=[0], functional=[1], cosmetic=[1], origin=[0]),
    )
    top = hierarchy_first_disposition(pr, FLAT)
    for other in (solve_disposition(pr, FLAT), greedy_disposition(pr, FLAT)):
        assert other.options[other.assignment[0]].route.value == "refurbish"
        assert other.objective == pytest.approx(600.0)
    assert top.options[top.assignment[0]].route.value == "resell"
    assert top.objective == pytest.approx(450.0)


def test_the_regret_greedy_gives_the_benches_to_the_units_that_lose_most_without_them() -> None:
    """The four laptops of the hand-made case above. Regret (best less second best):
    B/B 600 - 450 = 150, C/A 700 - 540 = 160. The C/A units go first and take both
    refurbishments (700 + 700); the B/B ones are resold or repaired (450 + 450): 2300, the
    optimum, where the plain greedy, in batch order, makes 2055."""
    pr = DispositionProblem(
        products=w.PRODUCTS,
        sites=_two_sites(repairs=1, refurbishments=2),
        channels=w.channels(),
        units=UnitBatch.of(
            product=[0, 0, 0, 0], functional=[1, 1, 2, 2], cosmetic=[1, 1, 0, 0], origin=[0] * 4
        ),
    )
    regret = regret_greedy_disposition(pr, FLAT)
    assert regret.status == "regret_greedy"
    assert regret.objective == pytest.approx(2300.0)
    assert [regret.options[o].route.value for o in regret.assignment][2:] == ["refurbish"] * 2
    assert greedy_disposition(pr, FLAT).objective == pytest.approx(2055.0)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 3), st.integers(0, 3), st.lists(st.integers(0, 3), min_size=1, max_size=12))
def test_the_regret_greedy_keeps_every_capacity_and_never_beats_the_optimum(
    repairs: int, refurbishments: int, grades: list[int]
) -> None:
    n = len(grades)
    pr = DispositionProblem(
        products=w.PRODUCTS,
        sites=_two_sites(repairs=repairs, refurbishments=refurbishments),
        channels=w.channels(),
        units=UnitBatch.of(
            product=[0] * n, functional=grades, cosmetic=grades[::-1], origin=[0] * n
        ),
    )
    regret = regret_greedy_disposition(pr, FLAT)
    assert (regret.resources.usage(regret.assignment) <= regret.resources.limit).all()
    best = solve_disposition(pr, FLAT)
    assert best.objective >= regret.objective - 1e-6 * max(1.0, abs(regret.objective))
