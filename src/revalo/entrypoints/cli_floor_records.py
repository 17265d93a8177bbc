"""``revalo counts ...`` and ``revalo safety ...``: plan a bin's count, the counts and their
approval, the accuracy per site; the incidents, briefings and a site's safety figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer
from rich.table import Table

from revalo.domain.floor.counts import BinCount, CountState, Period
from revalo.domain.floor.safety import Incident, IncidentKind, Severity
from revalo.domain.values import utcnow
from revalo.entrypoints.cli_common import (
    AsLogin,
    CliError,
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


@counts_app.command("plan-site")
def plan_site(
    site: Annotated[str, typer.Argument(help="The site's code.")],
    bins: Annotated[int, typer.Option(help="How many bins to count.", min=1, max=500)] = 10,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Count tasks for the site's bins counted longest ago (never counted first)."""
    from revalo.services.floor import counts

    with reported(), open_app(db, url) as rv:
        made = counts.plan_site_counts(rv.uow(), site, bins=bins, by=acting(rv, as_login))
        table = Table(title=f"{len(made)} task(s)")
        for column in ("task", "bin", "needs"):
            table.add_column(column)
        for task in made:
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


@safety_app.command("record-incident")
def record_incident(
    site: Annotated[str, typer.Argument(help="The site's code.")],
    description: Annotated[str, typer.Option(help="What happened.")],
    action: Annotated[str, typer.Option(help="What was done.")],
    kind: Annotated[IncidentKind, typer.Option(help="incident or near_miss.")] = (
        IncidentKind.INCIDENT
    ),
    severity: Annotated[Severity, typer.Option(help="none (a near miss) ... lost_time.")] = (
        Severity.FIRST_AID
    ),
    on: Annotated[str | None, typer.Option(help="When, ISO 8601 (now if not given).")] = None,
    bin_code: Annotated[str, typer.Option("--bin", help="The bin, where known.")] = "",
    zone: Annotated[str, typer.Option(help="The zone, where known.")] = "",
    equipment: Annotated[str, typer.Option(help="The equipment involved.")] = "",
    person: Annotated[
        list[str] | None, typer.Option(help="A login of someone involved (again for more).")
    ] = None,
    lost_days: Annotated[int, typer.Option(help="Days lost (lost_time).", min=0, max=366)] = 0,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record an incident or a near miss."""
    from revalo.services.floor import safety

    with reported(), open_app(db, url) as rv:
        i = safety.record_incident(
            rv.uow(),
            site_code=site,
            occurred_at=_moment(on),
            kind=kind,
            severity=severity,
            description=description,
            action_taken=action,
            bin_code=bin_code,
            zone=zone,
            equipment=equipment,
            people=person or [],
            lost_days=lost_days,
            by=acting(rv, as_login),
        )
        out().print(_incidents_table([i]))


@safety_app.command("record-briefing")
def record_briefing(
    site: Annotated[str, typer.Argument(help="The site's code.")],
    topic: Annotated[str, typer.Option(help="What it was about.")],
    attendee: Annotated[list[str], typer.Option(help="A login who attended (again for more).")],
    minutes: Annotated[int, typer.Option(help="How long.", min=1, max=480)] = 15,
    on: Annotated[str | None, typer.Option(help="When, ISO 8601 (now if not given).")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record a safety briefing held, led by the one who records it."""
    from revalo.services.floor import safety

    with reported(), open_app(db, url) as rv:
        b = safety.record_briefing(
            rv.uow(),
            site_code=site,
            held_at=_moment(on),
            topic=topic,
            attendees=attendee,
            minutes=minutes,
            by=acting(rv, as_login),
        )
        table = Table(title="briefing")
        for column in ("when", "site", "topic", "led by", "attended"):
            table.add_column(column)
        table.add_row(
            b.held_at.isoformat(timespec="minutes"),
            b.site_code,
            b.topic,
            b.led_by,
            ", ".join(b.attendees),
        )
        out().print(table)


def _moment(text: str | None) -> datetime:
    """``--on`` as an aware moment (UTC unless it names a zone); now when not given."""
    if text is None:
        return utcnow()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"--on {text!r} is not an ISO 8601 date and time", 2) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _incidents_table(found: list[Incident]) -> Table:
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
    return table


@safety_app.command("incidents")
def incidents(
    site: Annotated[str | None, typer.Option(help="Only this site's.")] = None,
    days: Days = 90,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The incidents and near misses of the last ``days``, newest first."""
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
        out().print(_incidents_table(found))
