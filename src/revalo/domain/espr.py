"""The yearly disclosure of unsold products discarded (EU ESPR 2024/1781 art. 24), with the
destructions refused where a ban applies (ESPR art. 25; France, AGEC law, Code de
l'environnement L541-15-8).

Unsold consumer products include those a consumer sent back under the withdrawal right
(ESPR art. 2(37)): here, the units of a return line of reason ``withdrawal`` from a
consumer. Such a unit is discarded when it leaves as waste: recycled, disposed of, or
dismantled for its parts. Its destination is the waste-hierarchy step of that route
(Directive 2008/98/EC art. 4): dismantled for parts is preparing for re-use (of its
components), recycled is recycling, disposed is disposal; Revalo has no energy-recovery
route, so "other recovery" stays empty. Its reason is read from its last inspection,
among the derogations of the ESPR delegated act on destruction (adopted Feb 2026; among
them: dangerous, damaged beyond repair, re-use or donation impossible): a unit flagged
hazardous is dangerous, one graded D (does not work) is damaged beyond repair, any other
could find no re-use or donation.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from revalo.domain.disposition import BAN_AGEC, BAN_ESPR
from revalo.domain.units import UnitState

#: Each ban as the disclosure names it.
BANS: dict[str, str] = {
    BAN_ESPR: "EU ESPR 2024/1781 art. 25 (apparel, clothing accessories, footwear)",
    BAN_AGEC: "Code de l'environnement L541-15-8 (unsold non-food products)",
}


class Step(enum.StrEnum):
    """The waste-hierarchy steps of ESPR art. 24(1)(c)."""

    PREPARING_FOR_REUSE = "preparing_for_reuse"
    RECYCLING = "recycling"
    OTHER_RECOVERY = "other_recovery"
    DISPOSAL = "disposal"


class Derogation(enum.StrEnum):
    DANGEROUS = "dangerous"
    DAMAGED_BEYOND_REPAIR = "damaged_beyond_repair"
    REUSE_IMPOSSIBLE = "reuse_impossible"


#: The final states in which a unit was discarded, and their step.
DISCARDED: dict[UnitState, Step] = {
    UnitState.HARVESTED: Step.PREPARING_FOR_REUSE,
    UnitState.RECYCLED: Step.RECYCLING,
    UnitState.DISPOSED: Step.DISPOSAL,
}


def derogation_of(hazardous: bool, functional_grade: str | None) -> Derogation:
    """The reason a discarded unit was not re-used, from its last inspection."""
    if hazardous:
        return Derogation.DANGEROUS
    if functional_grade == "D":
        return Derogation.DAMAGED_BEYOND_REPAIR
    return Derogation.REUSE_IMPOSSIBLE


@dataclass(frozen=True, slots=True)
class DiscardRow:
    """Unsold units alike, discarded in a year, and their mass: summed by storage."""

    product_type: str
    state: UnitState
    hazardous: bool
    functional_grade: str | None
    units: int
    kg: float


@dataclass(eq=False)
class DestructionRefusal:
    """A destruction the law refused, as it was asked."""

    unit_id: int
    lpn: str
    sku: str
    product_type: str
    kg: float
    refused_at: datetime
    actor: str
    law: str
    reason: str
    client_code: str | None = None
    id: int | None = None


@dataclass
class Count:
    units: int = 0
    kg: float = 0.0

    def add(self, units: int, kg: float) -> None:
        self.units += units
        self.kg += kg


@dataclass
class EsprLine:
    """One product type's unsold units discarded in the year."""

    product_type: str
    total: Count = field(default_factory=Count)
    by_reason: dict[Derogation, Count] = field(
        default_factory=lambda: {d: Count() for d in Derogation}
    )
    by_step: dict[Step, Count] = field(default_factory=lambda: {s: Count() for s in Step})


@dataclass(frozen=True, slots=True)
class RefusedLine:
    product_type: str
    law: str
    count: Count


@dataclass(frozen=True, slots=True)
class EsprReport:
    year: int
    client_code: str | None
    lines: list[EsprLine]
    refused: list[RefusedLine]
    refusals: list[DestructionRefusal]


def espr_report(
    year: int,
    rows: Iterable[DiscardRow],
    refusals: Iterable[DestructionRefusal],
    *,
    client_code: str | None = None,
) -> EsprReport:
    """Sum the discarded units by product type, reason and step; the refusals by product
    type and ban."""
    lines: dict[str, EsprLine] = {}
    for r in rows:
        step = DISCARDED.get(r.state)
        if step is None:
            continue
        line = lines.setdefault(r.product_type, EsprLine(r.product_type))
        line.total.add(r.units, r.kg)
        line.by_reason[derogation_of(r.hazardous, r.functional_grade)].add(r.units, r.kg)
        line.by_step[step].add(r.units, r.kg)
    kept = sorted(refusals, key=lambda f: (f.refused_at, f.id or 0))
    refused: dict[tuple[str, str], Count] = {}
    for f in kept:
        refused.setdefault((f.product_type, f.law), Count()).add(1, f.kg)
    return EsprReport(
        year=year,
        client_code=client_code,
        lines=[lines[k] for k in sorted(lines)],
        refused=[RefusedLine(t, law, c) for (t, law), c in sorted(refused.items())],
        refusals=kept,
    )
