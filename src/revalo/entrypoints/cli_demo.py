"""``revalo demo``: build the demo database on a fresh SQLite file, show its summary, and
optionally serve the API on it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from revalo.demo.defaults import DEFAULT_UNITS
from revalo.domain.errors import DomainError
from revalo.entrypoints.cli_common import acting
from revalo.entrypoints.cli_common import out as console_out
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

if TYPE_CHECKING:
    from revalo.bootstrap import App
    from revalo.demo import DemoReport
    from revalo.demo.manager import EngineTotals
    from revalo.demo.team import DemoLogin
    from revalo.services.ports import LegTotals
    from revalo.services.reports import Dwell, ReturnCount, ReturnsSummary

_SQLITE_HEADER = b"SQLite format 3\x00"


class _Refused(Exception):
    pass


def _fail(message: str, code: int) -> typer.Exit:
    Console(stderr=True, highlight=False).print(f"error: {message}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def _is_demo_database(path: Path) -> bool:
    """A file may be replaced when it is empty, or a SQLite database whose products (if
    any) all carry the GS1 demonstration prefix: a real catalogue never does."""
    from revalo.demo.catalogue import GS1_DEMO_PREFIX

    with path.open("rb") as f:
        head = f.read(len(_SQLITE_HEADER))
    if not head:
        return True
    if head != _SQLITE_HEADER:
        return False
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        tables = {row[0] for row in conn.execute("select name from sqlite_master")}
        if "products" not in tables:
            return not tables
        prefix = "0" + GS1_DEMO_PREFIX + "%"
        others = conn.execute("select count(*) from products where gtin not like ?", (prefix,))
        return int(others.fetchone()[0]) == 0


def _replace(db: Path, out: Console) -> None:
    if not db.parent.is_dir():
        raise _Refused(f"the folder {db.parent} does not exist")
    if db.is_dir():
        raise _Refused(f"{db} is a folder; --db names the SQLite file to create")
    if not db.exists():
        return
    try:
        demo_file = _is_demo_database(db)
    except (OSError, sqlite3.Error) as exc:
        raise _Refused(f"cannot read {db}: {exc}") from exc
    if not demo_file:
        raise _Refused(f"{db} is not a Revalo demo database; it is left alone: choose another --db")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    out.print(said(f"Removed the old demo database {db}"))


@contextmanager
def _progress_bar() -> Iterator[Progress]:
    """The build's progress, on the standard error and for a person at a terminal only: the
    standard output holds the summary alone (a file or a pipe gets no bar)."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    console = Console(stderr=True)
    with Progress(
        *columns, console=console, transient=False, disable=not console.is_terminal
    ) as bar:
        yield bar


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _fail(f"--until {text!r}: give a day as YYYY-MM-DD", 2) from None


def _build(
    db: Path, units: int, seed: int, weeks: int, until: date | None
) -> tuple[DemoReport, str]:
    from revalo.adapters.db import sqlite_url
    from revalo.adapters.migrate import upgrade
    from revalo.bootstrap import bootstrap
    from revalo.demo import build_demo
    from revalo.settings import Settings

    url = sqlite_url(db)
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    try:
        with _progress_bar() as bar:
            tasks: dict[str, TaskID] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            report = build_demo(
                app, units=units, seed=seed, weeks=weeks, until=until, on_progress=progress
            )
    finally:
        app.close()
    return report, url


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:.1f} %" if total else "-"


