"""Greenhouse-gas emissions of transport legs, ISO 14083:2023 / GLEC Framework v3.

Emissions = tonne-km x intensity (kg CO2e per tonne-km, well-to-wheel), then allocated to
the items of a shipment by mass. Default intensities: UK DESNZ greenhouse-gas conversion
factors 2025, freight tables (each figure to be checked against the published table, and
configurable).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from revalo.domain.errors import InvalidValue

# Allocation by mass belongs to the unit's journey (the domain); re-exported for the engines.
from revalo.domain.journey import allocate_by_mass

__all__ = ["DESNZ_2025", "Intensity", "allocate_by_mass", "leg_kg_co2e"]


@dataclass(frozen=True, slots=True)
class Intensity:
    """Emission intensity of one vehicle type, kg CO2e per tonne-km.

    Parameters
    ----------
    average
        Intensity at the average load of the fleet (used for carriers' services, whose
        loads Revalo does not know).
    load_factors, at_load
        Optional intensities at known load factors (0-1]; a vehicle whose load is known is
        interpolated between them (held flat outside).
    """

    average: float
    load_factors: tuple[float, ...] = ()
    at_load: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if not self.average > 0:
            raise InvalidValue(f"intensity {self.average} must be positive", field="intensity")
        if len(self.load_factors) != len(self.at_load) or any(
            not 0 < f <= 1 for f in self.load_factors
        ):
            raise InvalidValue(
                "load_factors must be in (0, 1] with one intensity each", field="load_factors"
            )
        if list(self.load_factors) != sorted(self.load_factors):
            raise InvalidValue("load_factors must be increasing", field="load_factors")

    def kg_per_tkm(self, load_factor: float | None = None) -> float:
        if load_factor is None or not self.load_factors:
            return self.average
        return float(np.interp(load_factor, self.load_factors, self.at_load))


#: kg CO2e per tonne-km, from UK DESNZ "Greenhouse gas reporting: conversion factors 2025",
#: freighting goods.
DESNZ_2025: Mapping[str, Intensity] = {
    "van_diesel": Intensity(0.631),
    "van_electric": Intensity(0.220),
    "rigid_3_5_7_5t": Intensity(0.528),
    "rigid_7_5_17t": Intensity(0.364),
    "rigid_over_17t": Intensity(0.171),
    "articulated_over_33t": Intensity(0.0770, (0.5, 1.0), (0.0961, 0.0599)),
    "rail": Intensity(0.0278),
    "container_ship": Intensity(0.0161),
    "air_long_haul": Intensity(0.531),
}


def leg_kg_co2e(
    weight_kg: float,
    km: float,
    intensity: Intensity,
    load_factor: float | None = None,
) -> float:
    """Emissions of moving ``weight_kg`` over ``km``: tonne-km x intensity, kg CO2e."""
    if weight_kg < 0 or km < 0:
        raise InvalidValue("weight and distance of a leg must not be negative", field="leg")
    return weight_kg / 1000.0 * km * intensity.kg_per_tkm(load_factor)
