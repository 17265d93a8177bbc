"""The ``revalo`` command: database schema, API server, demo, CSV import and export.

Commands stay thin: they pick the database, call the services and show the outcome with
Rich. Bad input ends with one line on stderr and exit code 2 (usage: a missing file, an
unreadable CSV, an unknown database URL) or 1 (refused: bad rows, a domain rule, an
unreachable database); never with a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from revalo.domain.returns import ReturnState
from revalo.domain.units import UnitState
from revalo.entrypoints.cli_billing import register as register_billing_commands
from revalo.entrypoints.cli_capacities import register as register_capacity_commands
from revalo.entrypoints.cli_carriers import register as register_carrier_commands
from revalo.entrypoints.cli_certificates import register as register_certificate_commands
from revalo.entrypoints.cli_cflp import solve_cflp_command
from revalo.entrypoints.cli_clients import register as register_client_commands
from revalo.entrypoints.cli_collections import plan_collections_command
from revalo.entrypoints.cli_common import (
    AsLogin,
    CliError,
    DbPath,
    DbUrl,
    acting,
    driver,
    open_app,
    out,
    replacing,
    reported,
    settings_for,
    shown,
)
from revalo.entrypoints.cli_costs import register as register_cost_target_commands
from revalo.entrypoints.cli_decide import register as register_decide_command
from revalo.entrypoints.cli_deliveries import register as register_delivery_commands
from revalo.entrypoints.cli_demo import demo
from revalo.entrypoints.cli_disputes import register as register_dispute_commands
from revalo.entrypoints.cli_donations import register as register_donation_commands
from revalo.entrypoints.cli_epcis import register_epcis_commands
from revalo.entrypoints.cli_floor import register as register_floor_commands
from revalo.entrypoints.cli_floor_assignment import register as register_floor_assignment_commands
from revalo.entrypoints.cli_floor_performance import register as register_floor_performance_commands
from revalo.entrypoints.cli_floor_records import register as register_floor_records_commands
from revalo.entrypoints.cli_jobs import register as register_job_commands
from revalo.entrypoints.cli_listings import register as register_listing_commands
from revalo.entrypoints.cli_lots import register as register_lot_commands
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_network import register as register_network_commands
from revalo.entrypoints.cli_notify import register as register_notify_command
from revalo.entrypoints.cli_partner_payments import register as register_payment_commands
from revalo.entrypoints.cli_partner_terms import register as register_partner_terms_commands
from revalo.entrypoints.cli_partners import register as register_partner_commands
from revalo.entrypoints.cli_parts import register as register_part_commands
from revalo.entrypoints.cli_portal import register as register_portal_commands
from revalo.entrypoints.cli_refunds import register as register_refund_commands
from revalo.entrypoints.cli_report import register as register_report_commands
from revalo.entrypoints.cli_return_end import register as register_return_end_commands
from revalo.entrypoints.cli_service import register as register_service_commands
from revalo.entrypoints.cli_tables import Table
from revalo.entrypoints.cli_transport import label_command, outbound_command, quote_command
from revalo.entrypoints.cli_users import ensure_first_administrator
from revalo.entrypoints.cli_users import register as register_people_commands
from revalo.entrypoints.cli_vrp import solve_vrp

if TYPE_CHECKING:
    from revalo.services import imports
    from revalo.services.import_checks import RowError

app = typer.Typer(
    name="revalo",
    help="Revalo: follow every returned item to its best second life.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="The database schema.", no_args_is_help=True)
import_app = typer.Typer(help="Import data from files (CSV, EPCIS JSON-LD).", no_args_is_help=True)
export_app = typer.Typer(help="Export data to files (CSV, EPCIS JSON-LD).", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(import_app, name="import")
app.add_typer(export_app, name="export")
plan_app = typer.Typer(help="Plan the work of a day.", no_args_is_help=True)
app.add_typer(plan_app, name="plan")
plan_app.command("collections")(plan_collections_command)
app.command("demo")(demo)

#: Above this many problems, bad rows are listed as plain lines rather than a table.
TABLE_LIMIT = 2_000


@contextmanager
def _progress() -> Iterator[Progress]:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    console = Console(stderr=True)
    # A bar is for a person at a terminal; in a pipe or a log it would only add noise.
    with Progress(
        *columns,
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        yield progress


def _step(progress: Progress, description: str, total: int | None) -> Callable[[int], None]:
    task = progress.add_task(description, total=total)
    return lambda n: progress.advance(task, n)


# -- db, serve --------------------------------------------------------------------------------
@db_app.command("upgrade")
def db_upgrade(db: DbPath = None, url: DbUrl = None) -> None:
    """Create or bring the database schema up to date (Alembic migrations to head)."""
    with reported():
        from revalo.adapters.migrate import current_head, upgrade

        settings = settings_for(db, url, must_exist=False)
        with driver():
            upgrade(settings.database_url)
        out().print(said(f"Database {shown(settings)} is at schema revision {current_head()}."))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbPath = None,
    url: DbUrl = None,
    workers: Annotated[
        int,
        typer.Option(
            help="Server processes; about one per CPU core serves many stations at once.",
            min=1,
            max=64,
        ),
    ] = 1,
) -> None:
    """Check the database, bring its schema up to date, then serve the web pages (at /) and
    the REST API (at /api/v1, documentation at /docs). A database that is missing, damaged,
    read-only or not Revalo's is refused before anything is served."""
    with reported():
        from revalo.adapters.db_check import check_database
        from revalo.adapters.migrate import is_known_revision, upgrade
        from revalo.bootstrap import bootstrap
        from revalo.entrypoints.api.server import serve as serve_api
        from revalo.entrypoints.outbox_worker import start_sender

        settings = settings_for(db, url, must_exist=True)
        with driver():
            state = check_database(settings.database_url)
            if not state.has_tables:
                raise CliError(
                    f"{shown(settings)} has no Revalo tables: create them with "
                    "`revalo db upgrade` first"
                )
            if state.revision is not None and not is_known_revision(state.revision):
                raise CliError(
                    f"{shown(settings)} is at schema revision {state.revision}, newer than this "
                    "version of Revalo knows: upgrade Revalo"
                )
            upgrade(settings.database_url)
            rv = bootstrap(settings)
        try:
            ensure_first_administrator(rv)
            out().print(
                said(
                    f"Open http://{host}:{port}/ (web pages; API documentation at /docs); "
                    "Ctrl+C stops."
                )
            )
            halt_sender = start_sender(rv)
            try:
                serve_api(rv, host=host, port=port, workers=workers)
            finally:
                halt_sender()
        finally:
            rv.close()


