"""The day's pickups of a region, as the collection planner sees them, and the fleet of
its hubs.

A pickup is an authorised return, not yet booked with a carrier, that needs a vehicle: the
customer is a business (off-lease equipment) or a line's product is bulky (a sofa, a washing
machine). The returns hubs of the region are the depots; each sends out its fleet (see
``config/collection.toml``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from revalo.domain.catalog import Customer, CustomerKind, Site, SiteKind, check_country
from revalo.domain.errors import InvalidValue, NotAllowed, NotFound
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.domain.values import GeoPoint
from revalo.engines.collection.config import CollectionConfig, load_collection_config
from revalo.engines.collection.problem import FleetType, Hub, Pickup
from revalo.engines.disposition.params import DispositionParams, load_params
from revalo.engines.disposition.value import daily_value_loss
from revalo.engines.transport.carriers import FleetVehicle, ServiceKind
from revalo.engines.transport.places import Place
from revalo.services.hubs import nearest_hub
from revalo.services.ports import ReturnFilter, UnitOfWork
from revalo.services.transport import Item, Transport, choose, default_transport, shipment_of

_PAGE = 500


# -- the region ------------------------------------------------------------------------------
def parse_region(region: str) -> tuple[str, ...]:
    """``"fr, BE"`` -> ``("BE", "FR")``: the ISO country codes of a region, sorted."""
    codes = sorted({c.strip().upper() for c in region.split(",") if c.strip()})
    if not codes:
        raise InvalidValue(
            "name the region's countries as ISO codes, e.g. FR or FR,BE", field="region"
        )
    for code in codes:
        try:
            check_country(code)
        except InvalidValue as exc:
            raise InvalidValue(f"region {region!r}: {exc.message}", field="region") from None
    return tuple(codes)


def region_hubs(uow: UnitOfWork, countries: Sequence[str]) -> list[Site]:
    hubs = [h for h in uow.sites.list(kind=SiteKind.RETURNS_HUB) if h.country in countries]
    if not hubs:
        raise NotFound(
            f"no returns hub in {','.join(countries)}: the hubs of the region are the "
            "depots of its collections",
            field="region",
        )
    return sorted(hubs, key=lambda h: h.code)


def next_collection_day(today: date, config: CollectionConfig | None = None) -> date:
    """The day to plan next: the hubs' first working day after ``today`` (the collection
    file's ``working_days``). Every pickup waiting can be collected from that day on."""
    return (config or load_collection_config()).next_working_day(today)


# -- pickups ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PendingPickup:
    """A return waiting to be collected, as the planner sees it, and what a carrier would
    charge to take it alone (``ship_service`` None: no carrier service can)."""

    pickup: Pickup
    rma_number: str
    customer: str
    hub: str
    ship_service: str | None


def pending_pickups(
    uow: UnitOfWork,
    region: str,
    day: date,
    *,
    transport: Transport | None = None,
    config: CollectionConfig | None = None,
) -> list[PendingPickup]:
    """The returns of ``region``'s customers that wait for a collection on ``day``.

    Parameters
    ----------
    uow
        Unit of work (its read-only one is opened and closed here).
    region
        ISO country codes, ``"FR"`` or ``"FR,BE"``.
    day
        The plan day (the due dates and the carriers' quotes are counted from it).
    transport
        Rate cards and distances for the carrier quotes (default: the shipped ones).
    config
        The collection file (default: the shipped ``collection.toml``).
    """
    countries = parse_region(region)
    with uow.read_only() as reading:
        hubs = region_hubs(reading, countries)
        return pending_in(
            reading,
            countries,
            hubs,
            day,
            transport or default_transport(),
            config or load_collection_config(),
            load_params(),
        )


def pending_in(
    uow: UnitOfWork,
    countries: Sequence[str],
    hubs: Sequence[Site],
    day: date,
    transport: Transport,
    config: CollectionConfig,
    dp: DispositionParams,
) -> list[PendingPickup]:
    out = []
    for country in countries:
        for rma in _authorised(uow, country):
            if uow.consignments.for_rma(rma.number) is not None:
                continue  # a label was issued: a carrier takes it
            customer = uow.customers.get(rma.customer_code)
            if customer is None:
                continue
            pending = _pending_pickup(uow, rma, customer, hubs, day, transport, config, dp)
            if pending is not None:
                out.append(pending)
    return out


def _authorised(uow: UnitOfWork, country: str) -> list[ReturnRequest]:
    flt = ReturnFilter(state=ReturnState.AUTHORISED, country=country)
    found_: list[ReturnRequest] = []
    offset = 0
    while True:
        page = uow.returns.list(flt, limit=_PAGE, offset=offset)
        found_.extend(page.items)
        offset += _PAGE
        if offset >= page.total:
            return sorted(found_, key=lambda r: r.number)


