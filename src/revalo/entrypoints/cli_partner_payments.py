"""``revalo partner-payments``: a partner's payments for the units handed over to it for
good, recorded (each unit once) and listed."""

from __future__ import annotations

from typing import Annotated

import typer

from revalo.entrypoints.cli_common import (
    AsLogin,
    DbPath,
    DbUrl,
    acting,
    euros,
    open_app,
    out,
    parse_day,
    reported,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

payments_app = typer.Typer(
    help="A partner's payments for the units handed over to it, each unit once.",
    no_args_is_help=True,
)
SiteArg = Annotated[str, typer.Argument(help="The partner site's code, e.g. VEN-LUMEN.")]


def register(app: typer.Typer) -> None:
    app.add_typer(payments_app, name="partner-payments")


@payments_app.command("record")
def record(
    site: SiteArg,
    codes: Annotated[list[str], typer.Argument(help="The units' LPNs or serials.")],
    reference: Annotated[
        str, typer.Option(help="The partner's remittance advice or statement number.")
    ],
    amount: Annotated[
        str | None,
        typer.Option(
            metavar="EUR",
            help="What was paid, shared by the units' prices as new (default: the price "
            "share of the partner's terms).",
        ),
    ] = None,
    paid_on: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", help="The day paid (default: today).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record a partner's payment for units handed over to it for good."""
    from revalo.services import partner_payments

    with reported():
        paid = euros(amount, "--amount") if amount is not None else None
        day = parse_day(paid_on, "--paid-on") if paid_on is not None else None
    with reported(), open_app(db, url) as rv:
        made = partner_payments.record_payment(
            rv.uow(),
            site_code=site,
            codes=codes,
            reference=reference,
            amount=paid,
            paid_on=day,
            by=acting(rv, as_login),
        )
        text = f"Payment {made.number} of {made.amount} EUR for {len(made.lines)} unit(s)."
        out().print(said(text), markup=False)


@payments_app.command("list")
def list_payments(
    site: SiteArg, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None
) -> None:
    """A partner site's payments, the latest paid first, with each unit's share."""
    from revalo.services import partner_payments

    with reported(), open_app(db, url) as rv:
        found, count = partner_payments.payments(
            rv.read_uow(), by=acting(rv, as_login), site_code=site, limit=500
        )
        table = Table(title=said(f"{count} payment(s)"))
        for column in ("payment", "paid on", "reference", "amount EUR", "units", "recorded by"):
            table.add_column(column)
        for p in found:
            units = ", ".join(f"{x.lpn} {x.amount}" for x in p.lines)
            table.add_row(
                p.number, p.paid_on.isoformat(), p.reference, str(p.amount), units, p.recorded_by
            )
        out().print(table)
