"""``revalo donations``: what waits for a charity's acknowledgment, the acknowledgment, the
value at cost price, the list and one donation's tax receipt data."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import typer

from revalo.domain.donations import WHY_TEXT
from revalo.entrypoints.cli_common import AsLogin, DbPath, DbUrl, acting, open_app, out, reported
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

donations_app = typer.Typer(
    help="Donations to charities: acknowledge them, value them, their tax receipt data.",
    no_args_is_help=True,
)
Charity = Annotated[str, typer.Argument(help="The charity's site code, e.g. CHA-FR.")]
IdArg = Annotated[int, typer.Argument(min=1, help="The donation's number (its digits).")]


def register(app: typer.Typer) -> None:
    app.add_typer(donations_app, name="donations")


def _say(text: str) -> None:
    out().print(said(text), markup=False)


@donations_app.command("waiting")
def waiting(site: Charity, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """The units donated to the charity that it has not acknowledged yet."""
    from revalo.services import donations

    with reported(), open_app(db, url) as rv:
        found = donations.waiting(rv.read_uow(), by=acting(rv, as_login), site_code=site)
        table = Table(title=said(f"{len(found)} unit(s) to acknowledge"))
        for column in ("lpn", "sku", "name", "grade", "owner"):
            table.add_column(column)
        for u in found:
            table.add_row(u.lpn, u.sku or "", u.name, u.grade, u.client_code or u.from_site)
        out().print(table)


@donations_app.command("acknowledge")
def acknowledge(
    site: Charity,
    lpns: Annotated[list[str], typer.Argument(help="The units received (their LPNs).")],
    note: Annotated[str, typer.Option(help="What the charity says of them, in a line.")] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The charity acknowledges units donated to it (one owner's, each once)."""
    from revalo.services import donations

    with reported(), open_app(db, url) as rv:
        d = donations.acknowledge(
            rv.uow(), site_code=site, lpns=lpns, note=note, by=acting(rv, as_login)
        )
        _say(f"Donation {d.number} acknowledged: {len(d.units)} unit(s).")


@donations_app.command("value")
def value(
    donation: IdArg,
    eur: Annotated[str, typer.Argument(help="The units' cost price (their value in stock).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Give a donation its value at the cost price of its units, once."""
    from revalo.services import donations

    with reported(), open_app(db, url) as rv:
        d = donations.value(rv.uow(), donation, value_eur=eur, by=acting(rv, as_login))
        _say(f"Donation {d.number} valued at {d.value_eur} EUR.")


@donations_app.command("list")
def list_donations(
    site: Annotated[str | None, typer.Option("--site", help="Only this charity's.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The donations acknowledged, newest first (the last 200)."""
    from revalo.services import donations

    with reported(), open_app(db, url) as rv:
        found, count = donations.list_donations(
            rv.read_uow(), by=acting(rv, as_login), site_code=site, limit=200
        )
        table = Table(title=said(f"{count} donation(s)"))
        for column in ("donation", "charity", "units", "acknowledged by", "value EUR"):
            table.add_column(column)
        for d in found:
            table.add_row(
                d.number, d.site_code, str(len(d.units)), d.acknowledged_by,
                str(d.value_eur) if d.value_eur is not None else "",
            )  # fmt: skip
        out().print(table)


@donations_app.command("receipt")
def receipt(
    donation: IdArg, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None
) -> None:
    """A donation's tax receipt data: donor, charity, units, value, and whether the French
    reduction applies (with its amount before the annual ceiling)."""
    from revalo.services import donations

    with reported(), open_app(db, url) as rv:
        view = donations.donation(rv.read_uow(), donation, by=acting(rv, as_login))
    r, d = view.receipt, view.donation
    table = Table(title=said(f"Donation {d.number}"))
    table.add_column("field")
    table.add_column("value")
    reduction = r.reduction_eur if r.reduction_eur is not None else Decimal(0)
    for name, shown in (
        ("charity", f"{r.charity} ({r.charity_country})"),
        ("donor", f"{r.donor} ({r.donor_country or '?'})"),
        ("units", ", ".join(u.lpn for u in d.units)),
        ("value EUR", str(d.value_eur) if d.value_eur is not None else ""),
        ("reduction applies", {True: "yes", False: "no", None: "?"}[r.eligible]),
        ("why", WHY_TEXT[r.why]),
        ("reduction EUR", str(reduction) if r.reduction_eur is not None else ""),
        ("form", r.form),
        ("legal basis", r.basis),
    ):
        table.add_row(name, shown)
    out().print(table)
