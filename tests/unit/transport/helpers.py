"""Shipments and a fixed-distance provider for the transport tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

from revalo.engines.transport.distances import DistanceMatrix
from revalo.engines.transport.places import Place
from revalo.engines.transport.shipment import Parcel, Shipment

from .places import COLOGNE, LYON, PARIS

MONDAY = date(2026, 11, 2)


def box(kg: float, length: float = 20, width: float = 15, height: float = 10) -> Parcel:
    return Parcel(kg, length, width, height)


def domestic(*parcels: Parcel, **kw: object) -> Shipment:
    return Shipment(LYON, PARIS, tuple(parcels), MONDAY, **kw)  # type: ignore[arg-type]


def export(*parcels: Parcel, **kw: object) -> Shipment:
    return Shipment(LYON, COLOGNE, tuple(parcels), MONDAY, **kw)  # type: ignore[arg-type]


class FixedKm:
    """Every trip is ``km`` long: prices then depend on nothing but the rate card."""

    def __init__(self, km: float) -> None:
        self.km = km

    def matrix(self, origins: Sequence[Place], destinations: Sequence[Place]) -> DistanceMatrix:
        km = np.full((len(origins), len(destinations)), self.km)
        return DistanceMatrix(tuple(origins), tuple(destinations), km, km / 70)