# -- import -----------------------------------------------------------------------------------
def _count_lines(path: Path) -> int:
    with path.open("rb") as f:
        return sum(block.count(b"\n") for block in iter(lambda: f.read(1 << 20), b""))


def _bad_rows_table(path: Path, errors: list[RowError]) -> Table:
    table = Table(title=f"{path.name}: {len(errors)} problem(s); nothing was imported")
    table.add_column("line", justify="right")
    table.add_column("column")
    table.add_column("problem")
    for e in errors:
        table.add_row(str(e.line), e.column or "", e.message)
    return table


def _show_bad_rows(path: Path, errors: list[RowError]) -> None:
    if len(errors) <= TABLE_LIMIT:
        out().print(_bad_rows_table(path, errors))
        return
    # Rich lays out 100,000 table rows in about a minute: list that many as plain lines.
    lines = [f"line {e.line}\t{e.column or '-'}\t{e.message}\n" for e in errors]
    typer.echo(f"{path.name}: {len(errors):,} problems; nothing was imported")
    typer.echo("".join(lines), nl=False)


def _summary_table(summary: imports.ImportSummary, dry_run: bool) -> Table:
    title = "Dry run: nothing was written" if dry_run else "Imported"
    table = Table(title=title)
    table.add_column("")
    table.add_column("count", justify="right")
    rows = [("returns", summary.returns), ("lines", summary.lines), ("units", summary.units)]
    for state, label in (
        (ReturnState.AUTHORISED, "authorised by the policy"),
        (ReturnState.REJECTED, "rejected by the policy"),
        (ReturnState.REQUESTED, "left for review"),
    ):
        rows.append((label, summary.by_state.get(state, 0)))
    for label, n in rows:
        table.add_row(label, f"{n:,}")
    if summary.first_number and summary.last_number:
        table.add_row("first return", summary.first_number)
        table.add_row("last return", summary.last_number)
    return table


