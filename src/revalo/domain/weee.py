"""The WEEE report (Directive 2012/19/EU): what became of the electrical and electronic units
received, in tonnes per country and category, per treatment facility, and the Annex V
rates against their targets.

What a unit became is read from its state, its route and the site it went to:

- prepared for re-use: restocked, listed or sold after its checks (and repair or
  refurbishing), sent to a resale partner, donated: the whole unit goes back to use;
- recycled: delivered to a certified treatment facility on the recycle route;
- disposed: delivered on the dispose route (only a hazardous unit may be);
- dismantled: harvested for parts (neither its parts nor the rest are weighed, so it counts
  in what was collected and in no rate's numerator);
- returned to its vendor: the producer took it back and reports it (out of the rates);
- pending: still in the parallel stock, its outcome not known yet.

Revalo has no energy-recovery route, so "recovered" is prepared for re-use plus recycled.
The rates follow Art. 11(2): the mass entering re-use, recycling or recovery after proper
treatment, divided by the mass separately collected in the category (here: received, less
what went back to its vendor). Targets: Annex V part 3.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from revalo.domain.errors import InvalidValue
from revalo.domain.units import UnitState

#: Annex III (categories since 15 Aug 2018).
CATEGORIES: dict[int, str] = {
    1: "temperature exchange equipment",
    2: "screens, monitors and equipment with screens over 100 cm2",
    3: "lamps",
    4: "large equipment (an external dimension over 50 cm)",
    5: "small equipment",
    6: "small IT and telecommunication equipment",
}


class Outcome(enum.StrEnum):
    PREPARED_FOR_REUSE = "prepared_for_reuse"
    RECYCLED = "recycled"
    DISPOSED = "disposed"
    DISMANTLED = "dismantled"
    RETURNED_TO_VENDOR = "returned_to_vendor"
    PENDING = "pending"


_S = UnitState
_BY_STATE: dict[UnitState, Outcome] = {
    _S.RESTOCKED: Outcome.PREPARED_FOR_REUSE,
    _S.LISTED: Outcome.PREPARED_FOR_REUSE,
    _S.SOLD: Outcome.PREPARED_FOR_REUSE,
    _S.SENT_TO_PARTNER: Outcome.PREPARED_FOR_REUSE,
    _S.DONATED: Outcome.PREPARED_FOR_REUSE,
    _S.RECYCLED: Outcome.RECYCLED,
    _S.DISPOSED: Outcome.DISPOSED,
    _S.HARVESTED: Outcome.DISMANTLED,
    _S.RETURNED_TO_VENDOR: Outcome.RETURNED_TO_VENDOR,
}


def outcome_of(state: UnitState) -> Outcome:
    """What a unit in ``state`` became, for the WEEE report."""
    return _BY_STATE.get(state, Outcome.PENDING)


#: Where each outcome's mass goes in the unit's facility: the site that took it (a recycler,
#: a partner, a charity, a vendor), or the site that prepared it for re-use in-house.
HANDED_ON = frozenset(
    {_S.RECYCLED, _S.DISPOSED, _S.SENT_TO_PARTNER, _S.DONATED, _S.RETURNED_TO_VENDOR}
)


@dataclass(frozen=True, slots=True)
class Target:
    """Annex V part 3 minimum targets (fractions), from 15 Aug 2018."""

    #: Recovered / collected (None: no recovery target, category 3).
    recovered: float | None
    #: Prepared for re-use and recycled / collected; for lamps, recycled alone.
    reuse_recycled: float
    #: Whether the second target counts recycling only (lamps).
    recycled_only: bool = False


TARGETS: dict[int, Target] = {
    1: Target(0.85, 0.80),
    2: Target(0.80, 0.70),
    3: Target(None, 0.80, recycled_only=True),
    4: Target(0.85, 0.80),
    5: Target(0.75, 0.55),
    6: Target(0.75, 0.55),
}


@dataclass(frozen=True, slots=True)
class WeeeRow:
    """Units alike for the report, and their mass: read from storage, summed there."""

    country: str
    category: int
    state: UnitState
    #: The site that took the unit, or prepared it for re-use (None: still pending).
    facility: str | None
    units: int
    kg: float


@dataclass(frozen=True, slots=True)
class Facility:
    code: str
    name: str
    country: str
    city: str
    kind: str
    weee_certified: bool


@dataclass
class Masses:
    """Kilograms by outcome, and the units counted."""

    kg: dict[Outcome, float] = field(default_factory=lambda: dict.fromkeys(Outcome, 0.0))
    units: int = 0

    def add(self, outcome: Outcome, kg: float, units: int) -> None:
        self.kg[outcome] += kg
        self.units += units

    @property
    def received(self) -> float:
        return sum(self.kg.values())

    @property
    def collected(self) -> float:
        """What the rates divide by: received, less what went back to its vendor."""
        return self.received - self.kg[Outcome.RETURNED_TO_VENDOR]

    @property
    def recovered(self) -> float:
        """Prepared for re-use and recycled (Revalo has no energy-recovery route)."""
        return self.kg[Outcome.PREPARED_FOR_REUSE] + self.kg[Outcome.RECYCLED]

    def tonnes(self, outcome: Outcome) -> float:
        return self.kg[outcome] / 1000


@dataclass(frozen=True, slots=True)
class Rate:
    """One Annex V rate: numerator / denominator against its target."""

    name: str  # "recovered", "reuse_recycled" or "recycled"
    numerator_kg: float
    denominator_kg: float
    target: float

    @property
    def value(self) -> float | None:
        return self.numerator_kg / self.denominator_kg if self.denominator_kg > 0 else None

    @property
    def met(self) -> bool | None:
        v = self.value
        return None if v is None else v >= self.target - 1e-12


def rates(category: int, m: Masses) -> list[Rate]:
    """The Annex V rates of a category's masses."""
    target = TARGETS[category]
    found = []
    if target.recovered is not None:
        found.append(Rate("recovered", m.recovered, m.collected, target.recovered))
    if target.recycled_only:
        found.append(Rate("recycled", m.kg[Outcome.RECYCLED], m.collected, target.reuse_recycled))
    else:
        found.append(Rate("reuse_recycled", m.recovered, m.collected, target.reuse_recycled))
    return found


