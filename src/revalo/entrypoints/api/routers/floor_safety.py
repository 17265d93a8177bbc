"""Safety records: incidents and near misses, briefings with who attended, and a site's
figures (days since the last lost-time accident, incidents per 1,000 hours worked)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from revalo.domain.floor.safety import SafetyFigures
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.floor_records import (
    BriefingCreate,
    BriefingPublic,
    BriefingsPublic,
    IncidentCreate,
    IncidentPublic,
    IncidentsPublic,
    SafetyFiguresPublic,
)
from revalo.entrypoints.api.types import Limit, Offset, SiteCodePath, Storable
from revalo.services.floor import safety

router = APIRouter(tags=["floor"])
SiteQuery = Annotated[str | None, Query(max_length=40), Storable]
#: The period a list or the figures cover unless one is asked: the last 90 days.
DAYS = 90


def period(start: date | None, end: date | None) -> tuple[date, date]:
    last = end or utcnow().date()
    return (start or last - timedelta(days=DAYS - 1), last)


def figures_public(f: SafetyFigures) -> SafetyFiguresPublic:
    return SafetyFiguresPublic(
        site_code=f.site_code,
        start=f.start,
        end=f.end,
        incidents=f.incidents,
        near_misses=f.near_misses,
        lost_time=f.lost_time,
        by_severity=f.by_severity,
        hours_worked=f.hours.hours,
        hours_source=f.hours.source,
        per_1000_hours=f.per_1000_hours,
        last_lost_time=f.last_lost_time,
        days_since_lost_time=f.days_since_lost_time,
        briefings=f.briefings,
        attendances=f.attendances,
    )


@router.post("/safety/incidents", dependencies=[need(Permission.RECORD_SAFETY)])
def record_incident(body: IncidentCreate, uow: UowDep, user: CurrentUser) -> IncidentPublic:
    """An incident or a near miss: when, where (site, zone or bin), who, equipment,
    severity, what was done."""
    incident = safety.record_incident(uow, **body.model_dump(), by=user)
    return IncidentPublic.model_validate(incident)


@router.get("/safety/incidents", dependencies=[need(Permission.VIEW_FLOOR)])
def list_incidents(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: SiteQuery = None,
    start: date | None = None,
    end: date | None = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> IncidentsPublic:
    """The incidents and near misses of the period (the last 90 days), newest first:
    ``limit`` of them from ``offset``, ``count`` in all."""
    first, last = period(start, end)
    found = safety.incidents(uow, by=user, site_code=site_code, start=first, end=last)
    page = found[offset : offset + limit]
    return IncidentsPublic(data=[IncidentPublic.model_validate(i) for i in page], count=len(found))


@router.post("/safety/briefings", dependencies=[need(Permission.RECORD_SAFETY)])
def record_briefing(body: BriefingCreate, uow: UowDep, user: CurrentUser) -> BriefingPublic:
    """A safety briefing held, led by the one who records it, and who attended."""
    return BriefingPublic.model_validate(safety.record_briefing(uow, **body.model_dump(), by=user))


@router.get("/safety/briefings", dependencies=[need(Permission.VIEW_FLOOR)])
def list_briefings(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: SiteQuery = None,
    start: date | None = None,
    end: date | None = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> BriefingsPublic:
    """The safety briefings of the period (the last 90 days): ``limit`` of them from
    ``offset``, ``count`` in all."""
    first, last = period(start, end)
    found = safety.briefings(uow, by=user, site_code=site_code, start=first, end=last)
    page = found[offset : offset + limit]
    return BriefingsPublic(data=[BriefingPublic.model_validate(b) for b in page], count=len(found))


@router.get("/sites/{site_code}/safety", dependencies=[need(Permission.VIEW_FLOOR)])
def site_safety(
    site_code: SiteCodePath,
    uow: ReadUowDep,
    user: CurrentUser,
    start: date | None = None,
    end: date | None = None,
    hours: Annotated[float | None, Query(gt=0, le=10_000_000)] = None,
) -> SafetyFiguresPublic:
    """Incidents per 1,000 hours worked over the period (the last 90 days) and the days
    since the last lost-time accident. The hours are the team's shifts (members x 7 h x
    weekdays) unless ``hours`` gives payroll's figure; ``hours_source`` says which."""
    first, last = period(start, end)
    found = safety.safety_figures(
        uow, by=user, site_code=site_code, start=first, end=last, hours=hours
    )
    return figures_public(found)
