"""Limited resources of a batch: each site's capacity per kind of work (units a day, or the
hours left in the week), each channel's volume (units a day, and the units left at each
price step of its week's demand for a product category)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from revalo.domain.disposition import ROUTE_RULES
from revalo.engines.disposition.options import Option
from revalo.engines.disposition.params import DispositionParams
from revalo.engines.disposition.problem import (
    CAPACITY_KINDS,
    HOUR_KINDS,
    BoolArray,
    DispositionProblem,
    FloatArray,
    IntArray,
)

#: Slack allowed on a limit, for hours summed in floating point.
TOLERANCE = 1e-6


@dataclass(frozen=True, eq=False)
class Resources:
    """``limit[r]`` of resource r for the batch; ``uses[o]`` the resources option o takes;
    a unit of product p takes ``per_unit[p, r]`` of resource r (1 for a unit count, the
    work's hours for an hour budget, 0 when r does not concern p); ``product[u]`` is the
    product of unit u; ``names[r]`` says which site and work, or which channel."""

    names: tuple[str, ...]
    limit: FloatArray
    uses: tuple[tuple[int, ...], ...]
    per_unit: FloatArray
    product: IntArray

    def usage(self, assignment: IntArray) -> FloatArray:
        """Use of each resource by an assignment (option index per unit, -1: held)."""
        used = np.zeros(len(self.names))
        done = assignment >= 0
        for o, rs in enumerate(self.uses):
            if not rs:
                continue
            products = self.product[done][assignment[done] == o]
            if len(products):
                for r in rs:
                    used[r] += self.per_unit[products, r].sum()
        return used

    def over(self, used: FloatArray) -> BoolArray:
        """Where a use exceeds its limit (beyond the rounding of hours)."""
        return used > self.limit + TOLERANCE * np.maximum(1.0, self.limit)


def resources(
    problem: DispositionProblem, options: tuple[Option, ...], params: DispositionParams
) -> Resources:
    """The resources the options compete for. A route's limited work comes from its rule in
    ``ROUTE_RULES`` (the data wipe a product may add is not limited), done at the destination."""
    names: list[str] = []
    limit: list[float] = []
    weights: list[list[float]] = []
    index: dict[tuple[str, ...], int] = {}  # by (site, work[, hours]) or (channel, ...)
    products = problem.products

    def resource(key: tuple[str, ...], name: str, cap: float, weight: list[float]) -> int:
        if key not in index:
            index[key] = len(names)
            names.append(name)
            limit.append(cap)
            weights.append(weight)
        return index[key]

    ones = [1.0] * len(products)
    hours_of = {
        kind: [
            params.work_minutes.get(kind, 0.0) * params.category(p.category).labour_factor / 60
            for p in products
        ]
        for kind in HOUR_KINDS
    }
    uses = []
    for option in options:
        rs = []
        if option.destination is not None:
            spec = problem.sites[option.destination]
            for kind in ROUTE_RULES[option.route].work:
                code = spec.site.code
                cap = spec.capacity.get(kind)
                if kind in CAPACITY_KINDS and cap is not None:
                    name = f"{kind.value} at {code}"
                    rs.append(resource((code, kind.value), name, cap, ones))
                hours = spec.hours.get(kind)
                if kind in HOUR_KINDS and hours is not None:
                    name = f"{kind.value} hours at {code}"
                    rs.append(resource((code, kind.value, "hours"), name, hours, hours_of[kind]))
        if option.channel is not None:
            ch = problem.channels[option.channel]
            if ch.daily_volume is not None:
                name = f"sales on {ch.code}"
                rs.append(resource(("channel", ch.code), name, ch.daily_volume, ones))
            for category, curve in sorted(ch.demand.items()):
                if option.step < len(curve.steps):
                    step = ("channel", ch.code, category, str(option.step))
                    name = f"{category} sales on {ch.code} at price step {option.step + 1}"
                    mine = [1.0 if p.category == category else 0.0 for p in products]
                    rs.append(resource(step, name, curve.steps[option.step].units, mine))
        uses.append(tuple(rs))
    per_unit = np.array(weights, dtype=np.float64).T.reshape(len(products), len(names))
    return Resources(
        tuple(names),
        np.array(limit, dtype=np.float64),
        tuple(uses),
        per_unit,
        problem.units.product,
    )
