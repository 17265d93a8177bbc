"""``revalo refunds ...``: what a return owes back, its proof of sending, its refunds; the
refunds due and late; the finance export."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revalo.domain.after_sales import Outcome
from revalo.domain.refunds import PartialReason, RefundMethod
from revalo.entrypoints.cli_common import (
    AsLogin,
    DayOption,
    DbPath,
    DbUrl,
    acting,
    euros,
    open_app,
    out,
    parse_day,
    replacing,
    reported,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

refunds_app = typer.Typer(
    help="Refunds with their legal deadline: record, list what is due and late, export.",
    no_args_is_help=True,
)

Number = Annotated[str, typer.Argument(help="The return's number, e.g. RMA00000012.")]


def register(app: typer.Typer) -> None:
    app.add_typer(refunds_app, name="refunds")


@refunds_app.command("open")
def open_case(
    number: Number,
    paid: Annotated[str, typer.Option(help="EUR the customer paid for the returned goods.")],
    outcome: Annotated[Outcome, typer.Option(help="What the customer gets back.")] = (
        Outcome.REFUND
    ),
    notice: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="The withdrawal notice (default: the request)."),
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record what a return owes back: its deadline is 14 days from the withdrawal notice."""
    from revalo.services import refunds

    with reported():
        amount = euros(paid, "--paid")
        on = parse_day(notice, "--notice") if notice else None
    with reported(), open_app(db, url) as rv:
        case = refunds.open_refund(
            rv.uow(), number, paid=amount, outcome=outcome, notified_on=on, by=acting(rv, as_login)
        )
        out().print(
            said(f"Refund of {case.return_number} recorded: due by {case.deadline.isoformat()}."),
            markup=False,
        )


@refunds_app.command("proof")
def proof(
    number: Number,
    day: DayOption = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record the customer's proof of sending the goods back (default: today)."""
    from revalo.domain.values import utcnow
    from revalo.services import refunds

    with reported():
        on = parse_day(day) if day else utcnow().date()
    with reported(), open_app(db, url) as rv:
        case = refunds.record_proof_of_sending(rv.uow(), number, on=on, by=acting(rv, as_login))
        out().print(said(f"Proof of sending of {case.return_number} recorded."), markup=False)


@refunds_app.command("record")
def record(
    number: Number,
    amount: Annotated[str, typer.Option(help="EUR paid back (or the exchange's, credit's).")],
    method: Annotated[RefundMethod, typer.Option(help="How it is paid back.")] = (
        RefundMethod.ORIGINAL_PAYMENT
    ),
    partial: Annotated[
        PartialReason | None, typer.Option(help="Why less than what is owed (settles it).")
    ] = None,
    note: Annotated[str, typer.Option(help="A note for finance.")] = "",
    day: DayOption = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Pay back what a return owes, or a part of it with the reason (paid on --date)."""
    from revalo.services import refunds

    with reported():
        amount_eur = euros(amount, "--amount")
        on = parse_day(day) if day else None
    with reported(), open_app(db, url) as rv:
        case = refunds.record_refund(
            rv.uow(),
            number,
            amount=amount_eur,
            method=method,
            partial_reason=partial,
            note=note,
            paid_on=on,
            by=acting(rv, as_login),
        )
        if case.settled:
            message = f"Refund of {case.return_number} recorded: settled."
        else:
            message = f"Refund of {case.return_number} recorded: {case.outstanding} EUR owed."
        out().print(said(message), markup=False)


@refunds_app.command("due")
def due(
    day: DayOption = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The refunds still owed on a day, the late first, then due soon, due, waiting."""
    from revalo.domain.values import utcnow
    from revalo.services import refunds

    with reported():
        on = parse_day(day) if day else utcnow().date()
    with reported(), open_app(db, url) as rv:
        found = refunds.refunds_due(rv.read_uow(), by=acting(rv, as_login), today=on)
        table = Table(title=f"{len(found)} refund(s) owed")
        for column in ("return", "customer", "outcome", "owed EUR", "deadline", "days left"):
            table.add_column(column)
        table.add_column("state")
        for d in found:
            table.add_row(
                d.case.return_number,
                d.case.customer_code,
                d.case.outcome.value,
                str(d.case.outstanding),
                d.case.deadline.isoformat(),
                str(d.days_left),
                d.state.value,
            )
        out().print(table)


@refunds_app.command("export")
def export(
    file: Annotated[Path, typer.Argument(help="The CSV file to write.")],
    start: Annotated[str, typer.Option("--from", metavar="YYYY-MM-DD", help="First day paid.")],
    end: Annotated[str, typer.Option("--to", metavar="YYYY-MM-DD", help="The day after the last.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write the refunds paid between two days as CSV, for accounting."""
    from revalo.services import refunds

    with reported():
        first, after = parse_day(start, "--from"), parse_day(end, "--to")
    with reported(), open_app(db, url) as rv:
        text = refunds.export_refunds(
            rv.read_uow(), start=first, end=after, by=acting(rv, as_login)
        )
        with replacing(file) as part:
            part.write_text(text, encoding="utf-8")
        n = text.count("\n") - 1
        out().print(said(f"Wrote {n} refund(s) to {file}."), markup=False)
