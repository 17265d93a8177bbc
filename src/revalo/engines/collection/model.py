"""The routing model of a collection problem: distances between its places, what each
vehicle may carry and reach, and the integer model the solver searches.

Integers for the solver: distances in metres and durations in seconds (from the transport
model's distance provider), masses in grams and volumes in litres (demands rounded up,
capacities down, so an integer plan is a plan in kg and m3), money in micro-euros.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from revalo.engines.collection.problem import (
    CollectionParams,
    CollectionProblem,
    FleetType,
    Pickup,
)
from revalo.engines.collection.pyvrp_adapter import (
    MAX_MATRIX_VALUE,
    ModelClient,
    ModelDepot,
    ModelVehicleType,
    RoutingModel,
)
from revalo.engines.transport.distances import DistanceProvider

MICRO = 1_000_000


@dataclass(frozen=True, slots=True)
class Network:
    """Distances between every node: hubs first, then every pickup of the problem."""

    km: npt.NDArray[np.float64]
    hours: npt.NDArray[np.float64]
    metres: npt.NDArray[np.int64]
    seconds: npt.NDArray[np.int64]
    n_hubs: int

    def pickup_node(self, index: int) -> int:
        return self.n_hubs + index


def network(problem: CollectionProblem, distances: DistanceProvider) -> Network:
    places = [h.place for h in problem.hubs] + [p.place for p in problem.pickups]
    matrix = distances.matrix(places, places)
    km = np.array(matrix.km, dtype=float)
    hours = np.array(matrix.hours, dtype=float)
    np.fill_diagonal(km, 0.0)
    np.fill_diagonal(hours, 0.0)
    metres = np.rint(km * 1000.0).astype(np.int64)
    seconds = np.rint(hours * 3600.0).astype(np.int64)
    return Network(km, hours, metres, seconds, len(problem.hubs))


def grams(kg: float) -> int:
    return math.ceil(round(kg * 1000.0, 6))


def litres(m3: float) -> int:
    return math.ceil(round(m3 * 1000.0, 6))


def capacity(ft: FleetType) -> tuple[int, int]:
    v = ft.vehicle
    return math.floor(round(v.capacity_kg * 1000.0, 6)), math.floor(
        round(v.capacity_m3 * 1000.0, 6)
    )


def cannot_carry(ft: FleetType, pickup: Pickup) -> str | None:
    """Why vehicles of ``ft`` may never collect ``pickup`` (country, content, size)."""
    v = ft.vehicle
    if "*" not in v.countries and pickup.place.country not in v.countries:
        return f"{v.id} does not drive in {pickup.place.country}"
    if pickup.lithium and not v.handling.accepts_lithium:
        return f"{v.id} does not accept lithium batteries"
    if pickup.bulky and not v.handling.accepts_bulky:
        return f"{v.id} does not carry bulky items"
    cap_g, cap_l = capacity(ft)
    if max(grams(pickup.kg), grams(pickup.delivery_kg)) > cap_g:
        return (
            f"{max(pickup.kg, pickup.delivery_kg):g} kg is over the {v.capacity_kg:g} kg of {v.id}"
        )
    if max(litres(pickup.m3), litres(pickup.delivery_m3)) > cap_l:
        return (
            f"{max(pickup.m3, pickup.delivery_m3):g} m3 is over the {v.capacity_m3:g} m3 of {v.id}"
        )
    return None


def _cannot_reach(
    problem: CollectionProblem, ft: FleetType, index: int, net: Network
) -> str | None:
    """Why a vehicle of ``ft`` cannot fit the pickup in its day, even alone."""
    pickup = problem.pickups[index]
    codes = [h.code for h in problem.hubs]
    s, e = codes.index(ft.start_hub), codes.index(ft.end)
    node = net.pickup_node(index)
    go, back = int(net.seconds[s, node]), int(net.seconds[node, e])
    service = round(pickup.service_min * 60)
    arrive = problem.hubs[s].opens_min * 60 + go
    if arrive > pickup.latest_min * 60:
        return f"{ft.name} cannot reach it before its window closes"
    if max(arrive, pickup.earliest_min * 60) + service + back > problem.hubs[e].closes_min * 60:
        return f"{ft.name} cannot be back at {ft.end} before it closes"
    if go + service + back > round(ft.shift * 3600):
        return f"{ft.name} cannot fit it in a {ft.shift:g} h shift"
    return None


def why_not(problem: CollectionProblem, index: int, net: Network) -> str | None:
    """None when some vehicle can collect the pickup; else every vehicle's reason."""
    reasons = []
    for ft in problem.fleet:
        why = cannot_carry(ft, problem.pickups[index]) or _cannot_reach(problem, ft, index, net)
        if why is None:
            return None
        reasons.append(why)
    return "; ".join(dict.fromkeys(reasons))