@dataclass(frozen=True, slots=True)
class CategoryLine:
    country: str
    category: int
    masses: Masses
    rates: list[Rate]

    @property
    def provisional(self) -> bool:
        """Some units are still pending: the rates may still rise."""
        return self.masses.kg[Outcome.PENDING] > 0


@dataclass(frozen=True, slots=True)
class FacilityLine:
    facility: Facility
    category: int
    masses: Masses


@dataclass(frozen=True, slots=True)
class WeeeReport:
    since: date
    until: date  # included
    country: str | None
    client_code: str | None
    lines: list[CategoryLine]
    #: Every category of the period, all countries together (the charts).
    totals: list[CategoryLine]
    facilities: list[FacilityLine]


def check_period(since: date, until: date) -> None:
    if until < since:
        raise InvalidValue(
            f"the period ends ({until.isoformat()}) before it starts ({since.isoformat()})",
            field="to",
        )


def weee_report(
    rows: Iterable[WeeeRow],
    facilities: Sequence[Facility],
    *,
    since: date,
    until: date,
    country: str | None = None,
    client_code: str | None = None,
) -> WeeeReport:
    """Sum the rows by country and category, and by facility."""
    check_period(since, until)
    by_line: dict[tuple[str, int], Masses] = {}
    by_category: dict[int, Masses] = {}
    by_facility: dict[tuple[str, int], Masses] = {}
    for r in rows:
        outcome = outcome_of(r.state)
        by_line.setdefault((r.country, r.category), Masses()).add(outcome, r.kg, r.units)
        by_category.setdefault(r.category, Masses()).add(outcome, r.kg, r.units)
        if r.facility is not None and outcome is not Outcome.PENDING:
            by_facility.setdefault((r.facility, r.category), Masses()).add(outcome, r.kg, r.units)
    named = {f.code: f for f in facilities}
    return WeeeReport(
        since=since,
        until=until,
        country=country,
        client_code=client_code,
        lines=[CategoryLine(c, k, m, rates(k, m)) for (c, k), m in sorted(by_line.items())],
        totals=[CategoryLine("", k, m, rates(k, m)) for k, m in sorted(by_category.items())],
        facilities=[
            FacilityLine(named[code], k, m)
            for (code, k), m in sorted(by_facility.items())
            if code in named
        ],
    )
