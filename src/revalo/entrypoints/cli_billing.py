"""``revalo billing ...``: the clients' rate cards (load a TOML file, show them), a month's
billing run, the invoices and credit notes, and a document as PDF or CSV."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
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
    replacing,
    reported,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

billing_app = typer.Typer(
    help="Bill the clients: rate cards, monthly runs, invoices and credit notes.",
    no_args_is_help=True,
)
rates_app = typer.Typer(help="The clients' rate cards (versions from a day).", no_args_is_help=True)
billing_app.add_typer(rates_app, name="rates")

ClientOption = Annotated[str, typer.Option("--client", help="The client's code, e.g. BOREA.")]
Number = Annotated[str, typer.Argument(help="The document's number, e.g. INV-2025-00001.")]


def register(app: typer.Typer) -> None:
    app.add_typer(billing_app, name="billing")


@rates_app.command("load")
def rates_load(
    file: Annotated[Path, typer.Argument(help="The rate-card TOML file.", exists=True)],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Load rate cards from a TOML file; a version already there is kept as it is."""
    from revalo.services import billing_rates

    with reported(), open_app(db, url) as rv:
        text = file.read_text(encoding="utf-8")
        added, kept = billing_rates.load_rate_cards(rv.uow(), text, by=acting(rv, as_login))
        out().print(said(f"{added} rate card(s) added, {kept} already there."), markup=False)


@rates_app.command("show")
def rates_show(
    client: Annotated[str | None, typer.Option("--client", help="Only this client's.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Every version of the rate cards, by client then day (EUR without VAT)."""
    from revalo.domain.billing import RATE_NAMES
    from revalo.services import billing_rates

    with reported(), open_app(db, url) as rv:
        cards = billing_rates.rate_cards(rv.read_uow(), client, by=acting(rv, as_login))
        table = Table(title=f"{len(cards)} rate card(s)")
        for column in ("client", "valid from", *RATE_NAMES, "days"):
            table.add_column(column)
        for c in cards:
            rates = [str(getattr(c.rates, n)) for n in RATE_NAMES]
            table.add_row(c.client_code, c.valid_from.isoformat(), *rates, str(c.payment_days))
        out().print(table)


@billing_app.command("run")
def run(
    client: ClientOption,
    month: Annotated[str, typer.Option(help="The month billed, YYYY-MM (over).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Issue a client's invoice for a month; a second run of the month changes nothing."""
    from revalo.services import billing

    with reported(), open_app(db, url) as rv:
        outcome = billing.run_billing(rv.uow(), client, month, by=acting(rv, as_login))
        inv = outcome.invoice
        if outcome.created:
            message = f"Invoice {inv.number} issued: {inv.gross} EUR."
        else:
            message = f"Already billed: invoice {inv.number}."
        out().print(said(message), markup=False)


@billing_app.command("invoices")
def invoices(
    client: Annotated[str | None, typer.Option("--client", help="Only this client's.")] = None,
    month: Annotated[str | None, typer.Option(help="Only this month, YYYY-MM.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The invoices and credit notes, the latest first (at most 200)."""
    from revalo.services import billing
    from revalo.services.billing_ports import InvoiceFilter

    with reported(), open_app(db, url) as rv:
        found, count = billing.list_invoices(
            rv.read_uow(), InvoiceFilter(client, None, month, 200), by=acting(rv, as_login)
        )
        table = Table(title=f"{count} document(s)")
        for column in ("number", "client", "month", "issued", "net EUR", "VAT EUR", "total EUR"):
            table.add_column(column)
        table.add_column("corrects")
        for i in found:
            table.add_row(
                i.number,
                i.client_code,
                i.period,
                i.issued_on.isoformat(),
                str(i.net),
                str(i.vat),
                str(i.gross),
                i.corrects or "",
            )
        out().print(table)


@billing_app.command("credit")
def credit(
    number: Number,
    reason: Annotated[str, typer.Option(help="Why the invoice is corrected.")],
    amount: Annotated[
        str | None, typer.Option(help="Net EUR to credit (default: all that is left).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Correct an issued invoice with a credit note (the invoice stays as issued)."""
    from revalo.services import billing

    with reported():
        euros = None
        if amount is not None:
            try:
                euros = Decimal(amount.strip().replace(",", "."))
            except InvalidOperation:
                raise CliError(f"--amount {amount!r}: not an amount in EUR", 2) from None
    with reported(), open_app(db, url) as rv:
        note = billing.credit_invoice(
            rv.uow(), number, reason=reason, amount=euros, by=acting(rv, as_login)
        )
        out().print(said(f"Credit note {note.number} issued: {note.gross} EUR."), markup=False)


@billing_app.command("document")
def document(
    number: Number,
    file: Annotated[Path, typer.Argument(help="FILE.pdf, FILE.csv (lines) or FILE.items.csv.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write an invoice or credit note as PDF, its lines as CSV, or the activities it priced
    (a file ending in .items.csv)."""
    from revalo.services import billing

    name = file.name.lower()
    with reported():
        if not name.endswith((".pdf", ".csv")):
            raise CliError(f"{file}: write a .pdf or a .csv file", 2)
    with reported(), open_app(db, url) as rv:
        by = acting(rv, as_login)
        inv = billing.get_invoice(rv.read_uow(), number, by=by).invoice
        with replacing(file) as part:
            if name.endswith(".pdf"):
                from revalo.adapters.invoice_pdf import render_invoice

                part.write_bytes(render_invoice(inv))
            elif name.endswith(".items.csv"):
                items = billing.invoice_items(rv.read_uow(), inv.number, by=by)
                part.write_text(billing.items_csv(inv.number, items), encoding="utf-8")
            else:
                part.write_text(billing.lines_csv([inv]), encoding="utf-8")
        out().print(said(f"{inv.number} written to {file}."), markup=False)
