"""The OR-Library capacitated facility location instances (Beasley 1988), solved with the
network engine.

Format: first line ``m n``; then m lines ``capacity fixed_cost``; then, for each of the n
customers, its demand followed by the cost of serving *all* its demand from each of the m
sites (J. E. Beasley, "An algorithm for solving large capacitated warehouse location
problems", European Journal of Operational Research 33(3), 1988; OR-Library, capinfo).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from revalo.domain.errors import DomainError
from revalo.engines.network.highs_model import FloatArray, IntArray
from revalo.engines.network.params import NetworkParams
from revalo.engines.network.problem import (
    NetworkProblem,
    empty_lanes,
    lanes,
    plain_demands,
    receiving_sites,
)
from revalo.engines.network.solve import NetworkResult, solve_network


@dataclass(frozen=True, eq=False)
class CflpInstance:
    name: str
    capacity: FloatArray
    fixed_cost: FloatArray
    demand: FloatArray
    #: ``cost[j, i]``: serving all of customer j's demand from site i.
    cost: FloatArray


@dataclass(frozen=True, eq=False)
class CflpResult:
    instance: str
    single_sourcing: bool
    status: str
    cost: float
    bound: float
    gap: float
    open_sites: tuple[int, ...]
    #: ``assignment[j]``: the site serving the largest share of customer j (-1: no plan).
    assignment: IntArray
    #: Customers whose demand is split between sites.
    split: int
    first_feasible_s: float | None
    runtime_s: float
    reason: str


def parse_cflp(text: str, name: str = "instance") -> CflpInstance:
    """Read an instance; a malformed one raises a DomainError naming what is wrong."""
    tokens = text.split()
    try:
        values = [float(t) for t in tokens]
    except ValueError as exc:
        raise DomainError(f"{name}: not an OR-Library capacitated instance ({exc})") from None
    if len(values) < 2:
        raise DomainError(f"{name}: empty file, expected 'm n' on the first line")
    m, n = values[0], values[1]
    if m != int(m) or n != int(n) or m < 1 or n < 1:
        raise DomainError(f"{name}: the first line must hold the number of sites and customers")
    m, n = int(m), int(n)
    expected = 2 + 2 * m + n * (1 + m)
    if len(values) != expected:
        raise DomainError(
            f"{name}: {m} sites and {n} customers need {expected} numbers, the file has "
            f"{len(values)}"
        )
    head = np.array(values[2 : 2 + 2 * m]).reshape(m, 2)
    body = np.array(values[2 + 2 * m :]).reshape(n, 1 + m)
    if (head < 0).any() or (body < 0).any():
        raise DomainError(f"{name}: capacities, costs and demands must not be negative")
    return CflpInstance(name, head[:, 0], head[:, 1], body[:, 0], body[:, 1:])


def read_cflp(path: Path) -> CflpInstance:
    return parse_cflp(path.read_text(encoding="utf-8"), path.stem)


def cflp_problem(instance: CflpInstance) -> NetworkProblem:
    """Sites that receive only, one lane per customer and site; the per-unit cost is the
    instance's cost of serving the whole demand divided by the demand."""
    m, n = len(instance.capacity), len(instance.demand)
    j, i = np.divmod(np.arange(n * m, dtype=np.int64), m)
    demand = instance.demand[j]
    per_unit = np.divide(instance.cost[j, i], demand, out=np.zeros(n * m), where=demand > 0)
    return NetworkProblem(
        sites=receiving_sites(
            [f"site {k + 1}" for k in range(m)], instance.fixed_cost, instance.capacity
        ),
        demands=plain_demands([f"customer {k + 1}" for k in range(n)], instance.demand),
        inbound=lanes(j, i, per_unit),
        onward=empty_lanes(),
    )


def solve_cflp(
    instance: CflpInstance,
    *,
    single_sourcing: bool = False,
    time_limit_s: float = 60.0,
    seed: int = 0,
) -> CflpResult:
    problem = cflp_problem(instance)
    params = NetworkParams(single_sourcing=single_sourcing, time_limit_s=time_limit_s)
    return cflp_result(instance, single_sourcing, solve_network(problem, params, seed=seed))


def cflp_result(instance: CflpInstance, single_sourcing: bool, r: NetworkResult) -> CflpResult:
    n = len(instance.demand)
    assignment = np.full(n, -1, dtype=np.int64)
    split = 0
    if r.has_plan:
        best = np.full(n, -1.0)
        counts = np.zeros(n, dtype=np.int64)
        for d, s, u in zip(r.inbound.origin, r.inbound.site, r.inbound_units, strict=True):
            if u > 1e-6:
                counts[d] += 1
                if u > best[d]:
                    best[d], assignment[d] = u, s
        split = int((counts > 1).sum())
    return CflpResult(
        instance=instance.name,
        single_sourcing=single_sourcing,
        status=r.status,
        cost=r.objective,
        bound=r.bound,
        gap=r.gap,
        open_sites=tuple(int(s) for s in np.flatnonzero(r.open)),
        assignment=assignment,
        split=split,
        first_feasible_s=r.first_feasible_s,
        runtime_s=r.runtime_s,
        reason=r.reason,
    )
