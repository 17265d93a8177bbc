"""Price one shipment with one service: cost, lead time, emissions, or why it cannot go."""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from revalo.engines.transport.carriers import (
    FleetVehicle,
    PalletService,
    ParcelService,
    Service,
    TruckService,
    find_zone,
    serves,
)
from revalo.engines.transport.emissions import DESNZ_2025, Intensity, leg_kg_co2e
from revalo.engines.transport.shipment import Shipment


@dataclass(frozen=True, slots=True)
class Quote:
    """What one service would charge for one shipment, or why it cannot carry it.

    ``cost_eur`` and ``co2e_kg`` are ``nan`` and ``refused`` says why when the service cannot
    carry the shipment at all.
    """

    service_id: str
    carrier: str
    kind: str
    km: float
    cost_eur: float
    lead_time_days: int
    arrives_on: date | None
    co2e_kg: float
    refused: str | None = None

    @property
    def allowed(self) -> bool:
        return self.refused is None

    def on_time(self, needed_by: date | None) -> bool:
        return (
            self.allowed
            and self.arrives_on is not None
            and (needed_by is None or self.arrives_on <= needed_by)
        )


@dataclass(frozen=True, slots=True)
class _Price:
    cost_eur: float
    lead_time_days: int
    load_factor: float | None = None


DAMAGED_LITHIUM_REFUSAL = (
    "does not carry damaged or defective lithium batteries (ADR special provision 376: "
    "packing P908 / LP904, not in ordinary parcel networks)"
)


def refusal(service: Service, shipment: Shipment) -> str | None:
    """Why the service may not carry this shipment's content, whatever the price."""
    if shipment.damaged_lithium and not service.handling.accepts_damaged_lithium:
        return DAMAGED_LITHIUM_REFUSAL
    if shipment.lithium and not service.handling.accepts_lithium:
        return "does not accept lithium batteries (dangerous goods)"
    if shipment.bulky and not service.handling.accepts_bulky:
        return "does not carry bulky items (no two-person delivery)"
    return None


def quote(
    service: Service,
    shipment: Shipment,
    km: float,
    intensities: Mapping[str, Intensity] = DESNZ_2025,
) -> Quote:
    """Price ``shipment`` over ``km`` road kilometres with ``service``.

    Parameters
    ----------
    service
        A parcel, pallet, full-truck or own-fleet service from the rate cards.
    shipment
        What goes, from where to where, and when it is ready.
    km
        Road distance of the leg.
    intensities
        Emission intensity per vehicle type (kg CO2e per tonne-km).

    Returns
    -------
    Quote
        The price, lead time, arrival day and emissions; or a refusal with its reason.
    """
    why = refusal(service, shipment)
    price: _Price | str = why if why is not None else _price(service, shipment, km)
    if isinstance(price, str):
        return Quote(
            service.id, service.carrier, service.kind.value, km, math.nan, 0, None, math.nan, price
        )
    co2 = leg_kg_co2e(shipment.weight_kg, km, intensities[service.vehicle], price.load_factor)
    return Quote(
        service.id,
        service.carrier,
        service.kind.value,
        km,
        price.cost_eur,
        price.lead_time_days,
        shipment.ready_on + timedelta(days=price.lead_time_days),
        co2,
    )


def _price(service: Service, shipment: Shipment, km: float) -> _Price | str:
    if isinstance(service, ParcelService):
        return _parcel(service, shipment)
    if isinstance(service, PalletService):
        return _pallet(service, shipment)
    if isinstance(service, TruckService):
        return _truck(service, shipment, km)
    return _fleet(service, shipment, km)


def _surcharged(base: float, pct: float) -> float:
    return base * (1.0 + pct / 100.0)


def chargeable_kg(weight_kg: float, volume_m3: float, volumetric_kg_per_m3: float) -> float:
    """Carriers charge the larger of the real weight and the volumetric weight."""
    return max(weight_kg, volume_m3 * volumetric_kg_per_m3)


