"""Safety records of the floor: incidents and near misses, safety briefings, and the
figures a site follows (days since the last lost-time accident, incidents per 1,000 hours).

A near miss hurt nobody (severity ``none``); an incident is graded by its worst outcome, a
*lost-time* accident being one after which the injured person could not work the next day
(they lost at least one day). The hours worked come from the team's shifts: each member
of the site's team works ``SHIFT_HOURS`` on each weekday of the period (France's legal
35-hour week, Code du travail L3121-27, is 7 hours on 5 days) — the team as it is on the
day asked, absences not deducted. Where payroll knows better, its hours are given instead.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from revalo.domain.errors import InvalidValue

#: Hours a member of the team works on a weekday (35 h a week: Code du travail L3121-27).
SHIFT_HOURS = 7.0
#: The figures are given per this many hours worked.
PER_HOURS = 1000


class IncidentKind(enum.StrEnum):
    NEAR_MISS = "near_miss"
    INCIDENT = "incident"


class Severity(enum.StrEnum):
    NONE = "none"
    FIRST_AID = "first_aid"
    MEDICAL_TREATMENT = "medical_treatment"
    LOST_TIME = "lost_time"


def _logins(values: Iterable[str], what: str) -> tuple[str, ...]:
    out = tuple(sorted({v.strip().lower() for v in values if v.strip()}))
    if any(len(v) > 64 for v in out):
        raise InvalidValue(f"a login of the {what} is at most 64 characters", field=what)
    return out


def _text(value: str, what: str, longest: int) -> str:
    text = value.strip()
    if not text:
        raise InvalidValue(f"the {what} is needed", field=what)
    if len(text) > longest:
        raise InvalidValue(f"the {what} is at most {longest} characters", field=what)
    return text


@dataclass(eq=False)
class Incident:
    """What happened, when and where (site, and its zone or bin when known), to whom, with
    which equipment, how bad, and what was done."""

    site_code: str
    occurred_at: datetime
    kind: IncidentKind
    severity: Severity
    description: str
    action_taken: str
    reported_by: str
    reported_at: datetime
    zone: str = ""
    bin_code: str = ""
    equipment: str = ""
    people: tuple[str, ...] = ()
    lost_days: int = 0
    id: int | None = None

    def __post_init__(self) -> None:
        self.description = _text(self.description, "description", 2000)
        self.action_taken = _text(self.action_taken, "action taken", 2000)
        self.equipment = self.equipment.strip().lower()[:60]
        self.people = _logins(self.people, "people")
        if self.occurred_at > self.reported_at:
            raise InvalidValue("an incident is reported after it happened", field="occurred_at")
        if self.kind is IncidentKind.NEAR_MISS and self.severity is not Severity.NONE:
            raise InvalidValue(
                f"a near miss hurt nobody: its severity is none, not {self.severity.value}",
                field="severity",
            )
        if self.kind is IncidentKind.INCIDENT and self.severity is Severity.NONE:
            raise InvalidValue(
                "an incident has a severity: first_aid, medical_treatment or lost_time "
                "(one that hurt nobody is a near miss)",
                field="severity",
            )
        lost = self.severity is Severity.LOST_TIME
        if lost and not 1 <= self.lost_days <= 366:
            raise InvalidValue(
                f"a lost-time accident lost 1 to 366 days, not {self.lost_days}", field="lost_days"
            )
        if not lost and self.lost_days:
            raise InvalidValue(
                f"only a lost-time accident loses days, not a {self.severity.value} one",
                field="lost_days",
            )

    @property
    def lost_time(self) -> bool:
        return self.severity is Severity.LOST_TIME


@dataclass(eq=False)
class Briefing:
    """A safety briefing (a toolbox talk) held at a site, and who attended."""

    site_code: str
    held_at: datetime
    topic: str
    led_by: str
    attendees: tuple[str, ...]
    minutes: int = 15
    id: int | None = None

    def __post_init__(self) -> None:
        self.topic = _text(self.topic, "topic", 200)
        self.attendees = _logins(self.attendees, "attendees")
        if not self.attendees:
            raise InvalidValue("a briefing has at least one attendee", field="attendees")
        if not 1 <= self.minutes <= 480:
            raise InvalidValue(
                f"a briefing lasts 1 to 480 minutes, not {self.minutes}", field="minutes"
            )


def weekdays(start: date, end: date) -> int:
    """Monday to Friday from ``start`` to ``end``, both included."""
    days = (end - start).days + 1
    if days <= 0:
        return 0
    weeks, rest = divmod(days, 7)
    extra = sum(1 for i in range(rest) if (start + timedelta(days=weeks * 7 + i)).weekday() < 5)
    return weeks * 5 + extra


@dataclass(frozen=True, slots=True)
class Hours:
    """Hours worked over a period, and where the figure comes from."""

    hours: float
    source: str


def shift_hours(members: int, start: date, end: date) -> Hours:
    """The hours the team's shifts make: ``members`` x ``SHIFT_HOURS`` x weekdays."""
    days = weekdays(start, end)
    return Hours(
        members * SHIFT_HOURS * days,
        f"team shifts: {members} member(s) x {SHIFT_HOURS:g} h x {days} weekday(s)",
    )


@dataclass(frozen=True, slots=True)
class SafetyFigures:
    """A site's safety over a period, and on its last day."""

    site_code: str
    start: date
    end: date
    incidents: int
    near_misses: int
    lost_time: int
    hours: Hours
    #: The day of the last lost-time accident up to ``end`` (None: none recorded).
    last_lost_time: date | None = None
    briefings: int = 0
    attendances: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)

    @property
    def days_since_lost_time(self) -> int | None:
        return (self.end - self.last_lost_time).days if self.last_lost_time else None

    @property
    def per_1000_hours(self) -> float | None:
        """Incidents (near misses left out) per 1,000 hours worked; None without hours."""
        if self.hours.hours <= 0:
            return None
        return self.incidents * PER_HOURS / self.hours.hours


def figures(
    site_code: str,
    start: date,
    end: date,
    incidents: Iterable[Incident],
    briefings: Iterable[Briefing],
    hours: Hours,
    last_lost_time: date | None,
) -> SafetyFigures:
    """The figures of the incidents and briefings of ``start`` to ``end``."""
    inside = [i for i in incidents if start <= i.occurred_at.date() <= end]
    held = [b for b in briefings if start <= b.held_at.date() <= end]
    by_severity: dict[str, int] = {}
    for i in inside:
        if i.kind is IncidentKind.INCIDENT:
            by_severity[i.severity.value] = by_severity.get(i.severity.value, 0) + 1
    return SafetyFigures(
        site_code=site_code,
        start=start,
        end=end,
        incidents=sum(1 for i in inside if i.kind is IncidentKind.INCIDENT),
        near_misses=sum(1 for i in inside if i.kind is IncidentKind.NEAR_MISS),
        lost_time=sum(1 for i in inside if i.lost_time),
        hours=hours,
        last_lost_time=last_lost_time,
        briefings=len(held),
        attendances=sum(len(b.attendees) for b in held),
        by_severity=by_severity,
    )
