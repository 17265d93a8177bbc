"""How the network model is solved: sourcing, caps, the CO2 price and the stopping rule."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NetworkParams:
    """``single_sourcing``: each demand point goes to one hub (else its units may be split).
    ``max_km`` / ``max_days``: no demand point further than this from its hub (None: no
    cap). ``co2_price_per_t``: the price put on a tonne of CO2e, added to the cost.
    ``mip_gap``: the relative gap at which a plan counts as proven optimal; the default
    closes it to the cent on the instances of the tests. ``time_limit_s``: past it the best
    plan found is returned with its gap."""

    single_sourcing: bool = False
    max_km: float | None = None
    max_days: float | None = None
    co2_price_per_t: float = 0.0
    mip_gap: float = 1e-9
    time_limit_s: float = 60.0
    #: HiGHS's worker threads; None: its default. HiGHS fixes the count for the whole process
    #: at its first solve, so a different count asked later fails the solve.
    threads: int | None = None
    strong_links: bool | None = None
    #: EUR per unit and road km added to the solver's objective only (not to the plan's
    #: costs): among lanes of equal cost, the nearer hub wins instead of an arbitrary one.
    km_tie_break: float = 0.0

    def __post_init__(self) -> None:
        for name in ("max_km", "max_days"):
            v = getattr(self, name)
            if v is not None and (not math.isfinite(v) or v < 0):
                raise ValueError(f"{name} must be a non-negative number")
        if not math.isfinite(self.co2_price_per_t) or self.co2_price_per_t < 0:
            raise ValueError("co2_price_per_t must be a non-negative number")
        if not 0 <= self.mip_gap < 1:
            raise ValueError("mip_gap must be in [0, 1)")
        if not self.time_limit_s > 0:
            raise ValueError("time_limit_s must be positive")
        if not math.isfinite(self.km_tie_break) or self.km_tie_break < 0:
            raise ValueError("km_tie_break must be a non-negative number")
        if self.threads is not None and self.threads < 1:
            raise ValueError("threads must be at least 1")
