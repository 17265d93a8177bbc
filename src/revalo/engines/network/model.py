"""The facility location MIP of a network problem, in HiGHS's column-wise form.

Columns: ``y[s]`` (site s open), ``x[l]`` (share of a demand point's units taking inbound
lane l; 0/1 under single sourcing) and ``z[m, k]`` (units sent along onward lane m to
downstream activity k). Rows: each demand point served once; ``x[l] <= y[s]`` (the strong
linking rows, whose LP relaxation is much tighter than the capacity rows alone); receiving
capacity; flow conservation at each hub per downstream activity; downstream capacity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from revalo.engines.network.highs_model import BoolArray, FloatArray, IntArray, SparseMip
from revalo.engines.network.params import NetworkParams
from revalo.engines.network.problem import (
    CLOSED,
    DOWNSTREAM,
    OPEN,
    RECEIVING,
    Lanes,
    NetworkProblem,
)


@dataclass(frozen=True, eq=False)
class BuiltModel:
    mip: SparseMip
    #: The inbound lanes the model may use (within the caps, to a site that can receive).
    inbound: Lanes
    onward: Lanes
    #: Onward columns: lane index into ``onward`` and downstream activity (index in
    #: ``DOWNSTREAM``) of each z column.
    z_lane: IntArray
    z_kind: IntArray
    #: Row of each demand point's "served once" constraint (-1: nothing to serve).
    demand_row: IntArray
    n_sites: int

    @property
    def x_cols(self) -> slice:
        return slice(self.n_sites, self.n_sites + len(self.inbound))

    @property
    def z_cols(self) -> slice:
        start = self.n_sites + len(self.inbound)
        return slice(start, start + len(self.z_lane))


def usable_inbound(problem: NetworkProblem, params: NetworkParams) -> BoolArray:
    """The inbound lanes within the caps, to a site that is not closed and can receive."""
    lanes, sites = problem.inbound, problem.sites
    keep = (sites.state[lanes.site] != CLOSED) & (sites.capacity[lanes.site, RECEIVING] > 0)
    keep &= problem.demands.units[lanes.origin] > 0
    if params.max_km is not None:
        keep &= lanes.km <= params.max_km
    if params.max_days is not None:
        keep &= lanes.days <= params.max_days
    return np.asarray(keep, dtype=np.bool_)


def build_model(problem: NetworkProblem, params: NetworkParams) -> BuiltModel:
    sites, demands = problem.sites, problem.demands
    S, D = len(sites.names), len(demands.names)
    inbound = problem.inbound.take(usable_inbound(problem, params))
    L = len(inbound)
    price = params.co2_price_per_t / 1000.0
    units = demands.units
    total = float(units.sum())

    # Onward columns: an onward lane from a site that can receive to an open-able site that
    # does the activity, for activities some demand point needs.
    needed = (demands.mix * units[:, None]).sum(axis=0)  # units per downstream activity
    on = problem.onward
    can_send = (sites.state[on.origin] != CLOSED) & (sites.capacity[on.origin, RECEIVING] > 0)
    can_send &= sites.state[on.site] != CLOSED
    z_lane_l, z_kind_l = [], []
    for k, a in enumerate(DOWNSTREAM):
        if needed[k] <= 0:
            continue
        ok = np.flatnonzero(can_send & (sites.capacity[on.site, a] > 0))
        z_lane_l.append(ok)
        z_kind_l.append(np.full(len(ok), k, dtype=np.int64))
    z_lane = np.concatenate(z_lane_l) if z_lane_l else np.zeros(0, dtype=np.int64)
    z_kind = np.concatenate(z_kind_l) if z_kind_l else np.zeros(0, dtype=np.int64)
    Z = len(z_lane)

    rows: list[IntArray] = []
    cols: list[IntArray] = []
    vals: list[FloatArray] = []
    lo: list[FloatArray] = []
    up: list[FloatArray] = []
    n_rows = 0

    def add(r: IntArray, c: IntArray, v: FloatArray) -> None:
        rows.append(r)
        cols.append(c)
        vals.append(v)

    def new_rows(n: int, lower: float | FloatArray, upper: float | FloatArray) -> IntArray:
        nonlocal n_rows
        lo.append(np.broadcast_to(np.asarray(lower, dtype=np.float64), (n,)).copy())
        up.append(np.broadcast_to(np.asarray(upper, dtype=np.float64), (n,)).copy())
        first = n_rows
        n_rows += n
        return np.arange(first, first + n, dtype=np.int64)

    x_col = S + np.arange(L, dtype=np.int64)
    z_col = S + L + np.arange(Z, dtype=np.int64)
    ones_l = np.ones(L)

    # Each demand point with units is served exactly once.
    served = units > 0
    demand_row = np.full(D, -1, dtype=np.int64)
    demand_row[served] = new_rows(int(served.sum()), 1.0, 1.0)
    add(demand_row[inbound.origin], x_col, ones_l)

    # x[l] - y[s] <= 0.
    if params.strong_links is None or params.strong_links:
        link = new_rows(L, -np.inf, 0.0)
        add(link, x_col, ones_l)
        add(link, inbound.site, -ones_l)

    # Receiving: sum units x - cap y <= 0, the cap no larger than all the units.
    recv = new_rows(S, -np.inf, 0.0)
    add(recv[inbound.site], x_col, units[inbound.origin])
    add(recv, np.arange(S, dtype=np.int64), -np.minimum(sites.capacity[:, RECEIVING], total))

    # Conservation at each hub s and downstream activity k: sum z out = sum units mix x in.
    K = len(DOWNSTREAM)
    cons = new_rows(S * K, 0.0, 0.0)
    for k in range(K):
        share = units[inbound.origin] * demands.mix[inbound.origin, k]
        nz = share > 0
        add(cons[inbound.site[nz] * K + k], x_col[nz], -share[nz])
    add(cons[on.origin[z_lane] * K + z_kind], z_col, np.ones(Z))

    # Downstream capacity at each site t and activity k: sum z in - cap y <= 0.
    down = new_rows(S * K, -np.inf, 0.0)
    add(down[on.site[z_lane] * K + z_kind], z_col, np.ones(Z))
    for k, a in enumerate(DOWNSTREAM):
        add(
            down[np.arange(S) * K + k],
            np.arange(S, dtype=np.int64),
            -np.minimum(sites.capacity[:, a], max(needed[k], 0.0)),
        )

    r = np.concatenate(rows)
    c = np.concatenate(cols)
    v = np.concatenate(vals)
    nonzero = v != 0
    r, c, v = r[nonzero], c[nonzero], v[nonzero]
    order = np.lexsort((r, c))
    r, c, v = r[order], c[order], v[order]
    n_cols = S + L + Z
    start = np.zeros(n_cols + 1, dtype=np.int64)
    np.cumsum(np.bincount(c, minlength=n_cols), out=start[1:])

    cost = np.concatenate(
        [
            sites.fixed_cost,
            units[inbound.origin]
            * (
                inbound.unit_cost
                + price * inbound.unit_co2_kg
                + sites.unit_cost[inbound.site, RECEIVING]
                + params.km_tie_break * inbound.km
            ),
            on.unit_cost[z_lane]
            + price * on.unit_co2_kg[z_lane]
            + params.km_tie_break * on.km[z_lane]
            + sites.unit_cost[on.site[z_lane], np.asarray(DOWNSTREAM)[z_kind]],
        ]
    )
    col_lower = np.zeros(n_cols)
    col_lower[:S] = (sites.state == OPEN).astype(np.float64)
    col_upper = np.concatenate(
        [
            (sites.state != CLOSED).astype(np.float64),
            np.ones(L),
            np.full(Z, np.inf),
        ]
    )
    integer = np.zeros(n_cols, dtype=np.bool_)
    integer[:S] = True
    if params.single_sourcing:
        integer[S : S + L] = True
    mip = SparseMip(
        cost=cost,
        col_lower=col_lower,
        col_upper=col_upper,
        integer=integer,
        start=start,
        index=r,
        value=v,
        row_lower=np.concatenate(lo),
        row_upper=np.concatenate(up),
    )
    return BuiltModel(mip, inbound, on, z_lane, z_kind, demand_row, S)
