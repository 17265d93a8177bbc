"""The collection plan: routes with their stops, what waits for another day, and why.

A plan checks its own bookkeeping when built (every pickup at most once, totals that add
up); whether it respects the vehicles' limits is checked independently in the tests.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass


class PlanStatus(enum.StrEnum):
    """``feasible``: every rule holds. ``infeasible``: a check before the search proves that
    some pickup that must go today cannot be collected (``messages`` say which and why).
    ``no_solution``: the search found no plan keeping every rule within its time limit."""

    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    NO_SOLUTION = "no_solution"


class StopKind(enum.StrEnum):
    PICKUP = "pickup"
    RELOAD = "reload"


class Decision(enum.StrEnum):
    """What the plan does with a pickup today: ``collect`` it on a route, hand it to a
    ``carrier`` (cheaper, or no vehicle can reach it, and waiting longer would not help), or
    let it ``wait`` for a route that passes by before its due date."""

    COLLECT = "collect"
    CARRIER = "carrier"
    WAIT = "wait"


@dataclass(frozen=True, slots=True)
class Stop:
    """A stop of a route: a pickup, or a hub where the vehicle unloads and reloads.

    Times are minutes after midnight; ``km_from_previous`` and ``leg_co2e_kg`` describe the
    leg that leads to the stop; ``load_kg``/``load_m3`` are on board when leaving.
    """

    kind: StopKind
    pickup_id: str | None
    hub: str | None
    trip: int
    arrival_min: float
    start_min: float
    departure_min: float
    km_from_previous: float
    leg_co2e_kg: float
    load_kg: float
    load_m3: float


@dataclass(frozen=True, slots=True)
class PlannedRoute:
    """One vehicle's day: from its start hub, through its stops, back to its end hub.

    ``start_load_kg``/``start_load_m3``: replacement products loaded before leaving.
    ``km`` includes the way back; ``cost_eur`` = day cost + km cost + hour cost of the
    vehicle; ``co2e_kg`` = tonne-km on board x the vehicle's intensity, leg by leg.
    """

    fleet: str
    vehicle_id: str
    start_hub: str
    end_hub: str
    departure_min: float
    return_min: float
    start_load_kg: float
    start_load_m3: float
    stops: tuple[Stop, ...]
    km: float
    cost_eur: float
    co2e_kg: float

    def __post_init__(self) -> None:
        if self.return_min < self.departure_min:
            raise ValueError("a route cannot end before it starts")
        if not any(s.kind is StopKind.PICKUP for s in self.stops):
            raise ValueError("a route collects at least one pickup")

    @property
    def hours(self) -> float:
        return (self.return_min - self.departure_min) / 60.0

    @property
    def trips(self) -> int:
        return 1 + sum(s.kind is StopKind.RELOAD for s in self.stops)

    @property
    def pickup_ids(self) -> tuple[str, ...]:
        return tuple(s.pickup_id for s in self.stops if s.pickup_id is not None)


@dataclass(frozen=True, slots=True)
class Deferred:
    """A pickup not collected today: handed to a carrier or waiting for another day
    (``decision``), what one more day of waiting would cost, and why."""

    pickup_id: str
    waiting_cost_eur: float
    reason: str
    decision: Decision = Decision.WAIT

    def __post_init__(self) -> None:
        if self.decision is Decision.COLLECT:
            raise ValueError(f"{self.pickup_id} is not collected: it goes by carrier or waits")


@dataclass(frozen=True, slots=True)
class PickupShare:
    """The part of its trip's km and CO2e that falls on one pickup (by mass, ISO 14083)."""

    pickup_id: str
    km: float
    co2e_kg: float


