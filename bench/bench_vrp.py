"""Collection planner's solver (PyVRP) on public VRP benchmarks, beside OR-Tools routing.

For every instance in tests/data/vrp/ (Solomon 100-customer VRPTW, X-set CVRP), both
solvers get the same integer data (see ``revalo.engines.collection.instances``) and the
same time limit, one after the other; both costs are recomputed from the routes under the
instance's convention (Solomon: distance only, exact Euclidean distances; X: distance only,
rounded to the nearest integer) and compared with a reference cost: the published best known,
or the shipped .sol when it is checked feasible and cheaper. Then a synthetic day plan: 1,000
pickups, 4 hubs, France and Belgium: time to a first feasible plan, and the plan after 60 s.

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
    KnownSolution,
    check_solution,
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

#: Published best known costs under each instance's convention (tests/data/README.md).
#: Solomon: distance only, exact distances, VROOM's benchmarks/VRPTW/BKS.json (keys
#: ``NAME_distance``); X: CVRPLIB, distances rounded (Uchoa et al. 2017).
PUBLISHED = {
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
class Reference:
    """The cost a gap is measured from: the published figure, or the shipped solution's cost
    when that solution is feasible and cheaper (recomputed under the same convention)."""

    published: float
    known: KnownSolution

    @property
    def cost(self) -> float:
        return min(self.published, self.known.cost) if self.known.feasible else self.published

    @property
    def source(self) -> str:
        if self.known.feasible and math.isclose(self.known.cost, self.published, abs_tol=0.005):
            return "published, = .sol"
        return ".sol" if self.cost < self.published else "published"


@dataclass(frozen=True)
class Run:
    cost: float
    feasible: bool
    cpu_s: float

    @property
    def solved(self) -> bool:
        return self.feasible and math.isfinite(self.cost)


@dataclass(frozen=True)
class Row:
    name: str
    group: str
    reference: float
    pyvrp: Run
    ortools: Run

    def gap(self, run: Run) -> float:
        return 100.0 * (run.cost - self.reference) / self.reference if run.solved else math.inf


def instance_files() -> list[Path]:
    """Every instance of PUBLISHED with its .sol; exits naming what is missing or unknown."""
    files = sorted((DATA / "solomon").glob("*.txt")) + sorted((DATA / "cvrp").glob("*.vrp"))
    unknown = sorted(p.stem for p in files if p.stem not in PUBLISHED)
    missing = sorted(set(PUBLISHED) - {p.stem for p in files})
    missing += [p.with_suffix(".sol").name for p in files if not p.with_suffix(".sol").is_file()]
    if missing or unknown:
        raise SystemExit(
            f"{DATA}: missing {missing or 'nothing'}; without a published cost {unknown or 'none'}"
            " — the benchmark measures nothing without its data (tests/data/README.md)"
        )
    return files


def reference(path: Path, instance: Instance) -> Reference:
    """Check the shipped .sol (its stated cost, its rules in real numbers) and print it."""
    known = check_solution(instance, path.with_suffix(".sol"))
    if not known.matches_stated_cost:
        raise SystemExit(
            f"{path.with_suffix('.sol')}: states {known.stated_cost:g}, its routes cost "
            f"{known.stated_recomputed:.2f} under the file's convention: the data is not "
            "what tests/data/README.md describes"
        )
    ref = Reference(PUBLISHED[instance.name], known)
    state = "feasible" if known.feasible else "breaks " + "; ".join(known.violations)
    print(
        f"  {instance.name:<11} published {ref.published:9.2f}; .sol {known.cost:9.2f} "
        f"({len(known.routes)} routes, states {known.stated_cost:g}), {state} "
        f"-> {ref.cost:.2f} ({ref.source})"
    )
    return ref


def pyvrp_solve(path: Path, seconds: float) -> Run:
    started = time.process_time()
    result = solve_instance(path, seconds, seed=0)
    return Run(result.cost, result.feasible, time.process_time() - started)


def ortools_solve(instance: Instance, seconds: float) -> Run:
    """OR-Tools routing as its guides set up a CVRP and a VRPTW, on the same integer data.

    Transits are matrices and vectors handed to C++ (``RegisterTransitMatrix``,
    ``RegisterUnaryTransitVector``), not Python callbacks; a capacity dimension; for Solomon
    a time dimension whose transit is the service at the origin plus the travel time, with
    waiting allowed (slack up to the horizon) and every window set on its ``CumulVar``.
    First solution: ``PATH_CHEAPEST_ARC`` for CVRP as in the CVRP guide;
    ``PARALLEL_CHEAPEST_INSERTION`` with windows, where ``PATH_CHEAPEST_ARC`` finds nothing
    on R101 and RC101. Then ``GUIDED_LOCAL_SEARCH`` until the time limit.
    """
    started = time.process_time()
    model = routing_model(instance)
    n = len(model.clients) + 1
    if instance.kind == "solomon":
        vehicles = instance.vehicles
    else:
        # X names give the fewest vehicles (k); leave room for the search.
        vehicles = math.ceil(int(instance.demand.sum()) / instance.capacity) + 3
    manager = pywrapcp.RoutingIndexManager(n, vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    arc = routing.RegisterTransitMatrix(model.distances[0].tolist())
    routing.SetArcCostEvaluatorOfAllVehicles(arc)
    load = routing.RegisterUnaryTransitVector([0] + [c.delivery[0] for c in model.clients])
    routing.AddDimensionWithVehicleCapacity(
        load, 0, [instance.capacity] * vehicles, True, "Capacity"
    )
    first = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    if instance.kind == "solomon":
        first = routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
        service = np.array([0] + [c.service for c in model.clients], dtype=np.int64)
        travel = routing.RegisterTransitMatrix((service[:, None] + model.durations[0]).tolist())
        depot = model.depots[0]
        routing.AddDimension(travel, depot.tw_late, depot.tw_late, False, "Time")
        time_dim = routing.GetDimensionOrDie("Time")
        for k, c in enumerate(model.clients, start=1):
            time_dim.CumulVar(manager.NodeToIndex(k)).SetRange(c.tw_early, c.tw_late)
        for v in range(vehicles):
            for index in (routing.Start(v), routing.End(v)):
                time_dim.CumulVar(index).SetRange(depot.tw_early, depot.tw_late)
                routing.AddVariableMinimizedByFinalizer(time_dim.CumulVar(index))
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = first
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(params)
    if solution is None:
        return Run(math.inf, False, time.process_time() - started)
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
    return Run(
        route_cost(instance, routes),
        not route_violations(instance, routes),
        time.process_time() - started,
    )


def benchmark(seconds: float, only: list[str]) -> list[Row]:
    files = [
        p
        for p in instance_files()
        if not only or any(p.stem.lower().startswith(o.lower()) for o in only)
    ]
    instances = [(p, read_instance(p)) for p in files]
    print(
        "Reference costs: the published best known, or the shipped .sol when it is feasible in\n"
        "real numbers and cheaper under the benchmark's convention. Each .sol is recomputed and\n"
        "must hold the cost it states (Solomon: distances truncated to one decimal; X: rounded)."
    )
    refs = {instance.name: reference(path, instance) for path, instance in instances}
    print(
        f"\n{'instance':<12} {'reference':>10} {'PyVRP':>10} {'gap':>8} {'CPU s':>6} "
        f"{'OR-Tools':>10} {'gap':>8} {'CPU s':>6}  ({seconds:g} s each, one solver after "
        "the other; * = breaks a rule)"
    )
    rows = []
    for path, instance in instances:
        mine = pyvrp_solve(path, seconds)
        theirs = ortools_solve(instance, seconds)
        group = "Solomon" if instance.kind == "solomon" else "X"
        row = Row(instance.name, group, refs[instance.name].cost, mine, theirs)
        rows.append(row)
        print(_line(row), flush=True)
    return rows


def _line(r: Row) -> str:
    def run(x: Run) -> str:
        cost = f"{x.cost:10.2f}" if math.isfinite(x.cost) else f"{'none':>10}"
        gap = f"{r.gap(x):7.2f}%" if x.solved else "-"
        broken = "*" if math.isfinite(x.cost) and not x.feasible else " "
        return f"{cost}{broken}{gap:>8} {x.cpu_s:6.1f}"

    return f"{r.name:<12} {r.reference:>10.2f} {run(r.pyvrp)} {run(r.ortools)}"


def _means(rows: list[Row]) -> None:
    for group in ("Solomon", "X"):
        sel = [r for r in rows if r.group == group]
        if not sel:
            continue
        print(f"{group} ({len(sel)} instance{'' if len(sel) == 1 else 's'}):")
        print(_solver_line(sel, "pyvrp"))
        print(_solver_line(sel, "ortools"))
        both = [r for r in sel if r.pyvrp.solved and r.ortools.solved]
        if len(both) < len(sel):
            print(
                f"  on the {len(both)} of {len(sel)} both solved: PyVRP {_stat(both, 'pyvrp')}, "
                f"OR-Tools {_stat(both, 'ortools')}"
            )


def _solver_line(rows: list[Row], solver: str) -> str:
    """Mean gap, where the solver found nothing feasible, and where it beat the reference."""
    name = "PyVRP" if solver == "pyvrp" else "OR-Tools"
    line = f"  {name:<8} mean gap {_stat(rows, solver)}"
    unsolved = [r.name for r in rows if not getattr(r, solver).solved]
    if unsolved:
        line += f"; no feasible solution on {', '.join(unsolved)}"
    # Below the reference by more than its rounding: that reference is loose.
    below = [(r.name, r.gap(getattr(r, solver))) for r in rows]
    below = [(n, g) for n, g in below if g < -0.01]
    if below:
        line += "; below the reference on " + ", ".join(f"{n} ({g:.2f} %)" for n, g in below)
    return line


def _stat(rows: list[Row], solver: str) -> str:
    """Mean and worst gap over the rows the solver solved (feasible in real numbers)."""
    gaps = [r.gap(getattr(r, solver)) for r in rows if getattr(r, solver).solved]
    if not gaps:
        return "- (none solved)"
    return f"{statistics.fmean(gaps):.2f} % (worst {max(gaps):.2f} %, {len(gaps)} solved)"


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
    rows = benchmark(args.seconds, args.only)
    _means(rows)
    if not args.only or any("synthetic" in o.lower() for o in args.only):
        synthetic(args.synthetic_seconds)


if __name__ == "__main__":
    main()
