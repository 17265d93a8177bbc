"""What the cost ledger's use cases need from the outside: one query repository, on the unit
of work as ``uow.costs``; the sums are the database's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from revalo.domain.cost_targets import CostTarget, TargetMetric, TargetScope
from revalo.domain.costs import CostLine, CostRates, GroupTotal

#: The dimensions a cost table may be grouped and filtered by.
DIMENSIONS: tuple[str, ...] = (
    "stage", "part", "site", "carrier", "service", "lane", "mode", "category", "reason",
    "client", "country", "route", "channel", "week",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CostQuery:
    """The lines of ``[start, end)`` grouped by ``by`` (dimensions), kept to those whose
    dimensions have the values of ``where``; of one client's goods with ``client_code``."""

    start: datetime
    end: datetime
    as_of: datetime
    by: tuple[str, ...] = ()
    where: Mapping[str, str] = field(default_factory=dict)
    client_code: str | None = None
    #: Only the lines of these stages (the others' records are not read); None: all.
    stages: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Grouped:
    totals: list[GroupTotal]
    #: Distinct units of each group (a unit has lines in several stages and groups).
    units: dict[tuple[str, ...], int]
    #: Distinct units over all groups.
    all_units: int
    #: Distinct returns of each group (the units' return numbers).
    returns: dict[tuple[str, ...], int] = field(default_factory=dict)
    #: Km of each group's lines (its legs).
    km: dict[tuple[str, ...], float] = field(default_factory=dict)
    #: The new price (cents) of each group's distinct units, when asked for.
    value: dict[tuple[str, ...], int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class UnitCost:
    """A unit behind a figure: what it cost, brought back and was refunded (cents)."""

    lpn: str
    rma_number: str | None
    cost: int
    recovered: int
    refunded: int


@dataclass(frozen=True, slots=True)
class JourneyRow:
    """The legs of a lane or mode: distinct units, legs, km and grams of CO2e."""

    key: tuple[str, ...]
    units: int
    legs: int
    km: float
    co2e_g: int


@dataclass(frozen=True, slots=True)
class Travelled:
    """Units with a leg in the period; of them, those whose whole journey went beyond
    ``km`` kilometres, and those shipped more than ``times`` times."""

    units: int
    km: float
    over_km: int
    times: int
    over_times: int


class CostQueries(Protocol):
    def lines(
        self, rates: CostRates, as_of: datetime, *, unit_ids: Sequence[int]
    ) -> list[CostLine]:
        """Every line of these units, in no order."""
        ...

    def grouped(self, rates: CostRates, query: CostQuery, *, value: bool = False) -> Grouped:
        """The lines summed by group and stage, with the units, returns and km of each
        group; with ``value``, the units' new prices too."""
        ...

    def sums(
        self, rates: CostRates, query: CostQuery, groupings: Sequence[tuple[str, ...]]
    ) -> list[list[GroupTotal]]:
        """The lines summed by group and stage for each grouping of ``groupings``, in its
        order (``query.by`` is not read); several groupings read the lines at once. A group
        whose lines have no price has no total."""
        ...

    def units(self, rates: CostRates, query: CostQuery) -> tuple[dict[tuple[str, ...], int], int]:
        """The distinct units of each group of ``query.by``, and of all groups."""
        ...

    def units_behind(
        self, rates: CostRates, query: CostQuery, *, limit: int, offset: int
    ) -> tuple[list[UnitCost], int]:
        """The units whose lines make a figure, the costliest first, and how many there are."""
        ...

    def journeys(self, query: CostQuery) -> list[JourneyRow]: ...

    def travelled(self, query: CostQuery, *, km: float, times: int) -> Travelled: ...


class CostTargetRepository(Protocol):
    def get(
        self, metric: TargetMetric, scope: TargetScope, code: str, *, lock: bool = False
    ) -> CostTarget | None:
        """The target of this metric and scope, its row locked with ``lock``."""
        ...

    def put(self, target: CostTarget) -> None:
        """Insert a new target (``id`` None) or write a loaded one's value."""
        ...

    def remove(self, target: CostTarget) -> None: ...
    def list(self) -> Sequence[CostTarget]: ...
