"""Carrying out a collection plan: the fleet's collections and the carriers' pickups.

Committing books one consignment per collected return with the fleet vehicle as its
service, carrying the return's share of its route's km, cost and CO2e (each unit gets its
part of that when it is received), and puts the return in transit. Each return the plan
hands to a carrier gets its parcel booked with the carrier service the plan priced, as a
return label books it; it stays authorised until the carrier picks it up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.errors import NotAllowed
from revalo.domain.journey import Consignment, ConsignmentKind
from revalo.domain.people import Permission, User
from revalo.domain.returns import ReturnRequest
from revalo.domain.values import format_sscc
from revalo.engines.collection.config import hhmm
from revalo.engines.collection.result import PlannedRoute, Stop, StopKind
from revalo.engines.transport.carriers import FleetVehicle
from revalo.services.collection_pickups import collectable
from revalo.services.collections import StoredPlan, load_plan, stored_plan
from revalo.services.common import when
from revalo.services.guard import needs
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.transport import Transport, return_consignment


@dataclass(frozen=True, slots=True)
class Committed:
    """A committed plan, the consignment booked for each collected return, and the parcel
    booked with a carrier for each return handed to one."""

    plan: StoredPlan
    consignments: tuple[Consignment, ...]
    handed: tuple[Consignment, ...] = ()


@needs(Permission.COMMIT_COLLECTION_PLAN)
@retried
def commit_plan(
    uow: UnitOfWork,
    transport: Transport,
    plan_id: int,
    *,
    by: User,
    at: datetime | None = None,
) -> Committed:
    """Carry out a planned collection plan: each collected return gets its consignment
    (the fleet vehicle as service, the return's share of its route's km, cost and CO2e)
    and goes in transit; each return handed to a carrier gets its parcel booked with the
    carrier service the plan priced; the plan becomes ``committed``.

    Refused when the plan is committed already, books nothing (every pickup waits), or is
    out of date (a return it collects or hands over was cancelled, received, or booked
    with a carrier since).
    """
    t = when(at)
    with uow:
        record = load_plan(uow, plan_id, lock=True)
        record.ensure_can_commit()
        stored = stored_plan(record)
        handing = [d.pickup_id for d in stored.plan.to_carrier]
        if not stored.plan.routes and not handing:
            why = "; ".join(stored.plan.messages) or "every pickup waits for another day"
            raise NotAllowed(
                f"plan {record.reference} collects nothing and hands nothing to a carrier: {why}",
                field="plan_id",
            )
        returns = _returns_to_book(uow, stored, [*stored.plan.collected, *handing])
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
        handed = [_hand_over(uow, transport, stored, returns[n], t) for n in handing]
        record.commit(by=by.login, at=t)
        uow.commit()
    return Committed(stored, tuple(booked), tuple(handed))


def _returns_to_book(
    uow: UnitOfWork, stored: StoredPlan, numbers: list[str]
) -> dict[str, ReturnRequest]:
    out, stale = collectable(uow, numbers)
    if stale:
        raise NotAllowed(
            f"plan {stored.record.reference} is out of date: {'; '.join(stale)}; plan again",
            field="plan_id",
        )
    return out


def _hand_over(
    uow: UnitOfWork, transport: Transport, stored: StoredPlan, rma: ReturnRequest, at: datetime
) -> Consignment:
    """The return's parcel booked with the carrier service the plan priced for it."""
    service = stored.ship_services.get(rma.number)
    reason = next(d.reason for d in stored.plan.to_carrier if d.pickup_id == rma.number)
    return return_consignment(
        uow,
        transport,
        rma,
        at,
        service_id=service,
        reason=f"handed to {service} by {stored.record.reference}: {reason}",
    )


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
