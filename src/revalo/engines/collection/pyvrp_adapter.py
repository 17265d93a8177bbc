"""The one module that talks to PyVRP (pinned to 0.14.1: its API changes between versions).

The collection planner and the benchmark-instance readers both describe their problem as a
``RoutingModel``: integer matrices, clients, depots and vehicle types, nothing else. This
module turns it into PyVRP's ``ProblemData``, solves it with a seed and a stopping rule, and
turns PyVRP's best solution back into plain dataclasses. No other module imports ``pyvrp``.

Node numbering: the matrices are indexed by node; nodes ``0 .. len(depots) - 1`` are the
depots, the following ones the clients, in order.
"""

from __future__ import annotations

import math
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from pyvrp import (
    Activity,
    ActivityType,
    Client,
    Depot,
    Location,
    ProblemData,
    Route,
    Solution,
    SolveParams,
    VehicleType,
    solve,
)
from pyvrp.constants import MAX_SIZE
from pyvrp.exceptions import PenaltyBoundWarning
from pyvrp.stop import FirstFeasible, MaxIterations, MaxRuntime, MultipleCriteria, StoppingCriterion

#: Largest value PyVRP accepts in a matrix without losing precision (``pyvrp.constants``).
MAX_MATRIX_VALUE = 1 << 44
#: "No limit" for time windows and shift durations, as PyVRP writes it.
NO_LIMIT = int(np.iinfo(np.int64).max)


@dataclass(frozen=True, slots=True)
class ModelDepot:
    """A depot (hub): the window in which vehicles may be there."""

    tw_early: int = 0
    tw_late: int = NO_LIMIT
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True, slots=True)
class ModelClient:
    """A client: what is delivered to it and picked up there, per load dimension."""

    delivery: tuple[int, ...]
    pickup: tuple[int, ...]
    service: int = 0
    tw_early: int = 0
    tw_late: int = NO_LIMIT
    prize: int = 0
    required: bool = True
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True, slots=True)
class ModelVehicleType:
    """A vehicle type; ``profile`` picks the distance/duration matrices it drives on."""

    count: int
    capacity: tuple[int, ...]
    start_depot: int
    end_depot: int
    fixed_cost: int = 0
    unit_distance_cost: int = 1
    unit_duration_cost: int = 0
    tw_early: int = 0
    tw_late: int = NO_LIMIT
    shift_duration: int = NO_LIMIT
    reload_depots: tuple[int, ...] = ()
    max_reloads: int | None = None
    profile: int = 0
    name: str = ""


@dataclass(frozen=True, slots=True)
class RoutingModel:
    """A routing problem in integers, ready for the solver.

    ``distances[p]`` and ``durations[p]`` are the square node matrices of profile ``p``.
    """

    depots: tuple[ModelDepot, ...]
    clients: tuple[ModelClient, ...]
    vehicle_types: tuple[ModelVehicleType, ...]
    distances: tuple[npt.NDArray[np.int64], ...]
    durations: tuple[npt.NDArray[np.int64], ...]

    def __post_init__(self) -> None:
        n = len(self.depots) + len(self.clients)
        if not self.depots or not self.vehicle_types:
            raise ValueError("a routing model needs at least one depot and one vehicle type")
        if len(self.distances) != len(self.durations) or not self.distances:
            raise ValueError("one distance and one duration matrix per profile")
        for m in (*self.distances, *self.durations):
            if m.shape != (n, n):
                raise ValueError(f"matrix shape {m.shape} != ({n}, {n})")
        dims = {len(c.delivery) for c in self.clients} | {len(c.pickup) for c in self.clients}
        dims |= {len(v.capacity) for v in self.vehicle_types}
        if len(dims) > 1:
            raise ValueError(f"load dimensions differ between clients and vehicles: {dims}")

    @property
    def num_depots(self) -> int:
        return len(self.depots)


@dataclass(frozen=True, slots=True)
class ModelVisit:
    """One visit of a route: a client (``client`` >= 0) or a depot (start, reload or end).

    ``start`` is when service begins, ``end`` when it ends; ``wait`` is the time waited
    before ``start`` for the window to open; ``trip`` numbers the trips from 0.
    """

    node: int
    client: int | None
    depot: int | None
    trip: int
    start: int
    end: int
    wait: int


