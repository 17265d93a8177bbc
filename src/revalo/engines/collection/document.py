"""A collection plan as a JSON document: the problem it was made from and what it found,
enough to show it, draw it and commit it later without planning again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from revalo.engines.collection.problem import (
    CollectionParams,
    CollectionProblem,
    FleetType,
    Hub,
    Pickup,
)
from revalo.engines.collection.result import (
    CollectionPlan,
    CollectOrShip,
    Decision,
    Deferred,
    PickupShare,
    PlannedRoute,
    PlanStatus,
    Stop,
    StopKind,
)
from revalo.engines.transport.carriers import FleetVehicle, Handling
from revalo.engines.transport.places import Place


def plan_document(
    problem: CollectionProblem,
    plan: CollectionPlan,
    params: CollectionParams,
    about: Mapping[str, Mapping[str, Any]],
    cost_shares: Mapping[str, float],
    notes: Sequence[str],
) -> dict[str, Any]:
    """Everything the plan was made from and found, as JSON.

    Parameters
    ----------
    about
        What the caller keeps with each pickup, by pickup id (e.g. its customer).
    cost_shares
        Each collected pickup's share of its route's cost, EUR.
    notes
        Remarks on how the plan was made.
    """
    return {
        "solver": {
            "status": plan.status.value,
            "messages": list(plan.messages),
            "notes": list(notes),
            "seconds": params.seconds,
            "max_iterations": params.max_iterations,
            "iterations": plan.iterations,
            "runtime_s": round(plan.runtime_s, 3),
            "overdue_eur_per_day": params.overdue_eur_per_day,
        },
        "hubs": [
            {
                "code": h.code,
                "place": asdict(h.place),
                "opens_min": h.opens_min,
                "closes_min": h.closes_min,
            }
            for h in problem.hubs
        ],
        "fleet": [_fleet_json(f) for f in problem.fleet],
        "pickups": [{**_pickup_json(p), **about.get(p.id, {})} for p in problem.pickups],
        "routes": [_route_json(r) for r in plan.routes],
        "deferred": [asdict(d) for d in plan.deferred],
        "shares": [{**asdict(s), "cost_eur": cost_shares[s.pickup_id]} for s in plan.shares],
        "collect_or_ship": [asdict(c) for c in plan.collect_or_ship],
    }


def _fleet_json(f: FleetType) -> dict[str, Any]:
    vehicle = asdict(f.vehicle)
    vehicle["countries"] = sorted(f.vehicle.countries)
    return {
        "vehicle": vehicle,
        "count": f.count,
        "start_hub": f.start_hub,
        "end_hub": f.end_hub,
        "shift_hours": f.shift_hours,
        "reload_hubs": list(f.reload_hubs),
        "max_reloads": f.max_reloads,
    }


def _pickup_json(p: Pickup) -> dict[str, Any]:
    d = asdict(p)
    d["due_on"] = p.due_on.isoformat()
    return d


def _route_json(r: PlannedRoute) -> dict[str, Any]:
    d = asdict(r)
    d["stops"] = [{**asdict(s), "kind": s.kind.value} for s in r.stops]
    return d


def problem_from_document(day: date, d: Mapping[str, Any]) -> CollectionProblem:
    """The problem a stored plan was made from."""
    hubs = tuple(
        Hub(h["code"], Place(**h["place"]), h["opens_min"], h["closes_min"]) for h in d["hubs"]
    )
    fleet = []
    for f in d["fleet"]:
        v = dict(f["vehicle"])
        v["handling"] = Handling(**v["handling"])
        v["countries"] = frozenset(v["countries"])
        fleet.append(
            FleetType(
                FleetVehicle(**v),
                f["count"],
                f["start_hub"],
                f["end_hub"],
                f["shift_hours"],
                tuple(f["reload_hubs"]),
                f["max_reloads"],
            )
        )
    pickups = []
    for p in d["pickups"]:
        fields = {k: v for k, v in p.items() if k in Pickup.__dataclass_fields__}
        fields["place"] = Place(**p["place"])
        fields["due_on"] = date.fromisoformat(p["due_on"])
        pickups.append(Pickup(**fields))
    return CollectionProblem(day, hubs, tuple(pickups), tuple(fleet))


def plan_from_document(d: Mapping[str, Any]) -> CollectionPlan:
    """The plan as it was found."""
    routes = []
    for r in d["routes"]:
        stops = tuple(Stop(**{**s, "kind": StopKind(s["kind"])}) for s in r["stops"])
        routes.append(PlannedRoute(**{**r, "stops": stops}))
    solver = d["solver"]
    return CollectionPlan(
        status=PlanStatus(solver["status"]),
        routes=tuple(routes),
        deferred=tuple(
            Deferred(**{**x, "decision": Decision(x.get("decision", Decision.WAIT))})
            for x in d["deferred"]
        ),
        shares=tuple(PickupShare(s["pickup_id"], s["km"], s["co2e_kg"]) for s in d["shares"]),
        collect_or_ship=tuple(_compared(c) for c in d["collect_or_ship"]),
        messages=tuple(solver["messages"]),
        iterations=solver["iterations"],
        runtime_s=solver["runtime_s"],
    )


def _compared(c: Mapping[str, Any]) -> CollectOrShip:
    # Plans stored before decisions were recorded: a pickup was collected or it waited.
    fallback = Decision.COLLECT if c["collected"] else Decision.WAIT
    return CollectOrShip(**{**c, "decision": Decision(c.get("decision", fallback))})
