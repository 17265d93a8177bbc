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
