"""Limited resources of a day: each site's capacity per kind of work, each channel's volume."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from revalo.domain.disposition import ROUTE_RULES
from revalo.engines.disposition.options import Option
from revalo.engines.disposition.problem import CAPACITY_KINDS, DispositionProblem, IntArray


@dataclass(frozen=True, eq=False)
class Resources:
    """``limit[r]`` units a day for resource r; ``uses[o]`` the resources option o takes one
    of per unit; ``names[r]`` says which site and work, or which channel."""

    names: tuple[str, ...]
    limit: IntArray
    uses: tuple[tuple[int, ...], ...]

    def usage(self, assignment: IntArray) -> IntArray:
        """Units per resource for an assignment (option index per unit, -1: held)."""
        counts = np.bincount(assignment[assignment >= 0], minlength=len(self.uses))
        used = np.zeros(len(self.names), dtype=np.int64)
        for o, rs in enumerate(self.uses):
            for r in rs:
                used[r] += counts[o]
        return used


def resources(problem: DispositionProblem, options: tuple[Option, ...]) -> Resources:
    """The resources the options compete for. A route's limited work comes from its rule in
    ``ROUTE_RULES`` (the data wipe a product may add is not limited), done at the destination."""
    names: list[str] = []
    limit: list[int] = []
    index: dict[tuple[str, str], int] = {}

    def resource(key: tuple[str, str], name: str, cap: int) -> int:
        if key not in index:
            index[key] = len(names)
            names.append(name)
            limit.append(cap)
        return index[key]

    uses = []
    for option in options:
        rs = []
        if option.destination is not None:
            spec = problem.sites[option.destination]
            for kind in ROUTE_RULES[option.route].work:
                cap = spec.capacity.get(kind)
                if kind in CAPACITY_KINDS and cap is not None:
                    key = (spec.site.code, kind.value)
                    rs.append(resource(key, f"{kind.value} at {spec.site.code}", cap))
        if option.channel is not None:
            ch = problem.channels[option.channel]
            if ch.daily_volume is not None:
                rs.append(resource(("channel", ch.code), f"sales on {ch.code}", ch.daily_volume))
        uses.append(tuple(rs))
    return Resources(tuple(names), np.array(limit, dtype=np.int64), tuple(uses))
