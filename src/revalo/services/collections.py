"""Collection planning in the use cases: the plan of a day's pickups, and reading it.

The pickups and the fleet are read in ``collection_pickups``. The plan is searched
outside any transaction, then stored in a short one that first checks that every return it
collects or hands to a carrier is still waiting for a collection. The plan is stored with
everything it was made from, so that it can be shown, drawn and committed later
(``collection_commit``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from revalo.domain.collection_plan import MAX_SEARCH_SECONDS as MAX_SECONDS
from revalo.domain.collection_plan import CollectionPlanRecord
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.journey import allocate_by_mass
from revalo.domain.people import Permission, User
from revalo.engines.collection.config import CollectionConfig, load_collection_config
from revalo.engines.collection.document import (
    plan_document,
    plan_from_document,
    problem_from_document,
)
from revalo.engines.collection.problem import CollectionParams, CollectionProblem, Pickup
from revalo.engines.collection.result import (
    CollectionPlan,
    PickupShare,
    PlanStatus,
)
from revalo.engines.collection.solve import solve_collection
from revalo.engines.collection.svg import plan_svg
from revalo.engines.disposition.params import load_params
from revalo.services.collection_pickups import (
    PendingPickup,
    collectable,
    fleet_of,
    parse_region,
    pending_in,
    pending_pickups,
    region_hubs,
)
from revalo.services.common import found, when
from revalo.services.guard import needs, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.transport import Transport

__all__ = ["PendingPickup", "parse_region", "pending_pickups"]


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


@needs(Permission.PLAN_COLLECTIONS)
def plan_collections(
    uow: UnitOfWork,
    transport: Transport,
    *,
    by: User,
    day: date,
    region: str,
    seconds: float = 10.0,
    seed: int = 0,
    config: CollectionConfig | None = None,
    max_iterations: int | None = None,
    at: datetime | None = None,
    max_seconds: float = MAX_SECONDS,
    on_store: Callable[[UnitOfWork, CollectionPlanRecord], None] | None = None,
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
        Time limit of the search (over 0, at most ``max_seconds``).
    seed
        Seed of the search.
    config
        The collection file (default: the shipped ``collection.toml``).
    max_iterations
        Optional iteration limit: with it, the same seed gives the same plan.
    at
        When the plan is made (default: now).
    max_seconds
        The longest search the server allows (its settings), at most 600.
    on_store
        Called in the transaction that stores the plan, before it commits (a job records
        its result there: the plan and the job's result are kept together, or neither).

    Returns
    -------
    StoredPlan
        The stored record with the plan, the problem and the cost of each collection;
        every pickup is collected, handed to a carrier or left waiting, with the reason.
        A pickup past due that no vehicle and no carrier can take does not stop the
        others: it waits and the plan's notes say so. Refused, with nothing stored, when a
        return the plan collects or hands over was rejected, cancelled or booked while it
        was searched.
    """
    countries = parse_region(region)
    limit = min(max_seconds, MAX_SECONDS)
    if not 0 < seconds <= limit:
        raise InvalidValue(
            f"seconds = {seconds:g} must be over 0 and at most {limit:g}, the longest search "
            "this server allows",
            field="seconds",
        )
    if seed < 0:
        raise InvalidValue(f"seed = {seed} must not be negative", field="seed")
    cfg = config or load_collection_config()
    params = CollectionParams(
        seconds=seconds, max_iterations=max_iterations, overdue_eur_per_day=cfg.overdue_eur_per_day
    )
    dp = load_params()
    # Read, then search with no transaction open: a long search holds no lock.
    with uow.read_only() as reading:
        hubs = region_hubs(reading, countries)
        depots, fleet = fleet_of(transport, cfg, hubs)
        pending = pending_in(reading, countries, hubs, day, transport, cfg, dp)
    problem = CollectionProblem(day, tuple(depots), tuple(p.pickup for p in pending), tuple(fleet))
    problem, plan, notes = _solve(problem, params, seed, transport)
    cost_shares = _cost_shares(plan, problem)
    about = {
        p.rma_number: {"customer": p.customer, "ship_service": p.ship_service} for p in pending
    }
    detail = plan_document(problem, plan, params, about, cost_shares, notes)
    with uow:
        _, changed = collectable(uow, [*plan.collected, *(d.pickup_id for d in plan.to_carrier)])
        if changed:
            raise NotAllowed(
                f"while the plan was searched, what it collects changed: {'; '.join(changed)}; "
                "nothing was stored: plan again",
                field="region",
            )
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
        record_done(uow, by, "plan_collections", f"plan {record.id}", detail=record.region)
        if on_store is not None:
            on_store(uow, record)
        uow.commit()
    return stored_plan(record)


def _solve(
    problem: CollectionProblem, params: CollectionParams, seed: int, transport: Transport
) -> tuple[CollectionProblem, CollectionPlan, list[str]]:
    """Solve; the pickups past due that no carrier can take must be collected, unless that
    cannot be done:

    - those no vehicle can collect at all wait, with a note (they would otherwise make the
      whole day infeasible), and the others are planned;
    - when the search finds no plan collecting all of them (more than the fleet can do in a
      day, or windows too tight), it searches again with them optional: each is then
      collected when that costs less than a day of waiting, overdue penalty included. The
      search may then take twice its time limit.
    """
    notes: list[str] = []
    plan = solve_collection(problem, params, seed=seed, distances=transport.distances)
    if plan.status is PlanStatus.INFEASIBLE:
        stuck = set(plan.unreachable)
        if not stuck:
            return problem, plan, notes
        problem = _optional(problem, stuck)
        notes.extend(
            f"{m}, and no carrier can take it: it waits until a way to fetch it is found"
            for m in plan.messages
        )
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
        return stored_plan(load_plan(uow, plan_id))


def recent_plans(uow: UnitOfWork, limit: int = 20) -> list[CollectionPlanRecord]:
    """The last plans made, newest first."""
    with uow:
        return list(uow.collection_plans.recent(limit))


def plan_picture(uow: UnitOfWork, plan_id: int) -> str:
    """The plan drawn on the map (hubs, routes in colour, deferred pickups in grey) as a
    standalone SVG document."""
    stored = get_plan(uow, plan_id)
    return plan_svg(stored.plan, stored.problem)


def load_plan(uow: UnitOfWork, plan_id: int, *, lock: bool = False) -> CollectionPlanRecord:
    return found(
        uow.collection_plans.get(plan_id, lock=lock),
        f"no collection plan {plan_id}",
        field="plan_id",
    )


def stored_plan(record: CollectionPlanRecord) -> StoredPlan:
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