@dataclass(frozen=True, slots=True)
class Built:
    model: RoutingModel
    pickups: tuple[int, ...]  # problem pickup index of each model client


def build(
    problem: CollectionProblem, params: CollectionParams, net: Network, pickups: Sequence[int]
) -> Built:
    hubs = list(range(net.n_hubs))
    nodes = hubs + [net.pickup_node(i) for i in pickups]
    metres = net.metres[np.ix_(nodes, nodes)]
    seconds = net.seconds[np.ix_(nodes, nodes)]
    clients = tuple(_client(problem, params, problem.pickups[i]) for i in pickups)
    depots = tuple(ModelDepot(h.opens_min * 60, h.closes_min * 60) for h in problem.hubs)
    profiles: dict[frozenset[int], int] = {}
    distances, durations, vehicle_types = [], [], []
    for ft in problem.fleet:
        banned = frozenset(
            net.n_hubs + k
            for k, i in enumerate(pickups)
            if cannot_carry(ft, problem.pickups[i]) is not None
        )
        if banned not in profiles:
            profiles[banned] = len(profiles)
            distances.append(_ban(metres, banned))
            durations.append(_ban(seconds, banned))
        vehicle_types.append(_vehicle_type(problem, ft, profiles[banned]))
    model = RoutingModel(depots, clients, tuple(vehicle_types), tuple(distances), tuple(durations))
    return Built(model, tuple(pickups))


def _ban(matrix: npt.NDArray[np.int64], nodes: frozenset[int]) -> npt.NDArray[np.int64]:
    if not nodes:
        return matrix
    out = matrix.copy()
    idx = sorted(nodes)
    out[idx, :] = MAX_MATRIX_VALUE
    out[:, idx] = MAX_MATRIX_VALUE
    out[idx, idx] = 0
    return out


def _client(problem: CollectionProblem, params: CollectionParams, p: Pickup) -> ModelClient:
    required = problem.is_required(p)
    return ModelClient(
        delivery=(grams(p.delivery_kg), litres(p.delivery_m3)),
        pickup=(grams(p.kg), litres(p.m3)),
        service=round(p.service_min * 60),
        tw_early=p.earliest_min * 60,
        tw_late=p.latest_min * 60,
        prize=0 if required else round(params.alternative_eur(problem, p) * MICRO),
        required=required,
    )


def _vehicle_type(problem: CollectionProblem, ft: FleetType, profile: int) -> ModelVehicleType:
    codes = [h.code for h in problem.hubs]
    v = ft.vehicle
    return ModelVehicleType(
        count=ft.count,
        capacity=capacity(ft),
        start_depot=codes.index(ft.start_hub),
        end_depot=codes.index(ft.end),
        fixed_cost=round(v.fixed_per_day_eur * MICRO),
        # metres and seconds: EUR/km x 1e6 / 1000 and EUR/h x 1e6 / 3600 micro-euros.
        unit_distance_cost=round(v.per_km_eur * 1000),
        unit_duration_cost=round(v.per_hour_eur * MICRO / 3600),
        tw_early=problem.hub(ft.start_hub).opens_min * 60,
        tw_late=problem.hub(ft.end).closes_min * 60,
        shift_duration=round(ft.shift * 3600),
        reload_depots=tuple(codes.index(h) for h in ft.reload_hubs),
        max_reloads=0 if not ft.reload_hubs else ft.max_reloads,
        profile=profile,
        name=ft.name,
    )
