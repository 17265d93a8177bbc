"""Rate-card pricing on cases checked by hand against tests/unit/transport/cards.py."""

from __future__ import annotations

from datetime import date

import pytest

from revalo.engines.transport.pricing import quote

from .cards import tiny
from .helpers import box, domestic, export

CARDS = tiny().rate_cards
PARCEL, EXPRESS, BULKY = CARDS.get("PARCEL"), CARDS.get("EXPRESS-DG"), CARDS.get("BULKY")
PALLET, FTL, VAN = CARDS.get("PALLET"), CARDS.get("FTL"), CARDS.get("VAN")


@pytest.mark.parametrize(
    ("kg", "price"),
    [
        (1.0, 5.0 * 1.1),  # first break (2 kg)
        (2.0, 5.0 * 1.1),  # a break includes its own weight
        (2.1, 8.0 * 1.1),  # just over: next break (5 kg)
        (9.99, 12.0 * 1.1),
        (30.0, 20.0 * 1.1),
    ],
)
def test_parcel_price_is_the_break_at_or_above_the_weight_plus_fuel(
    kg: float, price: float
) -> None:
    q = quote(PARCEL, domestic(box(kg)), 465)
    assert q.cost_eur == pytest.approx(price)
    assert q.lead_time_days == 2
    assert q.arrives_on == date(2026, 11, 4)


def test_volumetric_weight_is_charged_when_larger() -> None:
    # 60 x 40 x 40 cm = 0.096 m3 x 200 kg/m3 = 19.2 kg chargeable: the 30 kg break.
    assert quote(PARCEL, domestic(box(3, 60, 40, 40)), 465).cost_eur == pytest.approx(22.0)


def test_zone_and_lead_time_follow_the_lane() -> None:
    q = quote(PARCEL, export(box(4)), 720)
    assert q.cost_eur == pytest.approx(16.0 * 1.1)
    assert (q.lead_time_days, q.arrives_on) == (4, date(2026, 11, 6))


def test_each_parcel_is_priced_then_surcharged() -> None:
    assert quote(PARCEL, domestic(box(1), box(8)), 465).cost_eur == pytest.approx((5 + 12) * 1.1)


@pytest.mark.parametrize(
    ("parcel", "words"),
    [
        (box(31), "31 kg, over the 30 kg limit"),
        (box(10, 160, 20, 20), "160 cm long"),
        (box(10, 140, 60, 50), "360 cm length + girth"),
    ],
)
def test_parcels_over_the_limits_are_refused_with_the_reason(parcel: object, words: str) -> None:
    q = quote(PARCEL, domestic(box(1), parcel), 465)  # type: ignore[arg-type]
    assert not q.allowed
    assert q.refused is not None and "parcel 2" in q.refused and words in q.refused


def test_a_lane_without_a_zone_is_refused() -> None:
    q = quote(BULKY, export(box(40, 200, 90, 80), bulky=True), 720)
    assert q.refused == "does not serve FR to DE"


def test_pallets_follow_the_volume_or_the_weight_whichever_needs_more() -> None:
    ten = [box(25, 60, 40, 40)] * 10  # 0.96 m3, 250 kg: one pallet
    assert quote(PALLET, domestic(*ten), 465).cost_eur == pytest.approx(100.0)
    thirty = [box(25, 60, 40, 40)] * 30  # 2.88 m3 -> 2, 750 kg -> 2
    assert quote(PALLET, domestic(*thirty), 465).cost_eur == pytest.approx(200.0)
    heavy = [box(50)] * 12  # 600 kg on 500 kg pallets: 2, though the volume fits on one
    assert quote(PALLET, domestic(*heavy), 465).cost_eur == pytest.approx(200.0)
    assert quote(PALLET, domestic(*[box(50)] * 41), 465).refused == (
        "needs 5 pallets, over the 4 pallet limit"
    )


def test_full_truck_is_fixed_plus_per_km_and_a_day_per_600_km() -> None:
    q = quote(FTL, export(box(1000, 120, 80, 150)), 720)
    assert q.cost_eur == pytest.approx(200 + 1.5 * 720)
    assert q.lead_time_days == 1 + 2


def test_own_van_costs_days_hours_and_km() -> None:
    short = quote(VAN, domestic(box(100)), 100)  # 2 h driving + 1 h handling: one day
    assert short.cost_eur == pytest.approx(100 + 0.5 * 100 + 30 * 3)
    assert short.lead_time_days == 1
    long = quote(VAN, domestic(box(100)), 500)  # 10 + 1 = 11 h: two days of 9 h
    assert long.cost_eur == pytest.approx(2 * 100 + 0.5 * 500 + 30 * 11)
    assert long.lead_time_days == 2
    assert quote(VAN, export(box(100)), 720).refused == "does not serve FR to DE"
    assert quote(VAN, domestic(*[box(30)] * 34), 100).refused == (
        "1020 kg is over the 1000 kg capacity"
    )


def test_content_restrictions_come_before_any_price() -> None:
    assert quote(PARCEL, domestic(box(2), lithium=True), 465).refused == (
        "does not accept lithium batteries (dangerous goods)"
    )
    assert quote(EXPRESS, domestic(box(2), lithium=True), 465).allowed
    assert quote(PALLET, domestic(box(60, 200, 90, 80), bulky=True), 465).refused == (
        "does not carry bulky items (no two-person delivery)"
    )
