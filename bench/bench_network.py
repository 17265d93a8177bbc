"""Benchmark of the network engine. Run: ``python bench/bench_network.py``.

1. The OR-Library capacitated facility location instances carried in tests/data/cflp
   (Beasley 1988): time to the proven optimum and gap to the published one, split demand;
   single sourcing's cost; the DROP heuristic's cost and time on the same instance.
2. A synthetic European network (200 candidate hubs x 5,000 demand areas, see
   ``bench/_network_world.py``) with a 60 s limit: the plan's cost, the bound and gap it
   states, the time to the first feasible plan; against the DROP heuristic alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _network_world import european_network
from revalo.engines.network import NetworkParams
from revalo.engines.network.baselines import greedy_drop
from revalo.engines.network.cflp import cflp_problem, read_cflp, solve_cflp
from revalo.engines.network.large import solve_large_network

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "cflp"
#: Proven optima, split demand (OR-Library capopt; tests/data/README.md).
OPTIMA = {"cap41": 1040444.375, "cap72": 977799.400}


def or_library(repeats: int) -> None:
    print("OR-Library capacitated facility location (split demand unless said)")
    print(
        f"{'instance':9} {'optimum':>14} {'found':>14} {'gap %':>8} {'median s':>9} "
        f"{'max s':>7} {'single sourcing':>28} {'DROP cost':>14} {'DROP gap %':>10} {'DROP s':>7}"
    )
    for name, optimum in OPTIMA.items():
        path = DATA / f"{name}.txt"
        if not path.exists():
            raise SystemExit(f"missing instance {path}: the benchmark needs tests/data/cflp")
        instance = read_cflp(path)
        times, result = [], None
        for _ in range(repeats):
            result = solve_cflp(instance)
            times.append(result.runtime_s)
        assert result is not None
        single = solve_cflp(instance, single_sourcing=True)
        ss = (
            f"{single.cost:,.3f} ({single.status})"
            if single.status == "optimal"
            else f"{single.status} ({len(single.reason.split('(')) - 1} too big)"
        )
        started = time.perf_counter()
        drop = greedy_drop(cflp_problem(instance))
        drop_s = time.perf_counter() - started
        print(
            f"{name:9} {optimum:14,.3f} {result.cost:14,.3f} "
            f"{100 * (result.cost - optimum) / optimum:8.4f} {statistics.median(times):9.3f} "
            f"{max(times):7.3f} {ss:>28} {drop.objective:14,.3f} "
            f"{100 * (drop.objective - optimum) / optimum:10.3f} {drop_s:7.2f}"
        )


def europe(seconds: float, sites: int, areas: int) -> None:
    problem = european_network(n_sites=sites, n_areas=areas)
    print(
        f"\nSynthetic European network: {sites} candidate hubs x {areas:,} demand areas, "
        f"{len(problem.inbound):,} lanes within 2 days, {problem.total_units:,.0f} units a year"
    )
    params = NetworkParams(time_limit_s=seconds, mip_gap=1e-4)
    started = time.perf_counter()
    drop = greedy_drop(problem, params)
    drop_s = time.perf_counter() - started
    started = time.perf_counter()
    plan = solve_large_network(problem, params)
    plan_s = time.perf_counter() - started
    print(
        f"DROP heuristic (baseline): {drop.status}, cost {drop.objective:,.0f} EUR, "
        f"{int(drop.open.sum())} hubs, {drop_s:.1f} s"
    )
    print(
        f"network engine: {plan.status}, cost {plan.objective:,.0f} EUR, "
        f"{int(plan.open.sum())} hubs, bound {plan.bound:,.0f}, stated gap "
        f"{100 * plan.gap:.2f} %, first feasible plan after {plan.first_feasible_s:.1f} s, "
        f"{plan_s:.1f} s in all (limit {seconds:g} s)"
    )
    print(
        f"cost engine / DROP: {plan.objective / drop.objective:.4f}; DROP's own gap to the "
        f"bound: {100 * (drop.objective - plan.bound) / drop.objective:.2f} %"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10, help="solves of each instance")
    parser.add_argument("--seconds", type=float, default=60.0, help="limit, European network")
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--areas", type=int, default=5000)
    args = parser.parse_args()
    or_library(args.repeats)
    europe(args.seconds, args.sites, args.areas)


if __name__ == "__main__":
    main()
