"""Hours per skill and price-stepped demand in the batch: the optimiser against brute-force
enumeration on random small instances, and a bench that greedy fills with low-value units."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revalo.domain.catalog import SiteKind
from revalo.domain.demand_curves import DemandCurve, DemandStep, parse_curve
from revalo.domain.disposition import ROUTE_RULES, DispositionRoute
from revalo.domain.errors import InvalidValue
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition import (
    ChannelSpec,
    DispositionParams,
    DispositionProblem,
    SiteSpec,
    UnitBatch,
    greedy_disposition,
    hierarchy_first_disposition,
    regret_greedy_disposition,
    score_unit,
    solve_disposition,
)
from revalo.engines.disposition.options import enumerate_options, exclusion
from revalo.engines.disposition.value import unit_value
from tests.unit.engines import world as w
from tests.unit.engines.test_disposition_solve import FLAT

_W = WorkOrderKind
_R = DispositionRoute


def _hours(params: DispositionParams, kind: WorkOrderKind, category: str) -> float:
    return params.work_minutes.get(kind, 0.0) * params.category(category).labour_factor / 60


def _problem(
    grades: list[tuple[int, int]],
    repair_hours: float | None,
    refurbish_hours: float | None,
    curve: DemandCurve | None,
) -> DispositionProblem:
    hours = {}
    if repair_hours is not None:
        hours[_W.REPAIR] = repair_hours
    refurb = {} if refurbish_hours is None else {_W.REFURBISH: refurbish_hours}
    sites = (
        SiteSpec(w.site("HUB", SiteKind.RETURNS_HUB, 0.0)),
        SiteSpec(w.site("REP", SiteKind.REPAIR_CENTRE, 1.0, skills=["laptop"]), hours=hours),
        SiteSpec(w.site("REF", SiteKind.REFURBISHER, 1.0, skills=["laptop"]), hours=refurb),
    )
    base = w.channels()
    discount = base[2]
    stepped = ChannelSpec(
        discount.code, discount.name, discount.routes, discount.recovery, discount.days_to_sell,
        fee_rate=discount.fee_rate, demand={"laptop": curve} if curve else {},
    )  # fmt: skip
    return DispositionProblem(
        products=w.PRODUCTS,
        sites=sites,
        channels=(base[0], base[1], stepped),
        units=UnitBatch.of(
            product=[0] * len(grades),
            functional=[f for f, _ in grades],
            cosmetic=[c for _, c in grades],
            origin=[0] * len(grades),
        ),
    )


def _within_limits(problem: DispositionProblem, params: DispositionParams, picks: list) -> bool:
    """Checked from the problem itself, not from the engine's resources: hours of work at
    each site, and units sold at each price step of each channel's curve."""
    hours: dict[tuple[int, WorkOrderKind], float] = {}
    sold: dict[tuple[int, str, int], int] = {}
    for u, option in enumerate(picks):
        if option is None:
            continue
        product = problem.products[int(problem.units.product[u])]
        if option.destination is not None:
            for kind in ROUTE_RULES[option.route].work:
                key = (option.destination, kind)
                hours[key] = hours.get(key, 0.0) + _hours(params, kind, product.category)
        if option.channel is not None:
            key3 = (option.channel, product.category, option.step)
            sold[key3] = sold.get(key3, 0) + 1
    for (d, kind), used in hours.items():
        limit = problem.sites[d].hours.get(kind)
        if limit is not None and used > limit + 1e-9:
            return False
    for (c, category, step), n in sold.items():
        curve = problem.channels[c].demand.get(category)
        if curve is not None and n > curve.steps[step].units:
            return False
    return True


