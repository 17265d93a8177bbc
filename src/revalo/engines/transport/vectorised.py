"""Quote many (shipment, service) pairs at once with NumPy.

Covers shipments of ``n`` identical parcels (n x the same box: the usual case when scoring
where units should go); shipments of mixed parcels go through ``pricing.quote``. The figures
are the same as ``pricing.quote`` gives, to floating-point rounding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from revalo.engines.transport.carriers import ServiceKind
from revalo.engines.transport.quote_table import KIND_CODES, Bools, Floats, Ints, QuoteTable
from revalo.engines.transport.shipment import Shipment

PARCEL, PALLET, TRUCK, FLEET = (KIND_CODES[k] for k in ServiceKind)


@dataclass(frozen=True, slots=True)
class ShipmentBatch:
    """Shipments as columns: one row per shipment (or per pair, after ``take``)."""

    origin: Ints  # index into QuoteTable.countries
    destination: Ints
    n_parcels: Ints
    parcel_kg: Floats
    parcel_m3: Floats
    longest_cm: Floats
    girth_cm: Floats
    km: Floats
    lithium: Bools
    bulky: Bools
    damaged_lithium: Bools

    def __len__(self) -> int:
        return len(self.origin)

    def take(self, rows: Ints) -> ShipmentBatch:
        """The rows named (repeats allowed): one row per pair."""
        return ShipmentBatch(*(getattr(self, f)[rows] for f in self.__slots__))

    @classmethod
    def from_shipments(
        cls, shipments: Sequence[Shipment], km: Sequence[float], table: QuoteTable
    ) -> ShipmentBatch:
        for n, s in enumerate(shipments):
            if any(p != s.parcels[0] for p in s.parcels):
                raise ValueError(f"shipment {n} mixes parcels: quote it with pricing.quote")
        first = [s.parcels[0] for s in shipments]
        return cls(
            origin=np.array([table.country_index(s.origin.country) for s in shipments], np.int64),
            destination=np.array(
                [table.country_index(s.destination.country) for s in shipments], np.int64
            ),
            n_parcels=np.array([len(s.parcels) for s in shipments], np.int64),
            parcel_kg=np.array([p.weight_kg for p in first]),
            parcel_m3=np.array([p.volume_m3 for p in first]),
            longest_cm=np.array([p.longest_cm for p in first]),
            girth_cm=np.array([p.girth_cm for p in first]),
            km=np.asarray(km, dtype=float),
            lithium=np.array([s.lithium for s in shipments], bool),
            bulky=np.array([s.bulky for s in shipments], bool),
            damaged_lithium=np.array([s.damaged_lithium for s in shipments], bool),
        )


@dataclass(frozen=True, slots=True)
class QuoteArrays:
    """Per pair: cost (EUR, nan if refused), lead time (days, -1 if refused), kg CO2e, allowed."""

    cost_eur: Floats
    lead_time_days: Ints
    co2e_kg: Floats
    allowed: Bools


def quote_pairs(table: QuoteTable, batch: ShipmentBatch, service: Ints) -> QuoteArrays:
    """Quote pair ``i``: shipment row ``i`` of ``batch`` with service ``service[i]``.

    Parameters
    ----------
    table
        Rate cards compiled with ``QuoteTable.compile``.
    batch
        One row per pair (``batch.take(shipment_index)`` turns shipments into pairs).
    service
        Service index (into ``table.service_ids``) of each pair.

    Returns
    -------
    QuoteArrays
        Cost, lead time, emissions and whether the service may carry the shipment.
    """
    n = len(batch)
    kind = table.kind[service]
    cost = np.full(n, np.nan)
    lead = np.full(n, -1, dtype=np.int64)
    ok = ~(batch.lithium & ~table.accepts_lithium[service])
    ok &= ~(batch.bulky & ~table.accepts_bulky[service])
    ok &= ~(batch.damaged_lithium & ~table.accepts_damaged_lithium[service])
    total_kg = batch.n_parcels * batch.parcel_kg
    total_m3 = batch.n_parcels * batch.parcel_m3
    load = np.full(n, np.nan)

    rows = np.flatnonzero(kind == PARCEL)
    if rows.size:
        s = service[rows]
        z = table.zone[s, batch.origin[rows], batch.destination[rows]]
        kg = batch.parcel_kg[rows]
        charged = np.maximum(kg, batch.parcel_m3[rows] * table.volumetric[s])
        brk = (table.breaks[s] < charged[:, None]).sum(axis=1)
        fits = (z >= 0) & (kg <= table.max_weight[s]) & (brk < table.n_breaks[s])
        fits &= (batch.longest_cm[rows] <= table.max_length[s]) & (
            batch.girth_cm[rows] <= table.max_girth[s]
        )
        zc, bc = np.maximum(z, 0), np.minimum(brk, table.zone_prices.shape[2] - 1)
        cost[rows] = batch.n_parcels[rows] * table.zone_prices[s, zc, bc] * table.fuel_factor[s]
        lead[rows] = table.zone_lead[s, zc]
        ok[rows] &= fits

    rows = np.flatnonzero(kind == PALLET)
    if rows.size:
        s = service[rows]
        z = table.zone[s, batch.origin[rows], batch.destination[rows]]
        pallets = np.maximum(
            np.ceil(total_m3[rows] / table.pallet_volume[s]),
            np.ceil(total_kg[rows] / table.pallet_max_kg[s]),
        )
        pallets = np.maximum(pallets, 1.0)
        zc = np.maximum(z, 0)
        cost[rows] = pallets * table.zone_prices[s, zc, 0] * table.fuel_factor[s]
        lead[rows] = table.zone_lead[s, zc]
        ok[rows] &= (z >= 0) & (pallets <= table.max_pallets[s])

    road = np.flatnonzero((kind == TRUCK) | (kind == FLEET))
    if road.size:
        s = service[road]
        ok[road] &= table.served[s, batch.origin[road], batch.destination[road]]
        ok[road] &= (total_kg[road] <= table.capacity_kg[s]) & (
            total_m3[road] <= table.capacity_m3[s]
        )

    rows = np.flatnonzero(kind == TRUCK)
    if rows.size:
        s, km = service[rows], batch.km[rows]
        cost[rows] = (table.fixed[s] + table.per_km[s] * km) * table.fuel_factor[s]
        lead[rows] = table.booking_days[s] + np.ceil(km / table.km_per_day[s]).astype(np.int64)

    rows = np.flatnonzero(kind == FLEET)
    if rows.size:
        s, km = service[rows], batch.km[rows]
        hours = km / table.speed[s] + table.handling_hours[s]
        days = np.maximum(1.0, np.ceil(hours / table.hours_per_day[s]))
        cost[rows] = table.per_day[s] * days + table.per_km[s] * km + table.per_hour[s] * hours
        lead[rows] = days.astype(np.int64)
        load[rows] = total_kg[rows] / table.capacity_kg[s]

    intensity = table.intensity[service]
    for index, points in table.load_intensities:
        mine = np.flatnonzero(service == index)
        intensity[mine] = np.interp(load[mine], points.load_factors, points.at_load)
    co2 = total_kg / 1000.0 * batch.km * intensity
    return QuoteArrays(
        cost_eur=np.where(ok, cost, np.nan),
        lead_time_days=np.where(ok, lead, -1),
        co2e_kg=np.where(ok, co2, np.nan),
        allowed=ok,
    )
