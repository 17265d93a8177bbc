"""``revalo counts ...`` and ``revalo safety ...``: plan a bin's count, the counts and their
approval, the accuracy per site; the incidents, briefings and a site's safety figures."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import typer
from rich.table import Table

from revalo.domain.floor.counts import BinCount, CountState, Period
from revalo.entrypoints.cli_common import (
    AsLogin,
    DayOption,
    DbPath,
    DbUrl,
    acting,
    open_app,
    out,
    parse_day,
    reported,
)

counts_app = typer.Typer(
    help="Cycle counts: plan a bin's count, approve what it found, the accuracy per site.",
    no_args_is_help=True,
)
safety_app = typer.Typer(
    help="Safety records: incidents and near misses, briefings, a site's figures.",
    no_args_is_help=True,
)
Days = Annotated[int, typer.Option(help="Over how many days.", min=1, max=3660)]


def register(app: typer.Typer) -> None:
    app.add_typer(counts_app, name="counts")
    app.add_typer(safety_app, name="safety")


def _counts_table(found: list[BinCount]) -> Table:
    table = Table(title=f"{len(found)} count(s)")
    for column in ("count", "bin", "counter", "on ledger", "counted", "in both", "state"):
        table.add_column(column)
    for c in found:
        table.add_row(
            str(c.id),
            c.bin_code,
            c.counter,
            str(c.on_ledger),
            str(c.counted),
            str(c.matched),
            c.state.value,
        )
        for a in c.adjustments:
            table.add_row("", f"  {a.id} {a.kind.value}", a.lpn or a.scanned, "", "", "", a.state)
    return table


@counts_app.command("plan")
def plan(
    bin_code: Annotated[str, typer.Argument(help="The bin, e.g. HUB-CENTRAL:A-01-0-A.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Put a "count a bin" task on the board."""
    from revalo.services.floor import counts

    with reported(), open_app(db, url) as rv:
        task = counts.plan_count(rv.uow(), bin_code, by=acting(rv, as_login))
        table = Table(title="task")
        for column in ("task", "bin", "needs"):
            table.add_column(column)
        needs = ", ".join(sorted([*task.equipment, *(str(n) for n in task.needs)]))
        table.add_row(str(task.id), task.bin_code, needs)
        out().print(table)


@counts_app.command("list")
def list_counts(
    site: Annotated[str | None, typer.Option(help="Only this site's.")] = None,
    awaiting: Annotated[bool, typer.Option(help="Only those awaiting approval.")] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The counts, newest first, with their differences (found / missing)."""
    from revalo.services.floor import counts

    state = CountState.AWAITING_APPROVAL if awaiting else None
    with reported(), open_app(db, url) as rv:
        found = counts.counts(rv.read_uow(), by=acting(rv, as_login), site_code=site, state=state)
        out().print(_counts_table(found))


@counts_app.command("approve")
def approve(
    count_id: Annotated[int, typer.Argument(help="The count.")],
    reject: Annotated[
        list[int] | None, typer.Option(help="An adjustment not approved (again for more).")
    ] = None,
    note: Annotated[str, typer.Option(help="Why, for the record.")] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Approve a count's differences but the rejected ones; the ledger moves for them."""
    from revalo.services.floor import counts

    with reported(), open_app(db, url) as rv:
        done = counts.approve_count(
            rv.uow(), count_id, by=acting(rv, as_login), rejected=reject or [], note=note
        )
        out().print(_counts_table([done]))


@counts_app.command("accuracy")
def accuracy(
    site: Annotated[str | None, typer.Option(help="Only this site.")] = None,
    period: Annotated[Period, typer.Option(help="week or month.")] = Period.MONTH,
    days: Days = 365,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Per site and period: bins counted and exact, units on the ledger, counted, in both."""
    from revalo.services.floor import counts

    with reported(), open_app(db, url) as rv:
        found = counts.count_accuracy(
            rv.read_uow(), by=acting(rv, as_login), site_code=site, period=period, days=days
        )
        table = Table(title=f"{len(found)} period(s)")
        for column in ("site", "from", "bins", "exact", "on ledger", "counted", "in both", "rate"):
            table.add_column(column)
        for a in found:
            rate = f"{a.rate:.1%}" if a.rate is not None else ""
            table.add_row(
                a.site_code,
                a.start.isoformat(),
                str(a.counts),
                str(a.exact),
                str(a.on_ledger),
                str(a.counted),
                str(a.matched),
                rate,
            )
        out().print(table)


@safety_app.command("figures")
def figures(
    site: Annotated[str, typer.Argument(help="The site's code.")],
    days: Days = 90,
    day: DayOption = None,
    hours: Annotated[
        float | None, typer.Option(help="Hours worked from payroll (else the team's shifts).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Incidents per 1,000 hours worked and the days since the last lost-time accident,
    over the ``days`` up to ``--date`` (today)."""
    from revalo.domain.values import utcnow
    from revalo.services.floor import safety

    end = parse_day(day) if day else utcnow().date()
    with reported(), open_app(db, url) as rv:
        f = safety.safety_figures(
            rv.read_uow(),
            by=acting(rv, as_login),
            site_code=site,
            start=end - timedelta(days=days - 1),
            end=end,
            hours=hours,
        )
        table = Table(title=f"{f.site_code} {f.start.isoformat()} - {f.end.isoformat()}")
        table.add_column("figure")
        table.add_column("value")
        rate = f"{f.per_1000_hours:.2f}" if f.per_1000_hours is not None else ""
        since = f.days_since_lost_time
        for name, value in (
            ("incidents", str(f.incidents)),
            ("near misses", str(f.near_misses)),
            ("lost-time accidents", str(f.lost_time)),
            ("hours worked", f"{f.hours.hours:g} ({f.hours.source})"),
            ("incidents per 1,000 h", rate),
            ("days since a lost-time accident", "" if since is None else str(since)),
            ("briefings", f"{f.briefings} ({f.attendances} attendances)"),
        ):
            table.add_row(name, value)
        out().print(table)


@safety_app.command("incidents")
def incidents(
    site: Annotated[str | None, typer.Option(help="Only this site's.")] = None,
    days: Days = 90,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The incidents and near misses of the last ``days``, newest first."""
    from revalo.domain.values import utcnow
    from revalo.services.floor import safety

    end = utcnow().date()
    with reported(), open_app(db, url) as rv:
        found = safety.incidents(
            rv.read_uow(),
            by=acting(rv, as_login),
            site_code=site,
            start=end - timedelta(days=days - 1),
            end=end,
        )
        table = Table(title=f"{len(found)} incident(s)")
        for column in ("when", "site", "where", "kind", "severity", "equipment", "what"):
            table.add_column(column)
        for i in found:
            table.add_row(
                i.occurred_at.isoformat(timespec="minutes"),
                i.site_code,
                i.bin_code or i.zone,
                i.kind.value,
                i.severity.value,
                i.equipment,
                i.description,
            )
        out().print(table)