def _parcel(s: ParcelService, shipment: Shipment) -> _Price | str:
    o, d = shipment.origin.country, shipment.destination.country
    zone = find_zone(s.zones, o, d)
    if zone is None:
        return f"does not serve {o} to {d}"
    base = 0.0
    for n, p in enumerate(shipment.parcels, start=1):
        if p.weight_kg > s.max_weight_kg:
            return f"parcel {n} weighs {p.weight_kg:g} kg, over the {s.max_weight_kg:g} kg limit"
        if p.longest_cm > s.max_length_cm:
            return f"parcel {n} is {p.longest_cm:g} cm long, over the {s.max_length_cm:g} cm limit"
        if p.girth_cm > s.max_girth_cm:
            return (
                f"parcel {n} measures {p.girth_cm:g} cm length + girth, over the "
                f"{s.max_girth_cm:g} cm limit"
            )
        charged = chargeable_kg(p.weight_kg, p.volume_m3, s.volumetric_kg_per_m3)
        i = bisect.bisect_left(s.weight_breaks_kg, charged)
        if i == len(s.weight_breaks_kg):
            return (
                f"parcel {n} has a chargeable weight of {charged:g} kg, above the last weight "
                f"break ({s.weight_breaks_kg[-1]:g} kg)"
            )
        base += zone.prices[i]
    return _Price(_surcharged(base, s.fuel_surcharge_pct), zone.lead_time_days)


def pallets_needed(weight_kg: float, volume_m3: float, s: PalletService) -> int:
    """Pallets needed for the parcels: the larger of what the volume and the weight need."""
    return max(1, math.ceil(volume_m3 / s.pallet_volume_m3), math.ceil(weight_kg / s.pallet_max_kg))


def _pallet(s: PalletService, shipment: Shipment) -> _Price | str:
    o, d = shipment.origin.country, shipment.destination.country
    zone = find_zone(s.zones, o, d)
    if zone is None:
        return f"does not serve {o} to {d}"
    n = pallets_needed(shipment.weight_kg, shipment.volume_m3, s)
    if n > s.max_pallets:
        return f"needs {n} pallets, over the {s.max_pallets} pallet limit"
    return _Price(_surcharged(n * zone.prices[0], s.fuel_surcharge_pct), zone.lead_time_days)


def _capacity(s: TruckService | FleetVehicle, shipment: Shipment) -> str | None:
    o, d = shipment.origin.country, shipment.destination.country
    if not serves(s.countries, o, d):
        return f"does not serve {o} to {d}"
    if shipment.weight_kg > s.capacity_kg:
        return f"{shipment.weight_kg:g} kg is over the {s.capacity_kg:g} kg capacity"
    if shipment.volume_m3 > s.capacity_m3:
        return f"{shipment.volume_m3:.2f} m3 is over the {s.capacity_m3:g} m3 capacity"
    return None


def _truck(s: TruckService, shipment: Shipment, km: float) -> _Price | str:
    why = _capacity(s, shipment)
    if why is not None:
        return why
    days = s.booking_days + math.ceil(km / s.km_per_day)
    return _Price(_surcharged(s.fixed_eur + s.per_km_eur * km, s.fuel_surcharge_pct), days)


def fleet_hours_and_days(s: FleetVehicle, km: float) -> tuple[float, int]:
    hours = km / s.speed_kmh + s.handling_hours
    return hours, max(1, math.ceil(hours / s.driving_hours_per_day))


def _fleet(s: FleetVehicle, shipment: Shipment, km: float) -> _Price | str:
    why = _capacity(s, shipment)
    if why is not None:
        return why
    hours, days = fleet_hours_and_days(s, km)
    cost = s.fixed_per_day_eur * days + s.per_km_eur * km + s.per_hour_eur * hours
    # Own vehicles carry only this shipment on the leg: its load factor sets the intensity.
    return _Price(cost, days, load_factor=shipment.weight_kg / s.capacity_kg)
