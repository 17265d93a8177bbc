"""Public benchmark instances: Solomon VRPTW and VRPLIB CVRP files, read with ``vrplib``.

They let the collection planner's solver be measured against published best known costs.
Each format keeps its own objective convention, stated with every cost:

- Solomon (``.txt``): distance only, with exact (unrounded) Euclidean distances; travel
  time equals distance. PyVRP needs integers, so the solver sees distances x 1000 (rounded)
  and durations x 1000 (rounded up, so a plan on time in integers is on time in reals); the
  reported cost is recomputed from the routes with exact float distances.
- VRPLIB (``.vrp``): distance only, with the instance's own rounding (``EUC_2D``: Euclidean
  distance rounded to the nearest integer, TSPLIB's ``nint``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import vrplib  # type: ignore[import-untyped]

from revalo.domain.errors import InvalidValue
from revalo.engines.collection.pyvrp_adapter import (
    NO_LIMIT,
    ModelClient,
    ModelDepot,
    ModelVehicleType,
    RoutingModel,
    solve_model,
)

#: Integer scale of Solomon distances and times handed to the solver.
SOLOMON_SCALE = 1000
SOLOMON_CONVENTION = "distance only, exact Euclidean distances (unrounded)"
VRPLIB_CONVENTION = "distance only, Euclidean distances rounded to the nearest integer (EUC_2D)"

Kind = Literal["solomon", "vrplib"]


@dataclass(frozen=True, slots=True)
class Instance:
    """A single-depot instance; node 0 is the depot, nodes 1.. the clients (their ids).

    ``distances`` are the distances of the cost convention: exact floats for Solomon, the
    instance's rounded values for VRPLIB. ``time_windows`` and ``service`` are None for a
    plain CVRP.
    """

    name: str
    kind: Kind
    coords: npt.NDArray[np.float64]
    demand: npt.NDArray[np.int64]
    capacity: int
    vehicles: int
    distances: npt.NDArray[np.float64]
    time_windows: npt.NDArray[np.float64] | None
    service: npt.NDArray[np.float64] | None

    @property
    def convention(self) -> str:
        return SOLOMON_CONVENTION if self.kind == "solomon" else VRPLIB_CONVENTION

    @property
    def num_clients(self) -> int:
        return len(self.demand) - 1


@dataclass(frozen=True, slots=True)
class InstanceResult:
    """A solved instance: cost under the instance's convention and routes of client ids."""

    instance: str
    cost: float
    convention: str
    routes: tuple[tuple[int, ...], ...]
    feasible: bool
    seconds: float
    seed: int
    runtime_s: float


@dataclass(frozen=True, slots=True)
class KnownSolution:
    """A published solution file checked against its instance.

    ``stated_cost`` is the figure written in the file, ``stated_recomputed`` the routes' cost
    recomputed under the file's own convention (Solomon files from CVRPLIB state distances
    truncated to one decimal; VRPLIB files the instance's rounding), so that a file that does
    not hold the solution it claims is caught. ``cost`` is the routes' cost under the
    instance's convention (see the module notes) and ``violations`` every rule the routes
    break in real numbers.
    """

    routes: tuple[tuple[int, ...], ...]
    stated_cost: float
    stated_recomputed: float
    cost: float
    violations: tuple[str, ...]

    @property
    def feasible(self) -> bool:
        return not self.violations

    @property
    def matches_stated_cost(self) -> bool:
        return math.isclose(self.stated_recomputed, self.stated_cost, abs_tol=0.05)


