"""The value model on cases checked by hand, and the vectorised path against the per-unit one."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from revalo.domain.catalog import Product, Site
from revalo.domain.disposition import DispositionRoute
from revalo.engines.disposition import load_channels, load_params, score_batch, score_unit
from revalo.engines.disposition.batch import build_tables
from revalo.engines.disposition.options import exclusion
from revalo.engines.disposition.problem import DispositionProblem, LegPrice, LegPricer, UnitBatch
from revalo.engines.disposition.value import daily_value_loss, damaged_lithium, unit_value
from tests.unit.engines import world as w


def _by_label(problem: DispositionProblem, unit: int = 0) -> dict[str, float]:
    scored = score_unit(problem, w.params(), unit)
    return {s.label: s.breakdown.net for s in scored.ranked}


def test_resell_on_a_marketplace_by_hand() -> None:
    """Laptop 1000 EUR graded B/A, 7 days waited, sold on the discount marketplace.

    sale grade B (the worse of B and A): 50 %; days to sale 7 + 0 lead + 7 to sell = 14,
    laptop decay 1 %/week: 0.99^2 = 0.9801; price 1000 x 0.5 x 0.9801 = 490.05;
    fee 10 % = 49.005; cleaning 10 min + data wipe 20 min at 1 EUR/min + 3 EUR licence = 33;
    storage 0.01 m3 x 1 EUR/m3-day x 7 days = 0.07; no transport (sold from the hub).
    net = 490.05 - 49.005 - 33 - 0.07 = 407.975.
    """
    pr = w.problem([(w.LAPTOP, "BA", False)], days_waited=7.0)
    best = next(s for s in score_unit(pr, w.params()).ranked if s.label == "resell on DISCOUNT")
    b = best.breakdown
    assert b.recovery_rate == pytest.approx(0.5)
    assert b.decay_factor == pytest.approx(0.9801)
    assert b.days_to_sale == pytest.approx(14.0)
    assert b.channel_fees == pytest.approx(49.005)
    assert b.cleaning + b.data_wipe == pytest.approx(33.0)
    assert b.transport == 0.0
    assert b.net == pytest.approx(407.975)


def test_recycling_transport_and_co2_by_hand() -> None:
    """A drill (2 kg, WEEE) to the certified recycler 2 degrees east on the equator:
    222.390 km great-circle x 1.3 = 289.107 road km; transport 4 + 2 x 289.107 x 0.001 =
    4.578 EUR; recycler pays 2 kg x 0.1 = 0.2 EUR; storage 0.01 x 1 x 0 days = 0;
    net = 0.2 - 4.578 = -4.378; CO2 = 0.002 t x 289.107 km x 0.1 kg/tkm = 0.0578 kg."""
    pr = w.problem([(w.DRILL, "DD", False)])
    rec = next(s for s in score_unit(pr, w.params()).ranked if s.label == "recycle at REC")
    b = rec.breakdown
    km = 2 * w.KM_PER_DEGREE * 1.3
    assert b.road_km == pytest.approx(km, rel=1e-6)
    assert b.transport == pytest.approx(4 + 2 * km * 0.001)
    assert b.net == pytest.approx(0.2 - 4 - 2 * km * 0.001)
    assert b.co2_kg == pytest.approx(0.002 * km * 0.1)
    assert b.hierarchy_rank == 3


def test_a_computer_loses_value_faster_than_a_power_tool() -> None:
    """Blackburn et al. 2004: a computer ~1 % a week, a power drill ~1 % a month. After 28
    more days waiting, the laptop keeps 0.99^4, the drill 0.99^(28/30)."""
    pa = load_params()
    for product, expected in ((w.LAPTOP, 0.99**4), (w.DRILL, 0.99 ** (28 / 30))):
        early = w.problem([(product, "AA", False)], days_waited=0.0)
        late = w.problem([(product, "AA", False)], days_waited=28.0)
        option = next(o for o in build_tables(early, pa).options if o.channel is not None)
        ratio = (
            unit_value(late, pa, option, 0).decay_factor
            / unit_value(early, pa, option, 0).decay_factor
        )
        assert ratio == pytest.approx(expected)


def test_waste_hierarchy_preference_and_co2_price_enter_the_objective() -> None:
    pa = w.params(hierarchy_bonus_eur_per_rank=2.0, co2_price_eur_per_t=1000.0)
    pr = w.problem([(w.DRILL, "DD", False)])
    rec = next(s for s in score_unit(pr, pa).ranked if s.label == "recycle at REC")
    b = rec.breakdown
    assert rec.objective == pytest.approx(b.net - b.co2_kg + 2.0 * (5 - 3))


def test_ranked_best_first_and_closed_routes_explained() -> None:
    pr = w.problem([(w.LAPTOP, "BA", False)], days_waited=7.0)
    score = score_unit(pr, w.params())
    objectives = [s.objective for s in score.ranked]
    assert objectives == sorted(objectives, reverse=True)
    assert score.best is not None and score.best.option.route is DispositionRoute.REFURBISH
    reasons = {e.label: e.reason for e in score.excluded}
    assert "A/A" in reasons["restock on NEW"]


class _DangerousGoodsLegs:
    """Trips priced by distance, much dearer for a damaged lithium battery (special
    provision 376), so that a path that forgot the hazard would price them wrong."""

    def price(
        self, origin: Site, destination: Site, product: Product, damaged_lithium: bool = False
    ) -> LegPrice:
        km = origin.point.km_to(destination.point)
        return LegPrice(
            km=km, eur=5.0 + 0.01 * km + (150.0 if damaged_lithium else 0.0), co2_kg=1.0
        )


@pytest.mark.parametrize("legs", [None, _DangerousGoodsLegs()])
def test_vectorised_scores_equal_the_per_unit_definition(legs: LegPricer | None) -> None:
    rng = np.random.default_rng(7)
    n = 300
    # The laptop and the drill hold lithium batteries: a hazardous one is a damaged battery.
    products = tuple(
        dataclasses.replace(p, lithium_battery=p in (w.LAPTOP, w.DRILL)) for p in w.PRODUCTS
    )
    pr = DispositionProblem(
        products=products,
        sites=w.sites(),
        channels=load_channels(),
        legs=legs,
        units=UnitBatch.of(
            product=rng.integers(0, 4, n),
            functional=rng.integers(0, 4, n),
            cosmetic=rng.integers(0, 4, n),
            hazardous=rng.random(n) < 0.2,
            origin=np.zeros(n, dtype=int),
            days_waited=rng.uniform(0, 60, n),
        ),
    )
    pa = load_params(hierarchy_bonus_eur_per_rank=1.5, co2_price_eur_per_t=100.0)
    scores = score_batch(pr, pa, chunk=64)
    objective = scores.objective()
    feasible = scores.feasible
    damaged = 0
    for u in [u for u in range(n) if u % 7 == 0 or damaged_lithium(pr, u)]:
        product = pr.products[int(pr.units.product[u])]
        f, c = int(pr.units.functional[u]), int(pr.units.cosmetic[u])
        for o, option in enumerate(scores.options):
            reason = exclusion(pr, option, product, f, c, bool(pr.units.hazardous[u]))
            assert feasible[u, o] == (reason is None)
            if not feasible[u, o]:
                assert scores.net[u, o] == -math.inf
                continue
            b = unit_value(pr, pa, option, u)
            assert scores.net[u, o] == pytest.approx(b.net, abs=1e-9)
            assert objective[u, o] == pytest.approx(b.objective(pa), abs=1e-9)
        damaged += damaged_lithium(pr, u)
    assert damaged > 10  # the sample holds damaged batteries


def test_a_days_wait_costs_a_day_of_the_categorys_decay() -> None:
    """Laptop: 1 % a week, so a day keeps 0.99^(1/7): 1000 EUR lose 1.4347 EUR a day."""
    loss = daily_value_loss(w.params(), "laptop", 1000.0)
    assert loss == pytest.approx(1000 * (1 - 0.99 ** (1 / 7)))
    assert loss == pytest.approx(1.4347, abs=1e-4)
    assert daily_value_loss(w.params(), "laptop", 0.0) == 0.0
