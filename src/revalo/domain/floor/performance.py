"""The floor's performance, per person and per team (a site's shift): tasks done, units
handled per hour of task time, the time from a unit's receipt to its put-away, and how long
units stay in each zone. Pure: the figures are made from what the tasks and the ledger say.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from statistics import median


@dataclass(frozen=True, slots=True)
class DoneTask:
    """A task done: who did it, when it was started and done, how many units it moved,
    and (a put-away) when its unit was received."""

    kind: str
    site_code: str
    login: str
    started_at: datetime | None
    done_at: datetime
    units: int
    received_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Stay:
    """A unit's stay in a zone of a site, from the ledger: from one move to the next (open:
    still there)."""

    site_code: str
    zone: str
    arrived_at: datetime
    left_at: datetime | None


@dataclass(frozen=True, slots=True)
class Performance:
    #: "person" or "team".
    level: str
    #: The login, or the team: "SITE shift".
    who: str
    site_code: str
    tasks_done: int
    units: int
    #: Hours from start to done, summed over the tasks that were started.
    task_hours: float
    #: Put-aways counted in the receipt-to-put-away figures.
    put_aways: int
    receipt_to_put_away_h_median: float | None
    receipt_to_put_away_h_mean: float | None
    #: A team's shift.
    shift: str = ""

    @property
    def units_per_hour(self) -> float | None:
        return self.units / self.task_hours if self.task_hours > 0 else None


@dataclass(frozen=True, slots=True)
class ZoneDwell:
    site_code: str
    zone: str
    #: Stays ended in the period, and their length in hours.
    stays: int
    median_h: float | None
    p90_h: float | None
    #: Units in the zone at the period's end.
    in_zone: int


def _hours(a: datetime, b: datetime) -> float:
    return max(0.0, (b - a).total_seconds() / 3600)


def _row(level: str, who: str, site: str, done: list[DoneTask], shift: str = "") -> Performance:
    waits = [
        _hours(t.received_at, t.done_at)
        for t in done
        if t.kind == "put_away" and t.received_at is not None
    ]
    return Performance(
        level=level,
        who=who,
        site_code=site,
        tasks_done=len(done),
        units=sum(t.units for t in done),
        task_hours=sum(_hours(t.started_at, t.done_at) for t in done if t.started_at),
        put_aways=len(waits),
        receipt_to_put_away_h_median=median(waits) if waits else None,
        receipt_to_put_away_h_mean=sum(waits) / len(waits) if waits else None,
        shift=shift,
    )


def performance(done: Iterable[DoneTask], shifts: Mapping[str, str]) -> list[Performance]:
    """A row per person, then a row per team (the site and the shift of its members, from
    ``shifts``: login -> shift; a person no longer on the team counts in no team)."""
    by_person: dict[tuple[str, str], list[DoneTask]] = defaultdict(list)
    by_team: dict[tuple[str, str], list[DoneTask]] = defaultdict(list)
    for t in done:
        by_person[(t.site_code, t.login)].append(t)
        if t.login in shifts:
            by_team[(t.site_code, shifts[t.login])].append(t)
    people = [_row("person", login, site, ts) for (site, login), ts in sorted(by_person.items())]
    teams = [
        _row("team", f"{site} {shift}", site, ts, shift)
        for (site, shift), ts in sorted(by_team.items())
    ]
    return people + teams


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def dwell_by_zone(stays: Iterable[Stay], since: datetime, until: datetime) -> list[ZoneDwell]:
    """How long units stayed in each zone: the stays that ended in [since, until), and the
    units still in the zone at ``until``."""
    ended: dict[tuple[str, str], list[float]] = defaultdict(list)
    present: dict[tuple[str, str], int] = defaultdict(int)
    for s in stays:
        key = (s.site_code, s.zone)
        if s.left_at is not None and since <= s.left_at < until:
            ended[key].append(_hours(s.arrived_at, s.left_at))
        elif s.arrived_at < until and (s.left_at is None or s.left_at >= until):
            present[key] += 1
        else:
            ended.setdefault(key, [])
    out = []
    for site, zone in sorted(ended.keys() | present.keys()):
        hours = ended.get((site, zone), [])
        out.append(
            ZoneDwell(
                site,
                zone,
                len(hours),
                median(hours) if hours else None,
                _quantile(hours, 0.9) if hours else None,
                present.get((site, zone), 0),
            )
        )
    return out
