"""Which sites to open and where each demand point's units go: the optimal plan, or the best
found with its gap, or the reason there is none."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from revalo.engines.network.highs_model import BoolArray, FloatArray, SparseMip, solve_sparse
from revalo.engines.network.model import BuiltModel, build_model, usable_inbound
from revalo.engines.network.params import NetworkParams
from revalo.engines.network.problem import (
    ACTIVITIES,
    DOWNSTREAM,
    RECEIVING,
    Lanes,
    NetworkProblem,
)

#: Flows below this share of a unit are solver noise.
_TOL = 1e-6


@dataclass(frozen=True, eq=False)
class NetworkResult:
    """A plan. ``status``: "optimal" (proven within ``params.mip_gap``), "feasible" (the
    time ran out; ``gap`` says how far from optimal it may be), "heuristic" (a baseline's
    plan, no bound), "infeasible" (``unserved``
    names the demand points that cannot be served and ``reason`` says why), "no_plan" (the
    time ran out before any plan was found) or "empty" (no demand).

    ``inbound_units[l]`` is the units a year on ``inbound`` lane l (the lanes the model could
    use); ``onward_units[m, k]`` those sent on ``onward`` lane m to downstream activity k."""

    status: str
    open: BoolArray
    inbound: Lanes
    inbound_units: FloatArray
    onward: Lanes
    onward_units: FloatArray
    objective: float
    bound: float
    gap: float
    fixed_cost: float
    processing_cost: float
    transport_cost: float
    co2_cost: float
    co2_kg: float
    usage: FloatArray
    unserved: tuple[str, ...]
    reason: str
    first_feasible_s: float | None
    runtime_s: float

    @property
    def has_plan(self) -> bool:
        return self.status in ("optimal", "feasible", "heuristic", "empty")

    def __post_init__(self) -> None:
        if self.status in ("infeasible", "no_plan"):
            if not self.reason:
                raise ValueError("a result without a plan says why")
            return
        total = self.fixed_cost + self.processing_cost + self.transport_cost + self.co2_cost
        if not math.isclose(total, self.objective, rel_tol=1e-6, abs_tol=1e-3):
            raise ValueError("the cost parts do not add up to the objective")
        used = self.inbound_units > _TOL
        if used.any() and not self.open[self.inbound.site[used]].all():
            raise ValueError("units go to a closed hub")
        if self.gap < 0 or self.runtime_s < 0:
            raise ValueError("gap and runtime must not be negative")


@dataclass(frozen=True, slots=True)
class _Shortfall:
    unserved: tuple[str, ...]
    reason: str


def solve_network(
    problem: NetworkProblem, params: NetworkParams | None = None, *, seed: int = 0
) -> NetworkResult:
    """Solve the facility location problem.

    Parameters
    ----------
    problem
        Sites, demand points and lanes.
    params
        Sourcing, caps, CO2 price and stopping rule.
    seed
        HiGHS's random seed: the same seed gives the same plan.

    Returns
    -------
    NetworkResult
        Never raises for an infeasible problem: the status and reason say so.
    """
    params = params or NetworkParams()
    started = time.perf_counter()
    if problem.total_units <= 0:
        built = build_model(problem, params)
        x0 = np.zeros(len(built.mip.cost))
        return _result(problem, built, params, x0, "empty", 0.0, 0.0, 0.0, 0.0)
    unreachable = _unreachable(problem, params) or _too_big(problem, params)
    if unreachable:
        return _no_plan(problem, params, "infeasible", unreachable, time.perf_counter() - started)
    built = build_model(problem, params)
    out = solve_sparse(
        built.mip,
        time_limit_s=params.time_limit_s,
        mip_gap=params.mip_gap,
        seed=seed,
        threads=params.threads,
    )
    if out.x is None:
        if out.status == "infeasible":
            shortfall = _shortfall(problem, built, params, seed)
            return _no_plan(problem, params, "infeasible", shortfall, out.runtime_s)
        reason = f"no plan found in {params.time_limit_s:g} s (HiGHS: {out.status})"
        return _no_plan(problem, params, "no_plan", _Shortfall((), reason), out.runtime_s)
    status = "optimal" if out.status == "optimal" else "feasible"
    return _result(
        problem,
        built,
        params,
        out.x,
        status,
        out.bound,
        out.gap if status == "feasible" else max(out.gap, 0.0),
        out.first_feasible_s or out.runtime_s,
        time.perf_counter() - started,
    )


def plan_from(
    problem: NetworkProblem, built: BuiltModel, params: NetworkParams, x: FloatArray
) -> NetworkResult:
    """The plan of a solution of ``built`` (its bound and gap not known: 0 and 1)."""
    return _result(problem, built, params, x, "feasible", 0.0, 1.0, None, 0.0)


def _result(
    problem: NetworkProblem,
    built: BuiltModel,
    params: NetworkParams,
    x: FloatArray,
    status: str,
    bound: float,
    gap: float,
    first_s: float | None,
    runtime_s: float,
) -> NetworkResult:
    sites, units = problem.sites, problem.demands.units
    S = len(sites.names)
    y = x[:S] > 0.5
    share = np.clip(x[built.x_cols], 0.0, 1.0)
    inbound = built.inbound
    flow_in = share * units[inbound.origin]
    z = np.clip(x[built.z_cols], 0.0, None)
    onward_units = np.zeros((len(built.onward), len(DOWNSTREAM)))
    np.add.at(onward_units, (built.z_lane, built.z_kind), z)
    usage = np.zeros((S, len(ACTIVITIES)))
    np.add.at(usage[:, RECEIVING], inbound.site, flow_in)
    for k, a in enumerate(DOWNSTREAM):
        np.add.at(usage[:, a], built.onward.site, onward_units[:, k])
    fixed = float(sites.fixed_cost[y].sum())
    processing = float((usage * sites.unit_cost).sum())
    on_units = onward_units.sum(axis=1)
    transport = float(flow_in @ inbound.unit_cost + on_units @ built.onward.unit_cost)
    co2_kg = float(flow_in @ inbound.unit_co2_kg + on_units @ built.onward.unit_co2_kg)
    price = co2_kg * params.co2_price_per_t / 1000.0
    objective = fixed + processing + transport + price
    return NetworkResult(
        status=status,
        open=y,
        inbound=inbound,
        inbound_units=flow_in,
        onward=built.onward,
        onward_units=onward_units,
        objective=objective,
        bound=bound if status != "empty" else 0.0,
        gap=gap,
        fixed_cost=fixed,
        processing_cost=processing,
        transport_cost=transport,
        co2_cost=price,
        co2_kg=co2_kg,
        usage=usage,
        unserved=(),
        reason="",
        first_feasible_s=first_s,
        runtime_s=runtime_s,
    )


def _no_plan(
    problem: NetworkProblem,
    params: NetworkParams,
    status: str,
    shortfall: _Shortfall,
    runtime_s: float,
) -> NetworkResult:
    S = len(problem.sites.names)
    inbound = problem.inbound.take(usable_inbound(problem, params))
    return NetworkResult(
        status=status,
        open=np.zeros(S, dtype=np.bool_),
        inbound=inbound,
        inbound_units=np.zeros(len(inbound)),
        onward=problem.onward,
        onward_units=np.zeros((len(problem.onward), len(DOWNSTREAM))),
        objective=math.inf,
        bound=math.inf if status == "infeasible" else -math.inf,
        gap=math.inf,
        fixed_cost=0.0,
        processing_cost=0.0,
        transport_cost=0.0,
        co2_cost=0.0,
        co2_kg=0.0,
        usage=np.zeros((S, len(ACTIVITIES))),
        unserved=shortfall.unserved,
        reason=shortfall.reason,
        first_feasible_s=None,
        runtime_s=runtime_s,
    )


def _caps(params: NetworkParams) -> str:
    parts = []
    if params.max_km is not None:
        parts.append(f"{params.max_km:g} km")
    if params.max_days is not None:
        parts.append(f"{params.max_days:g} days")
    return " and ".join(parts)


def _unreachable(problem: NetworkProblem, params: NetworkParams) -> _Shortfall | None:
    """Demand points with no usable lane to any hub."""
    keep = usable_inbound(problem, params)
    reach = np.zeros(len(problem.demands.names), dtype=np.bool_)
    reach[problem.inbound.origin[keep]] = True
    lost = np.flatnonzero(~reach & (problem.demands.units > 0))
    if not len(lost):
        return None
    names = tuple(problem.demands.names[d] for d in lost)
    within = f" within {_caps(params)}" if _caps(params) else ""
    return _Shortfall(
        names,
        f"no open or openable hub{within} for {len(names)} demand point(s): "
        + ", ".join(names[:10])
        + (" ..." if len(names) > 10 else ""),
    )


def _too_big(problem: NetworkProblem, params: NetworkParams) -> _Shortfall | None:
    """Under single sourcing: demand points larger than every site that could serve them."""
    if not params.single_sourcing:
        return None
    keep = usable_inbound(problem, params)
    lanes = problem.inbound
    room = np.zeros(len(problem.demands.names))
    np.maximum.at(room, lanes.origin[keep], problem.sites.capacity[lanes.site[keep], RECEIVING])
    units = problem.demands.units
    big = np.flatnonzero(units > room + _TOL)
    if not len(big):
        return None
    names = tuple(problem.demands.names[d] for d in big)
    listed = ", ".join(f"{problem.demands.names[d]} ({units[d]:,.0f} units)" for d in big[:10])
    return _Shortfall(
        names,
        f"with each demand point at one site, {listed}"
        + (" ..." if len(big) > 10 else "")
        + " cannot be served: more than the capacity of any site that can serve it",
    )


def _shortfall(
    problem: NetworkProblem, built: BuiltModel, params: NetworkParams, seed: int
) -> _Shortfall:
    """Which demand cannot be served: the same constraints with an 'unserved' share per
    demand point, minimising the units left unserved."""
    m = built.mip
    rows = built.demand_row
    has = rows >= 0
    n_new = int(has.sum())
    units = problem.demands.units[has]
    start = np.concatenate([m.start, m.start[-1] + np.arange(1, n_new + 1)])
    elastic = SparseMip(
        cost=np.concatenate([np.zeros(len(m.cost)), units]),
        col_lower=np.concatenate([m.col_lower, np.zeros(n_new)]),
        col_upper=np.concatenate([m.col_upper, np.ones(n_new)]),
        integer=np.concatenate([m.integer, np.zeros(n_new, dtype=np.bool_)]),
        start=start,
        index=np.concatenate([m.index, rows[has]]),
        value=np.concatenate([m.value, np.ones(n_new)]),
        row_lower=m.row_lower,
        row_upper=m.row_upper,
    )
    out = solve_sparse(
        elastic, time_limit_s=params.time_limit_s, mip_gap=1e-6, seed=seed, threads=params.threads
    )
    lacking = _lacking(problem, built)
    if out.x is None:
        return _Shortfall((), "the sites cannot take all the demand" + lacking)
    left = out.x[len(m.cost) :]
    ids = np.flatnonzero(has)[left > _TOL]
    names = tuple(problem.demands.names[d] for d in ids)
    n_units = float((left * units)[left > _TOL].sum())
    sourcing = " with each demand point at one site" if params.single_sourcing else ""
    return _Shortfall(
        names,
        f"not enough capacity{sourcing}{lacking}: at least {n_units:,.0f} units of "
        + ", ".join(names[:10])
        + (" ..." if len(names) > 10 else "")
        + " cannot be served",
    )


def _lacking(problem: NetworkProblem, built: BuiltModel) -> str:
    """The activities whose whole capacity (of the sites not closed) is below the need."""
    sites, demands = problem.sites, problem.demands
    usable = sites.state >= 0
    down = (demands.mix * demands.units[:, None]).sum(axis=0)
    need = [float(demands.units.sum()), *(float(n) for n in down)]
    short = [
        ACTIVITIES[a]
        for a, n in zip((RECEIVING, *DOWNSTREAM), need, strict=True)
        if float(sites.capacity[usable, a].sum()) < n - _TOL
    ]
    return f" ({', '.join(short)})" if short else ""
