"""Collection plans: the request to plan a day, and the plan as stored."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from decimal import Decimal

from pydantic import Field

from revalo.domain.collection_plan import CollectionPlanStatus
from revalo.engines.collection.config import hhmm
from revalo.engines.collection.result import PlannedRoute, Stop
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.services.collections import StoredPlan


class CollectionPlanCreate(Input):
    date: dt.date = Field(description="the day to plan", examples=["2025-03-10"])
    region: str = Field(
        min_length=2,
        max_length=100,
        description="ISO country codes of the region, comma-separated",
        examples=["FR", "FR,BE"],
    )
    seconds: int = Field(10, ge=1, le=600, description="time limit of the search")
    seed: int = Field(0, ge=0, le=2**31 - 1, description="seed of the search")


class StopPublic(Public):
    kind: str = Field(description="pickup, or reload (unload at a hub and set off again)")
    rma_number: str | None
    customer: str | None
    hub: str | None
    trip: int
    arrival: str = Field(description="HH:MM on the plan day")
    start: str
    departure: str
    km_from_previous: float
    co2e_kg: float = Field(description="emissions of the leg leading to the stop")
    load_kg: float = Field(description="on board when leaving the stop")
    load_m3: float


class RoutePublic(Public):
    vehicle: str
    start_hub: str
    end_hub: str
    departure: str
    back: str
    hours: float
    trips: int
    km: float
    cost_eur: float
    co2e_kg: float
    stops: list[StopPublic]


class DeferredPublic(Public):
    rma_number: str
    decision: str = Field(description="carrier (handed to a carrier today) or wait")
    waiting_cost_eur: float = Field(description="what one more day of waiting costs")
    reason: str


class CollectOrShipPublic(Public):
    rma_number: str
    collected: bool
    collect_eur: float | None = Field(
        description="marginal cost of collecting it (see basis); null when no vehicle can today"
    )
    ship_eur: float = Field(description="the best carrier's price to ship it alone to the hub")
    ship_service: str | None
    cheaper: str = Field(description="collect or ship")
    decision: str = Field(
        description="collect (on a route), carrier (handed to a carrier today) or wait"
    )
    basis: str


class CollectionPublic(Public):
    """A collected return's share of its route (by mass): what its consignment carries."""

    rma_number: str
    units: int
    kg: float
    km: float
    cost_eur: float
    co2e_kg: float


class CollectionPlanPublic(Public):
    id: int
    reference: str
    day: date
    region: str
    status: CollectionPlanStatus
    solver_status: str = Field(description="feasible, infeasible or no_solution")
    messages: list[str]
    created_at: datetime
    committed_at: datetime | None
    committed_by: str | None
    seed: int
    seconds: float
    km: float
    cost: Decimal
    co2e_kg: float
    collected_count: int
    deferred_count: int
    routes: list[RoutePublic]
    deferred: list[DeferredPublic]
    collections: list[CollectionPublic]
    collect_or_ship: list[CollectOrShipPublic]
    cheaper_to_ship: list[str] = Field(description="returns a carrier would take for less")
    to_carrier: list[str] = Field(description="returns handed to a carrier today")
    waiting: list[str] = Field(description="returns that wait for another day")


def _stop(stored: StoredPlan, s: Stop) -> StopPublic:
    return StopPublic(
        kind=s.kind.value,
        rma_number=s.pickup_id,
        customer=stored.customers.get(s.pickup_id) if s.pickup_id else None,
        hub=s.hub,
        trip=s.trip + 1,
        arrival=hhmm(s.arrival_min),
        start=hhmm(s.start_min),
        departure=hhmm(s.departure_min),
        km_from_previous=round(s.km_from_previous, 1),
        co2e_kg=round(s.leg_co2e_kg, 3),
        load_kg=round(s.load_kg, 1),
        load_m3=round(s.load_m3, 3),
    )


def _route(stored: StoredPlan, r: PlannedRoute) -> RoutePublic:
    return RoutePublic(
        vehicle=r.vehicle_id,
        start_hub=r.start_hub,
        end_hub=r.end_hub,
        departure=hhmm(r.departure_min),
        back=hhmm(r.return_min),
        hours=round(r.hours, 2),
        trips=r.trips,
        km=round(r.km, 1),
        cost_eur=round(r.cost_eur, 2),
        co2e_kg=round(r.co2e_kg, 3),
        stops=[_stop(stored, s) for s in r.stops],
    )


def plan_public(stored: StoredPlan) -> CollectionPlanPublic:
    """The stored plan as the API and ``revalo plan collections --json`` show it."""
    rec, plan = stored.record, stored.plan
    solver = rec.detail["solver"]
    return CollectionPlanPublic(
        id=rec.id,
        reference=rec.reference,
        day=rec.day,
        region=rec.region,
        status=rec.status,
        solver_status=plan.status.value,
        messages=[*solver["notes"], *plan.messages],
        created_at=rec.created_at,
        committed_at=rec.committed_at,
        committed_by=rec.committed_by,
        seed=rec.seed,
        seconds=rec.seconds,
        km=rec.km,
        cost=rec.cost,
        co2e_kg=rec.co2e_g / 1000.0,
        collected_count=rec.collected,
        deferred_count=rec.deferred,
        routes=[_route(stored, r) for r in plan.routes],
        deferred=[
            DeferredPublic(
                rma_number=d.pickup_id,
                decision=d.decision.value,
                waiting_cost_eur=round(d.waiting_cost_eur, 2),
                reason=d.reason,
            )
            for d in plan.deferred
        ],
        collections=[
            CollectionPublic(
                rma_number=s.pickup_id,
                units=stored.pickup(s.pickup_id).units,
                kg=stored.pickup(s.pickup_id).kg,
                km=round(s.km, 1),
                cost_eur=stored.cost_shares[s.pickup_id],
                co2e_kg=round(s.co2e_kg, 3),
            )
            for s in plan.shares
        ],
        collect_or_ship=[
            CollectOrShipPublic(
                rma_number=c.pickup_id,
                collected=c.collected,
                collect_eur=None if c.collect_eur is None else round(c.collect_eur, 2),
                ship_eur=round(c.ship_eur, 2),
                ship_service=stored.ship_services.get(c.pickup_id),
                cheaper=c.cheaper,
                decision=c.decision.value,
                basis=c.basis,
            )
            for c in plan.collect_or_ship
        ],
        cheaper_to_ship=list(plan.cheaper_to_ship),
        to_carrier=[d.pickup_id for d in plan.to_carrier],
        waiting=[d.pickup_id for d in plan.waiting],
    )
