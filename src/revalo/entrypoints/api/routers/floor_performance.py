"""The floor's performance per person, per team and per zone: as JSON, and as a CSV file."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field
from starlette.responses import Response

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.api.schemas.base import Public
from revalo.entrypoints.api.types import Limit, Offset, Storable, Timestamp
from revalo.services.floor import performance as report

router = APIRouter(tags=["floor"])
SiteQuery = Annotated[
    str | None, Query(max_length=40, description="one site (default: all)"), Storable
]
SinceQuery = Annotated[Timestamp | None, Query(description="from (default: 7 days ago)")]
UntilQuery = Annotated[Timestamp | None, Query(description="until (default: now)")]


class PerformancePublic(Public):
    level: str = Field(description="person or team (a site's shift)")
    who: str
    site_code: str
    tasks_done: int
    units: int
    task_hours: float
    units_per_hour: float | None
    put_aways: int
    receipt_to_put_away_h_median: float | None
    receipt_to_put_away_h_mean: float | None
    shift: str = Field("", description="a team's shift")


class ZoneDwellPublic(Public):
    site_code: str
    zone: str
    stays: int = Field(description="stays in the zone ended in the period")
    median_h: float | None
    p90_h: float | None
    in_zone: int = Field(description="units in the zone at the period's end")


class FloorPerformancePublic(Public):
    site_code: str | None
    since: Timestamp
    until: Timestamp
    data: list[PerformancePublic]
    #: How many rows of people and teams in all (``data`` holds a page of them).
    count: int
    dwell: list[ZoneDwellPublic]


@router.get("/floor/performance", dependencies=[need(Permission.VIEW_FLOOR)])
def floor_performance(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: SiteQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> FloorPerformancePublic:
    """Per person and per team: tasks done, units handled per hour of task time, the time
    from receipt to put-away (``limit`` rows from ``offset``); per zone, how long units
    stayed."""
    found = report.floor_performance(uow, by=user, site_code=site_code, since=since, until=until)
    return FloorPerformancePublic(
        site_code=found.site_code,
        since=found.since,
        until=found.until,
        data=[
            PerformancePublic(
                level=r.level,
                who=r.who,
                site_code=r.site_code,
                tasks_done=r.tasks_done,
                units=r.units,
                task_hours=r.task_hours,
                units_per_hour=r.units_per_hour,
                put_aways=r.put_aways,
                receipt_to_put_away_h_median=r.receipt_to_put_away_h_median,
                receipt_to_put_away_h_mean=r.receipt_to_put_away_h_mean,
                shift=r.shift,
            )
            for r in found.rows[offset : offset + limit]
        ],
        count=len(found.rows),
        dwell=[ZoneDwellPublic.model_validate(d) for d in found.dwell],
    )


@router.get(
    "/floor/performance.csv",
    dependencies=[need(Permission.VIEW_FLOOR)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the report, CSV"}},
)
def floor_performance_csv(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: SiteQuery = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
) -> Response:
    """The same report as a CSV file: a row per person and team, then a row per zone."""
    found = report.floor_performance(uow, by=user, site_code=site_code, since=since, until=until)
    name = f"floor-performance-{found.until.date().isoformat()}.csv"
    return Response(
        report.as_csv(found),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
