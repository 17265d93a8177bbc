"""What the network model decides over: candidate sites, demand points and the lanes between
them, as arrays (a European network has a million lanes)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from revalo.engines.network.highs_model import BoolArray, FloatArray, IntArray

#: What a site can do with returned units. Every unit is received at a hub; a share of each
#: demand point's units then goes on to repair, refurbishment or recycling (``mix``), the rest
#: leaves the hub for a sales channel.
ACTIVITIES = ("receiving", "repair", "refurbishment", "recycling")
RECEIVING = 0
DOWNSTREAM = (1, 2, 3)

#: A site's state in a scenario: closed (cannot be used), free (the model decides), open.
CLOSED, FREE, OPEN = -1, 0, 1


@dataclass(frozen=True, eq=False)
class Sites:
    """S candidate sites. ``capacity[s, a]`` is units a year of activity a (``inf``:
    unlimited, 0: the site does not do it); ``unit_cost[s, a]`` the processing cost of a
    unit; ``fixed_cost[s]`` the yearly cost of keeping the site open."""

    names: tuple[str, ...]
    fixed_cost: FloatArray
    capacity: FloatArray
    unit_cost: FloatArray
    state: IntArray

    def __post_init__(self) -> None:
        s = len(self.names)
        if len(set(self.names)) != s:
            raise ValueError("site names must be unique")
        if self.fixed_cost.shape != (s,) or self.state.shape != (s,):
            raise ValueError("one fixed cost and one state per site")
        if self.capacity.shape != (s, len(ACTIVITIES)) or self.unit_cost.shape != (
            s,
            len(ACTIVITIES),
        ):
            raise ValueError("one capacity and one unit cost per site and activity")
        if (self.capacity < 0).any() or (self.fixed_cost < 0).any():
            raise ValueError("capacities and fixed costs must not be negative")
        if not np.isin(self.state, (CLOSED, FREE, OPEN)).all():
            raise ValueError("a site's state is closed (-1), free (0) or open (1)")


@dataclass(frozen=True, eq=False)
class Demands:
    """D demand points: ``units[d]`` a year, ``mix[d, k]`` the share of them that goes on to
    downstream activity k (repair, refurbishment, recycling; the rest goes to a channel)."""

    names: tuple[str, ...]
    units: FloatArray
    mix: FloatArray

    def __post_init__(self) -> None:
        d = len(self.names)
        if self.units.shape != (d,) or self.mix.shape != (d, len(DOWNSTREAM)):
            raise ValueError("one quantity and one mix per demand point")
        if (self.units < 0).any() or (self.mix < 0).any():
            raise ValueError("quantities and shares must not be negative")
        if (self.mix.sum(axis=1) > 1 + 1e-9).any():
            raise ValueError("a demand point's shares add up to more than 1")


@dataclass(frozen=True, eq=False)
class Lanes:
    """L lanes from ``origin[l]`` to ``site[l]``: cost and kg CO2e of moving one unit, the
    road km and the lead time in days."""

    origin: IntArray
    site: IntArray
    unit_cost: FloatArray
    unit_co2_kg: FloatArray
    km: FloatArray
    days: FloatArray

    def __post_init__(self) -> None:
        n = len(self.origin)
        for a in (self.site, self.unit_cost, self.unit_co2_kg, self.km, self.days):
            if a.shape != (n,):
                raise ValueError("every lane has an origin, a site, a cost, CO2, km and days")
        if (self.unit_cost < 0).any() or (self.unit_co2_kg < 0).any():
            raise ValueError("lane costs and emissions must not be negative")

    def __len__(self) -> int:
        return len(self.origin)

    def take(self, keep: BoolArray) -> Lanes:
        return Lanes(
            self.origin[keep],
            self.site[keep],
            self.unit_cost[keep],
            self.unit_co2_kg[keep],
            self.km[keep],
            self.days[keep],
        )


@dataclass(frozen=True, eq=False)
class NetworkProblem:
    """Sites, demand points, the inbound lanes (demand point -> hub) and the onward lanes
    (hub -> site doing a downstream activity; a hub doing the activity itself needs a lane to
    itself, at no cost)."""

    sites: Sites
    demands: Demands
    inbound: Lanes
    onward: Lanes

    def __post_init__(self) -> None:
        s, d = len(self.sites.names), len(self.demands.names)
        if len(self.inbound) and (
            self.inbound.origin.min() < 0
            or self.inbound.origin.max() >= d
            or self.inbound.site.min() < 0
            or self.inbound.site.max() >= s
        ):
            raise ValueError("an inbound lane refers to an unknown demand point or site")
        if len(self.onward) and (
            min(self.onward.origin.min(), self.onward.site.min()) < 0
            or max(self.onward.origin.max(), self.onward.site.max()) >= s
        ):
            raise ValueError("an onward lane refers to an unknown site")

    @property
    def total_units(self) -> float:
        return float(self.demands.units.sum())


def empty_lanes() -> Lanes:
    z = np.zeros(0)
    i = np.zeros(0, dtype=np.int64)
    return Lanes(i, i.copy(), z, z.copy(), z.copy(), z.copy())


def lanes(
    origin: list[int] | IntArray,
    site: list[int] | IntArray,
    unit_cost: list[float] | FloatArray,
    *,
    unit_co2_kg: list[float] | FloatArray | None = None,
    km: list[float] | FloatArray | None = None,
    days: list[float] | FloatArray | None = None,
) -> Lanes:
    """Lanes from lists; what is not given is 0."""
    n = len(origin)

    def floats(v: list[float] | FloatArray | None) -> FloatArray:
        return np.zeros(n) if v is None else np.asarray(v, dtype=np.float64)

    return Lanes(
        np.asarray(origin, dtype=np.int64),
        np.asarray(site, dtype=np.int64),
        floats(unit_cost),
        floats(unit_co2_kg),
        floats(km),
        floats(days),
    )


def receiving_sites(
    names: list[str] | tuple[str, ...],
    fixed_cost: list[float] | FloatArray,
    capacity: list[float] | FloatArray,
    *,
    state: list[int] | IntArray | None = None,
) -> Sites:
    """Sites that only receive (a plain facility location problem); ``capacity`` may hold
    ``math.inf``."""
    s = len(names)
    cap = np.zeros((s, len(ACTIVITIES)))
    cap[:, RECEIVING] = np.asarray(capacity, dtype=np.float64)
    return Sites(
        tuple(names),
        np.asarray(fixed_cost, dtype=np.float64),
        cap,
        np.zeros((s, len(ACTIVITIES))),
        np.zeros(s, dtype=np.int64) if state is None else np.asarray(state, dtype=np.int64),
    )


def plain_demands(names: list[str] | tuple[str, ...], units: list[float] | FloatArray) -> Demands:
    """Demand points whose units all go from the hub to a channel."""
    return Demands(
        tuple(names), np.asarray(units, dtype=np.float64), np.zeros((len(names), len(DOWNSTREAM)))
    )


def is_unlimited(capacity: float) -> bool:
    return math.isinf(capacity)
