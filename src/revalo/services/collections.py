"""Collection planning in the use cases: the day's pickups of a region, the plan, its commit.

A pickup is an authorised return, not yet booked with a carrier, that needs a vehicle: the
customer is a business (off-lease equipment) or a line's product is bulky (a sofa, a washing
machine). The returns hubs of the region are the depots; each sends out its fleet (see
``config/collection.toml``). The plan is stored with everything it was made from, so that
it can be shown, drawn and committed later. Committing books one consignment per collected
return with the fleet vehicle as its service, carrying the return's share of its route's
km, cost and CO2e; each unit then gets its part of that when it is received.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from revalo.domain.catalog import Customer, CustomerKind, Site, SiteKind, check_country
from revalo.domain.collection_plan import CollectionPlanRecord
from revalo.domain.errors import InvalidValue, NotAllowed, NotFound
from revalo.domain.journey import Consignment, ConsignmentKind, allocate_by_mass
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.domain.values import GeoPoint, format_sscc
from revalo.engines.collection.config import CollectionConfig, hhmm, load_collection_config
from revalo.engines.collection.document import (
    plan_document,
    plan_from_document,
    problem_from_document,
)
from revalo.engines.collection.problem import (
    CollectionParams,
    CollectionProblem,
    FleetType,
    Hub,
    Pickup,
)
from revalo.engines.collection.result import (
    CollectionPlan,
    PickupShare,
    PlannedRoute,
    PlanStatus,
    Stop,
    StopKind,
)
from revalo.engines.collection.solve import solve_collection
from revalo.engines.collection.svg import plan_svg
from revalo.engines.disposition.params import DispositionParams, load_params
from revalo.engines.disposition.value import daily_value_loss
from revalo.engines.transport.carriers import FleetVehicle, ServiceKind
from revalo.engines.transport.places import Place
from revalo.services.common import found, when
from revalo.services.ports import ReturnFilter, UnitOfWork
from revalo.services.retry import retried
from revalo.services.returns import nearest_hub
from revalo.services.transport import Item, Transport, choose, default_transport, shipment_of

#: Longest search a request may ask for, in seconds.
MAX_SECONDS = 600.0
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


def _region_hubs(uow: UnitOfWork, countries: Sequence[str]) -> list[Site]:
    hubs = [h for h in uow.sites.list(kind=SiteKind.RETURNS_HUB) if h.country in countries]
    if not hubs:
        raise NotFound(
            f"no returns hub in {','.join(countries)}: the hubs of the region are the "
            "depots of its collections",
            field="region",
        )
    return sorted(hubs, key=lambda h: h.code)


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
        Unit of work (opened and closed here).
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
    with uow:
        hubs = _region_hubs(uow, countries)
        return _pending(
            uow,
            countries,
            hubs,
            day,
            transport or default_transport(),
            config or load_collection_config(),
            load_params(),
        )


def _pending(
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
def _fleet(
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


# -- planning --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredPlan:
    """A stored plan, with the problem it answers and what the services add to it:
    each collected return's share of its route's cost, and who and which carrier
    service each pickup is about."""

    record: CollectionPlanRecord
    problem: CollectionProblem
    plan: CollectionPlan
    cost_shares: Mapping[str, float]
    customers: Mapping[str, str]
    ship_services: Mapping[str, str | None]

    @property
    def shares(self) -> dict[str, PickupShare]:
        return {s.pickup_id: s for s in self.plan.shares}

    def pickup(self, pickup_id: str) -> Pickup:
        return next(p for p in self.problem.pickups if p.id == pickup_id)


def plan_collections(
    uow: UnitOfWork,
    transport: Transport,
    *,
    day: date,
    region: str,
    seconds: float = 10.0,
    seed: int = 0,
    config: CollectionConfig | None = None,
    max_iterations: int | None = None,
    at: datetime | None = None,
) -> StoredPlan:
    """Plan ``day``'s collections in ``region`` and store the plan (nothing is booked).

    Parameters
    ----------
    uow
        Unit of work (opened and committed here).
    transport
        Rate cards (the fleet vehicles, the carriers' quotes) and road distances.
    day
        The plan day.
    region
        ISO country codes: ``"FR"`` or ``"FR,BE"``.
    seconds
        Time limit of the search (over 0, at most 600).
    seed
        Seed of the search.
    config
        The collection file (default: the shipped ``collection.toml``).
    max_iterations
        Optional iteration limit: with it, the same seed gives the same plan.
    at
        When the plan is made (default: now).

    Returns
    -------
    StoredPlan
        The stored record with the plan, the problem and the cost of each collection.
        A pickup past due that no vehicle can collect does not stop the others: it is
        left for a carrier and the plan's messages say so.
    """
    countries = parse_region(region)
    if not 0 < seconds <= MAX_SECONDS:
        raise InvalidValue(
            f"seconds = {seconds} must be over 0 and at most {MAX_SECONDS:g}", field="seconds"
        )
    if seed < 0:
        raise InvalidValue(f"seed = {seed} must not be negative", field="seed")
    cfg = config or load_collection_config()
    params = CollectionParams(
        seconds=seconds, max_iterations=max_iterations, overdue_eur_per_day=cfg.overdue_eur_per_day
    )
    dp = load_params()
    with uow:
        hubs = _region_hubs(uow, countries)
        depots, fleet = _fleet(transport, cfg, hubs)
        pending = _pending(uow, countries, hubs, day, transport, cfg, dp)
        problem = CollectionProblem(
            day, tuple(depots), tuple(p.pickup for p in pending), tuple(fleet)
        )
        problem, plan, notes = _solve(problem, params, seed, transport)
        cost_shares = _cost_shares(plan, problem)
        about = {
            p.rma_number: {"customer": p.customer, "ship_service": p.ship_service} for p in pending
        }
        detail = plan_document(problem, plan, params, about, cost_shares, notes)
        record = CollectionPlanRecord(
            id=uow.sequences.next("collection_plan"),
            day=day,
            region=",".join(countries),
            created_at=when(at),
            seed=seed,
            seconds=seconds,
            km=round(plan.km, 1),
            cost=Decimal(str(round(plan.cost_eur, 2))),
            co2e_g=round(plan.co2e_kg * 1000),
            collected=len(plan.collected),
            deferred=len(plan.deferred),
            detail=detail,
        )
        uow.collection_plans.add(record)
        uow.commit()
    return _stored(record)


def _solve(
    problem: CollectionProblem, params: CollectionParams, seed: int, transport: Transport
) -> tuple[CollectionProblem, CollectionPlan, list[str]]:
    """Solve; the pickups past due must be collected, unless that cannot be done:

    - those no vehicle can collect at all are left for a carrier (they would otherwise
      make the whole day infeasible), and the others are planned;
    - when the search finds no plan collecting every pickup past due (more than the fleet
      can do in a day, or windows too tight), it searches again with all of them optional:
      each is then collected when that costs less than a day of waiting, overdue penalty
      included. The search may then take twice its time limit.
    """
    notes: list[str] = []
    plan = solve_collection(problem, params, seed=seed, distances=transport.distances)
    if plan.status is PlanStatus.INFEASIBLE:
        stuck = set(plan.unreachable)
        if not stuck:
            return problem, plan, notes
        problem = _optional(problem, stuck)
        notes.extend(f"{m}: it is left for a carrier" for m in plan.messages)
        plan = solve_collection(problem, params, seed=seed, distances=transport.distances)
    if plan.status is PlanStatus.NO_SOLUTION:
        late = {p.id for p in problem.pickups if problem.is_required(p)}
        notes.append(
            f"no plan collecting all {len(late)} pickups past due was found in "
            f"{params.seconds:g} s (more than the fleet can do in a day, or windows too "
            "tight): this plan collects those worth collecting today, the others wait"
        )
        problem = _optional(problem, late)
        plan = solve_collection(problem, params, seed=seed, distances=transport.distances)
    return problem, plan, notes


def _optional(problem: CollectionProblem, ids: set[str]) -> CollectionProblem:
    """``problem`` with the pickups ``ids`` due today: optional, with the overdue penalty."""
    return CollectionProblem(
        problem.day,
        problem.hubs,
        tuple(_due_today(p, problem.day) if p.id in ids else p for p in problem.pickups),
        problem.fleet,
    )


def _due_today(p: Pickup, day: date) -> Pickup:
    fields = {f: getattr(p, f) for f in Pickup.__dataclass_fields__}
    return Pickup(**{**fields, "due_on": day})


def _cost_shares(plan: CollectionPlan, problem: CollectionProblem) -> dict[str, float]:
    """Each route's cost shared among its pickups by mass, to the cent (like the engine
    shares km and CO2e, and like a consignment is shared among its units)."""
    kg = {p.id: p.kg + p.delivery_kg for p in problem.pickups}
    out: dict[str, float] = {}
    for route in plan.routes:
        ids = route.pickup_ids
        cents = allocate_by_mass(round(route.cost_eur * 100), [kg[i] for i in ids])
        out.update({i: c / 100 for i, c in zip(ids, cents, strict=True)})
    return out


# -- reading a stored plan -------------------------------------------------------------------
def get_plan(uow: UnitOfWork, plan_id: int) -> StoredPlan:
    """The stored plan ``plan_id`` with its routes, deferred pickups and comparisons."""
    with uow:
        return _stored(_load(uow, plan_id))


def recent_plans(uow: UnitOfWork, limit: int = 20) -> list[CollectionPlanRecord]:
    """The last plans made, newest first."""
    with uow:
        return list(uow.collection_plans.recent(limit))


def plan_picture(uow: UnitOfWork, plan_id: int) -> str:
    """The plan drawn on the map (hubs, routes in colour, deferred pickups in grey) as a
    standalone SVG document."""
    stored = get_plan(uow, plan_id)
    return plan_svg(stored.plan, stored.problem)


def _load(uow: UnitOfWork, plan_id: int, *, lock: bool = False) -> CollectionPlanRecord:
    return found(
        uow.collection_plans.get(plan_id, lock=lock),
        f"no collection plan {plan_id}",
        field="plan_id",
    )


def _stored(record: CollectionPlanRecord) -> StoredPlan:
    d = record.detail
    problem = problem_from_document(record.day, d)
    plan = plan_from_document(d)
    pickups = d["pickups"]
    return StoredPlan(
        record=record,
        problem=problem,
        plan=plan,
        cost_shares={s["pickup_id"]: s["cost_eur"] for s in d["shares"]},
        customers={p["id"]: p["customer"] for p in pickups},
        ship_services={p["id"]: p["ship_service"] for p in pickups},
    )


# -- committing ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Committed:
    """A committed plan and the consignment booked for each collected return."""

    plan: StoredPlan
    consignments: tuple[Consignment, ...]


@retried
def commit_plan(
    uow: UnitOfWork,
    transport: Transport,
    plan_id: int,
    operator: str,
    *,
    at: datetime | None = None,
) -> Committed:
    """Carry out a planned collection plan: each collected return gets its consignment
    (the fleet vehicle as service, the return's share of its route's km, cost and CO2e)
    and goes in transit; the plan becomes ``committed``.

    Refused when the plan is committed already, collects nothing, or is out of date (a
    return it collects was cancelled, received, or booked with a carrier since).
    """
    t = when(at)
    with uow:
        record = _load(uow, plan_id, lock=True)
        record.ensure_can_commit()
        stored = _stored(record)
        if not stored.plan.routes:
            why = "; ".join(stored.plan.messages) or "every pickup waits for another day"
            raise NotAllowed(f"plan {record.reference} collects nothing: {why}", field="plan_id")
        returns = _returns_to_collect(uow, stored)
        vehicles = {f.name: f.vehicle for f in stored.problem.fleet}
        booked = []
        for route in stored.plan.routes:
            for stop, hub in _collections(route):
                assert stop.pickup_id is not None
                rma = returns[stop.pickup_id]
                consignment = _consignment(uow, transport, stored, route, vehicles, stop, hub, t)
                uow.consignments.add(consignment)
                rma.mark_in_transit()
                booked.append(consignment)
        record.commit(by=operator, at=t)
        uow.commit()
    return Committed(stored, tuple(booked))


def _returns_to_collect(uow: UnitOfWork, stored: StoredPlan) -> dict[str, ReturnRequest]:
    out, stale = {}, []
    for number in stored.plan.collected:
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
    if stale:
        raise NotAllowed(
            f"plan {stored.record.reference} is out of date: {'; '.join(stale)}; plan again",
            field="plan_id",
        )
    return out


def _collections(route: PlannedRoute) -> list[tuple[Stop, str]]:
    """Each pickup of the route with the hub where it is unloaded (the next reload, else
    the route's end)."""
    out: list[tuple[Stop, str]] = []
    waiting: list[Stop] = []
    for s in route.stops:
        if s.kind is StopKind.RELOAD:
            out.extend((p, s.hub or route.end_hub) for p in waiting)
            waiting = []
        else:
            waiting.append(s)
    out.extend((p, route.end_hub) for p in waiting)
    return out


def _consignment(
    uow: UnitOfWork,
    transport: Transport,
    stored: StoredPlan,
    route: PlannedRoute,
    vehicles: Mapping[str, FleetVehicle],
    stop: Stop,
    hub: str,
    at: datetime,
) -> Consignment:
    assert stop.pickup_id is not None
    pid = stop.pickup_id
    pickup = stored.pickup(pid)
    share = stored.shares[pid]
    vehicle = vehicles[route.fleet]
    n = uow.sequences.next("consignment")
    return Consignment(
        id=n,
        kind=ConsignmentKind.RETURN,
        origin=stored.customers[pid],
        destination=hub,
        service_id=vehicle.id,
        carrier=vehicle.carrier,
        vehicle=vehicle.vehicle,
        km=round(share.km, 1),
        cost=Decimal(str(round(stored.cost_shares[pid], 2))),
        co2e_g=round(share.co2e_kg * 1000),
        weight_kg=pickup.kg,
        lead_time_days=0,
        booked_at=at,
        reason=(
            f"collected by {vehicle.id} from {route.start_hub} on "
            f"{stored.record.day.isoformat()} ({stored.record.reference}, trip {stop.trip + 1}, "
            f"arrival {hhmm(stop.arrival_min)}); its share by mass of the route's km, cost "
            "and CO2e"
        ),
        rma_number=pid,
        sscc=format_sscc(0, transport.company_prefix, n),
        units=pickup.units,
    )