@dataclass(frozen=True, slots=True)
class CollectOrShip:
    """Collecting a pickup on a route against a carrier's quote for shipping it alone, and
    what the plan decided.

    ``collect_eur`` is the marginal cost of collecting, priced as the search prices a
    route (the vehicle's day, km and hours, waiting included): for a pickup on a route,
    what the route would save without it (all of it when the route would not run without
    it); for one left off, the cheapest place on a route of the plan, or a trip of its own
    by a vehicle still free; None when no vehicle can take it today (``basis`` says which).
    """

    pickup_id: str
    collected: bool
    collect_eur: float | None
    ship_eur: float
    basis: str
    decision: Decision = Decision.WAIT

    def __post_init__(self) -> None:
        if self.collected is not (self.decision is Decision.COLLECT):
            raise ValueError(f"{self.pickup_id}: collected means the decision is to collect")

    @property
    def cheaper(self) -> str:
        if self.collect_eur is None:
            return "ship"
        return "ship" if self.ship_eur < self.collect_eur else "collect"


@dataclass(frozen=True, slots=True)
class CollectionPlan:
    """The plan of a day and what it costs.

    ``messages`` explain a status other than ``feasible``; ``unreachable`` names the
    pickups past due that no vehicle can collect (what makes a problem infeasible);
    ``iterations`` and ``runtime_s`` describe the search.
    """

    status: PlanStatus
    routes: tuple[PlannedRoute, ...]
    deferred: tuple[Deferred, ...]
    shares: tuple[PickupShare, ...]
    collect_or_ship: tuple[CollectOrShip, ...]
    messages: tuple[str, ...] = ()
    seed: int = 0
    iterations: int = 0
    runtime_s: float = 0.0
    unreachable: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        on_routes = [p for r in self.routes for p in r.pickup_ids]
        waiting = [d.pickup_id for d in self.deferred]
        ids = on_routes + waiting
        if len(ids) != len(set(ids)):
            raise ValueError("a pickup appears twice in the plan")
        if {s.pickup_id for s in self.shares} != set(on_routes):
            raise ValueError("every collected pickup, and only those, gets a share")
        if self.status is not PlanStatus.FEASIBLE and not self.messages:
            raise ValueError(f"a plan with status {self.status} says why")
        if self.status is PlanStatus.INFEASIBLE and self.routes:
            raise ValueError("an infeasible problem has no routes")

    @property
    def cost_eur(self) -> float:
        """What the routes cost."""
        return math.fsum(r.cost_eur for r in self.routes)

    @property
    def waiting_cost_eur(self) -> float:
        """What one more day of waiting costs for the pickups that wait."""
        return math.fsum(d.waiting_cost_eur for d in self.waiting)

    @property
    def carrier_cost_eur(self) -> float:
        """What the carriers charge for the pickups handed to them."""
        quotes = {c.pickup_id: c.ship_eur for c in self.collect_or_ship}
        return math.fsum(quotes.get(d.pickup_id, 0.0) for d in self.to_carrier)

    @property
    def total_cost_eur(self) -> float:
        """What the day costs: routes, carriers, and a day of waiting for the others."""
        return self.cost_eur + self.carrier_cost_eur + self.waiting_cost_eur

    @property
    def to_carrier(self) -> tuple[Deferred, ...]:
        return tuple(d for d in self.deferred if d.decision is Decision.CARRIER)

    @property
    def waiting(self) -> tuple[Deferred, ...]:
        return tuple(d for d in self.deferred if d.decision is Decision.WAIT)

    def decision(self, pickup_id: str) -> Decision:
        """What the plan does with ``pickup_id`` today."""
        if pickup_id in self.collected:
            return Decision.COLLECT
        return next(d.decision for d in self.deferred if d.pickup_id == pickup_id)

    @property
    def km(self) -> float:
        return math.fsum(r.km for r in self.routes)

    @property
    def co2e_kg(self) -> float:
        return math.fsum(r.co2e_kg for r in self.routes)

    @property
    def collected(self) -> tuple[str, ...]:
        return tuple(p for r in self.routes for p in r.pickup_ids)

    @property
    def cheaper_to_ship(self) -> tuple[str, ...]:
        """Pickups a carrier would take for less than collecting them costs."""
        return tuple(c.pickup_id for c in self.collect_or_ship if c.cheaper == "ship")
