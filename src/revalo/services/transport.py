"""Transport in the use cases: book consignments, share them out over the units they carry,
and answer a unit's journey.

Every time units travel — a customer's return parcel to the hub, a transfer between sites,
a load sent to a recycler or a vendor — the best service is chosen with the transport
model, the consignment is stored, and each unit gets its leg (its share of the kilometres,
cost and CO2e by mass). The leg is also written into the event of the timeline that moved
the unit.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from revalo.domain.catalog import Product, Site
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.journey import (
    Consignment,
    ConsignmentKind,
    JourneyTotals,
    UnitLeg,
    journey_totals,
    share_out,
)
from revalo.domain.people import Permission, User
from revalo.domain.returns import ReturnRequest
from revalo.domain.units import Change, ReturnedUnit
from revalo.domain.values import format_sscc, utcnow
from revalo.engines.transport.carriers import RateCards
from revalo.engines.transport.choice import (
    ChoiceParams,
    ChoiceStatus,
    ServiceChoice,
    choose_service,
)
from revalo.engines.transport.distances import (
    CachedDistances,
    DistanceProvider,
    GreatCircleDistances,
)
from revalo.engines.transport.leg_prices import QuotedLegs
from revalo.engines.transport.places import Place
from revalo.engines.transport.rate_cards import load_transport_config
from revalo.engines.transport.shipment import Parcel, Shipment
from revalo.services.common import found, get_unit, record
from revalo.services.guard import reads
from revalo.services.ports import LegTotals, UnitOfWork
from revalo.services.scoping import ensure_sees_unit

#: GS1 prefix 952 is set aside by GS1 for demonstrations and examples: SSCCs built on it are
#: well-formed but belong to no company. Set your own GS1 company prefix in production.
DEMO_COMPANY_PREFIX = "9521234"


@dataclass(frozen=True)
class Transport:
    """What the services need to book transport: rate cards, road distances, how to choose,
    and the GS1 company prefix the SSCCs of return labels are built on."""

    cards: RateCards
    distances: DistanceProvider
    choice: ChoiceParams = field(default_factory=ChoiceParams)
    company_prefix: str = DEMO_COMPANY_PREFIX

    @functools.cached_property
    def legs(self) -> QuotedLegs:
        """Carrier quotes as the disposition engine's transport costs, cached for as long
        as the application runs (a quote's price does not depend on the day)."""
        return QuotedLegs(self.cards, self.distances, self.choice, ready_on=utcnow().date())


@functools.cache
def default_transport() -> Transport:
    """The shipped carriers file with great-circle x circuity distances (cached)."""
    config = load_transport_config()
    return Transport(
        config.rate_cards, CachedDistances(GreatCircleDistances(config.circuity)), config.choice
    )


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to carry: a unit (or an expected one) with its product's mass and flags."""

    weight_kg: float
    volume_m3: float
    lithium: bool = False
    bulky: bool = False
    #: Its lithium battery was found damaged or defective (ADR special provision 376).
    damaged_lithium: bool = False

    @classmethod
    def of(cls, product: Product) -> Item:
        return cls(product.weight_kg, product.volume_m3, product.lithium_battery, product.bulky)


#: A unit of unknown product (quarantined, unidentified) is carried as a small parcel.
UNKNOWN_ITEM = Item(weight_kg=2.0, volume_m3=0.01)


def parcel_of(item: Item) -> Parcel:
    return Parcel.cube(item.weight_kg, item.volume_m3)


def shipment_of(
    items: Sequence[Item],
    origin: Place,
    destination: Place,
    ready_on: date,
    needed_by: date | None = None,
) -> Shipment:
    if not items:
        raise InvalidValue("nothing to ship", field="lpns")
    return Shipment(
        origin=origin,
        destination=destination,
        parcels=tuple(parcel_of(i) for i in items),
        ready_on=ready_on,
        needed_by=needed_by,
        lithium=any(i.lithium for i in items),
        bulky=any(i.bulky for i in items),
        damaged_lithium=any(i.damaged_lithium for i in items),
    )


def choose(transport: Transport, shipment: Shipment) -> ServiceChoice:
    """Every service priced for ``shipment``, best first, with the reason for the choice."""
    return choose_service(shipment, transport.cards, transport.distances, transport.choice)


def book(
    uow: UnitOfWork,
    transport: Transport,
    *,
    kind: ConsignmentKind,
    origin: Place,
    destination: Site,
    items: Sequence[Item],
    at: datetime,
    rma_number: str | None = None,
    service_id: str | None = None,
    reason: str | None = None,
) -> Consignment:
    """Choose the best service for ``items`` (or book ``service_id``, chosen beforehand, for
    the ``reason`` given) and store the consignment (no legs yet)."""
    choice = choose(transport, shipment_of(items, origin, Place.of(destination), at.date()))
    if service_id is not None:
        q = next((q for q in choice.quotes if q.service_id == service_id and q.allowed), None)
        if q is None:
            raise NotAllowed(f"{origin.code} to {destination.code}: {service_id} cannot take it")
    elif choice.status is ChoiceStatus.NO_SERVICE or choice.chosen is None:
        raise NotAllowed(f"{origin.code} to {destination.code}: {choice.reason}")
    else:
        q = choice.chosen
    n = uow.sequences.next("consignment")
    consignment = Consignment(
        id=n,
        kind=kind,
        origin=origin.code,
        destination=destination.code,
        service_id=q.service_id,
        carrier=q.carrier,
        vehicle=transport.cards.get(q.service_id).vehicle,
        km=round(q.km, 1),
        cost=Decimal(str(round(q.cost_eur, 2))),
        co2e_g=round(q.co2e_kg * 1000),
        weight_kg=round(sum(i.weight_kg for i in items), 3),
        lead_time_days=q.lead_time_days,
        booked_at=at,
        reason=reason or choice.reason,
        rma_number=rma_number,
        # Every logistic unit shipped carries its SSCC label (a parcel, a pallet).
        sscc=format_sscc(0, transport.company_prefix, n),
        units=len(items),
    )
    uow.consignments.add(consignment)
    return consignment


def leg_detail(leg: UnitLeg, consignment: Consignment) -> dict[str, Any]:
    """What the timeline shows of a leg."""
    return {
        "consignment": consignment.reference,
        "service": consignment.service_id,
        "carrier": consignment.carrier,
        "km": leg.km,
        "cost_eur": str(leg.cost),
        "co2e_kg": leg.co2e_g / 1000.0,
    }


def add_leg(uow: UnitOfWork, leg: UnitLeg, consignment: Consignment, change: Change) -> None:
    """Store ``leg`` and show it on the event of ``change`` (the step that moved the unit)."""
    uow.legs.add(leg)
    change.event.detail = {**change.event.detail, "transport": leg_detail(leg, consignment)}


def item_of(uow: UnitOfWork, unit: ReturnedUnit) -> Item:
    """What carrying ``unit`` takes: its product's mass and flags, and whether its lithium
    battery was found hazardous (swollen, leaking, overheated) at its last inspection."""
    product = uow.products.get(unit.sku) if unit.sku else None
    if product is None:
        return UNKNOWN_ITEM
    item = Item.of(product)
    if product.lithium_battery:
        inspection = uow.inspections.latest(unit.id)
        if inspection is not None and inspection.hazardous:
            item = replace(item, damaged_lithium=True)
    return item


# -- customer's return parcel ------------------------------------------------------------
def _expected_items(uow: UnitOfWork, rma: ReturnRequest) -> list[Item]:
    """Every unit the return's parcel holds, line by line, in line order."""
    items = []
    for line in rma.lines:
        product = found(uow.products.get(line.sku), f"no product {line.sku!r}", "sku")
        items.extend([Item.of(product)] * line.quantity)
    return items


def return_consignment(
    uow: UnitOfWork,
    transport: Transport,
    rma: ReturnRequest,
    at: datetime,
    *,
    received_at: Site | None = None,
    items: Sequence[Item] | None = None,
    service_id: str | None = None,
    reason: str | None = None,
) -> Consignment:
    """The consignment of a customer's return parcel: booked once, when its label is first
    issued or, at the latest, when its first unit is received (at ``received_at``).
    ``items``: what the parcel holds, when the caller has it already; ``service_id`` and
    ``reason``: the service chosen beforehand (a collection plan's carrier) and why."""
    existing = uow.consignments.for_rma(rma.number)
    if existing is not None:
        return existing
    customer = found(
        uow.customers.get(rma.customer_code), f"no customer {rma.customer_code!r}", "customer"
    )
    if received_at is not None:
        hub = received_at
    elif rma.destination_site is None:
        raise NotAllowed(f"return {rma.number} has no destination hub yet: authorise it first")
    else:
        hub = found(
            uow.sites.get(rma.destination_site), f"no site {rma.destination_site!r}", "site_code"
        )
    return book(
        uow,
        transport,
        kind=ConsignmentKind.RETURN,
        origin=Place.of(customer),
        destination=hub,
        items=items if items is not None else _expected_items(uow, rma),
        at=at,
        rma_number=rma.number,
        service_id=service_id,
        reason=reason,
    )


def inbound_leg(
    uow: UnitOfWork,
    transport: Transport,
    rma: ReturnRequest,
    unit: ReturnedUnit,
    change: Change,
) -> None:
    """The unit's share of its return parcel, recorded when it is received.

    Shares are computed over every unit the parcel was booked for, so that the shares of
    the units received add back to the consignment's totals once all have arrived.
    """
    site = found(uow.sites.get(unit.site_code), f"no site {unit.site_code!r}", "site_code")
    items = _expected_items(uow, rma)
    consignment = return_consignment(
        uow, transport, rma, change.event.occurred_at, received_at=site, items=items
    )
    slot = 0
    for line in rma.lines:
        if line.line_no == unit.rma_line_no:
            slot += max(line.received_quantity - 1, 0)
            break
        slot += line.quantity
    slot = min(slot, len(items) - 1)
    masses = [i.weight_kg for i in items]
    # The shares of the whole parcel, of which this unit takes the one of its slot.
    shares = share_out(consignment, [unit.id] * len(items), masses, change.event.occurred_at)
    leg = shares[slot]
    add_leg(uow, leg, consignment, change)


# -- between sites and out ------------------------------------------------------------------
def ship_together(
    uow: UnitOfWork,
    transport: Transport,
    units: Sequence[ReturnedUnit],
    step: Callable[[ReturnedUnit, str], Change],
    *,
    kind: ConsignmentKind,
    origin: Site,
    destination: Site,
    at: datetime,
) -> Consignment:
    """Book one consignment for ``units``, apply ``step`` (unit, consignment reference) to
    each, store the changes, and give each unit its leg on its change's event."""
    items = [item_of(uow, u) for u in units]
    consignment = book(
        uow,
        transport,
        kind=kind,
        origin=Place.of(origin),
        destination=destination,
        items=items,
        at=at,
    )
    changes = [step(u, consignment.reference) for u in units]
    legs = share_out(consignment, [u.id for u in units], [i.weight_kg for i in items], at)
    for leg, change in zip(legs, changes, strict=True):
        add_leg(uow, leg, consignment, change)
    record(uow, *changes)
    return consignment


# -- the journey ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class JourneyLeg:
    leg: UnitLeg
    consignment: Consignment


@dataclass(frozen=True, slots=True)
class Journey:
    lpn: str
    legs: tuple[JourneyLeg, ...]
    totals: JourneyTotals


@reads(Permission.VIEW_UNITS)
def unit_journey(uow: UnitOfWork, lpn: str, *, by: User) -> Journey:
    """Every leg a unit travelled, with the consignment that carried it, and the totals."""
    with uow:
        unit = get_unit(uow, lpn)
        ensure_sees_unit(by, unit, Permission.VIEW_UNITS)
        legs = uow.legs.for_unit(unit.id)
        rows = []
        for leg in legs:
            consignment = uow.consignments.get(leg.consignment_id)
            assert consignment is not None  # a foreign key
            rows.append(JourneyLeg(leg, consignment))
        return Journey(unit.lpn, tuple(rows), journey_totals(legs))


def transport_totals(uow: UnitOfWork) -> LegTotals:
    """Every journey so far: units that travelled, legs, km, cost and CO2e, and the
    consignments booked by kind."""
    with uow:
        return uow.legs.totals()
