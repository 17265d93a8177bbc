"""Road distances between places: great circle x circuity, a protocol, and a cache.

The embedded default needs no routing server: the great-circle distance times a circuity
factor. Road networks make trips about 1.3 +- 0.1 times longer than the straight line on
motorway networks (Wang et al. 2024) and about 1.2 times in cities (Newell 1980); the factor
is set per country because networks differ.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.places import Place

#: Motorway-network circuity, Wang et al. 2024 (1.3 +- 0.1).
DEFAULT_CIRCUITY = 1.3
#: Urban circuity, Newell 1980; for trips inside one city.
URBAN_CIRCUITY = 1.2
#: Mean Earth radius (IUGG), km; the same figure as ``GeoPoint.km_to``.
EARTH_RADIUS_KM = 6371.0088
#: Average road speed used when a provider knows distances but not durations (km/h).
DEFAULT_SPEED_KMH = 70.0


@dataclass(frozen=True, slots=True)
class DistanceMatrix:
    """Road distances (km) and durations (hours), origins in rows, destinations in columns."""

    origins: tuple[Place, ...]
    destinations: tuple[Place, ...]
    km: npt.NDArray[np.float64]
    hours: npt.NDArray[np.float64]

    def __post_init__(self) -> None:
        shape = (len(self.origins), len(self.destinations))
        if self.km.shape != shape or self.hours.shape != shape:
            raise ValueError(f"matrix shapes {self.km.shape}/{self.hours.shape} != {shape}")
        if not (np.all(np.isfinite(self.km)) and np.all(self.km >= 0)):
            raise ValueError("distances must be finite and not negative")

    def km_between(self, origin: Place, destination: Place) -> float:
        return float(self.km[self.origins.index(origin), self.destinations.index(destination)])


class DistanceProvider(Protocol):
    """Anything that gives road distances between places (embedded formula, OSRM, a cache)."""

    def matrix(self, origins: Sequence[Place], destinations: Sequence[Place]) -> DistanceMatrix:
        """Distances and durations from every origin to every destination."""
        ...


def road_km(provider: DistanceProvider, origin: Place, destination: Place) -> float:
    """Road distance of one trip, in km."""
    return float(provider.matrix([origin], [destination]).km[0, 0])


@dataclass(frozen=True, slots=True)
class CircuityParams:
    """Circuity factors: road km / great-circle km.

    Parameters
    ----------
    default
        Factor for countries not listed (Wang et al. 2024: 1.3 on motorway networks).
    by_country
        Factor per ISO country code; a trip between two countries uses the mean of both.
    urban
        Factor for trips shorter than ``urban_below_km`` (Newell 1980: about 1.2 in cities).
    urban_below_km
        Great-circle length under which a trip counts as urban.
    speed_kmh
        Average speed giving durations from road distances.
    """

    default: float = DEFAULT_CIRCUITY
    by_country: Mapping[str, float] = field(default_factory=dict)
    urban: float = URBAN_CIRCUITY
    urban_below_km: float = 15.0
    speed_kmh: float = DEFAULT_SPEED_KMH

    def __post_init__(self) -> None:
        for name, value in [("default", self.default), ("urban", self.urban)] + [
            (f"by_country.{c}", v) for c, v in self.by_country.items()
        ]:
            if not 1.0 <= value <= 3.0:
                raise InvalidValue(
                    f"circuity {name} = {value} must be between 1.0 and 3.0 (road km are never "
                    "shorter than the straight line)",
                    field=f"circuity.{name}",
                )
        if self.urban_below_km < 0 or self.speed_kmh <= 0:
            raise InvalidValue(
                "circuity urban_below_km must not be negative and speed_kmh must be positive",
                field="circuity",
            )

    def factor(self, origin_country: str, destination_country: str) -> float:
        a = self.by_country.get(origin_country, self.default)
        b = self.by_country.get(destination_country, self.default)
        return (a + b) / 2.0


def great_circle_km(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """Haversine distance in km, broadcast over arrays."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(np.asarray(lon2, dtype=float) - np.asarray(lon1, dtype=float))
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=float)


@dataclass(frozen=True, slots=True)
class GreatCircleDistances:
    """The embedded provider: great-circle km x circuity factor, no outside service."""

    params: CircuityParams = field(default_factory=CircuityParams)

    def matrix(self, origins: Sequence[Place], destinations: Sequence[Place]) -> DistanceMatrix:
        o_lat = np.array([p.lat for p in origins], dtype=float).reshape(-1, 1)
        o_lon = np.array([p.lon for p in origins], dtype=float).reshape(-1, 1)
        d_lat = np.array([p.lat for p in destinations], dtype=float).reshape(1, -1)
        d_lon = np.array([p.lon for p in destinations], dtype=float).reshape(1, -1)
        straight = great_circle_km(o_lat, o_lon, d_lat, d_lon)
        factors = np.array(
            [[self.params.factor(o.country, d.country) for d in destinations] for o in origins],
            dtype=float,
        ).reshape(straight.shape)
        factors = np.where(straight < self.params.urban_below_km, self.params.urban, factors)
        km = straight * factors
        return DistanceMatrix(tuple(origins), tuple(destinations), km, km / self.params.speed_kmh)


class CachedDistances:
    """Remembers every pair asked once; asks the wrapped provider only for pairs not yet known.

    Distances between sites and demo cities change rarely, while a routing server answers in
    milliseconds to seconds: the cache keeps planning runs from asking twice.
    """

    def __init__(self, provider: DistanceProvider) -> None:
        self._provider = provider
        self._known: dict[tuple[Place, Place], tuple[float, float]] = {}
        self.asked_pairs = 0

    def __len__(self) -> int:
        return len(self._known)

    def matrix(self, origins: Sequence[Place], destinations: Sequence[Place]) -> DistanceMatrix:
        rows = [
            o
            for o in dict.fromkeys(origins)
            if any((o, d) not in self._known for d in destinations)
        ]
        cols = [
            d for d in dict.fromkeys(destinations) if any((o, d) not in self._known for o in rows)
        ]
        if rows and cols:
            fresh = self._provider.matrix(rows, cols)
            self.asked_pairs += len(rows) * len(cols)
            for i, o in enumerate(rows):
                for j, d in enumerate(cols):
                    self._known[(o, d)] = (float(fresh.km[i, j]), float(fresh.hours[i, j]))
        km = np.empty((len(origins), len(destinations)))
        hours = np.empty_like(km)
        for i, o in enumerate(origins):
            for j, d in enumerate(destinations):
                km[i, j], hours[i, j] = self._known[(o, d)]
        return DistanceMatrix(tuple(origins), tuple(destinations), km, hours)