def instance_kind(path: Path) -> Kind:
    """Solomon for ``.txt`` files, VRPLIB for ``.vrp``; else what the first lines say."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return "solomon"
    if suffix == ".vrp":
        return "vrplib"
    head = path.read_text(encoding="utf-8", errors="replace")[:400]
    if "VEHICLE" in head and "CUSTOMER" in head:
        return "solomon"
    if "DIMENSION" in head:
        return "vrplib"
    raise InvalidValue(
        f"{path.name}: neither a Solomon (.txt) nor a VRPLIB (.vrp) instance file", field="file"
    )


def read_instance(path: str | Path) -> Instance:
    """Read a Solomon or VRPLIB instance file.

    Raises
    ------
    InvalidValue
        When the file is missing, unreadable, or describes something this reader does not
        handle (several depots, an unknown edge weight type); the message says which.
    """
    p = Path(path)
    if not p.is_file():
        raise InvalidValue(f"{p}: no such instance file", field="file")
    kind = instance_kind(p)
    try:
        raw = vrplib.read_instance(p, instance_format=kind)
    except (ValueError, RuntimeError, IndexError, KeyError) as exc:
        raise InvalidValue(
            f"{p.name}: not a readable {kind} instance: {exc}", field="file"
        ) from exc
    return _solomon(raw) if kind == "solomon" else _vrplib(raw, p.name)


def _solomon(raw: dict[str, Any]) -> Instance:
    coords = np.asarray(raw["node_coord"], dtype=float)
    return Instance(
        name=str(raw["name"]),
        kind="solomon",
        coords=coords,
        demand=np.asarray(raw["demand"], dtype=np.int64),
        capacity=int(raw["capacity"]),
        vehicles=int(raw["vehicles"]),
        distances=_euclidean(coords),
        time_windows=np.asarray(raw["time_window"], dtype=float),
        service=np.asarray(raw["service_time"], dtype=float),
    )


def _vrplib(raw: dict[str, Any], file: str) -> Instance:
    depots = np.atleast_1d(raw.get("depot", np.array([0])))
    if depots.size != 1 or int(depots[0]) != 0:
        raise InvalidValue(
            f"{file}: only single-depot instances with the depot first are read "
            f"(DEPOT_SECTION lists {depots.size})",
            field="depot",
        )
    weight_type = str(raw.get("edge_weight_type", "EXPLICIT")).upper()
    exact = np.asarray(raw["edge_weight"], dtype=float)
    if weight_type == "EUC_2D":
        distances = np.floor(exact + 0.5)  # TSPLIB nint
    elif weight_type == "CEIL_2D":
        distances = np.ceil(exact)
    elif weight_type == "EXPLICIT":
        distances = exact
    else:
        raise InvalidValue(
            f"{file}: EDGE_WEIGHT_TYPE {weight_type} is not handled (EUC_2D, CEIL_2D, EXPLICIT)",
            field="edge_weight_type",
        )
    n = len(raw["demand"])
    coords = np.asarray(raw.get("node_coord", np.zeros((n, 2))), dtype=float)
    return Instance(
        name=str(raw["name"]),
        kind="vrplib",
        coords=coords,
        demand=np.asarray(raw["demand"], dtype=np.int64),
        capacity=int(raw["capacity"]),
        vehicles=int(raw.get("vehicles", n - 1)),
        distances=distances,
        time_windows=None,
        service=None,
    )


def _euclidean(coords: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    diff = coords[:, None, :] - coords[None, :, :]
    return np.asarray(np.sqrt((diff**2).sum(axis=2)), dtype=float)


def route_cost(instance: Instance, routes: Sequence[Sequence[int]]) -> float:
    """Total distance of ``routes`` (client ids, depot excluded) under the instance's convention.

    Raises
    ------
    InvalidValue
        When a route names a node that is not a client of the instance.
    """
    for route in routes:
        if any(not 1 <= c <= instance.num_clients for c in route):
            raise InvalidValue(
                f"route {list(route)} names a client outside 1..{instance.num_clients}",
                field="routes",
            )
    return _cost_with(instance.distances, routes)


def route_violations(instance: Instance, routes: Sequence[Sequence[int]]) -> tuple[str, ...]:
    """Every broken rule of ``routes`` in real numbers: coverage, capacity, time windows."""
    problems: list[str] = []
    seen = [c for r in routes for c in r]
    missing = set(range(1, instance.num_clients + 1)) - set(seen)
    if missing:
        problems.append(f"clients never visited: {sorted(missing)[:10]}")
    if len(seen) != len(set(seen)):
        problems.append("a client is visited more than once")
    if len([r for r in routes if r]) > instance.vehicles:
        problems.append(f"{len(routes)} routes for {instance.vehicles} vehicles")
    for r in routes:
        load = int(sum(instance.demand[c] for c in r))
        if load > instance.capacity:
            problems.append(f"route {list(r)} carries {load} > {instance.capacity}")
        problems.extend(_late(instance, r))
    return tuple(problems)


def check_solution(instance: Instance, path: str | Path) -> KnownSolution:
    """Read a solution file (CVRPLIB ``.sol``) of ``instance`` and check it.

    Raises
    ------
    InvalidValue
        When the file is missing or unreadable, or names a client the instance does not have.
    """
    p = Path(path)
    if not p.is_file():
        raise InvalidValue(f"{p}: no such solution file", field="file")
    try:
        raw = vrplib.read_solution(p)
    except (ValueError, RuntimeError, IndexError, KeyError) as exc:
        raise InvalidValue(f"{p.name}: not a readable solution file: {exc}", field="file") from exc
    if "cost" not in raw:
        raise InvalidValue(f"{p.name}: states no cost", field="file")
    routes = tuple(tuple(int(c) for c in r) for r in raw["routes"])
    cost = route_cost(instance, routes)
    if instance.kind == "solomon":
        stated_recomputed = _cost_with(np.floor(instance.distances * 10) / 10, routes)
    else:
        stated_recomputed = cost
    return KnownSolution(
        routes=routes,
        stated_cost=float(raw["cost"]),
        stated_recomputed=stated_recomputed,
        cost=cost,
        violations=route_violations(instance, routes),
    )


def _cost_with(distances: npt.NDArray[np.float64], routes: Sequence[Sequence[int]]) -> float:
    return float(
        sum(distances[a, b] for r in routes if r for a, b in itertools.pairwise([0, *r, 0]))
    )


def _late(instance: Instance, route: Sequence[int]) -> list[str]:
    tw, service = instance.time_windows, instance.service
    if tw is None or service is None:
        return []
    # Only Solomon files have windows: travel time = exact distance.
    exact = instance.distances
    now, here, late = float(tw[0, 0]), 0, []
    for c in [*route, 0]:
        now = max(now + service[here] + exact[here, c], tw[c, 0])
        if now > tw[c, 1] + 1e-6:
            late.append(f"node {c} reached at {now:.3f} after its window closes at {tw[c, 1]:g}")
        here = c
    return late


def routing_model(instance: Instance) -> RoutingModel:
    """The instance in integers for the solver (see the module notes on scaling)."""
    n = instance.num_clients + 1
    if instance.kind == "solomon":
        dist = np.rint(instance.distances * SOLOMON_SCALE).astype(np.int64)
        dur = np.ceil(instance.distances * SOLOMON_SCALE - 1e-9).astype(np.int64)
        scale = SOLOMON_SCALE
    else:
        dist = np.rint(instance.distances).astype(np.int64)
        dur = np.zeros((n, n), dtype=np.int64)
        scale = 1
    tw, service = instance.time_windows, instance.service

    def window(node: int) -> tuple[int, int]:
        if tw is None:
            return 0, NO_LIMIT
        return round(tw[node, 0] * scale), round(tw[node, 1] * scale)

    clients = tuple(
        ModelClient(
            delivery=(int(instance.demand[i]),),
            pickup=(0,),
            service=0 if service is None else round(service[i] * scale),
            tw_early=window(i)[0],
            tw_late=window(i)[1],
            x=float(instance.coords[i, 0]),
            y=float(instance.coords[i, 1]),
        )
        for i in range(1, n)
    )
    early, late = window(0)
    depot = ModelDepot(early, late, float(instance.coords[0, 0]), float(instance.coords[0, 1]))
    vehicle = ModelVehicleType(
        count=instance.vehicles,
        capacity=(instance.capacity,),
        start_depot=0,
        end_depot=0,
        tw_early=early,
        tw_late=late,
    )
    return RoutingModel((depot,), clients, (vehicle,), (dist,), (dur,))


def solve_instance(path: str | Path, seconds: float, seed: int = 0) -> InstanceResult:
    """Solve an instance file and report its cost under the instance's convention.

    Parameters
    ----------
    path
        A Solomon ``.txt`` or VRPLIB ``.vrp`` file.
    seconds
        Time limit of the search.
    seed
        Seed of the search.

    Returns
    -------
    InstanceResult
        Cost recomputed from the routes (exact distances for Solomon, the instance's rounding
        for VRPLIB), the routes as client ids, and whether every rule holds in real numbers.
    """
    if not seconds > 0 or not math.isfinite(seconds):
        raise InvalidValue(f"time limit {seconds} s must be a positive number", field="seconds")
    instance = read_instance(path)
    solution = solve_model(routing_model(instance), seconds=seconds, seed=seed)
    routes = tuple(
        tuple(v.client + 1 for v in r.visits if v.client is not None) for r in solution.routes
    )
    feasible = solution.feasible and not route_violations(instance, routes)
    return InstanceResult(
        instance=instance.name,
        cost=route_cost(instance, routes),
        convention=instance.convention,
        routes=routes,
        feasible=feasible,
        seconds=seconds,
        seed=seed,
        runtime_s=solution.runtime_s,
    )
