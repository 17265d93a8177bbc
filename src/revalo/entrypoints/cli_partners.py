"""``revalo partners``: each partner site's record over a period (units handed over and sent
for work, turnaround, work done right the first time, what the units brought back)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import typer

from revalo.entrypoints.cli_common import AsLogin, DbPath, DbUrl, acting, open_app, out, reported
from revalo.entrypoints.cli_lots import SiteOption
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_partner_terms import share
from revalo.entrypoints.cli_tables import Table


def register(app: typer.Typer) -> None:
    app.command("partners")(partners)


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _days(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def partners(
    site: SiteOption = None,
    first: Annotated[
        datetime | None,
        typer.Option(
            "--from", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="The period's first day."
        ),
    ] = None,
    last: Annotated[
        datetime | None,
        typer.Option(
            "--to", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="Its last day (included)."
        ),
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Each partner site's record over the period (by default the last four weeks): units
    handed over to it, sent to it for work and left again, turnaround in days (median and
    90 %), work orders and the share done right the first time, payments for the units
    handed over and sales at its site, the units it resold and their price, how many of its
    terms in force it missed, and its disputes opened in the period (open / all)."""
    from revalo.services import partners as service

    with reported(), open_app(db, url) as rv:
        found = service.partner_records(
            rv.read_uow(),
            by=acting(rv, as_login),
            site_code=site,
            first=_day(first),
            last=_day(last),
        )
        title = said(f"Partners' records, {found.first.isoformat()} to {found.last.isoformat()}")
        table = Table(title=title)
        for column in (
            "site", "kind", "handed over", "came for work", "left again", "days median",
            "days 90 %", "work orders", "right first time", "payments EUR", "sales EUR",
            "resold", "resales EUR", "terms missed", "disputes",
        ):  # fmt: skip
            table.add_column(column)
        for r in found.records:
            right = r.first_time_right
            standing = found.standings.get(r.code)
            missed = str(len(standing.missed)) if standing and standing.terms else ""
            counts = standing.disputes if standing else None
            disputes = f"{counts.open}/{counts.total}" if counts and counts.total else ""
            table.add_row(
                r.code, r.kind.value, str(r.handed_over), str(r.arrived), str(r.left),
                _days(r.turnaround_median_days), _days(r.turnaround_p90_days),
                str(r.work_done + r.work_failed), share(right),
                str(r.recovered_eur), str(r.sold_eur), str(r.resold), str(r.resold_eur),
                missed, disputes,
            )  # fmt: skip
        out().print(table)
