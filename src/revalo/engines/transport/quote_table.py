"""Rate cards compiled into NumPy arrays, one row per service, for vectorised quoting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from revalo.engines.transport.carriers import (
    FleetVehicle,
    PalletService,
    ParcelService,
    RateCards,
    ServiceKind,
    TruckService,
    find_zone,
    serves,
)
from revalo.engines.transport.emissions import DESNZ_2025, Intensity

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

KIND_CODES = {
    ServiceKind.PARCEL: 0,
    ServiceKind.PALLET: 1,
    ServiceKind.TRUCK: 2,
    ServiceKind.FLEET: 3,
}


@dataclass(frozen=True, slots=True)
class QuoteTable:
    """Every service's rate card as arrays indexed by service (and country, zone, break).

    Fields that do not apply to a kind of service hold a harmless 1.0 or 0, so that no
    computation meets a division by zero.
    """

    service_ids: tuple[str, ...]
    countries: tuple[str, ...]
    kind: Ints
    accepts_lithium: Bools
    accepts_bulky: Bools
    accepts_damaged_lithium: Bools
    fuel_factor: Floats
    zone: Ints  # [service, origin, destination] -> zone number, -1: not served
    zone_lead: Ints  # [service, zone]
    zone_prices: Floats  # [service, zone, break]; pallets use break 0
    breaks: Floats  # [service, break], padded with +inf
    n_breaks: Ints
    max_weight: Floats
    max_length: Floats
    max_girth: Floats
    volumetric: Floats
    pallet_max_kg: Floats
    pallet_volume: Floats
    max_pallets: Ints
    served: Bools  # [service, origin, destination] for trucks and fleet
    fixed: Floats
    per_km: Floats
    per_hour: Floats
    per_day: Floats
    capacity_kg: Floats
    capacity_m3: Floats
    booking_days: Ints
    km_per_day: Floats
    speed: Floats
    handling_hours: Floats
    hours_per_day: Floats
    intensity: Floats
    load_intensities: tuple[tuple[int, Intensity], ...]  # fleet services with load points

    @classmethod
    def compile(
        cls,
        cards: RateCards,
        countries: Sequence[str],
        intensities: Mapping[str, Intensity] = DESNZ_2025,
    ) -> QuoteTable:
        """Arrays for ``cards`` over ``countries`` (every country the shipments use)."""
        services = cards.services
        n, c = len(services), len(countries)
        zoned = [s for s in services if isinstance(s, ParcelService | PalletService)]
        n_zones = max([len(s.zones) for s in zoned], default=1)
        n_breaks = max(
            [len(s.weight_breaks_kg) for s in services if isinstance(s, ParcelService)], default=1
        )

        def ones() -> Floats:
            return np.ones(n)

        t = {
            name: ones()
            for name in (
                "max_weight",
                "max_length",
                "max_girth",
                "volumetric",
                "pallet_max_kg",
                "pallet_volume",
                "fixed",
                "per_km",
                "per_hour",
                "per_day",
                "capacity_kg",
                "capacity_m3",
                "km_per_day",
                "speed",
                "handling_hours",
                "hours_per_day",
                "intensity",
            )
        }
        zone = np.full((n, c, c), -1, dtype=np.int64)
        served = np.zeros((n, c, c), dtype=bool)
        zone_lead = np.zeros((n, n_zones), dtype=np.int64)
        zone_prices = np.zeros((n, n_zones, n_breaks))
        breaks = np.full((n, n_breaks), np.inf)
        count_breaks = np.zeros(n, dtype=np.int64)
        max_pallets = np.zeros(n, dtype=np.int64)
        booking = np.zeros(n, dtype=np.int64)
        load_points: list[tuple[int, Intensity]] = []
        for i, s in enumerate(services):
            t["intensity"][i] = intensities[s.vehicle].average
            if isinstance(s, ParcelService | PalletService):
                for o, oc in enumerate(countries):
                    for d, dc in enumerate(countries):
                        z = find_zone(s.zones, oc, dc)
                        zone[i, o, d] = -1 if z is None else s.zones.index(z)
                for j, z in enumerate(s.zones):
                    zone_lead[i, j] = z.lead_time_days
                    zone_prices[i, j, : len(z.prices)] = z.prices
            if isinstance(s, ParcelService):
                breaks[i, : len(s.weight_breaks_kg)] = s.weight_breaks_kg
                count_breaks[i] = len(s.weight_breaks_kg)
                t["max_weight"][i], t["max_length"][i] = s.max_weight_kg, s.max_length_cm
                t["max_girth"][i], t["volumetric"][i] = s.max_girth_cm, s.volumetric_kg_per_m3
            elif isinstance(s, PalletService):
                t["pallet_max_kg"][i], t["pallet_volume"][i] = s.pallet_max_kg, s.pallet_volume_m3
                max_pallets[i] = s.max_pallets
            else:
                for o, oc in enumerate(countries):
                    for d, dc in enumerate(countries):
                        served[i, o, d] = serves(s.countries, oc, dc)
                t["per_km"][i], t["capacity_kg"][i] = s.per_km_eur, s.capacity_kg
                t["capacity_m3"][i] = s.capacity_m3
                if isinstance(s, TruckService):
                    t["fixed"][i], t["km_per_day"][i] = s.fixed_eur, s.km_per_day
                    booking[i] = s.booking_days
                elif isinstance(s, FleetVehicle):
                    t["per_hour"][i], t["per_day"][i] = s.per_hour_eur, s.fixed_per_day_eur
                    t["speed"][i], t["handling_hours"][i] = s.speed_kmh, s.handling_hours
                    t["hours_per_day"][i] = s.driving_hours_per_day
                    if intensities[s.vehicle].load_factors:
                        load_points.append((i, intensities[s.vehicle]))
        return cls(
            service_ids=tuple(s.id for s in services),
            countries=tuple(countries),
            kind=np.array([KIND_CODES[s.kind] for s in services], dtype=np.int64),
            accepts_lithium=np.array([s.handling.accepts_lithium for s in services]),
            accepts_bulky=np.array([s.handling.accepts_bulky for s in services]),
            accepts_damaged_lithium=np.array(
                [s.handling.accepts_damaged_lithium for s in services]
            ),
            fuel_factor=np.array([1.0 + s.fuel_surcharge_pct / 100.0 for s in services]),
            zone=zone,
            zone_lead=zone_lead,
            zone_prices=zone_prices,
            breaks=breaks,
            n_breaks=count_breaks,
            max_pallets=max_pallets,
            served=served,
            booking_days=booking,
            load_intensities=tuple(load_points),
            **t,
        )

    def country_index(self, country: str) -> int:
        return self.countries.index(country)
