"""Best service per shipment: restrictions, lead times, CO2 weight, ranking and reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.choice import ChoiceParams, ChoiceStatus, choose_service
from revalo.engines.transport.rate_cards import load_transport_config
from revalo.engines.transport.shipment import Parcel

from .cards import tiny
from .helpers import MONDAY, FixedKm, box, domestic, export

CARDS = tiny().rate_cards


def test_cheapest_on_time_service_wins_and_the_reason_says_so() -> None:
    choice = choose_service(domestic(box(1)), CARDS, FixedKm(465))
    assert choice.status is ChoiceStatus.ON_TIME
    assert choice.chosen is not None and choice.chosen.service_id == "PARCEL"
    assert choice.reason.startswith("cheapest of ")
    assert "PARCEL (Parcel Co) 5.50 EUR, 2 d" in choice.reason


def test_lead_time_constraint_picks_the_faster_service() -> None:
    shipment = domestic(box(1), needed_by=MONDAY + timedelta(days=1))
    choice = choose_service(shipment, CARDS, FixedKm(465))
    assert choice.chosen is not None and choice.chosen.service_id == "EXPRESS-DG"
    assert choice.chosen.cost_eur == 15.0 * 1.2
    assert "arriving by 2026-11-03" in choice.reason
    assert "(1 cheaper)" in choice.reason  # PARCEL would have been cheaper but late
    # On-time quotes first by cost, then late ones, then refused ones.
    ids = [q.service_id for q in choice.quotes]
    late = ids.index("PARCEL")
    assert all(q.on_time(shipment.needed_by) for q in choice.quotes[:late])
    assert [q.allowed for q in choice.quotes] == sorted(
        (q.allowed for q in choice.quotes), reverse=True
    )


def test_when_nothing_is_on_time_the_earliest_arrival_wins() -> None:
    shipment = export(box(40, 200, 90, 80), bulky=True, needed_by=MONDAY)
    choice = choose_service(shipment, CARDS, FixedKm(720))
    assert choice.status is ChoiceStatus.LATE
    # FTL takes 1 + 2 days; the van does not serve Germany; BULKY does not serve FR>DE.
    assert choice.chosen is not None and choice.chosen.service_id == "FTL"
    assert choice.reason.startswith("no service arrives by 2026-11-02; earliest arrival 2026-11-05")


def test_a_sofa_goes_two_person_unless_it_must_arrive_sooner() -> None:
    sofa = box(60, 200, 90, 80)
    relaxed = choose_service(domestic(sofa, bulky=True), CARDS, FixedKm(20))
    assert relaxed.chosen is not None and relaxed.chosen.service_id == "BULKY"
    assert relaxed.chosen.cost_eur == 100.0
    urgent = choose_service(
        domestic(sofa, bulky=True, needed_by=MONDAY + timedelta(days=2)), CARDS, FixedKm(20)
    )
    assert urgent.chosen is not None and urgent.chosen.service_id == "VAN"
    refused = {q.service_id: q.refused for q in urgent.quotes if not q.allowed}
    assert set(refused) == {"PARCEL", "EXPRESS-DG", "PALLET"}


def test_a_weight_on_co2_can_change_the_choice() -> None:
    heavy = domestic(*[box(90, 50, 50, 50)] * 10)  # 900 kg: two pallets, or a truck
    cheapest = choose_service(heavy, CARDS, FixedKm(300))
    assert cheapest.chosen is not None and cheapest.chosen.service_id == "PALLET"
    # Pallet network (rigid > 17 t): 0.9 t x 300 km x 0.171 = 46.17 kg CO2e for 200 EUR.
    # Full truck (articulated, 0.0770): 20.79 kg for 650 EUR. At 20 EUR/kg: 1123.4 vs 1065.8.
    greener = choose_service(heavy, CARDS, FixedKm(300), ChoiceParams(co2_eur_per_kg=20))
    assert greener.chosen is not None and greener.chosen.service_id == "FTL"
    assert greener.reason.startswith("lowest cost + CO2 of")


def test_nothing_can_carry_it_lists_every_reason() -> None:
    choice = choose_service(domestic(*[box(1000, 120, 80, 200)] * 30), CARDS, FixedKm(100))
    assert choice.status is ChoiceStatus.NO_SERVICE and choice.chosen is None
    assert "FTL 30000 kg is over the 24000 kg capacity" in choice.reason
    assert len(choice.quotes) == len(CARDS.services)


parcels = st.builds(
    Parcel,
    st.floats(0.1, 200),
    st.floats(5, 250),
    st.floats(5, 120),
    st.floats(5, 120),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(parcels, min_size=1, max_size=6),
    st.booleans(),
    st.booleans(),
    st.floats(1, 1500),
    st.integers(0, 6),
)
def test_a_lithium_battery_never_goes_with_a_service_that_refuses_it(
    items: list[Parcel], bulky: bool, international: bool, km: float, days: int
) -> None:
    make = export if international else domestic
    shipment = make(*items, lithium=True, bulky=bulky, needed_by=MONDAY + timedelta(days=days))
    choice = choose_service(shipment, CARDS, FixedKm(km))
    for q in choice.quotes:
        service = CARDS.get(q.service_id)
        if not service.handling.accepts_lithium or (bulky and not service.handling.accepts_bulky):
            assert not q.allowed
    if choice.chosen is not None:
        chosen = CARDS.get(choice.chosen.service_id)
        assert chosen.handling.accepts_lithium
        assert chosen.handling.accepts_bulky or not bulky


def test_same_shipment_same_choice() -> None:
    shipment = domestic(box(3), box(7), needed_by=MONDAY + timedelta(days=3))
    assert choose_service(shipment, CARDS, FixedKm(465)) == choose_service(
        shipment, CARDS, FixedKm(465)
    )


def test_a_damaged_lithium_battery_goes_only_with_a_service_of_special_provision_376() -> None:
    cards = load_transport_config().rate_cards
    shipment = domestic(box(2.5), lithium=True, damaged_lithium=True)
    choice = choose_service(shipment, cards, FixedKm(465))
    for q in choice.quotes:
        handling = cards.get(q.service_id).handling
        assert q.allowed == (q.allowed and handling.accepts_damaged_lithium)
        if not handling.accepts_damaged_lithium:
            assert not q.allowed and "special provision 376" in (q.refused or "")
    assert choice.chosen is not None
    assert cards.get(choice.chosen.service_id).handling.accepts_damaged_lithium
    # No parcel or express network carries it, although one carries sound batteries.
    sound = choose_service(domestic(box(2.5), lithium=True), cards, FixedKm(465))
    assert sound.chosen is not None and sound.chosen.service_id == "EXPRESS-DG"
    assert "EXPRESS-DG" not in {q.service_id for q in choice.quotes if q.allowed}
    assert choice.chosen.cost_eur > sound.chosen.cost_eur


def test_a_damaged_battery_is_a_lithium_battery() -> None:
    with pytest.raises(InvalidValue, match="set lithium too"):
        domestic(box(1), damaged_lithium=True)
