"""Collection planner's solver (PyVRP) on public VRP benchmarks, beside OR-Tools routing.

For every instance in tests/data/vrp/ (Solomon 100-customer VRPTW, X-set CVRP), both
solvers get the same integer data (see ``revalo.engines.collection.instances``) and the
same time limit; both costs are recomputed from the routes under the instance's convention
(Solomon: distance only, exact Euclidean distances; X: distance only, rounded to the nearest
integer) and compared with the best known cost. Then a synthetic day plan: 1,000 pickups,
4 hubs, France and Belgium: time to a first feasible plan, and the plan after 60 s.

OR-Tools is the benchmark's optional dependency (``pip install revalo[bench]``).

Run from the repository root:

    .venv/bin/python bench/bench_vrp.py    # full: 10 instances x 2 solvers x 10 s + 2 x 60 s
    .venv/bin/python bench/bench_vrp.py --seconds 2 --only C101 --only X-n101
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from revalo.engines.collection.instances import (
    Instance,
    read_instance,
    route_cost,
    route_violations,
    routing_model,
    solve_instance,
)
from revalo.engines.collection.problem import (
    CollectionParams,
    CollectionProblem,
    FleetType,
    Hub,
    Pickup,
)
from revalo.engines.collection.result import PlanStatus
from revalo.engines.collection.solve import solve_collection
from revalo.engines.transport.carriers import FleetVehicle
from revalo.engines.transport.places import Place
from revalo.engines.transport.rate_cards import load_transport_config

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "vrp"

#: Best known costs, from tests/data/README.md. Solomon: distance only with exact
#: distances (VROOM benchmarks/VRPTW/BKS.json); X: CVRPLIB, distances rounded (Uchoa 2017).
BEST_KNOWN = {
    "C101": 828.94,
    "C201": 591.56,
    "R101": 1642.88,
    "R201": 1149.68,
    "RC101": 1643.41,
    "RC201": 1265.56,
    "X-n101-k25": 27591.0,
    "X-n110-k13": 14971.0,
    "X-n120-k6": 13332.0,
    "X-n143-k7": 15700.0,
}


@dataclass(frozen=True)
class Row:
    name: str
    group: str
    best: float
    pyvrp: float
    pyvrp_ok: bool
    ortools: float
    ortools_ok: bool

    @staticmethod
    def gap(cost: float, best: float) -> float:
        return 100.0 * (cost - best) / best if math.isfinite(cost) else math.inf


def ortools_solve(instance: Instance, seconds: float) -> tuple[float, bool]:
    """OR-Tools routing on the same integer data: capacity dimension, time dimension with
    the windows (Solomon), guided local search, the same time limit."""
    model = routing_model(instance)
    dist, dur = model.distances[0], model.durations[0]
    n = len(model.clients) + 1
    demand = [0] + [c.delivery[0] for c in model.clients]
    if instance.kind == "solomon":
        vehicles = instance.vehicles
    else:
        # X names give the fewest vehicles (k); leave room for the search.
        vehicles = math.ceil(int(instance.demand.sum()) / instance.capacity) + 3
    manager = pywrapcp.RoutingIndexManager(n, vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    dist_list = dist.tolist()

    def distance(i: int, j: int) -> int:
        return int(dist_list[manager.IndexToNode(i)][manager.IndexToNode(j)])

    arc = routing.RegisterTransitCallback(distance)
    routing.SetArcCostEvaluatorOfAllVehicles(arc)

    def load(i: int) -> int:
        return int(demand[manager.IndexToNode(i)])

    load_cb = routing.RegisterUnaryTransitCallback(load)
    routing.AddDimensionWithVehicleCapacity(
        load_cb, 0, [instance.capacity] * vehicles, True, "Capacity"
    )
    if instance.kind == "solomon":
        dur_list = dur.tolist()
        service = [0] + [c.service for c in model.clients]

        def travel(i: int, j: int) -> int:
            a, b = manager.IndexToNode(i), manager.IndexToNode(j)
            return int(service[a] + dur_list[a][b])

        time_cb = routing.RegisterTransitCallback(travel)
        depot = model.depots[0]
        routing.AddDimension(time_cb, depot.tw_late, depot.tw_late, False, "Time")
        time_dim = routing.GetDimensionOrDie("Time")
        for k, c in enumerate(model.clients, start=1):
            time_dim.CumulVar(manager.NodeToIndex(k)).SetRange(c.tw_early, c.tw_late)
        for v in range(vehicles):
            time_dim.CumulVar(routing.Start(v)).SetRange(depot.tw_early, depot.tw_late)
            time_dim.CumulVar(routing.End(v)).SetRange(depot.tw_early, depot.tw_late)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(params)
    if solution is None:
        return math.inf, False
    routes = []
    for v in range(vehicles):
        index, route = routing.Start(v), []
        while not routing.IsEnd(index):
            node = manager.IndexToNode(index)
            if node:
                route.append(node)
            index = solution.Value(routing.NextVar(index))
        if route:
            routes.append(route)
    return route_cost(instance, routes), not route_violations(instance, routes)


def benchmark(seconds: float, only: list[str]) -> list[Row]:
    rows = []
    files = sorted((DATA / "solomon").glob("*.txt")) + sorted((DATA / "cvrp").glob("*.vrp"))
    if len(files) != len(BEST_KNOWN):
        raise SystemExit(
            f"expected the {len(BEST_KNOWN)} instances of {DATA}, found {len(files)}: "
            "the benchmark measures nothing without its data"
        )
    for path in files:
        if only and not any(path.stem.lower().startswith(o.lower()) for o in only):
            continue
        instance = read_instance(path)
        mine = solve_instance(path, seconds, seed=0)
        theirs, theirs_ok = ortools_solve(instance, seconds)
        row = Row(
            instance.name,
            "Solomon" if instance.kind == "solomon" else "X",
            BEST_KNOWN[instance.name],
            mine.cost,
            mine.feasible,
            theirs,
            theirs_ok,
        )
        rows.append(row)
        print(_line(row), flush=True)
    return rows


def _line(r: Row) -> str:
    def cost(c: float, ok: bool) -> str:
        return f"{c:10.2f}{'' if ok else '*'}" if math.isfinite(c) else f"{'none':>10}"

    def gap(c: float) -> str:
        g = Row.gap(c, r.best)
        return f"{g:>7.2f}%" if math.isfinite(g) else f"{'-':>8}"

    return (
        f"{r.name:<12} {r.best:>10.2f} {cost(r.pyvrp, r.pyvrp_ok)} {gap(r.pyvrp)} "
        f"{cost(r.ortools, r.ortools_ok)} {gap(r.ortools)}"
    )


def _means(rows: list[Row]) -> None:
    for group in ("Solomon", "X"):
        sel = [r for r in rows if r.group == group]
        if sel:
            print(
                f"mean gap {group:<8} ({len(sel)} instances): {_mean(sel, 'pyvrp')}, "
                f"{_mean(sel, 'ortools')}"
            )


def _mean(rows: list[Row], solver: str) -> str:
    """Mean gap over the instances the solver solved, and how many it did not."""
    gaps = [Row.gap(getattr(r, solver), r.best) for r in rows]
    solved = [g for g in gaps if math.isfinite(g)]
    name = "PyVRP" if solver == "pyvrp" else "OR-Tools"
    text = f"{name} {statistics.fmean(solved):.2f} %" if solved else f"{name} -"
    missing = len(gaps) - len(solved)
    return text + (f" ({missing} without a solution)" if missing else "")


# ------------------------------------------------------------------ synthetic day plan
HUBS = {  # code: (country, lat, lon)
    "PAR": ("FR", 48.90, 2.45),
    "LIL": ("FR", 50.60, 3.10),
    "REI": ("FR", 49.25, 4.03),
    "BRU": ("BE", 50.85, 4.35),
}


def synthetic_problem(n: int = 1000, seed: int = 1) -> CollectionProblem:
    """1,000 pickups around four hubs in France and Belgium (example data, seeded).

    Daily value loss: 1 % of the goods' value per week (a returned computer, Blackburn et
    al., California Management Review 2004); values, masses and windows are made up for
    the benchmark.
    """
    rng = np.random.default_rng(seed)
    day = date(2025, 3, 10)
    hubs = tuple(
        Hub(code, Place(f"HUB-{code}", c, lat, lon), 360, 1260)
        for code, (c, lat, lon) in HUBS.items()
    )
    pickups = []
    codes = list(HUBS)
    for i in range(n):
        country, lat, lon = HUBS[codes[int(rng.integers(len(codes)))]]
        start = int(rng.choice([480, 480, 480, 540, 780]))
        value = float(rng.uniform(50, 2000))
        pickups.append(
            Pickup(
                f"P{i:04d}",
                Place(
                    f"C{i:04d}",
                    country,
                    lat + float(rng.normal(0, 0.35)),
                    lon + float(rng.normal(0, 0.5)),
                ),
                kg=float(np.clip(rng.lognormal(3.0, 0.9), 1, 400)),
                m3=float(np.clip(rng.lognormal(-1.5, 0.8), 0.01, 3)),
                due_on=day + timedelta(days=int(rng.integers(-1, 6))),
                daily_value_loss_eur=value * 0.01 / 7,
                earliest_min=start,
                latest_min=start + int(rng.choice([240, 480, 600])),
                service_min=float(rng.integers(5, 16)),
                lithium=bool(rng.random() < 0.2),
                bulky=bool(rng.random() < 0.1),
            )
        )
    cards = load_transport_config().rate_cards
    van, rigid = cards.get("OWN-VAN"), cards.get("OWN-RIGID")
    assert isinstance(van, FleetVehicle) and isinstance(rigid, FleetVehicle)
    fleet = tuple(
        [FleetType(van, 14, h, reload_hubs=(h,)) for h in ("PAR", "LIL", "REI")]
        + [FleetType(rigid, 12, "BRU", reload_hubs=("BRU",)), FleetType(rigid, 4, "LIL")]
    )
    return CollectionProblem(day, hubs, tuple(pickups), fleet)


def synthetic(seconds: float) -> None:
    problem = synthetic_problem()
    required = sum(problem.is_required(p) for p in problem.pickups)
    print(
        f"\nSynthetic day plan: {len(problem.pickups)} pickups ({required} past due), "
        f"{len(problem.hubs)} hubs (FR, BE), {sum(f.count for f in problem.fleet)} vehicles"
    )
    started = time.perf_counter()
    quick = solve_collection(problem, CollectionParams(seconds=seconds, first_feasible=True))
    took = time.perf_counter() - started
    print(
        f"  first feasible plan: {quick.status}, {took:.1f} s wall "
        f"(search {quick.runtime_s:.1f} s), cost {quick.total_cost_eur:,.0f} EUR"
    )
    started = time.perf_counter()
    plan = solve_collection(problem, CollectionParams(seconds=seconds))
    took = time.perf_counter() - started
    assert plan.status is PlanStatus.FEASIBLE, plan.messages
    print(
        f"  after {seconds:g} s: {took:.1f} s wall, {plan.iterations} iterations; "
        f"{len(plan.routes)} routes, {sum(r.trips for r in plan.routes)} trips, "
        f"{len(plan.collected)} collected, {len(plan.deferred)} deferred; "
        f"routes {plan.cost_eur:,.0f} EUR + waiting {plan.waiting_cost_eur:,.0f} EUR = "
        f"{plan.total_cost_eur:,.0f} EUR; {plan.km:,.0f} km, {plan.co2e_kg:,.0f} kg CO2e; "
        f"{len(plan.cheaper_to_ship)} cheaper to ship"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=10.0, help="limit per instance and solver")
    ap.add_argument("--synthetic-seconds", type=float, default=60.0)
    ap.add_argument("--only", action="append", default=[], help="instances whose name starts so")
    args = ap.parse_args()
    print(
        f"{'instance':<12} {'best known':>10} {'PyVRP':>10} {'gap':>8} {'OR-Tools':>10} "
        f"{'gap':>8}   ({args.seconds:g} s each; * = breaks a rule)"
    )
    rows = benchmark(args.seconds, args.only)
    _means(rows)
    if not args.only or any("synthetic" in o.lower() for o in args.only):
        synthetic(args.synthetic_seconds)


if __name__ == "__main__":
    main()
