"""``revalo floor performance``: the floor's performance per person, per team and per zone,
printed or written as a CSV file."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Annotated

import typer

from revalo.entrypoints.cli_common import (
    AsLogin,
    CliError,
    DbPath,
    DbUrl,
    acting,
    open_app,
    out,
    parse_day,
    reported,
)
from revalo.entrypoints.cli_floor import floor_app
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

Day = Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", show_default=False)]


def register(app: typer.Typer) -> None:
    """The command joins ``revalo floor`` (``app`` registers that group itself)."""
    floor_app.command("performance")(performance_command)


def _start(text: str, option: str) -> datetime:
    return datetime.combine(parse_day(text, option), time(0), tzinfo=UTC)


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def performance_command(
    site: Annotated[str | None, typer.Option(help="One site (default: all).")] = None,
    since: Day = None,
    until: Day = None,
    csv: Annotated[Path | None, typer.Option(help="Write the report to this CSV file.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Per person and per team: tasks done, units per hour of task time, the hours from
    receipt to put-away; per zone, how long units stayed (from --since, 7 days ago unless
    told, to the end of --until, now unless told)."""
    from revalo.services.floor import performance as report

    if csv is not None and not csv.parent.is_dir():
        raise CliError(f"{csv}: not a file in an existing directory", 2)
    start = _start(since, "--since") if since else None
    end = _start(until, "--until") + timedelta(days=1) if until else None
    with reported(), open_app(db, url) as rv:
        found = report.floor_performance(
            rv.read_uow(), by=acting(rv, as_login), site_code=site, since=start, until=end
        )
        if csv is not None:
            csv.write_text(report.as_csv(found), encoding="utf-8")
            out().print(said(f"Wrote {csv}."), markup=False)
            return
        table = Table(title=f"{len(found.rows)} row(s)")
        for column in ("level", "who", "site", "tasks", "units", "hours", "units_h", "to_bin_h"):
            table.add_column(column)
        for r in found.rows:
            table.add_row(
                r.level,
                r.who,
                r.site_code,
                str(r.tasks_done),
                str(r.units),
                _figure(r.task_hours),
                _figure(r.units_per_hour),
                _figure(r.receipt_to_put_away_h_median),
            )
        out().print(table)
        zones = Table(title=f"{len(found.dwell)} zone(s)")
        for column in ("site", "zone", "stays", "median_h", "p90_h", "in_zone"):
            zones.add_column(column)
        for d in found.dwell:
            zones.add_row(
                d.site_code,
                d.zone,
                str(d.stays),
                _figure(d.median_h),
                _figure(d.p90_h),
                str(d.in_zone),
            )
        out().print(zones)
