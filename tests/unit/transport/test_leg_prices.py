"""Carrier quotes as the disposition engine's transport: the same price as choosing a
service for the unit's own parcel, the restrictions kept, used by the value model."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from revalo.domain.catalog import Product, Site
from revalo.engines.disposition import score_unit
from revalo.engines.disposition.problem import LegPrice
from revalo.engines.transport.choice import choose_service
from revalo.engines.transport.distances import GreatCircleDistances
from revalo.engines.transport.leg_prices import QuotedLegs
from revalo.engines.transport.places import Place
from revalo.engines.transport.rate_cards import load_transport_config
from revalo.engines.transport.shipment import Parcel, Shipment
from tests.unit.engines import world as w

DAY = date(2026, 11, 24)
CONFIG = load_transport_config()
HUB, REC = w.sites()[0].site, w.sites()[3].site


def _legs() -> QuotedLegs:
    return QuotedLegs(CONFIG.rate_cards, GreatCircleDistances(CONFIG.circuity), ready_on=DAY)


def test_a_leg_costs_what_the_best_service_charges_for_the_unit_alone() -> None:
    legs = _legs()
    price = legs.price(HUB, REC, w.DRILL)
    shipment = Shipment(
        Place.of(HUB),
        Place.of(REC),
        (Parcel.cube(w.DRILL.weight_kg, w.DRILL.volume_m3),),
        DAY,
        lithium=w.DRILL.lithium_battery,
    )
    chosen = choose_service(shipment, CONFIG.rate_cards, GreatCircleDistances(CONFIG.circuity))
    assert chosen.chosen is not None
    assert (price.km, price.eur, price.co2_kg) == (
        chosen.chosen.km,
        chosen.chosen.cost_eur,
        chosen.chosen.co2e_kg,
    )
    assert legs.price(HUB, REC, w.DRILL) is price and len(legs) == 1, "asked once, then cached"


def test_a_lithium_unit_is_priced_with_a_service_that_accepts_lithium() -> None:
    plain = dataclasses.replace(w.LAPTOP, sku="LAP-NOLI", lithium_battery=False)
    lithium = dataclasses.replace(w.LAPTOP, lithium_battery=True)
    legs = _legs()
    # The standard parcel service refuses lithium: the lithium laptop costs more to send.
    assert legs.price(HUB, REC, lithium).eur > legs.price(HUB, REC, plain).eur


class _Fixed:
    """A pricer that charges the same for every trip and counts what it is asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, str]] = []

    def price(
        self, origin: Site, destination: Site, product: Product, damaged_lithium: bool = False
    ) -> LegPrice:
        self.asked.append((origin.code, destination.code, product.sku))
        return LegPrice(km=100.0, eur=12.34, co2_kg=0.5)


def test_the_value_model_takes_its_transport_from_the_pricer() -> None:
    pricer = _Fixed()
    problem = dataclasses.replace(w.problem([(w.DRILL, "BA", False)]), legs=pricer)
    ranked = {s.label: s.breakdown for s in score_unit(problem, w.params()).ranked}
    recycle = ranked["recycle at REC"]
    assert (recycle.transport, recycle.co2_kg, recycle.road_km) == (12.34, 0.5, 100.0)
    assert ("HUB", "REC", "DRILL-18") in pricer.asked
    assert all(origin != dest for origin, dest, _ in pricer.asked), "no trip to stay in place"
    # Sold from the hub where it is: no trip, no transport.
    assert ranked["resell on DISCOUNT"].transport == 0.0


@pytest.mark.parametrize("product", [w.SOFA])
def test_a_bulky_unit_is_priced_with_a_bulky_service(product: Product) -> None:
    price = _legs().price(HUB, REC, product)
    assert price.eur > _legs().price(HUB, REC, w.TSHIRT).eur