def _days(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def _counts(title: str, counts: dict[str, int], what: str) -> Table:
    t = Table(title=title)
    t.add_column(what)
    t.add_column("count", justify="right")
    t.add_column("share", justify="right")
    total = sum(counts.values())
    for key, n in counts.items():
        t.add_row(key, str(n), _pct(n, total))
    t.add_row("total", str(total), "", style="bold")
    return t


def _returns(title: str, rows: list[ReturnCount], what: str) -> Table:
    t = Table(title=title)
    for name in (what, "returns", "units asked", "units received"):
        t.add_column(name, justify="left" if name == what else "right")
    for r in rows:
        t.add_row(r.key, str(r.returns), str(r.units_requested), str(r.units_received))
    return t


def _sites(s: ReturnsSummary) -> Table:
    stay = {d.site_code: d for d in s.dwell_in_stock}
    gone = {d.site_code: d for d in s.time_to_leave}
    t = Table(
        title=f"Units by site, and days in the parallel stock (as of {s.as_of:%Y-%m-%d %H:%M} UTC)"
    )
    for name in ("site", "kind", "in stock", "median", "p90", "max", "left", "median to leave"):
        t.add_column(name, justify="left" if name in ("site", "kind") else "right")

    def row(
        label: str, kind: str, n_in: int, d: Dwell | None, n_left: int, g: Dwell | None
    ) -> None:
        t.add_row(
            label,
            kind,
            str(n_in),
            _days(d.median_days if d else None),
            _days(d.p90_days if d else None),
            _days(d.max_days if d else None),
            str(n_left),
            _days(g.median_days if g else None),
        )

    for site in s.units_by_site:
        row(
            f"{site.site_code} {site.name}",
            site.kind,
            site.in_stock,
            stay.get(site.site_code),
            site.left,
            gone.get(site.site_code),
        )
    row(
        "all sites",
        "",
        sum(x.in_stock for x in s.units_by_site),
        s.dwell_in_stock_overall,
        sum(x.left for x in s.units_by_site),
        s.time_to_leave_overall,
    )
    return t


def logins_table(logins: list[DemoLogin]) -> Table:
    """Whom to sign in as, one per role: all with the demo password."""
    from revalo.demo.team import DEMO_PASSWORD

    table = Table(
        title=f"Sign in at /login as one of them: the password is {DEMO_PASSWORD!r} for all",
        title_justify="left",
    )
    for column in ("login", "name", "role", "kept to"):
        table.add_column(column)
    for p in logins:
        table.add_row(p.login, p.name, p.role.value, p.scope)
    return table


def print_summary(s: ReturnsSummary, out: Console) -> None:
    out.print(
        said(f"[bold]{s.total_units:,}[/] units received from [bold]{s.total_returns:,}[/] returns")
    )
    out.print(_counts("Units by state", s.units_by_state, "state"))
    out.print(_counts("Units by disposition route", s.units_by_route, "route"))
    out.print(_sites(s))
    out.print(_counts("Returns by state", s.returns_by_state, "state"))
    out.print(_returns("Returns by reason", s.returns_by_reason, "reason"))
    out.print(_returns("Returns by category", s.returns_by_category, "category"))


def engine_line(t: EngineTotals) -> str:
    """The engine's net recovery over the run next to the baselines'."""

    def versus(gain: float | None) -> str:
        return "n/a" if gain is None else f"{gain:+.2f} %"

    return (
        f"Disposition engine, {t.batches:,} nightly batches previewed and committed, "
        f"{t.decided:,} units decided, {t.held:,} held for capacity: net recovery "
        f"{t.net_recovery:,.2f} EUR against {t.regret_net_recovery:,.2f} EUR for the "
        f"regret-greedy baseline ({versus(t.regret_gain_pct)}), "
        f"{t.greedy_net_recovery:,.2f} EUR for the greedy one ({versus(t.gain_pct)}) and "
        f"{t.hierarchy_net_recovery:,.2f} EUR for the hierarchy-first one."
    )


def transport_line(t: LegTotals, consignments: int) -> str:
    """Every unit's journey summed: what the returns travelled, cost and emitted."""
    if t.units == 0:
        return "Transport: no unit has travelled yet."
    kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(t.consignments_by_kind.items()))
    return (
        f"Transport: {sum(t.consignments_by_kind.values()):,} consignments ({kinds}); "
        f"{consignments:,} booked by the manager's end-of-day consolidation. "
        f"{t.units:,} units travelled {t.km:,.0f} unit-km, {t.cost:,.2f} EUR, "
        f"{t.co2e_g / 1e6:,.2f} t CO2e: per unit {t.km / t.units:,.0f} km, "
        f"{t.cost / t.units:,.2f} EUR, {t.co2e_g / 1000 / t.units:,.2f} kg CO2e."
    )