def _brute_force(problem: DispositionProblem, params: DispositionParams) -> float:
    """The best objective over every assignment (each unit: an open option, or held)."""
    options = enumerate_options(problem)
    u = problem.units
    choices = []
    for i in range(len(u)):
        product = problem.products[int(u.product[i])]
        f, c = int(u.functional[i]), int(u.cosmetic[i])
        open_ = [
            (o, unit_value(problem, params, o, i).objective(params))
            for o in options
            if exclusion(problem, o, product, f, c, bool(u.hazardous[i])) is None
        ]
        choices.append([(None, -params.unassigned_penalty_eur), *open_])
    best = -np.inf
    for combo in itertools.product(*choices):
        picks = [o for o, _ in combo]
        if _within_limits(problem, params, picks):
            best = max(best, sum(v for _, v in combo))
    return float(best)


grade = st.tuples(st.integers(0, 3), st.integers(0, 3))
curves = st.none() | st.lists(
    st.tuples(st.integers(0, 2), st.sampled_from([1.0, 0.8, 0.5])), min_size=1, max_size=3
).map(
    lambda steps: DemandCurve(
        tuple(DemandStep(n, r) for n, r in sorted(steps, key=lambda s: -s[1]))
    )
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    grades=st.lists(grade, min_size=1, max_size=3),
    repair=st.none() | st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0]),
    refurbish=st.none() | st.sampled_from([0.0, 1.5, 3.0]),
    curve=curves,
)
def test_the_optimiser_respects_every_limit_and_matches_brute_force(
    grades: list[tuple[int, int]],
    repair: float | None,
    refurbish: float | None,
    curve: DemandCurve | None,
) -> None:
    problem = _problem(grades, repair, refurbish, curve)
    params = w.params()
    best = solve_disposition(problem, params)
    assert best.status == "optimal"
    picks = [best.options[o] if o >= 0 else None for o in best.assignment]
    assert _within_limits(problem, params, picks)
    assert best.objective == pytest.approx(_brute_force(problem, params), abs=1e-6)
    for baseline in (greedy_disposition, regret_greedy_disposition, hierarchy_first_disposition):
        other = baseline(problem, params)
        chosen = [other.options[o] if o >= 0 else None for o in other.assignment]
        assert _within_limits(problem, params, chosen)
        assert other.objective <= best.objective + 1e-6


def test_greedy_fills_the_bench_with_low_value_units_and_the_optimiser_does_not() -> None:
    """Four 1000 EUR laptops, no cost, no decay, no refurbisher: two graded D/C come first
    (repaired, sold C: 1000 x 0.35 x 0.9 = 315; else their parts: 200), then two graded C/A
    (repaired, sold A: 540; else resold as C: 315). The repair bench has two repairs' hours.
    Greedy gives them to the first two: 315 + 315 + 315 + 315 = 1260. The optimiser repairs
    the C/A ones and takes the others' parts: 540 + 540 + 200 + 200 = 1480."""
    hours = 2 * _hours(FLAT, _W.REPAIR, "laptop")
    problem = _problem([(3, 2), (3, 2), (2, 0), (2, 0)], hours, 0.0, None)
    best = solve_disposition(problem, FLAT)
    greedy = greedy_disposition(problem, FLAT)
    assert greedy.net_recovery == pytest.approx(1260.0)
    assert best.status == "optimal"
    assert best.net_recovery == pytest.approx(1480.0)
    routes = [best.options[o].route for o in best.assignment]
    assert routes == [_R.HARVEST_PARTS, _R.HARVEST_PARTS, _R.REPAIR, _R.REPAIR]
    used = dict(zip(best.resources.names, best.usage, strict=True))
    assert used["repair hours at REP"] == pytest.approx(hours)


