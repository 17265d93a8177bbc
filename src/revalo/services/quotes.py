"""Quoting a shipment: every service priced for it, the best chosen, nothing booked. The
places are a site's or a customer's code, or a point (country, latitude, longitude)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from revalo.domain.catalog import Customer, Site
from revalo.domain.errors import InvalidValue, NotFound
from revalo.engines.transport.choice import ChoiceParams, ServiceChoice
from revalo.engines.transport.places import Place
from revalo.engines.transport.shipment import Parcel, Shipment
from revalo.services.ports import UnitOfWork
from revalo.services.transport import Transport, choose


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """Where a quoted shipment leaves from or goes to: a site or customer code, or a point."""

    code: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


def resolve_place(uow: UnitOfWork, ref: PlaceRef, field_name: str) -> Place:
    """A site, else a customer, by code; or the point given (country, lat, lon)."""
    if ref.code:
        code = ref.code.strip().upper()
        where: Site | Customer | None = uow.sites.get(code) or uow.customers.get(code)
        if where is None:
            raise NotFound(f"no site or customer with code {ref.code!r}", field=field_name)
        return Place.of(where)
    if ref.country is None or ref.lat is None or ref.lon is None:
        raise InvalidValue(
            "name a site or customer code, or give country, lat and lon", field=field_name
        )
    try:
        return Place(field_name.upper(), ref.country.strip().upper(), ref.lat, ref.lon)
    except InvalidValue as exc:
        raise InvalidValue(exc.message, field=field_name) from exc


def quote_shipment(
    uow: UnitOfWork,
    transport: Transport,
    *,
    origin: PlaceRef,
    destination: PlaceRef,
    parcels: Sequence[Parcel],
    ready_on: date,
    needed_by: date | None = None,
    lithium: bool = False,
    bulky: bool = False,
    co2_eur_per_kg: float | None = None,
    damaged_lithium: bool = False,
) -> ServiceChoice:
    """Price every service for a shipment and choose the best (nothing is booked); with
    ``co2_eur_per_kg``, CO2e is priced at that instead of the carriers file's weight.
    ``damaged_lithium``: it holds a damaged or defective lithium battery (ADR special
    provision 376; implies ``lithium``)."""
    with uow:
        here = resolve_place(uow, origin, "origin")
        there = resolve_place(uow, destination, "destination")
    if not parcels:
        raise InvalidValue("a shipment needs at least one parcel", field="parcels")
    shipment = Shipment(
        here,
        there,
        tuple(parcels),
        ready_on,
        needed_by,
        lithium or damaged_lithium,
        bulky,
        damaged_lithium=damaged_lithium,
    )
    if co2_eur_per_kg is not None:
        weight = ChoiceParams(co2_eur_per_kg, transport.choice.intensities)
        transport = dataclasses.replace(transport, choice=weight)
    return choose(transport, shipment)
