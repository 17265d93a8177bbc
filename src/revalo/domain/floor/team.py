"""The team on the floor: members linked to users, their qualifications and PPE.

In France a forklift operator needs the CACES R489 certificate of the truck's category
(1A/1B pallet stackers, 3 counterbalance trucks up to 6 t, 5 reach trucks...) and the
employer's written driving authorisation (autorisation de conduite, Code du travail
R4323-56), which rests on a medical fitness; testing mains appliances needs an electrical
clearance (habilitation électrique, NF C18-510); handling damaged lithium batteries,
dangerous-goods awareness (ADR). PPE: high-visibility clothing (EN ISO 20471), safety
shoes (EN ISO 20345), gloves (EN 388), a helmet under racking (EN 397).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, timedelta

from revalo.domain.errors import InvalidValue

#: Warnings this many days before an expiry.
WARN_DAYS = 30


class QualificationKind(enum.StrEnum):
    CACES_R489 = "caces_r489"
    DRIVING_AUTHORISATION = "driving_authorisation"
    MEDICAL_FITNESS = "medical_fitness"
    ELECTRICAL_CLEARANCE = "electrical_clearance"
    DG_AWARENESS = "dg_awareness"


#: The CACES R489 categories (truck types) Revalo knows.
R489_CATEGORIES = frozenset({"1A", "1B", "2A", "2B", "3", "4", "5", "6", "7"})


class PpeKind(enum.StrEnum):
    HI_VIS_VEST = "hi_vis_vest"
    SAFETY_SHOES = "safety_shoes"
    GLOVES = "gloves"
    HELMET = "helmet"


class Shift(enum.StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    NIGHT = "night"


@dataclass(frozen=True, slots=True)
class Need:
    """One qualification a task needs: a kind, with a category for those that have one."""

    kind: QualificationKind
    category: str = ""

    def __str__(self) -> str:
        return f"{self.kind.value} {self.category}".strip()


@dataclass(eq=False)
class Qualification:
    member_id: int
    kind: QualificationKind
    obtained_on: date
    expires_on: date
    category: str = ""
    reference: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        self.category = self.category.strip().upper()
        if self.kind is QualificationKind.CACES_R489 and self.category not in R489_CATEGORIES:
            raise InvalidValue(
                f"CACES R489 category {self.category!r} must be one of "
                f"{', '.join(sorted(R489_CATEGORIES))}",
                field="category",
            )
        if self.expires_on <= self.obtained_on:
            raise InvalidValue("a qualification expires after it was obtained", field="expires_on")

    def valid_on(self, day: date) -> bool:
        return self.obtained_on <= day <= self.expires_on

    def meets(self, need: Need) -> bool:
        return self.kind is need.kind and (not need.category or self.category == need.category)


@dataclass(eq=False)
class PpeIssue:
    member_id: int
    item: PpeKind
    size: str
    issued_on: date
    replace_by: date
    id: int | None = None

    def __post_init__(self) -> None:
        self.size = self.size.strip().upper()
        if not self.size:
            raise InvalidValue("PPE is issued in a size", field="size")
        if self.replace_by <= self.issued_on:
            raise InvalidValue("PPE is replaced after it was issued", field="replace_by")

    def valid_on(self, day: date) -> bool:
        return self.issued_on <= day <= self.replace_by


@dataclass(eq=False)
class TeamMember:
    user_login: str
    site_code: str
    shift: Shift
    id: int | None = None
    qualifications: list[Qualification] = field(default_factory=list)
    ppe: list[PpeIssue] = field(default_factory=list)

    def missing(self, needs: frozenset[Need], ppe: frozenset[PpeKind], day: date) -> list[str]:
        """What the member lacks for work needing ``needs`` and ``ppe`` on ``day``: each
        missing or expired qualification and PPE item, named (empty: nothing)."""
        out: list[str] = []
        for need in sorted(needs, key=str):
            held = [q for q in self.qualifications if q.meets(need)]
            if not held:
                out.append(f"{need} missing")
            elif not any(q.valid_on(day) for q in held):
                last = max(q.expires_on for q in held)
                out.append(f"{need} expired on {last.isoformat()}")
        for item in sorted(ppe):
            issued = [p for p in self.ppe if p.item is item]
            if not issued:
                out.append(f"PPE {item.value} not issued")
            elif not any(p.valid_on(day) for p in issued):
                last = max(p.replace_by for p in issued)
                out.append(f"PPE {item.value} due for replacement on {last.isoformat()}")
        return out


@dataclass(frozen=True, slots=True)
class Expiry:
    """A qualification or PPE item that expires soon (or has expired)."""

    member: TeamMember
    what: str
    on: date
    #: The qualification's or PPE item's kind (a value of QualificationKind or PpeKind).
    kind: str = ""
    category: str = ""

    def expired(self, day: date) -> bool:
        return self.on < day


def expiring(members: list[TeamMember], day: date, days: int = WARN_DAYS) -> list[Expiry]:
    """What expires within ``days`` of ``day`` (or has expired: the latest of each kind
    held), soonest first."""
    horizon = day + timedelta(days=days)
    out: list[Expiry] = []
    for m in members:
        latest: dict[tuple[str, str, str], date] = {}
        for q in m.qualifications:
            key = (str(Need(q.kind, q.category)), q.kind.value, q.category)
            latest[key] = max(latest.get(key, q.expires_on), q.expires_on)
        for p in m.ppe:
            key = (f"PPE {p.item.value}", p.item.value, "")
            latest[key] = max(latest.get(key, p.replace_by), p.replace_by)
        out.extend(
            Expiry(m, what, on, kind, category)
            for (what, kind, category), on in latest.items()
            if on <= horizon
        )
    return sorted(out, key=lambda e: (e.on, e.member.user_login, e.what))
