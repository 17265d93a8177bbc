"""Carrier quotes as the disposition engine's transport costs.

The engine asks what it costs to carry one unit of a product from one site to another. The
answer is the best service's quote (``choose_service``) for that unit as a parcel of its own
— a lithium battery only with a service that accepts it, a sofa only with a bulky service —
so it is what sending it today would cost; when units travel together, their share of a
pallet or a truck is lower (see ``consolidation``). Quotes are cached per (origin,
destination, product): a batch of a million units asks for a few thousand.
"""

from __future__ import annotations

import math
from datetime import date

from revalo.domain.catalog import Product, Site
from revalo.domain.errors import NotAllowed
from revalo.engines.disposition.problem import LegPrice
from revalo.engines.transport.carriers import RateCards
from revalo.engines.transport.choice import ChoiceParams, ChoiceStatus, choose_service
from revalo.engines.transport.distances import DistanceProvider
from revalo.engines.transport.places import Place
from revalo.engines.transport.shipment import Parcel, Shipment


class QuotedLegs:
    """A ``LegPricer`` that quotes every service and keeps the best, once per key.

    Parameters
    ----------
    cards, distances, params
        The rate cards, road distances and choice parameters of the transport model.
    ready_on
        The day the units would leave (quotes with lead times are dated from it).
    """

    def __init__(
        self,
        cards: RateCards,
        distances: DistanceProvider,
        params: ChoiceParams | None = None,
        *,
        ready_on: date,
    ) -> None:
        self.cards = cards
        self.distances = distances
        self.params = params or ChoiceParams()
        self.ready_on = ready_on
        self._cache: dict[tuple[str, str, str, bool], LegPrice] = {}

    def __len__(self) -> int:
        return len(self._cache)

    def price(
        self, origin: Site, destination: Site, product: Product, damaged_lithium: bool = False
    ) -> LegPrice:
        key = (origin.code, destination.code, product.sku, damaged_lithium)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._quote(origin, destination, product, damaged_lithium)
        return found

    def _quote(
        self, origin: Site, destination: Site, product: Product, damaged_lithium: bool
    ) -> LegPrice:
        shipment = Shipment(
            origin=Place.of(origin),
            destination=Place.of(destination),
            parcels=(Parcel.cube(product.weight_kg, product.volume_m3),),
            ready_on=self.ready_on,
            lithium=product.lithium_battery,
            bulky=product.bulky,
            damaged_lithium=damaged_lithium and product.lithium_battery,
        )
        choice = choose_service(shipment, self.cards, self.distances, self.params)
        if choice.status is ChoiceStatus.NO_SERVICE or choice.chosen is None:
            raise NotAllowed(
                f"{product.sku} from {origin.code} to {destination.code}: {choice.reason}"
            )
        q = choice.chosen
        assert not math.isnan(q.cost_eur)
        return LegPrice(km=q.km, eur=q.cost_eur, co2_kg=q.co2e_kg)