def _pending_pickup(
    uow: UnitOfWork,
    rma: ReturnRequest,
    customer: Customer,
    hubs: Sequence[Site],
    day: date,
    transport: Transport,
    config: CollectionConfig,
    dp: DispositionParams,
) -> PendingPickup | None:
    items: list[Item] = []
    loss = 0.0
    for line in rma.lines:
        product = uow.products.get(line.sku)
        if product is None:
            return None
        items.extend([Item.of(product)] * line.quantity)
        # A day's decay of the category, as the consolidation of trips counts it
        # (config/disposition.toml, after Blackburn et al. 2004); no route is decided before
        # the unit is received.
        loss += daily_value_loss(dp, product.category, float(product.new_price) * line.quantity)
    if customer.kind is not CustomerKind.BUSINESS and not any(i.bulky for i in items):
        return None  # a parcel the customer drops off: no collection
    decided = rma.decided_at or rma.requested_at
    visit = config.visit(customer.kind.value)
    place = Place.of(customer)
    hub = next((h for h in hubs if h.code == rma.destination_site), None) or nearest_hub(
        list(hubs), GeoPoint(customer.lat, customer.lon), customer.country
    )
    quote, service = _carrier_quote(transport, items, place, hub, day)
    pickup = Pickup(
        id=rma.number,
        place=place,
        kg=round(sum(i.weight_kg for i in items), 3),
        m3=round(sum(i.volume_m3 for i in items), 4),
        due_on=decided.date() + timedelta(days=config.due_days),
        daily_value_loss_eur=round(loss, 4),
        units=len(items),
        earliest_min=visit.earliest_min,
        latest_min=visit.latest_min,
        service_min=visit.service_min,
        bulky=any(i.bulky for i in items),
        lithium=any(i.lithium for i in items),
        ship_quote_eur=quote,
    )
    return PendingPickup(pickup, rma.number, customer.code, hub.code, service)


def _carrier_quote(
    transport: Transport, items: Sequence[Item], place: Place, hub: Site, day: date
) -> tuple[float | None, str | None]:
    """The best carrier service for the return shipped alone to the hub (the company's own
    fleet is what collecting means, so it is not a carrier here)."""
    choice = choose(transport, shipment_of(items, place, Place.of(hub), day))
    for q in choice.quotes:
        if q.allowed and q.kind != ServiceKind.FLEET.value:
            return round(q.cost_eur, 2), q.service_id
    return None, None


# -- the fleet -------------------------------------------------------------------------------
def fleet_of(
    transport: Transport, config: CollectionConfig, hubs: Sequence[Site]
) -> tuple[list[Hub], list[FleetType]]:
    depots, fleet = [], []
    for site in hubs:
        rules = config.hub(site.code)
        depots.append(Hub(site.code, Place.of(site), rules.opens_min, rules.closes_min))
        for entry in rules.fleet:
            vehicle = _fleet_vehicle(transport, config, site.code, entry.vehicle)
            if "*" not in vehicle.countries and site.country not in vehicle.countries:
                if rules.overridden:
                    raise InvalidValue(
                        f"{config.name}: hubs.{site.code}.fleet: {vehicle.id} does not drive in "
                        f"{site.country}, the country of {site.code}",
                        field="fleet",
                    )
                continue  # the default fleet: only the vehicles that drive there
            reload = (site.code,) if rules.reload else ()
            fleet.append(
                FleetType(vehicle, entry.count, site.code, None, rules.shift_hours, reload)
            )
    if not fleet:
        codes = ", ".join(h.code for h in hubs)
        raise NotAllowed(
            f"no vehicle of {config.name} is based at {codes}: give these hubs a fleet",
            field="region",
        )
    return depots, fleet


def _fleet_vehicle(
    transport: Transport, config: CollectionConfig, hub: str, vehicle_id: str
) -> FleetVehicle:
    try:
        service = transport.cards.get(vehicle_id)
    except KeyError:
        service = None
    if not isinstance(service, FleetVehicle):
        known = [s.id for s in transport.cards.services if isinstance(s, FleetVehicle)]
        raise InvalidValue(
            f"{config.name}: fleet of {hub}: {vehicle_id!r} is not a [[fleet]] vehicle of the "
            f"carriers file (known: {', '.join(known) or 'none'})",
            field="fleet",
        )
    return service


# -- still to collect ------------------------------------------------------------------------
def collectable(
    uow: UnitOfWork, numbers: Iterable[str]
) -> tuple[dict[str, ReturnRequest], list[str]]:
    """The returns ``numbers`` that still wait for a collection (authorised, not booked),
    and what changed for each of the others."""
    out, stale = {}, []
    for number in numbers:
        rma = uow.returns.get(number, lock=True)
        if rma is None:
            stale.append(f"{number} no longer exists")
            continue
        if rma.state is not ReturnState.AUTHORISED:
            stale.append(f"{number} is {rma.state.value}")
            continue
        existing = uow.consignments.for_rma(number)
        if existing is not None:
            stale.append(f"{number} is booked already ({existing.reference})")
            continue
        out[number] = rma
    return out, stale