@dataclass(frozen=True, slots=True)
class ModelRoute:
    """A vehicle's route; ``cost`` is its fixed, distance and duration cost together, and
    ``feasible`` whether it keeps every limit."""

    vehicle_type: int
    visits: tuple[ModelVisit, ...]
    distance: int
    duration: int
    cost: int = 0
    feasible: bool = True

    @property
    def nodes(self) -> tuple[int, ...]:
        """The route's stops as nodes, without its start and end depots (a depot node in
        between is a reload)."""
        return tuple(v.node for v in self.visits[1:-1])


@dataclass(frozen=True, slots=True)
class ModelSolution:
    """The best solution found: feasible or not, its routes and the clients left out."""

    feasible: bool
    routes: tuple[ModelRoute, ...]
    unvisited: tuple[int, ...]
    objective: int
    iterations: int
    runtime_s: float


def _problem_data(model: RoutingModel) -> ProblemData:
    nd = model.num_depots
    locations = [Location(x=d.x, y=d.y) for d in model.depots] + [
        Location(x=c.x, y=c.y) for c in model.clients
    ]
    depots = [
        Depot(location=i, tw_early=d.tw_early, tw_late=d.tw_late)
        for i, d in enumerate(model.depots)
    ]
    clients = [
        Client(
            location=nd + i,
            delivery=list(c.delivery),
            pickup=list(c.pickup),
            service_duration=c.service,
            tw_early=c.tw_early,
            tw_late=c.tw_late,
            prize=c.prize,
            required=c.required,
        )
        for i, c in enumerate(model.clients)
    ]
    vehicle_types = [_vehicle_type(v) for v in model.vehicle_types]
    return ProblemData(
        locations,
        clients,
        depots,
        vehicle_types,
        [_matrix(m) for m in model.distances],
        [_matrix(m) for m in model.durations],
    )


def _matrix(m: npt.NDArray[np.int64]) -> Any:
    # PyVRP's stubs type matrices as ``np.ndarray[int]``, which NumPy's own types never are.
    return np.minimum(m, MAX_MATRIX_VALUE).astype(np.int64)


def _vehicle_type(v: ModelVehicleType) -> VehicleType:
    return VehicleType(
        num_available=v.count,
        capacity=list(v.capacity),
        start_depot=v.start_depot,
        end_depot=v.end_depot,
        fixed_cost=v.fixed_cost,
        tw_early=v.tw_early,
        tw_late=v.tw_late,
        shift_duration=v.shift_duration,
        unit_distance_cost=v.unit_distance_cost,
        unit_duration_cost=v.unit_duration_cost,
        profile=v.profile,
        reload_depots=list(v.reload_depots),
        max_reloads=MAX_SIZE if v.max_reloads is None else v.max_reloads,
        name=v.name,
    )


def _stop(seconds: float, max_iterations: int | None, first_feasible: bool) -> StoppingCriterion:
    criteria: list[StoppingCriterion] = [MaxRuntime(seconds)]
    if max_iterations is not None:
        criteria.append(MaxIterations(max_iterations))
    if first_feasible:
        criteria.append(FirstFeasible())
    return criteria[0] if len(criteria) == 1 else MultipleCriteria(criteria)


def solve_model(
    model: RoutingModel,
    *,
    seconds: float,
    seed: int = 0,
    max_iterations: int | None = None,
    first_feasible: bool = False,
) -> ModelSolution:
    """Solve ``model`` with PyVRP's iterated local search.

    Parameters
    ----------
    model
        The routing problem in integers.
    seconds
        Wall-clock limit of the search.
    seed
        Seed of the search's random numbers. The same seed gives the same solution when
        the search stops on ``max_iterations`` (a time limit depends on the machine).
    max_iterations
        Optional limit on the number of iterations (whichever limit comes first stops).
    first_feasible
        Stop as soon as a feasible solution is found (to time it).

    Returns
    -------
    ModelSolution
        The best solution found, feasible or not.
    """
    data = _problem_data(model)
    started = time.perf_counter()
    with warnings.catch_warnings():
        # PyVRP warns when a penalty reaches its bound on a hard instance; whether the best
        # solution keeps every rule is reported by ``feasible``, which is what callers read.
        warnings.simplefilter("ignore", PenaltyBoundWarning)
        result = solve(
            data,
            _stop(seconds, max_iterations, first_feasible),
            seed=seed,
            collect_stats=False,
            display=False,
            params=SolveParams(),
            initial_solution=_one_trip_each(data),
        )
    runtime = time.perf_counter() - started
    return _solution(model, result.best, result.num_iterations, runtime)