def test_units_past_a_price_step_sell_at_the_next_one_and_past_the_last_wait() -> None:
    """Three B/B laptops resold on the discount channel (no bench hours left), whose week
    has 1 at full price and 1 at half: the first sells 1000 x 0.5 x 0.9 = 450, the second
    225, the third has no room there and goes for its parts (200)."""
    problem = _problem([(1, 1)] * 3, 0.0, 0.0, parse_curve("1@1, 1@0.5"))
    best = solve_disposition(problem, FLAT)
    picked = sorted((best.options[o].route.value, best.options[o].step) for o in best.assignment)
    assert picked == [("harvest_parts", 0), ("resell", 0), ("resell", 1)]
    assert best.net_recovery == pytest.approx(450 + 225 + 200)
    scored = score_unit(problem, FLAT, 0)
    assert [s.label for s in scored.ranked][:2] == [
        "resell on DISCOUNT",
        "resell on DISCOUNT (price step 2)",
    ]


def test_a_curve_is_checked_and_left_over_steps_fill_first() -> None:
    curve = parse_curve("40@1, 20@0.85, 10@0.7")
    assert curve.volume == 70 and curve.text() == "40@1, 20@0.85, 10@0.7"
    assert curve.after(50).text() == "0@1, 10@0.85, 10@0.7"
    with pytest.raises(InvalidValue, match="must not rise"):
        parse_curve("10@0.8, 5@0.9")
    with pytest.raises(InvalidValue, match="step 2 '5'"):
        parse_curve("10@1, 5")
    with pytest.raises(InvalidValue, match="above 0"):
        parse_curve("10@0")


def _two_categories(
    units: list[tuple[int, int, int]], laptops: str, drills: str
) -> DispositionProblem:
    """Laptops and drills resold on one discount channel whose week has a curve for each."""
    base = w.channels()
    discount = base[2]
    stepped = ChannelSpec(
        discount.code, discount.name, discount.routes, discount.recovery, discount.days_to_sell,
        fee_rate=discount.fee_rate,
        demand={"laptop": parse_curve(laptops), "power_tool": parse_curve(drills)},
    )  # fmt: skip
    return DispositionProblem(
        products=w.PRODUCTS,
        sites=w.sites(),
        channels=(base[0], base[1], stepped),
        units=UnitBatch.of(
            product=[p for p, _, _ in units],
            functional=[f for _, f, _ in units],
            cosmetic=[c for _, _, c in units],
            origin=[0] * len(units),
        ),
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    units=st.lists(
        st.tuples(st.integers(0, 1), st.integers(0, 2), st.integers(0, 2)), min_size=2, max_size=8
    ),
    laptops=st.sampled_from(["1@1", "1@1, 1@0.9", "2@1, 1@0.5"]),
    drills=st.sampled_from(["1@1", "0@1, 1@0.8", "1@1, 1@0.9"]),
)
def test_a_baseline_never_leaves_a_unit_below_an_option_that_still_has_room(
    units: list[tuple[int, int, int]], laptops: str, drills: str
) -> None:
    """Each unit takes its best option that fits when its turn comes, and what is left only
    shrinks: at the end, no better option of a unit still has room for it. One category's
    price step used up leaves the other category's step open (each takes its own)."""
    problem = _two_categories(units, laptops, drills)
    params = w.params()
    for baseline in (greedy_disposition, regret_greedy_disposition):
        got = baseline(problem, params)
        res = got.resources
        left = res.limit - res.usage(got.assignment)
        values = np.array(
            [
                [unit_value(problem, params, o, u).objective(params) for o in got.options]
                for u in range(len(units))
            ]
        )
        for u, o in enumerate(got.assignment):
            mine = values[u, o] if o >= 0 else -params.unassigned_penalty_eur
            product = problem.products[int(problem.units.product[u])]
            f, c = int(problem.units.functional[u]), int(problem.units.cosmetic[u])
            for other, option in enumerate(got.options):
                if values[u, other] <= mine + 1e-9:
                    continue
                if exclusion(problem, option, product, f, c, False) is not None:
                    continue
                need = list(res.uses[other])
                take = res.per_unit[int(problem.units.product[u]), need]
                assert not (left[need] >= take - 1e-6).all(), (baseline.__name__, u, option)
