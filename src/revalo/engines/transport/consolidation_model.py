"""What consolidation at a hub decides from and what it answers: the units waiting on a
lane, the lane, the expected inflow, the parameters, and the decision with each unit's share."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.choice import ChoiceParams, ServiceChoice
from revalo.engines.transport.places import Place
from revalo.engines.transport.shipment import Parcel

Content = tuple[bool, bool, bool]  # (lithium, bulky, damaged lithium)


def _finite(value: float, name: str, *, positive: bool = False) -> None:
    ok = math.isfinite(value) and (value > 0 if positive else value >= 0)
    if not ok:
        rule = "be positive" if positive else "not be negative"
        raise InvalidValue(f"{name} {value} must {rule}", field=name)


@dataclass(frozen=True, slots=True)
class WaitingUnit:
    """A unit waiting at the hub for its destination.

    Parameters
    ----------
    id
        The unit's licence plate (LPN).
    daily_value_loss_eur
        Value the unit loses for each day it waits (a returned computer loses about 1 % of
        its value a week: Blackburn et al., California Management Review 2004).
    waiting_since
        The day the unit became ready to leave for this destination.
    due
        The last day the unit may leave (a legal or customer deadline); none: no deadline.
    """

    id: str
    weight_kg: float
    volume_m3: float
    daily_value_loss_eur: float
    waiting_since: date
    lithium: bool = False
    bulky: bool = False
    due: date | None = None
    #: A damaged or defective lithium battery (ADR special provision 376).
    damaged_lithium: bool = False

    def __post_init__(self) -> None:
        if not self.id.strip():
            raise InvalidValue("a waiting unit needs its LPN", field="id")
        _finite(self.weight_kg, "weight_kg", positive=True)
        _finite(self.volume_m3, "volume_m3", positive=True)
        _finite(self.daily_value_loss_eur, "daily_value_loss_eur")

    @property
    def content(self) -> Content:
        return (self.lithium or self.damaged_lithium, self.bulky, self.damaged_lithium)


@dataclass(frozen=True, slots=True)
class Lane:
    """From the hub to one destination (not ``carriers.Lane``, which is a pair of countries)."""

    origin: Place
    destination: Place

    def __post_init__(self) -> None:
        if self.origin.code == self.destination.code:
            raise InvalidValue(
                f"lane {self.label} leads nowhere: origin and destination are the same place",
                field="lane",
            )

    @property
    def label(self) -> str:
        return f"{self.origin.code}>{self.destination.code}"


@dataclass(frozen=True, slots=True)
class Inflow:
    """Units expected on the lane in the coming days, as the caller estimates from history.

    Only whole units count: after ``k`` days, ``floor(units_per_day x k)`` more units of the
    mean weight and volume join the load (a plan does not rely on a fraction of a unit).
    Their own value loss is not counted: they wait for some shipment whatever is decided
    today, so only the units here now bear the cost of waiting.
    """

    units_per_day: float = 0.0
    mean_weight_kg: float = 0.0
    mean_volume_m3: float = 0.0
    lithium: bool = False
    bulky: bool = False

    def __post_init__(self) -> None:
        _finite(self.units_per_day, "units_per_day")
        expected = self.units_per_day > 0
        _finite(self.mean_weight_kg, "mean_weight_kg", positive=expected)
        _finite(self.mean_volume_m3, "mean_volume_m3", positive=expected)

    def expected_units(self, days: int) -> int:
        # The small epsilon keeps 0.1 x 30 (2.9999...) from rounding down to 2.
        return math.floor(self.units_per_day * days + 1e-9)


@dataclass(frozen=True, slots=True)
class ConsolidationParams:
    """How the waiting decision is taken.

    Parameters
    ----------
    max_wait_days
        Longest a unit may wait at the hub, counted from ``waiting_since``. Example default
        (a week); set it to the company's policy.
    choice
        Weight on CO2 and emission intensities, as for ``choose_service``. With a CO2
        weight, every comparison is on cost + weight x kg CO2e.
    box_shape
        Proportions (length, width, height) of the box a unit travels in, scaled to the
        unit's volume: each unit is one parcel. The default cube has the shortest longest
        side and the smallest girth for a volume, the kindest shape for parcel size limits;
        (2, 1, 1) is stricter.
    min_saving_eur
        Waiting must save at least this much against shipping now: a margin for the risk
        that the expected units do not come (0: any saving).
    """

    max_wait_days: int = 7
    choice: ChoiceParams = field(default_factory=ChoiceParams)
    box_shape: tuple[float, float, float] = (1.0, 1.0, 1.0)
    min_saving_eur: float = 0.0

    def __post_init__(self) -> None:
        if isinstance(self.max_wait_days, bool) or not isinstance(self.max_wait_days, int):
            raise InvalidValue(
                "max_wait_days must be a whole number of days", field="max_wait_days"
            )
        if self.max_wait_days < 0:
            raise InvalidValue(
                f"max_wait_days {self.max_wait_days} must not be negative", field="max_wait_days"
            )
        if len(self.box_shape) != 3 or not all(math.isfinite(s) and s > 0 for s in self.box_shape):
            raise InvalidValue("box_shape needs three positive proportions", field="box_shape")
        _finite(self.min_saving_eur, "min_saving_eur")

    def parcel(self, weight_kg: float, volume_m3: float) -> Parcel:
        """The box of a unit: ``box_shape`` scaled to ``volume_m3``."""
        a, b, c = self.box_shape
        scale = (volume_m3 * 1_000_000.0 / (a * b * c)) ** (1.0 / 3.0)
        return Parcel(weight_kg, a * scale, b * scale, c * scale)


class ConsolidationAction(enum.StrEnum):
    SHIP_NOW = "ship_now"
    WAIT = "wait"
    #: No service can carry any of the units: nothing to ship, nothing to gain by waiting.
    NO_SERVICE = "no_service"


class PlannedShipment(NamedTuple):
    """Units travelling together and the service chosen for them."""

    unit_ids: tuple[str, ...]
    choice: ServiceChoice


@dataclass(frozen=True, slots=True)
class UnitShare:
    """What one unit bears of its shipment now, by mass: whole cents and grams."""

    unit_id: str
    cost_cents: int
    co2e_g: int

    @property
    def cost_eur(self) -> float:
        return self.cost_cents / 100.0

    @property
    def co2e_kg(self) -> float:
        return self.co2e_g / 1000.0


@dataclass(frozen=True, slots=True)
class ConsolidationDecision:
    """Ship now or wait, for one lane, with the figures behind it.

    ``shipments``, ``cost_now_eur``, ``co2e_now_kg`` and ``shares`` describe shipping now,
    also when the action is to wait (what shipping today would cost). ``best_wait_days`` and
    ``best_wait_cost_eur`` are the cheapest waiting option looked at (none: waiting was not
    possible or brings no unit), its cost being the expected share of transport of the units
    here plus their value loss. ``unshippable`` lists units no service can carry, with why.
    """

    lane: Lane
    action: ConsolidationAction
    wait_days: int
    shipments: tuple[PlannedShipment, ...]
    cost_now_eur: float
    co2e_now_kg: float
    shares: tuple[UnitShare, ...]
    best_wait_days: int | None
    best_wait_cost_eur: float | None
    unshippable: tuple[tuple[str, str], ...]
    reason: str

    def __post_init__(self) -> None:
        if (self.action is ConsolidationAction.WAIT) != (self.wait_days > 0):
            raise ValueError("only a decision to wait has wait days")
        if self.action is ConsolidationAction.WAIT and self.wait_days != self.best_wait_days:
            raise ValueError("a decision to wait waits the best number of days")
        if (self.action is ConsolidationAction.NO_SERVICE) != (not self.shipments):
            raise ValueError("there are shipments unless no service can carry the units")
        if sum(s.cost_cents for s in self.shares) != round(self.cost_now_eur * 100):
            raise ValueError("unit shares must add up to the cost of shipping now")
        if sum(s.co2e_g for s in self.shares) != round(self.co2e_now_kg * 1000):
            raise ValueError("unit shares must add up to the emissions of shipping now")
