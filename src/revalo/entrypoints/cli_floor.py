"""``revalo floor ...``: a site's bins (import, labels), the task board, what expires."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

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
    refused_rows,
    reported,
)
from revalo.entrypoints.cli_messages import said

floor_app = typer.Typer(
    help="The warehouse floor: bins, the task board, the team's expiring qualifications.",
    no_args_is_help=True,
)

Site = Annotated[str, typer.Argument(help="The site's code, e.g. HUB-CENTRAL.")]


def register(app: typer.Typer) -> None:
    app.add_typer(floor_app, name="floor")


@floor_app.command("import-bins")
def import_bins(
    site: Site,
    file: Annotated[Path, typer.Argument(help="CSV: code,zone,kind[,height_m,...,places].")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Add the bins of a CSV file to a site: all of them, or none with every bad line named."""
    from revalo.services.floor import bins
    from revalo.services.floor.bins import BadBinRows

    if not file.is_file():
        raise CliError(f"{file}: no such file", 2)
    with reported(), open_app(db, url) as rv:
        with file.open(encoding="utf-8-sig", newline="") as f:
            lines = f.readlines()
            try:
                added = bins.import_bins(rv.uow(), site, lines, by=acting(rv, as_login))
            except BadBinRows as exc:
                raise refused_rows(file, exc.errors) from None
        out().print(said(f"Imported {len(added)} bin(s) into {site.upper()}."), markup=False)


@floor_app.command("labels")
def labels(
    site: Site,
    file: Annotated[Path, typer.Argument(help="The PDF file to write.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write the site's bin labels as a PDF: one 4 x 6 inch page per bin, with a QR code."""
    from revalo.adapters.labels import render_bin_labels
    from revalo.services.floor import bins

    if not file.parent.is_dir():
        raise CliError(f"{file}: not a file in an existing directory", 2)
    with reported(), open_app(db, url) as rv:
        found = bins.bin_labels(rv.read_uow(), site, by=acting(rv, as_login))
        file.write_bytes(render_bin_labels(found))
        out().print(said(f"Wrote {file}."), markup=False)


@floor_app.command("board")
def board(site: Site, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """The site's open tasks by zone, priority and longest waiting, with what each needs."""
    from revalo.services.floor import tasks

    with reported(), open_app(db, url) as rv:
        found = tasks.board(rv.read_uow(), site, by=acting(rv, as_login))
        table = Table(title=f"{len(found)} task(s)")
        for column in ("task", "zone", "kind", "unit", "bin", "needs", "state", "who"):
            table.add_column(column)
        for t in found:
            needs = ", ".join(sorted([*t.equipment, *(str(n) for n in t.needs)]))
            table.add_row(
                str(t.id),
                t.zone,
                t.kind.value,
                t.unit_lpn or "",
                t.bin_code,
                needs,
                t.state.value,
                t.assignee or "",
            )
        out().print(table)


@floor_app.command("expiring")
def expiring(
    days: Annotated[int, typer.Option(help="Within how many days.", min=0, max=366)] = 30,
    day: DayOption = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The team's qualifications and PPE that expire soon, or have expired."""
    from revalo.domain.values import utcnow
    from revalo.services.floor import team

    on = parse_day(day) if day else utcnow().date()
    with reported(), open_app(db, url) as rv:
        found = team.expiring_soon(rv.read_uow(), by=acting(rv, as_login), day=on, days=days)
        table = Table(title=f"{len(found)} expiry(ies)")
        for column in ("who", "site", "what", "on", "expired"):
            table.add_column(column)
        for e in found:
            table.add_row(
                e.member.user_login,
                e.member.site_code,
                e.what,
                e.on.isoformat(),
                "yes" if e.expired(on) else "",
            )
        out().print(table)
