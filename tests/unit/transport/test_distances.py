"""Road distances: great circle x circuity, per-country factors, and the cache."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.distances import (
    CachedDistances,
    CircuityParams,
    DistanceMatrix,
    GreatCircleDistances,
    road_km,
)
from revalo.engines.transport.places import Place

from .places import COLOGNE, LYON, LYON_EAST, PARIS


def test_lyon_paris_is_the_great_circle_times_the_default_factor() -> None:
    # Lyon-Paris is about 392 km as the crow flies; by road about 465 km (A6).
    straight = LYON.point.km_to(PARIS.point)
    assert straight == pytest.approx(392, abs=3)
    km = road_km(GreatCircleDistances(), LYON, PARIS)
    assert km == pytest.approx(straight * 1.3)
    assert 440 < km < 530


def test_factor_is_per_country_and_averaged_across_a_border() -> None:
    params = CircuityParams(by_country={"FR": 1.2, "DE": 1.4})
    provider = GreatCircleDistances(params)
    assert road_km(provider, LYON, PARIS) == pytest.approx(LYON.point.km_to(PARIS.point) * 1.2)
    assert road_km(provider, LYON, COLOGNE) == pytest.approx(LYON.point.km_to(COLOGNE.point) * 1.3)


def test_short_trips_use_the_urban_factor() -> None:
    straight = LYON.point.km_to(LYON_EAST.point)
    assert straight < 15
    assert road_km(GreatCircleDistances(), LYON, LYON_EAST) == pytest.approx(straight * 1.2)


def test_matrix_has_origins_in_rows_and_durations_from_speed() -> None:
    m = GreatCircleDistances(CircuityParams(speed_kmh=80)).matrix([LYON, PARIS], [COLOGNE])
    assert m.km.shape == (2, 1)
    assert m.km_between(PARIS, COLOGNE) == pytest.approx(PARIS.point.km_to(COLOGNE.point) * 1.3)
    assert m.hours[0, 0] == pytest.approx(m.km[0, 0] / 80)


def test_a_circuity_below_one_is_refused_naming_the_country() -> None:
    with pytest.raises(InvalidValue, match=r"by_country\.FR"):
        CircuityParams(by_country={"FR": 0.9})


class CountingProvider:
    def __init__(self) -> None:
        self.inner = GreatCircleDistances()
        self.calls: list[tuple[int, int]] = []

    def matrix(self, origins: Sequence[Place], destinations: Sequence[Place]) -> DistanceMatrix:
        self.calls.append((len(origins), len(destinations)))
        return self.inner.matrix(origins, destinations)


def test_cache_asks_only_for_pairs_it_does_not_know() -> None:
    counting = CountingProvider()
    cache = CachedDistances(counting)
    first = cache.matrix([LYON], [PARIS, COLOGNE])
    again = cache.matrix([LYON], [COLOGNE, PARIS])
    assert counting.calls == [(1, 2)]
    assert again.km_between(LYON, PARIS) == first.km_between(LYON, PARIS)
    cache.matrix([LYON, PARIS], [COLOGNE])
    assert counting.calls == [(1, 2), (1, 1)]
    assert len(cache) == 3