def _one_trip_each(data: ProblemData) -> Solution | None:
    """A trip of its own for every required pickup, when there are vehicles enough and each
    such trip keeps every rule; else None (the search starts from a random solution).

    The search keeps the best solution that keeps every rule, so starting from this one
    means a plan is found whenever the plain one exists: on small, tight problems the
    penalties for a little excess load can stay below a vehicle's fixed cost, and the
    search would otherwise end on a cheaper plan that breaks a limit.
    """
    left = [vt.num_available for vt in data.vehicle_types()]
    routes = []
    # A route's visits name clients by their index among the clients (PyVRP 0.14).
    for index, client in enumerate(data.clients()):
        if not client.required:
            continue
        for vt, available in enumerate(left):
            if available and (route := _trip(data, index, vt)) is not None:
                routes.append(route)
                left[vt] -= 1
                break
        else:
            return None
    return Solution(data, routes)


def _trip(data: ProblemData, client: int, vehicle_type: int) -> Route | None:
    route = Route(data, [client], vehicle_type)
    return route if route.is_feasible() else None


def _solution(
    model: RoutingModel, best: Solution, iterations: int, runtime: float
) -> ModelSolution:
    nd = model.num_depots
    routes = tuple(_model_route(route, nd) for route in best.routes())
    served = {v.client for r in routes for v in r.visits if v.client is not None}
    unvisited = tuple(i for i in range(len(model.clients)) if i not in served)
    objective = (
        best.distance_cost()
        + best.duration_cost()
        + best.fixed_vehicle_cost()
        + best.uncollected_prizes()
    )
    return ModelSolution(
        feasible=best.is_feasible(),
        routes=routes,
        unvisited=unvisited,
        objective=int(objective),
        iterations=iterations,
        runtime_s=runtime if math.isfinite(runtime) else 0.0,
    )


def _model_route(route: Route, nd: int) -> ModelRoute:
    visits = []
    for activity in route:
        is_client = activity.is_client()
        idx = activity.idx
        visits.append(
            ModelVisit(
                node=nd + idx if is_client else idx,
                client=idx if is_client else None,
                depot=None if is_client else idx,
                trip=activity.trip,
                start=activity.start_time,
                end=activity.end_time,
                wait=activity.wait_duration,
            )
        )
    cost = route.distance_cost() + route.duration_cost() + route.fixed_vehicle_cost()
    return ModelRoute(
        route.vehicle_type(),
        tuple(visits),
        route.distance(),
        route.duration(),
        int(cost),
        route.is_feasible(),
    )


class RouteEvaluator:
    """Prices and checks candidate routes of one model, for changes made after the search
    (taking a pickup off a route, putting one on)."""

    def __init__(self, model: RoutingModel) -> None:
        self._nd = model.num_depots
        self._data = _problem_data(model)
        self._seen: dict[tuple[int, tuple[int, ...]], ModelRoute] = {}

    def route(self, vehicle_type: int, nodes: Sequence[int]) -> ModelRoute:
        """The route of a vehicle of ``vehicle_type`` through ``nodes`` in that order
        (clients, and depots where it reloads; not its start and end depots), priced;
        ``feasible`` says whether it keeps every limit (load, windows, shift, hub hours)."""
        key = (vehicle_type, tuple(nodes))
        if key not in self._seen:
            activities = [
                Activity(ActivityType.CLIENT, n - self._nd)
                if n >= self._nd
                else Activity(ActivityType.DEPOT, n)
                for n in nodes
            ]
            self._seen[key] = _model_route(Route(self._data, activities, vehicle_type), self._nd)
        return self._seen[key]
