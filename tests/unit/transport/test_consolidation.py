"""Ship now or wait for a fuller load: hand-checked lanes, content rules, allocation, input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.choice import ChoiceParams, choose_service
from revalo.engines.transport.consolidation import (
    ConsolidationAction,
    ConsolidationDecision,
    ConsolidationParams,
    Inflow,
    Lane,
    WaitingUnit,
    plan_hub,
    plan_lane,
)
from revalo.engines.transport.rate_cards import parse_transport_config
from revalo.engines.transport.shipment import Shipment

from .helpers import FixedKm
from .places import LYON, LYON_EAST, PARIS

# Parcels 15 EUR up to 5 kg, 25 EUR up to 30 kg; a pallet (up to 500 kg, 1 m3) 60 EUR, and
# neither takes lithium. A lithium parcel costs 25 EUR. A chartered truck takes anything for
# 300 EUR. No fuel surcharge, no price per km: every figure below is checked by hand.
CARDS = parse_transport_config(
    """
[[parcel]]
id = "PARCEL"
carrier = "Parcel Co"
vehicle = "van_diesel"
accepts_lithium = false
accepts_bulky = false
fuel_surcharge_pct = 0
weight_breaks_kg = [5, 30]
max_weight_kg = 30
max_length_cm = 150
max_girth_cm = 300
volumetric_kg_per_m3 = 200
[[parcel.zone]]
name = "domestic"
lanes = ["FR>FR"]
lead_time_days = 2
prices = [15.0, 25.0]

[[parcel]]
id = "DG-PARCEL"
carrier = "Express Co"
vehicle = "van_diesel"
accepts_lithium = true
accepts_bulky = false
fuel_surcharge_pct = 0
weight_breaks_kg = [30]
max_weight_kg = 30
max_length_cm = 150
max_girth_cm = 300
volumetric_kg_per_m3 = 200
[[parcel.zone]]
name = "domestic"
lanes = ["FR>FR"]
lead_time_days = 1
prices = [25.0]

[[pallet]]
id = "PALLET"
carrier = "Pallet Co"
vehicle = "rigid_over_17t"
accepts_lithium = false
accepts_bulky = false
fuel_surcharge_pct = 0
pallet_max_kg = 500
pallet_volume_m3 = 1.0
max_pallets = 4
[[pallet.zone]]
name = "domestic"
lanes = ["FR>FR"]
lead_time_days = 3
price_per_pallet = 60.0

