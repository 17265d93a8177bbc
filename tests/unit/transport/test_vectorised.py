"""Vectorised quoting gives what the one-pair-at-a-time pricing gives."""

from __future__ import annotations

import math
from datetime import timedelta

import numpy as np
import pytest

from revalo.engines.transport.carriers import RateCards
from revalo.engines.transport.pricing import quote
from revalo.engines.transport.quote_table import QuoteTable
from revalo.engines.transport.rate_cards import load_transport_config
from revalo.engines.transport.shipment import Parcel, Shipment
from revalo.engines.transport.vectorised import ShipmentBatch, quote_pairs

from .cards import tiny
from .helpers import MONDAY
from .places import COLOGNE, LYON, MILAN, PARIS


def random_shipments(rng: np.random.Generator, n: int) -> tuple[list[Shipment], list[float]]:
    places = [LYON, PARIS, COLOGNE, MILAN]
    shipments, kms = [], []
    for _ in range(n):
        o, d = rng.choice(len(places), 2)
        box = Parcel(
            float(rng.uniform(0.2, 160)),
            float(rng.uniform(10, 260)),
            float(rng.uniform(10, 100)),
            float(rng.uniform(5, 100)),
        )
        damaged = bool(rng.random() < 0.15)
        shipments.append(
            Shipment(
                places[o],
                places[d],
                (box,) * int(rng.integers(1, 40)),
                MONDAY,
                MONDAY + timedelta(days=3),
                lithium=damaged or bool(rng.random() < 0.3),
                bulky=bool(rng.random() < 0.3),
                damaged_lithium=damaged,
            )
        )
        kms.append(float(rng.uniform(5, 1500)))
    return shipments, kms


@pytest.mark.parametrize("cards", [tiny().rate_cards, load_transport_config().rate_cards])
def test_every_pair_matches_the_scalar_quote(cards: RateCards) -> None:
    rng = np.random.default_rng(7)
    shipments, kms = random_shipments(rng, 300)
    table = QuoteTable.compile(cards, ["FR", "DE", "IT"])
    batch = ShipmentBatch.from_shipments(shipments, kms, table)
    n_services = len(cards.services)
    ship_idx = np.repeat(np.arange(len(shipments)), n_services)
    serv_idx = np.tile(np.arange(n_services), len(shipments))
    fast = quote_pairs(table, batch.take(ship_idx), serv_idx)
    allowed_seen = 0
    for p, (i, s) in enumerate(zip(ship_idx, serv_idx, strict=True)):
        slow = quote(cards.services[s], shipments[i], kms[i])
        assert bool(fast.allowed[p]) == slow.allowed, (cards.services[s].id, slow.refused)
        if slow.allowed:
            allowed_seen += 1
            assert fast.cost_eur[p] == pytest.approx(slow.cost_eur, rel=1e-12)
            assert fast.lead_time_days[p] == slow.lead_time_days
            assert fast.co2e_kg[p] == pytest.approx(slow.co2e_kg, rel=1e-12)
        else:
            assert math.isnan(fast.cost_eur[p]) and fast.lead_time_days[p] == -1
    # The sample must exercise both sides.
    assert 0.2 * len(ship_idx) < allowed_seen < 0.9 * len(ship_idx)


def test_mixed_parcels_are_sent_to_the_scalar_pricing() -> None:
    table = QuoteTable.compile(tiny().rate_cards, ["FR"])
    mixed = Shipment(LYON, PARIS, (Parcel(1, 10, 10, 10), Parcel(2, 10, 10, 10)), MONDAY)
    with pytest.raises(ValueError, match="mixes parcels"):
        ShipmentBatch.from_shipments([mixed], [465.0], table)
