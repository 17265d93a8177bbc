"""How a resale channel's price falls as it sells more units of one product family in a
week: a few price steps (up to N units at 100 % of the price, the next M at 85 %, ...).

Selling forty identical laptops on one marketplace in a week does not fetch forty times the
first one's price: the units past a step sell at the next step's share, and past the last
step the channel takes no more that week. Steps keep the disposition model linear: one
variable per step, each with its own price and its own volume.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from revalo.domain.errors import InvalidValue

#: A channel's week has at most this many price steps.
MAX_STEPS = 6


@dataclass(frozen=True, slots=True)
class DemandStep:
    """``units`` more units sold at ``rate`` (a share, 0 to 1, of the channel's price)."""

    units: int
    rate: float


@dataclass(frozen=True, slots=True)
class DemandCurve:
    """A week's volume as steps, each at a price share no higher than the one before."""

    steps: tuple[DemandStep, ...]

    def __post_init__(self) -> None:
        if not self.steps:
            raise InvalidValue("a demand curve has at least one step", field="steps")
        if len(self.steps) > MAX_STEPS:
            raise InvalidValue(f"a demand curve has at most {MAX_STEPS} steps", field="steps")
        previous = 1.0
        for i, s in enumerate(self.steps, start=1):
            if s.units < 0:
                raise InvalidValue(f"step {i}: units must not be negative", field="steps")
            if not 0 < s.rate <= 1:
                raise InvalidValue(
                    f"step {i}: the price share must be above 0 and at most 1", field="steps"
                )
            if s.rate > previous:
                raise InvalidValue(
                    f"step {i}: the price share must not rise ({s.rate} after {previous})",
                    field="steps",
                )
            previous = s.rate

    @property
    def volume(self) -> int:
        """Units the channel absorbs in the week."""
        return sum(s.units for s in self.steps)

    def after(self, sold: int) -> DemandCurve:
        """What is left of the week once ``sold`` units went: the first steps fill first
        (a step used up stays, with no units, so that step numbers keep their meaning)."""
        if sold < 0:
            raise InvalidValue("units sold must not be negative", field="sold")
        left = []
        for s in self.steps:
            take = min(sold, s.units)
            sold -= take
            left.append(DemandStep(s.units - take, s.rate))
        return DemandCurve(tuple(left))

    def text(self) -> str:
        """The steps as written in a file or a form: ``40@1, 20@0.85, 10@0.7``."""
        return ", ".join(f"{s.units}@{s.rate:g}" for s in self.steps)


def parse_curve(text: str | Sequence[tuple[int, float]]) -> DemandCurve:
    """A curve from ``40@1, 20@0.85`` (units at price share) or from (units, share) pairs."""
    if not isinstance(text, str):
        try:
            return DemandCurve(tuple(DemandStep(int(u), float(r)) for u, r in text))
        except (TypeError, ValueError) as exc:
            raise InvalidValue(f"demand steps: {exc}", field="steps") from None
    steps = []
    for i, part in enumerate(p.strip() for p in text.split(",") if p.strip()):
        units, at, rate = part.partition("@")
        try:
            if not at:
                raise ValueError("write units@share")
            steps.append(DemandStep(int(units), float(rate)))
        except ValueError:
            raise InvalidValue(
                f"step {i + 1} {part!r}: write units@share, e.g. 40@1 or 20@0.85", field="steps"
            ) from None
    return DemandCurve(tuple(steps))