[[truck]]
id = "TRUCK"
carrier = "Haulage Co"
vehicle = "articulated_over_33t"
accepts_lithium = true
accepts_bulky = true
fuel_surcharge_pct = 0
countries = ["FR"]
fixed_eur = 300.0
per_km_eur = 0.0
capacity_kg = 24000
capacity_m3 = 90
booking_days = 1
km_per_day = 600
""",
    "consolidation.toml",
).rate_cards

TODAY = date(2026, 11, 2)
LANE = Lane(LYON, PARIS)
KM = FixedKm(100)
#: Three more units a day like the ones waiting: 2 kg, 0.01 m3 (a 15 EUR parcel each).
STEADY = Inflow(units_per_day=3, mean_weight_kg=2.0, mean_volume_m3=0.01)
NONE_EXPECTED = Inflow()


def unit(n: int, kg: float = 2.0, loss: float = 2.0, **kw: object) -> WaitingUnit:
    return WaitingUnit(f"LPN-{n}", kg, 0.01, loss, kw.pop("since", TODAY), **kw)  # type: ignore[arg-type]


def plan(
    units: list[WaitingUnit], inflow: Inflow = NONE_EXPECTED, **kw: object
) -> ConsolidationDecision:
    return plan_lane(units, LANE, inflow, TODAY, CARDS, KM, ConsolidationParams(**kw))  # type: ignore[arg-type]


def services(decision: ConsolidationDecision) -> list[str]:
    return [s.choice.chosen.service_id for s in decision.shipments if s.choice.chosen]


def test_a_few_light_units_go_as_parcels_now() -> None:
    d = plan([unit(1), unit(2)])
    assert d.action is ConsolidationAction.SHIP_NOW and d.wait_days == 0
    assert services(d) == ["PARCEL", "PARCEL"]
    assert d.cost_now_eur == 30.0  # 2 x 15, against 60 for a pallet
    assert d.best_wait_days is None
    assert d.reason.startswith("ship now (2 units one by one by PARCEL, 30.00 EUR): no further")


def test_many_units_go_on_one_pallet_now() -> None:
    units = [unit(n) for n in range(10)]
    d = plan(units)
    assert d.action is ConsolidationAction.SHIP_NOW
    assert len(d.shipments) == 1 and services(d) == ["PALLET"]
    assert d.shipments[0].unit_ids == tuple(u.id for u in units)
    assert d.cost_now_eur == 60.0  # one pallet, against 10 x 15 in parcels


def test_few_units_with_a_steady_inflow_and_little_value_loss_wait() -> None:
    # Now: 3 parcels, 45 EUR. After k days 3k more units share a 60 EUR pallet by mass, so
    # the 3 units here pay 60 / (1 + k) plus 3 x 2 EUR x k of value loss:
    # k=1 30 + 6 = 36, k=2 20 + 12 = 32, k=3 15 + 18 = 33, k=4 12 + 24 = 36.
    d = plan([unit(1), unit(2), unit(3)], STEADY)
    assert d.action is ConsolidationAction.WAIT and d.wait_days == 2
    assert d.best_wait_cost_eur == pytest.approx(32.0)
    assert d.cost_now_eur == 45.0 and services(d) == ["PARCEL"] * 3  # what today would cost
    assert d.reason == (
        "wait 2 days: about 6 more unit(s) expected, then 9 units together by PALLET; the 3 "
        "unit(s) here would pay 20.00 EUR instead of 45.00 EUR now, saving 25.00 EUR against "
        "12.00 EUR of value loss; shipping now: 3 units one by one by PARCEL, 45.00 EUR"
    )


def test_the_same_units_losing_value_fast_ship_now() -> None:
    # 6 EUR a day each: k=1 costs 30 + 18 = 48, more than the 45 of three parcels today.
    d = plan([unit(n, loss=6.0) for n in (1, 2, 3)], STEADY)
    assert d.action is ConsolidationAction.SHIP_NOW
    assert d.best_wait_days == 1 and d.best_wait_cost_eur == pytest.approx(48.0)
    assert d.reason.endswith(
        "waiting 1 day (about 3 more unit(s)) would save 15.00 EUR of transport against "
        "18.00 EUR of value loss"
    )


def test_a_margin_for_uncertain_inflow_can_keep_units_from_waiting() -> None:
    d = plan([unit(1), unit(2), unit(3)], STEADY, min_saving_eur=15.0)
    assert d.action is ConsolidationAction.SHIP_NOW  # waiting saves 45 - 32 = 13 < 15
    assert "would save only 13.00 EUR net, less than the 15.00 EUR margin" in d.reason


def test_a_unit_due_today_makes_the_lane_ship_now() -> None:
    d = plan([unit(1), unit(2, due=TODAY), unit(3)], STEADY)
    assert d.action is ConsolidationAction.SHIP_NOW and d.best_wait_days is None
    assert d.reason.endswith("LPN-2 must leave by 2026-11-02, its due date")


def test_a_due_date_limits_how_long_the_lane_may_wait() -> None:
    d = plan([unit(1), unit(2, due=TODAY + timedelta(days=1)), unit(3)], STEADY)
    assert d.action is ConsolidationAction.WAIT and d.wait_days == 1  # 36 < 45; day 2 not allowed
    assert d.best_wait_cost_eur == pytest.approx(36.0)


def test_a_unit_that_has_waited_the_longest_allowed_makes_the_lane_ship_now() -> None:
    old = unit(2, since=TODAY - timedelta(days=5))
    d = plan([unit(1), old, unit(3)], STEADY, max_wait_days=5)
    assert d.action is ConsolidationAction.SHIP_NOW
    assert d.reason.endswith("LPN-2 has waited 5 days, the longest allowed is 5")
    # With a longer limit it may wait, but no longer than its remaining 2 days.
    later = plan([unit(1), old, unit(3)], STEADY, max_wait_days=7)
    assert later.action is ConsolidationAction.WAIT and later.wait_days == 2


def test_a_lithium_unit_travels_apart_when_that_is_cheaper() -> None:
    # All 11 together must go with a lithium service: 11 x 25 = 275 (truck 300). Apart, the
    # 10 plain units fill a 60 EUR pallet and the battery goes as a 25 EUR lithium parcel.
    battery = unit(99, lithium=True)
    d = plan([unit(n) for n in range(10)] + [battery])
    assert sorted(services(d)) == ["DG-PARCEL", "PALLET"]
    assert d.cost_now_eur == 85.0
    (alone,) = [s for s in d.shipments if battery.id in s.unit_ids]
    assert alone.unit_ids == (battery.id,)
    refused = {q.service_id for q in alone.choice.quotes if not q.allowed}
    assert refused == {"PARCEL", "PALLET"}
    assert "10 units together by PALLET + 1 unit on its own by DG-PARCEL" in d.reason


def test_a_unit_no_service_carries_is_set_aside_with_the_reason() -> None:
    crate = WaitingUnit("LPN-HEAVY", 30_000, 2.0, 1.0, TODAY)  # over the truck's 24 t
    d = plan([unit(1), unit(2), crate])
    assert [i for i, _ in d.unshippable] == ["LPN-HEAVY"]
    assert "30000 kg is over the 24000 kg capacity" in d.unshippable[0][1]
    assert all("LPN-HEAVY" not in s.unit_ids for s in d.shipments)
    assert d.cost_now_eur == 30.0
    alone = plan([crate])
    assert alone.action is ConsolidationAction.NO_SERVICE and alone.shipments == ()


def test_unit_shares_follow_mass_and_add_up_to_the_shipment() -> None:
    units = [unit(n, kg=float(n)) for n in range(1, 11)]  # 55 kg on one 60 EUR pallet
    d = plan(units)
    assert services(d) == ["PALLET"]
    cents = {s.unit_id: s.cost_cents for s in d.shares}
    assert sum(cents.values()) == 6000
    assert all(abs(cents[u.id] - 6000 * u.weight_kg / 55) < 1 for u in units)
    # Pallet network, rigid > 17 t: 0.055 t x 100 km x 0.171 kg/tkm = 0.9405 kg CO2e.
    assert d.co2e_now_kg == pytest.approx(0.9405, abs=0.001)
    assert sum(s.co2e_g for s in d.shares) == round(d.co2e_now_kg * 1000)


def test_a_hub_plans_each_destination_as_its_own_lane() -> None:
    waiting = {PARIS: [unit(1), unit(2), unit(3)], LYON_EAST: [unit(n) for n in range(4, 14)]}
    decisions = plan_hub(LYON, waiting, {PARIS: STEADY}, TODAY, CARDS, KM)
    assert list(decisions) == [PARIS, LYON_EAST]
    assert decisions[PARIS].action is ConsolidationAction.WAIT
    assert services(decisions[LYON_EAST]) == ["PALLET"]
    alone = plan_lane(waiting[LYON_EAST], Lane(LYON, LYON_EAST), Inflow(), TODAY, CARDS, KM)
    assert decisions[LYON_EAST] == alone


def test_same_units_same_decision() -> None:
    units = [unit(1), unit(2, lithium=True), unit(3, kg=12.0)]
    assert plan(units, STEADY) == plan(units, STEADY)


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: WaitingUnit("LPN-1", 2.0, 0.01, -0.5, TODAY), "daily_value_loss_eur"),
        (lambda: WaitingUnit("LPN-1", 0.0, 0.01, 1.0, TODAY), "weight_kg"),
        (lambda: WaitingUnit("LPN-1", 2.0, float("nan"), 1.0, TODAY), "volume_m3"),
        (lambda: WaitingUnit(" ", 2.0, 0.01, 1.0, TODAY), "id"),
        (lambda: ConsolidationParams(max_wait_days=-1), "max_wait_days"),
        (lambda: ConsolidationParams(box_shape=(1.0, 0.0, 1.0)), "box_shape"),
        (lambda: Inflow(units_per_day=-1), "units_per_day"),
        (lambda: Inflow(units_per_day=2, mean_volume_m3=0.01), "mean_weight_kg"),
        (lambda: Lane(LYON, LYON), "lane"),
        (lambda: plan([]), "units"),
        (lambda: plan([unit(1), unit(1)]), "id"),
        (lambda: plan([unit(1, since=TODAY + timedelta(days=1))]), "waiting_since"),
    ],
)
def test_bad_input_is_refused_naming_the_field(make: object, field: str) -> None:
    with pytest.raises(InvalidValue) as error:
        make()  # type: ignore[operator]
    assert error.value.field == field


units_strategy = st.lists(
    st.builds(
        lambda kg, m3, loss, lithium, bulky: (kg, m3, loss, lithium, bulky),
        st.floats(0.2, 400),
        st.floats(0.001, 1.5),
        st.floats(0, 20),
        st.booleans(),
        st.booleans(),
    ),
    min_size=1,
    max_size=9,
)


@settings(max_examples=150, deadline=None)
@given(units_strategy, st.floats(0, 6), st.sampled_from([0.0, 0.5]))
def test_shipping_now_never_costs_more_than_all_apart_or_all_together(
    rows: list[tuple[float, float, float, bool, bool]], per_day: float, co2_weight: float
) -> None:
    units = [
        WaitingUnit(f"LPN-{n}", kg, m3, loss, TODAY, lithium=li, bulky=bu)
        for n, (kg, m3, loss, li, bu) in enumerate(rows)
    ]
    params = ConsolidationParams(choice=ChoiceParams(co2_eur_per_kg=co2_weight))
    inflow = Inflow(per_day, 5.0, 0.05) if per_day else Inflow()
    d = plan_lane(units, LANE, inflow, TODAY, CARDS, KM, params)
    if d.action is ConsolidationAction.NO_SERVICE:
        return
    set_aside = {i for i, _ in d.unshippable}
    going = [u for u in units if u.id not in set_aside]
    box = params.parcel

    def score(parcels: list[WaitingUnit]) -> float:
        shipment = Shipment(
            LYON,
            PARIS,
            tuple(box(u.weight_kg, u.volume_m3) for u in parcels),
            TODAY,
            lithium=any(u.lithium for u in parcels),
            bulky=any(u.bulky for u in parcels),
        )
        chosen = choose_service(shipment, CARDS, KM, params.choice).chosen
        return float("inf") if chosen is None else params.choice.score(chosen)

    apart = sum(score([u]) for u in going)
    together = score(going)
    now = sum(params.choice.score(s.choice.chosen) for s in d.shipments if s.choice.chosen)
    assert now <= min(apart, together) + 1e-6
    # Every unit still here travels exactly once; shares add back up.
    assert sorted(i for s in d.shipments for i in s.unit_ids) == sorted(u.id for u in going)
    assert sum(s.cost_cents for s in d.shares) == round(d.cost_now_eur * 100)
    # Batteries only with services that take them, and every refusing service refused.
    for s in d.shipments:
        lithium = any(u.lithium for u in going if u.id in s.unit_ids)
        for q in s.choice.quotes:
            if lithium and not CARDS.get(q.service_id).handling.accepts_lithium:
                assert not q.allowed
        assert s.choice.chosen is not None
        assert not lithium or CARDS.get(s.choice.chosen.service_id).handling.accepts_lithium
