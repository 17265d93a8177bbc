"""Safety records: incidents and near misses, safety briefings with who attended, and a
site's figures (days since the last lost-time accident, incidents per 1,000 hours worked,
the hours from the team's shifts unless payroll's are given)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from revalo.domain.catalog import LocationKind
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.floor.safety import (
    Briefing,
    Hours,
    Incident,
    IncidentKind,
    SafetyFigures,
    Severity,
    figures,
    shift_hours,
)
from revalo.domain.people import Permission, User
from revalo.services.common import get_site, when
from revalo.services.floor.putaway import get_bin
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitOfWork


def _known_logins(uow: UnitOfWork, logins: Iterable[str], what: str) -> None:
    unknown = sorted(x for x in logins if uow.users.by_login(x) is None)
    if unknown:
        raise InvalidValue(f"no user {', '.join(unknown)} among the {what}", field=what)


@needs(Permission.RECORD_SAFETY)
def record_incident(
    uow: UnitOfWork,
    *,
    site_code: str,
    occurred_at: datetime,
    kind: IncidentKind,
    severity: Severity,
    description: str,
    action_taken: str,
    by: User,
    zone: str = "",
    bin_code: str = "",
    equipment: str = "",
    people: Sequence[str] = (),
    lost_days: int = 0,
    at: datetime | None = None,
) -> Incident:
    """An incident or a near miss: where (the site, its zone or bin when known), who was
    involved, with which equipment, how bad, and what was done."""
    with uow:
        site = get_site(uow, site_code)
        where_zone = zone.strip().lower()
        if where_zone and where_zone not in {k.value for k in LocationKind}:
            allowed, column = ", ".join(k.value for k in LocationKind), "zone"
            raise InvalidValue(f"{column} {zone!r} must be one of {allowed}", field="zone")
        where_bin = ""
        if bin_code.strip():
            b = get_bin(uow, bin_code)
            if b.site_code != site.code:
                raise NotAllowed(
                    f"bin {b.code} is at another site than {site.code}", field="bin_code"
                )
            if where_zone and where_zone != b.zone.value:
                raise InvalidValue(
                    f"bin {b.code} is in the {b.zone.value} zone, not {where_zone}", field="zone"
                )
            where_bin, where_zone = b.code, b.zone.value
        incident = Incident(
            site_code=site.code,
            occurred_at=occurred_at,
            kind=kind,
            severity=severity,
            description=description,
            action_taken=action_taken,
            reported_by=by.login,
            reported_at=when(at),
            zone=where_zone,
            bin_code=where_bin,
            equipment=equipment,
            people=tuple(people),
            lost_days=lost_days,
        )
        _known_logins(uow, incident.people, "people")
        uow.safety.add_incident(incident)
        record_done(
            uow, by, "record_incident", site.code, detail=f"{kind.value}, severity {severity.value}"
        )
        uow.commit()
    return incident


@needs(Permission.RECORD_SAFETY)
def record_briefing(
    uow: UnitOfWork,
    *,
    site_code: str,
    held_at: datetime,
    topic: str,
    attendees: Sequence[str],
    by: User,
    minutes: int = 15,
) -> Briefing:
    """A safety briefing held at a site, by the one who records it, and who attended."""
    with uow:
        site = get_site(uow, site_code)
        if held_at > when(None) + timedelta(hours=1):
            raise InvalidValue("a briefing is recorded once it was held", field="held_at")
        briefing = Briefing(site.code, held_at, topic, by.login, tuple(attendees), minutes)
        _known_logins(uow, briefing.attendees, "attendees")
        uow.safety.add_briefing(briefing)
        record_done(
            uow, by, "record_briefing", site.code, detail=f"{len(briefing.attendees)} attended"
        )
        uow.commit()
    return briefing


def _span(start: date, end: date) -> tuple[datetime, datetime]:
    if end < start:
        raise InvalidValue(f"the period ends ({end}) before it starts ({start})", field="end")
    if (end - start).days > 3660:
        raise InvalidValue("a period is at most ten years", field="start")
    return (
        datetime.combine(start, time(), tzinfo=UTC),
        datetime.combine(end + timedelta(days=1), time(), tzinfo=UTC),
    )


@reads(Permission.VIEW_FLOOR)
def incidents(
    uow: UnitOfWork, *, by: User, site_code: str | None = None, start: date, end: date
) -> list[Incident]:
    """The incidents and near misses of the period, the newest first."""
    since, until = _span(start, end)
    with uow:
        site = get_site(uow, site_code).code if site_code else None
        return list(uow.safety.incidents(site_code=site, since=since, until=until))


@reads(Permission.VIEW_FLOOR)
def briefings(
    uow: UnitOfWork, *, by: User, site_code: str | None = None, start: date, end: date
) -> list[Briefing]:
    since, until = _span(start, end)
    with uow:
        site = get_site(uow, site_code).code if site_code else None
        return list(uow.safety.briefings(site_code=site, since=since, until=until))


def site_figures(
    uow: UnitOfWork, site_code: str, start: date, end: date, hours: float | None = None
) -> SafetyFigures:
    """A site's figures of ``start`` to ``end`` (inside the caller's unit of work)."""
    since, until = _span(start, end)
    if hours is not None and not 0 < hours <= 10_000_000:
        raise InvalidValue(f"hours {hours:g} must be more than 0", field="hours")
    worked = (
        Hours(hours, "given")
        if hours is not None
        else shift_hours(len(uow.floor.members(site_code=site_code)), start, end)
    )
    last = uow.safety.last_lost_time(site_code, until)
    return figures(
        site_code,
        start,
        end,
        uow.safety.incidents(site_code=site_code, since=since, until=until),
        uow.safety.briefings(site_code=site_code, since=since, until=until),
        worked,
        last.date() if last else None,
    )


@reads(Permission.VIEW_FLOOR)
def safety_figures(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str,
    start: date,
    end: date,
    hours: float | None = None,
) -> SafetyFigures:
    """The site's incidents per 1,000 hours worked over the period (``hours``: payroll's
    figure; else the team's shifts), and the days since its last lost-time accident."""
    with uow:
        return site_figures(uow, get_site(uow, site_code).code, start, end, hours)


@reads(Permission.VIEW_FLOOR)
def days_without_lost_time(
    uow: UnitOfWork, *, by: User, day: date | None = None
) -> list[tuple[str, int | None]]:
    """Each site with a team: the days since its last lost-time accident (None: none
    recorded)."""
    on = day or when(None).date()
    _, until = _span(on, on)
    with uow:
        hubs = sorted({m.site_code for m in uow.floor.members()})
        out: list[tuple[str, int | None]] = []
        for code in hubs:
            last = uow.safety.last_lost_time(code, until)
            out.append((code, (on - last.date()).days if last else None))
    return out