@import_app.command("returns")
def import_returns(
    file: Annotated[Path, typer.Argument(help="CSV file of return lines (see docs/cli.md).")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and rehearse the import, write nothing.")
    ] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Import return requests from a CSV file: every row is checked first, and the file is
    imported all or nothing."""
    from revalo.services import csv_records, imports

    with reported():
        if not file.is_file():
            raise CliError(f"{file}: no such file", 2)
        with open_app(db, url) as rv:
            with _progress() as progress, file.open("rb") as f:
                advance = _step(progress, "Checking rows", max(_count_lines(file) - 1, 0))
                lines = csv_records.decode_lines(f)
                try:
                    checked = imports.check_returns(rv.uow(), lines, on_progress=advance)
                except csv_records.UnreadableFile as exc:
                    raise CliError(f"{file}: {exc.message}", 2) from exc
            if checked.separator != ",":
                name = csv_records.SEPARATOR_NAMES[checked.separator]
                out().print(said(f"{file}: read as separated by {name}"), markup=False)
            if not checked.ok:
                _show_bad_rows(file, checked.errors)
                bad = len({e.line for e in checked.errors})
                raise CliError(f"{file}: {bad} bad line(s): nothing was imported")
            with _progress() as progress:
                advance = _step(progress, "Importing returns", len(checked.returns))
                summary = imports.import_returns(
                    rv.uow(),
                    rv.policy,
                    checked,
                    by=acting(rv, as_login),
                    dry_run=dry_run,
                    on_progress=advance,
                )
            out().print(_summary_table(summary, dry_run))


# -- export -----------------------------------------------------------------------------------
@export_app.command("units")
def export_units(
    file: Annotated[Path, typer.Argument(help="CSV file to write (replaced if it exists).")],
    state: Annotated[
        list[UnitState] | None,
        typer.Option(
            metavar="STATE",
            help="Only units in this state (repeat for several): "
            + ", ".join(st.value for st in UnitState)
            + ".",
            show_default=False,
        ),
    ] = None,
    site: Annotated[
        str | None, typer.Option(help="Only units at this site (code).", show_default=False)
    ] = None,
    client: Annotated[
        str | None,
        typer.Option(metavar="CODE", help="Only this client's units.", show_default=False),
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Export returned units to a CSV file, one row per unit."""
    from revalo.services import exports
    from revalo.services.ports import UnitFilter

    with reported():
        flt = UnitFilter(
            states=frozenset(state or ()),
            site_code=site.strip().upper() if site else None,
            client_code=client.strip().upper() if client else None,
        )
        with open_app(db, url) as rv, _progress() as progress, replacing(file) as part:
            task = progress.add_task("Exporting units", total=None)
            with part.open("w", encoding="utf-8", newline="") as sink:
                n = exports.export_units(
                    rv.read_uow(),
                    sink,
                    flt,
                    by=acting(rv, as_login),
                    on_progress=lambda done, total: progress.update(
                        task, completed=done, total=total
                    ),
                )
        out().print(said(f"Wrote {n:,} unit(s) to {file}."))


app.command("solve-vrp")(solve_vrp)
app.command("solve-cflp")(solve_cflp_command)
app.command("quote")(quote_command)
app.command("label")(label_command)
app.command("outbound")(outbound_command)
register_people_commands(app)
register_client_commands(app)
register_epcis_commands(import_app, export_app)
register_floor_commands(app)
register_report_commands(app)
register_certificate_commands(app)
register_carrier_commands(app)
register_network_commands(app)
register_floor_records_commands(app)
register_floor_assignment_commands(app)
register_floor_performance_commands(app)
register_job_commands(app)
register_refund_commands(app)
register_lot_commands(app)
register_part_commands(app)
register_partner_commands(app)
register_partner_terms_commands(app)
register_dispute_commands(app)
register_donation_commands(app)
register_delivery_commands(app)
register_payment_commands(app)
register_portal_commands(app)
register_cost_target_commands(app)
register_capacity_commands(app)
register_decide_command(app)
register_listing_commands(app)
register_billing_commands(app)
register_notify_command(app)
register_return_end_commands(app)
register_service_commands(app)


def main() -> None:
    app()