def demo(
    units: Annotated[
        int,
        typer.Option(min=1, max=1_000_000, help="Returned units to play through the services."),
    ] = DEFAULT_UNITS,
    seed: Annotated[
        int, typer.Option(help="Seed of the scenario: the same seed gives the same data.")
    ] = 7,
    db: Annotated[
        Path,
        typer.Option(dir_okay=False, help="SQLite file to create; an old demo file is replaced."),
    ] = Path("revalo-demo.db"),
    weeks: Annotated[int, typer.Option(min=1, max=52, help="Simulated weeks.")] = 8,
    until: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM-DD",
            help="The last simulated day (default: yesterday, so that what you do next follows "
            "on from the demo).",
            show_default=False,
        ),
    ] = None,
    serve: Annotated[
        bool,
        typer.Option("--serve", help="Then serve the web pages and the API on the demo database."),
    ] = False,
    host: Annotated[str, typer.Option(help="Address to serve the API on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65_535, help="Port to serve on.")] = 8000,
) -> None:
    """Build a realistic demo database (returns across six countries, played day by day
    through the services) and print its summary."""
    last = _day(until)  # refused before the old demo is replaced
    out = console_out()
    started = time.perf_counter()
    try:
        _replace(db, out)
    except _Refused as exc:
        raise _fail(str(exc), 2) from None
    out.print(said(f"Building the demo in {db}: {units} units over {weeks} weeks, seed {seed}"))
    try:
        report, url = _build(db, units, seed, weeks, last)
    except DomainError as exc:
        raise _fail(exc.message, 1) from None
    from revalo.bootstrap import bootstrap
    from revalo.services.reports import summary
    from revalo.services.transport import transport_totals
    from revalo.settings import Settings

    app = bootstrap(Settings(database_url=url))
    try:
        print_summary(summary(app.read_uow(), by=acting(app, None)), out)
        per_call = 1000 * sum(report.call_seconds.values()) / max(1, report.service_calls)
        out.print(
            said(
                f"Built in {time.perf_counter() - started:.1f} s: {report.service_calls:,} use "
                f"cases through the service layer ({per_call:.2f} ms each on average), simulated "
                f"{report.start:%Y-%m-%d} to {report.end - timedelta(seconds=1):%Y-%m-%d}."
            )
        )
        out.print(said(engine_line(report.engine)))
        out.print(
            said(transport_line(transport_totals(app.read_uow()), report.shipping.consignments))
        )
        for line in _what_if(app, report.end.date()):
            out.print(said(line), markup=False, soft_wrap=True)
        out.print(logins_table(report.logins))
        if report.portal is not None and report.portal.link_token:
            base = f"http://{host}:{port}"
            p = report.portal
            out.print(
                said(
                    f"Customers' portal: {p.returns} returns started there, {p.kept} unit(s) kept "
                    f"by their customers. Try a return's link: {base}/portal/r/{p.link_token}; "
                    f"or find order {p.order_ref} with {p.order_email} at {base}/portal"
                ),
                markup=False,
                soft_wrap=True,
            )
        if serve:
            from revalo.entrypoints.api.server import serve as serve_api

            out.print(
                f"Open http://{host}:{port}/ (web pages; API documentation at /docs); Ctrl+C stops."
            )
            serve_api(app, host=host, port=port)
    finally:
        app.close()


def _what_if(app: App, end: date) -> list[str]:
    """The network what-if of the demo's history: today's network, closing its weakest hub
    and opening a repair centre where repairs come from (``network_plan.suggested``); then
    the flow manager adopts today's plan as the routing of returns from the day after the
    demo (or today), so that the returns authorised from then on follow it."""
    from revalo.demo.floor import MANAGER
    from revalo.entrypoints.cli_network import what_if_lines
    from revalo.services import routing
    from revalo.services.network_plan import compare_scenarios

    with app.read_uow() as uow:
        who = uow.users.by_login(MANAGER)
    if who is None:
        return []
    found = compare_scenarios(app.read_uow(), [], by=who, until=end, seconds=10.0, suggest=True)
    lines = what_if_lines(found)
    today = found.plans[0]
    if today.hub_of:
        start = max(end, routing.today())
        made = routing.adopt_routing(
            app.uow(), today.hub_of.items(), valid_from=start, by=who,
            note="today's network, as the demo's history plans it",
        )  # fmt: skip
        lines.append(
            f"The flow manager adopted today's network as the routing of returns from "
            f"{start.isoformat()}: {len(made.rules):,} region(s) to their hub."
        )
    return lines
