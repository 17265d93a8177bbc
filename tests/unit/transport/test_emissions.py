"""Emissions of legs against hand computations, and allocation to units by mass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.emissions import DESNZ_2025, allocate_by_mass, leg_kg_co2e
from revalo.engines.transport.pricing import quote

from .cards import tiny
from .helpers import box, domestic


def test_a_laptop_parcel_by_van_lyon_to_paris() -> None:
    # 2.5 kg x 465 km = 1.1625 tkm x 0.631 kg/tkm (DESNZ 2025, diesel van) = 0.7335375 kg.
    assert leg_kg_co2e(2.5, 465, DESNZ_2025["van_diesel"]) == pytest.approx(0.7335375)


def test_a_full_articulated_truck_uses_its_load() -> None:
    artic = DESNZ_2025["articulated_over_33t"]
    # 20 t x 500 km x 0.0770 (average load) = 770 kg.
    assert leg_kg_co2e(20_000, 500, artic) == pytest.approx(770.0)
    # At 100 % load 0.0599; at 75 %, halfway between 0.0961 and 0.0599: 0.0780.
    assert leg_kg_co2e(24_000, 100, artic, load_factor=1.0) == pytest.approx(2.4 * 59.9)
    assert leg_kg_co2e(18_000, 100, artic, load_factor=0.75) == pytest.approx(1800 * 0.078)


def test_quotes_carry_the_emissions_of_their_vehicle() -> None:
    cards = tiny().rate_cards
    shipment = domestic(box(10), box(15))
    assert quote(cards.get("PARCEL"), shipment, 465).co2e_kg == pytest.approx(0.025 * 465 * 0.631)
    # Own van (1,000 kg capacity): the van intensity does not depend on load.
    assert quote(cards.get("VAN"), shipment, 100).co2e_kg == pytest.approx(0.025 * 100 * 0.631)


def test_allocation_by_mass_on_a_known_case() -> None:
    # 1,000 g among a 2 kg laptop, a 1 kg drill and a 1 kg drill: 500, 250, 250.
    assert allocate_by_mass(1000, [2, 1, 1]) == (500, 250, 250)
    # Thirds: the remaining gram goes to the first of the equal remainders.
    assert allocate_by_mass(1000, [1, 1, 1]) == (334, 333, 333)


@given(
    st.integers(0, 10**9),
    st.lists(st.floats(0.01, 5000, allow_nan=False), min_size=1, max_size=50),
)
def test_allocation_sums_back_to_the_shipment_total(total: int, masses: list[float]) -> None:
    shares = allocate_by_mass(total, masses)
    assert sum(shares) == total
    assert all(s >= 0 for s in shares)
    # No unit is off its exact share by a gram or more.
    exact = [total * m / sum(masses) for m in masses]
    assert all(abs(s - e) < 1 + 1e-6 * total for s, e in zip(shares, exact, strict=True))


def test_allocation_refuses_massless_units() -> None:
    with pytest.raises(InvalidValue, match="positive mass"):
        allocate_by_mass(10, [1.0, 0.0])
