"""Carrier services and their rate cards (the data comes from ``config/carriers.toml``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

WILDCARD = "*"


class ServiceKind(enum.StrEnum):
    PARCEL = "parcel"
    PALLET = "pallet"
    TRUCK = "truck"
    FLEET = "fleet"


@dataclass(frozen=True, slots=True)
class Lane:
    """Origin and destination countries of a zone; ``*`` matches any country."""

    origin: str
    destination: str

    def matches(self, origin: str, destination: str) -> bool:
        return self.origin in (WILDCARD, origin) and self.destination in (WILDCARD, destination)

    @property
    def specificity(self) -> int:
        return (self.origin != WILDCARD) + (self.destination != WILDCARD)


@dataclass(frozen=True, slots=True)
class Zone:
    """A price zone: the lanes it covers, its lead time and its prices.

    ``prices`` holds one price per weight break for a parcel service, and a single price per
    pallet for a pallet service.
    """

    name: str
    lanes: tuple[Lane, ...]
    lead_time_days: int
    prices: tuple[float, ...]


def find_zone(zones: tuple[Zone, ...], origin: str, destination: str) -> Zone | None:
    """The zone whose lane matches most specifically (exact pair before ``FR>*`` before ``*>*``)."""
    best: tuple[int, Zone] | None = None
    for zone in zones:
        for lane in zone.lanes:
            if lane.matches(origin, destination) and (best is None or lane.specificity > best[0]):
                best = (lane.specificity, zone)
    return None if best is None else best[1]


@dataclass(frozen=True, slots=True)
class Handling:
    """What a service agrees to carry. ``accepts_damaged_lithium``: damaged or defective
    lithium batteries (swollen, leaking, overheated), carried only under ADR special
    provision 376 (packing instructions P908 / LP904), which ordinary parcel networks do
    not take."""

    accepts_lithium: bool
    accepts_bulky: bool
    accepts_damaged_lithium: bool = False


@dataclass(frozen=True, slots=True)
class ParcelService:
    id: str
    carrier: str
    vehicle: str
    handling: Handling
    fuel_surcharge_pct: float
    weight_breaks_kg: tuple[float, ...]
    zones: tuple[Zone, ...]
    max_weight_kg: float
    max_length_cm: float
    max_girth_cm: float
    volumetric_kg_per_m3: float

    kind = ServiceKind.PARCEL


@dataclass(frozen=True, slots=True)
class PalletService:
    id: str
    carrier: str
    vehicle: str
    handling: Handling
    fuel_surcharge_pct: float
    zones: tuple[Zone, ...]
    pallet_max_kg: float
    pallet_volume_m3: float
    max_pallets: int

    kind = ServiceKind.PALLET


@dataclass(frozen=True, slots=True)
class TruckService:
    """A full truck chartered from a carrier: a fixed price plus a price per km."""

    id: str
    carrier: str
    vehicle: str
    handling: Handling
    fuel_surcharge_pct: float
    countries: frozenset[str]
    fixed_eur: float
    per_km_eur: float
    capacity_kg: float
    capacity_m3: float
    booking_days: int
    km_per_day: float

    kind = ServiceKind.TRUCK


@dataclass(frozen=True, slots=True)
class FleetVehicle:
    """A vehicle of the company's own fleet, costed by day, hour and km."""

    id: str
    carrier: str
    vehicle: str
    handling: Handling
    countries: frozenset[str]
    per_km_eur: float
    per_hour_eur: float
    fixed_per_day_eur: float
    capacity_kg: float
    capacity_m3: float
    speed_kmh: float
    handling_hours: float
    driving_hours_per_day: float

    kind = ServiceKind.FLEET
    fuel_surcharge_pct = 0.0


Service = ParcelService | PalletService | TruckService | FleetVehicle


def serves(countries: frozenset[str], origin: str, destination: str) -> bool:
    return WILDCARD in countries or (origin in countries and destination in countries)


@dataclass(frozen=True, slots=True)
class RateCards:
    """Every service Revalo may use, in the order of the file."""

    services: tuple[Service, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for s in self.services:
            if s.id in seen:
                raise ValueError(f"service id {s.id!r} appears twice")
            seen.add(s.id)

    def get(self, service_id: str) -> Service:
        for s in self.services:
            if s.id == service_id:
                return s
        raise KeyError(service_id)
