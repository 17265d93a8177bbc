"""The collection planning problem of one day: pickups waiting, hubs, the fleet.

Times of day are minutes after midnight of the plan day (``0`` to ``1440``; a window may
run past midnight for night work). Money is in EUR, masses in kg, volumes in m3.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.carriers import FleetVehicle
from revalo.engines.transport.emissions import DESNZ_2025, Intensity
from revalo.engines.transport.places import Place

#: A day and a half: the latest minute a window or a hub's hours may reach.
MAX_MINUTE = 2160
#: EXAMPLE FIGURE, not from a source: what one more day of delay costs once a pickup is past
#: its due date (customer goodwill, a storage fee at the customer's site). Set your own.
DEFAULT_OVERDUE_EUR_PER_DAY = 25.0


def _positive(value: float, name: str, *, zero_ok: bool = False) -> None:
    ok = value >= 0 if zero_ok else value > 0
    if not (math.isfinite(value) and ok):
        sign = "must not be negative" if zero_ok else "must be positive"
        raise InvalidValue(f"{name} = {value} {sign}", field=name)


def _window(early: float, late: float, name: str) -> None:
    if not 0 <= early <= late <= MAX_MINUTE:
        raise InvalidValue(
            f"{name} from minute {early} to {late} must satisfy 0 <= start <= end <= "
            f"{MAX_MINUTE} (minutes after midnight of the plan day)",
            field=name,
        )


@dataclass(frozen=True, slots=True)
class Hub:
    """A site where vehicles start, end, and unload between trips; open ``opens..closes``."""

    code: str
    place: Place
    opens_min: int = 0
    closes_min: int = 1440

    def __post_init__(self) -> None:
        if not self.code:
            raise InvalidValue("a hub needs a code", field="hub.code")
        _window(self.opens_min, self.closes_min, f"hub {self.code} opening hours")


@dataclass(frozen=True, slots=True)
class Pickup:
    """Goods waiting to be collected at a site or an address.

    Parameters
    ----------
    id
        Unique name of the pickup (the return or collection request).
    place
        Where to collect.
    kg, m3
        What is collected: mass and volume.
    due_on
        Last day the pickup should be collected; after that day it must be collected.
    daily_value_loss_eur
        Value the goods lose for each day they wait (e.g. 1 % of a computer's value per
        week: Blackburn, Guide, Souza and Van Wassenhove, California Management Review 46(2), 2004).
    units
        Number of items collected (for the record).
    earliest_min, latest_min
        Window in which the collection may start (minutes after midnight).
    service_min
        Time spent on site (loading, paperwork).
    bulky, lithium
        Content flags: only vehicles accepting bulky items / lithium batteries may collect.
    delivery_kg, delivery_m3
        A replacement product delivered at the same stop (loaded at the hub), if any.
    ship_quote_eur
        A carrier's price for shipping the goods alone to a hub (from
        ``revalo.engines.transport.choice.choose_service``), to compare with collecting.
    """

    id: str
    place: Place
    kg: float
    m3: float
    due_on: date
    daily_value_loss_eur: float = 0.0
    units: int = 1
    earliest_min: int = 0
    latest_min: int = 1440
    service_min: float = 0.0
    bulky: bool = False
    lithium: bool = False
    delivery_kg: float = 0.0
    delivery_m3: float = 0.0
    ship_quote_eur: float | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise InvalidValue("a pickup needs an id", field="pickup.id")
        where = f"pickup {self.id}"
        _positive(self.kg, f"{where} kg")
        _positive(self.m3, f"{where} m3", zero_ok=True)
        _positive(self.daily_value_loss_eur, f"{where} daily_value_loss_eur", zero_ok=True)
        _positive(self.service_min, f"{where} service_min", zero_ok=True)
        _positive(self.delivery_kg, f"{where} delivery_kg", zero_ok=True)
        _positive(self.delivery_m3, f"{where} delivery_m3", zero_ok=True)
        if self.units < 1:
            raise InvalidValue(f"{where} units = {self.units} must be at least 1", field="units")
        _window(self.earliest_min, self.latest_min, f"{where} time window")
        if self.ship_quote_eur is not None:
            _positive(self.ship_quote_eur, f"{where} ship_quote_eur", zero_ok=True)


@dataclass(frozen=True, slots=True)
class FleetType:
    """Vehicles of one type from the transport model, based at one hub.

    Parameters
    ----------
    vehicle
        The vehicle type (capacity kg and m3, cost per km/hour/day, countries, handling).
    count
        Number available that day.
    start_hub, end_hub
        Hub codes where the vehicles start and end (end: the start hub when None).
    shift_hours
        Longest working day, first departure to last arrival (None: the vehicle's
        ``driving_hours_per_day``, 9 h for EU drivers, Regulation (EC) 561/2006 art. 6).
    reload_hubs
        Hubs where the vehicle may unload what it collected and set off again.
    max_reloads
        Most reloads in a day (None: no limit besides the shift).
    """

    vehicle: FleetVehicle
    count: int
    start_hub: str
    end_hub: str | None = None
    shift_hours: float | None = None
    reload_hubs: tuple[str, ...] = ()
    max_reloads: int | None = None

    def __post_init__(self) -> None:
        if self.count < 1:
            raise InvalidValue(
                f"fleet {self.vehicle.id}: count = {self.count} must be at least 1", field="count"
            )
        if self.shift_hours is not None and not 0 < self.shift_hours <= 24:
            raise InvalidValue(
                f"fleet {self.vehicle.id}: shift_hours = {self.shift_hours} must be in (0, 24]",
                field="shift_hours",
            )
        if self.max_reloads is not None and self.max_reloads < 0:
            raise InvalidValue(
                f"fleet {self.vehicle.id}: max_reloads must not be negative", field="max_reloads"
            )

    @property
    def name(self) -> str:
        return f"{self.vehicle.id}@{self.start_hub}"

    @property
    def end(self) -> str:
        return self.start_hub if self.end_hub is None else self.end_hub

    @property
    def shift(self) -> float:
        return self.vehicle.driving_hours_per_day if self.shift_hours is None else self.shift_hours


@dataclass(frozen=True, slots=True)
class CollectionProblem:
    """Everything the planner decides on for ``day``."""

    day: date
    hubs: tuple[Hub, ...]
    pickups: tuple[Pickup, ...]
    fleet: tuple[FleetType, ...]

    def __post_init__(self) -> None:
        if not self.hubs:
            raise InvalidValue("a collection problem needs at least one hub", field="hubs")
        if not self.fleet:
            raise InvalidValue("a collection problem needs at least one vehicle", field="fleet")
        _unique([h.code for h in self.hubs], "hub code", "hubs")
        _unique([p.id for p in self.pickups], "pickup id", "pickups")
        codes = {h.code for h in self.hubs}
        for i, f in enumerate(self.fleet):
            for key, hub in [("start_hub", f.start_hub), ("end_hub", f.end)] + [
                ("reload_hubs", r) for r in f.reload_hubs
            ]:
                if hub not in codes:
                    raise InvalidValue(
                        f"fleet[{i}] ({f.vehicle.id}) {key} {hub!r} is not one of the hubs "
                        f"({', '.join(sorted(codes))})",
                        field=f"fleet[{i}].{key}",
                    )
            for key, hub in [("start_hub", f.start_hub), ("end_hub", f.end)]:
                country = self.hub(hub).place.country
                if "*" not in f.vehicle.countries and country not in f.vehicle.countries:
                    raise InvalidValue(
                        f"fleet[{i}] ({f.vehicle.id}) does not drive in {country}, the country "
                        f"of its {key} {hub}",
                        field=f"fleet[{i}].{key}",
                    )

    def hub(self, code: str) -> Hub:
        for h in self.hubs:
            if h.code == code:
                return h
        raise KeyError(code)

    def is_due(self, pickup: Pickup) -> bool:
        """Due today or past due: it goes today, collected or with a carrier."""
        return self.day >= pickup.due_on

    def is_required(self, pickup: Pickup) -> bool:
        """Past its due date and no carrier can take it: the fleet must collect it today."""
        return self.day > pickup.due_on and pickup.ship_quote_eur is None


def _unique(values: list[str], what: str, name: str) -> None:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise InvalidValue(f"{what} {v!r} appears twice", field=name)
        seen.add(v)


@dataclass(frozen=True, slots=True)
class CollectionParams:
    """How the plan is searched and priced.

    Parameters
    ----------
    seconds
        Time limit of the search.
    max_iterations
        Optional iteration limit; with it, the same seed always gives the same plan.
    first_feasible
        Stop at the first plan that keeps every rule (a quick plan, not a good one).
    overdue_eur_per_day
        Cost of one more day of delay for a pickup past its due date (example figure).
    intensities
        Emission intensity per vehicle type (kg CO2e per tonne-km).
    """

    seconds: float = 10.0
    max_iterations: int | None = None
    first_feasible: bool = False
    overdue_eur_per_day: float = DEFAULT_OVERDUE_EUR_PER_DAY
    intensities: Mapping[str, Intensity] = field(default_factory=lambda: dict(DESNZ_2025))

    def __post_init__(self) -> None:
        _positive(self.seconds, "seconds")
        if self.max_iterations is not None and self.max_iterations < 1:
            raise InvalidValue(
                f"max_iterations = {self.max_iterations} must be at least 1",
                field="max_iterations",
            )
        _positive(self.overdue_eur_per_day, "overdue_eur_per_day", zero_ok=True)

    def alternative_eur(self, problem: CollectionProblem, pickup: Pickup) -> float:
        """What not collecting ``pickup`` today costs: the carrier's price when a carrier
        can take it (whatever it does instead, it never costs more), else a day of
        waiting. A route collects it only when that costs less."""
        if pickup.ship_quote_eur is not None:
            return pickup.ship_quote_eur
        return self.waiting_cost_eur(problem, pickup)

    def waiting_cost_eur(self, problem: CollectionProblem, pickup: Pickup) -> float:
        """Cost of collecting ``pickup`` one day later: value lost, plus the overdue penalty
        when tomorrow is past its due date."""
        overdue = self.overdue_eur_per_day if problem.day >= pickup.due_on else 0.0
        return pickup.daily_value_loss_eur + overdue
