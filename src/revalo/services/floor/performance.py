"""The floor's performance over a period, per person and per team (a site's shift): tasks
done, units handled per hour of task time, the time from receipt to put-away, and the
dwell of units in each zone; also as a CSV file."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timedelta

from revalo.domain.errors import InvalidValue
from revalo.domain.floor.performance import Performance, ZoneDwell, dwell_by_zone, performance
from revalo.domain.people import Permission, User
from revalo.services.common import get_site, when
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork

#: The period shown unless another is asked for, days.
DAYS = 7
#: The longest period one report covers, days.
MAX_DAYS = 366
COLUMNS = (
    "level",
    "who",
    "site",
    "tasks_done",
    "units",
    "task_hours",
    "units_per_hour",
    "put_aways",
    "receipt_to_put_away_h_median",
    "receipt_to_put_away_h_mean",
)
DWELL_COLUMNS = ("level", "zone", "site", "stays", "median_h", "p90_h", "in_zone")


@dataclass(frozen=True, slots=True)
class FloorPerformance:
    site_code: str | None
    since: datetime
    until: datetime
    rows: list[Performance]
    dwell: list[ZoneDwell]


def period(since: datetime | None, until: datetime | None) -> tuple[datetime, datetime]:
    """[since, until): by default the last 7 days up to now."""
    end = when(until)
    start = when(since) if since is not None else end - timedelta(days=DAYS)
    if start >= end:
        raise InvalidValue("the period's start must be before its end", field="since")
    if end - start > timedelta(days=MAX_DAYS):
        raise InvalidValue(f"a period is at most {MAX_DAYS} days", field="since")
    return start, end


@reads(Permission.VIEW_FLOOR)
def floor_performance(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> FloorPerformance:
    """Per person and per team, then per zone, for the period (one site, or all)."""
    start, end = period(since, until)
    with uow:
        site = get_site(uow, site_code).code if site_code else None
        done = uow.floor_stats.done_tasks(site, start, end)
        stays = uow.floor_stats.stays(site, start, end)
        shifts = {m.user_login: m.shift.value for m in uow.floor.members(site_code=site)}
    rows = performance(done, shifts)
    return FloorPerformance(site, start, end, rows, dwell_by_zone(stays, start, end))


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def as_csv(found: FloorPerformance) -> str:
    """The report as CSV: a row per person and per team, then a row per zone's dwell."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in found.rows:
        w.writerow(
            [
                r.level,
                r.who,
                r.site_code,
                r.tasks_done,
                r.units,
                _figure(r.task_hours),
                _figure(r.units_per_hour),
                r.put_aways,
                _figure(r.receipt_to_put_away_h_median),
                _figure(r.receipt_to_put_away_h_mean),
            ]
        )
    w.writerow([])
    w.writerow(DWELL_COLUMNS)
    for d in found.dwell:
        row = [d.site_code, d.stays, _figure(d.median_h), _figure(d.p90_h), d.in_zone]
        w.writerow(["zone", d.zone, *row])
    return out.getvalue()
