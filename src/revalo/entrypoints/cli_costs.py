"""``revalo report costs``: the cost analysis of a period, grouped by the dimensions asked,
printed and written as an Excel workbook (every table, a sheet each) or a CSV file (the
groups) — the same tables as the costs page's and the API's exports."""

from __future__ import annotations

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
    replacing,
    reported,
)
from revalo.entrypoints.cli_messages import said


def costs_report(
    file: Annotated[Path, typer.Argument(help="The file to write: .xlsx or .csv.")],
    since: Annotated[str, typer.Option("--from", metavar="YYYY-MM-DD", help="First day.")],
    until: Annotated[str, typer.Option("--to", metavar="YYYY-MM-DD", help="Last day (included).")],
    by: Annotated[
        str | None,
        typer.Option(help="Dimensions to group by, comma separated (site,reason...)."),
    ] = None,
    client: Annotated[
        str | None, typer.Option("--client", help="Only this client's goods (its code).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The cost per unit and per stage of a period by the dimensions asked, the weeks, the
    largest costs and what changed from the previous period."""
    from revalo.adapters.table_files import csv_bytes, xlsx_bytes
    from revalo.entrypoints.cli_tables import Table
    from revalo.services import cost_tables, costs

    with reported():
        suffix = file.suffix.lower()
        if suffix not in (".xlsx", ".csv"):
            raise CliError(f"{file}: the file ends in .xlsx or .csv", 2)
        first, last = parse_day(since, "--from"), parse_day(until, "--to")
        with open_app(db, url) as rv:
            a = costs.cost_analysis(
                rv.read_uow(),
                by=acting(rv, as_login),
                group_by=costs.parse_dimensions(by),
                first=first,
                last=last,
                client_code=client.strip().upper() if client else None,
            )
        tables = cost_tables.analysis_tables(a)
        groups = tables[0]
        shown = Table(title=f"costs {first.isoformat()} - {last.isoformat()}")
        for name in groups.columns:
            shown.add_column(name)
        for row in groups.rows:
            shown.add_row(*("" if v is None else str(v) for v in row))
        out().print(shown)
        body = xlsx_bytes(tables) if suffix == ".xlsx" else csv_bytes(groups)
        with replacing(file) as part:
            part.write_bytes(body)
        out().print(said(f"Wrote {file}."), markup=False)


def add_to(report_app: typer.Typer) -> None:
    report_app.command("costs")(costs_report)


targets_app = typer.Typer(
    help="The manager's cost targets: cost per return, km per unit, days in stock, share "
    "recovered.",
    no_args_is_help=True,
)
Scope = Annotated[str, typer.Option(help="all, site or category.")]
Code = Annotated[str, typer.Option(help="The site's or the category's code.")]


@targets_app.command("set")
def set_target(
    metric: Annotated[
        str, typer.Argument(help="cost_per_return, km_per_unit, dwell_days or share_recovered.")
    ],
    value: Annotated[str, typer.Argument(help="EUR, km, days, or a share between 0 and 1.")],
    scope: Scope = "all",
    code: Code = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Set a target, or replace the value of the one of the same metric and scope."""
    from revalo.services import cost_targets

    with reported(), open_app(db, url) as rv:
        t = cost_targets.set_target(
            rv.uow(), metric=metric, scope=scope, code=code, value=value, by=acting(rv, as_login)
        )
        where = f" {t.code}" if t.code else ""
        out().print(f"{t.metric.value} {t.scope.value}{where}: {t.value}", markup=False)


@targets_app.command("remove")
def remove_target(
    metric: Annotated[str, typer.Argument(help="The target's metric.")],
    scope: Scope = "all",
    code: Code = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Remove the target of this metric and scope."""
    from revalo.services import cost_targets

    with reported(), open_app(db, url) as rv:
        cost_targets.remove_target(
            rv.uow(), metric=metric, scope=scope, code=code, by=acting(rv, as_login)
        )
        where = f" {code}" if code else ""
        out().print(f"{metric} {scope}{where}: removed", markup=False)


@targets_app.command("check")
def check_targets(
    days: Annotated[int, typer.Option(min=1, max=3650, help="Days up to the latest record.")] = 56,
    client: Annotated[
        str | None, typer.Option("--client", help="Only this client's goods (its code).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Every target with the period's figure of its scope, the missed ones marked."""
    from revalo.entrypoints.cli_tables import Table
    from revalo.services import cost_targets

    with reported(), open_app(db, url) as rv:
        found = cost_targets.check_targets(
            rv.read_uow(), by=acting(rv, as_login), days=days,
            client_code=client.strip().upper() if client else None,
        )  # fmt: skip
        p = found.period
        table = Table(title=f"targets {p.first_day.isoformat()} - {p.last_day.isoformat()}")
        for name in ("metric", "scope", "code", "target", "actual", "missed"):
            table.add_column(name)
        for c in found.checks:
            t = c.target
            actual = "" if c.actual is None else f"{c.actual:.2f}"
            table.add_row(
                t.metric.value, t.scope.value, t.code, str(t.value), actual,
                "MISSED" if c.missed else "",
            )  # fmt: skip
        out().print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(targets_app, name="targets")
