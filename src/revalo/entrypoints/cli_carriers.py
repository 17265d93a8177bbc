"""``revalo carriers``: the carriers of the rate cards with their receipts as waste
transporters, and ``revalo carriers receipt`` to keep one (France: the récépissé de
déclaration that a waste-tracking slip names)."""

from __future__ import annotations

from typing import Annotated

import typer

from revalo.entrypoints.cli_common import (
    AsLogin,
    DbPath,
    DbUrl,
    acting,
    open_app,
    out,
    parse_day,
    reported,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

carriers_app = typer.Typer(
    help="The carriers and their receipts as waste transporters.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(carriers_app, name="carriers")


@carriers_app.command("list")
def list_carriers(
    day: Annotated[
        str | None, typer.Option("--day", help="The day of the statuses (YYYY-MM-DD; today).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Every carrier of the rate cards, its services, and its receipts with their status."""
    from revalo.domain.values import utcnow
    from revalo.services import transporter_receipts as receipts

    on = parse_day(day, "--day") if day else utcnow().date()
    with reported(), open_app(db, url) as rv:
        found = receipts.carriers(rv.read_uow(), rv.transport, by=acting(rv, as_login), on=on)
    table = Table(title=f"Carriers and their receipts as waste transporters on {on.isoformat()}")
    for column in ("carrier", "services", "receipt", "département", "valid until", "status"):
        table.add_column(column)
    for c in found:
        services = ", ".join(c.services)
        if not c.receipts:
            table.add_row(c.name, services, "–", "–", "–", "–")
        for r, status in c.receipts:
            table.add_row(
                c.name, services, r.number, r.department, r.valid_until.isoformat(), status.value
            )
    out().print(table)


@carriers_app.command("receipt")
def add_receipt(
    carrier: Annotated[str, typer.Argument(help="The carrier, as the rate cards name it.")],
    number: Annotated[str, typer.Argument(help="The receipt's number.")],
    department: Annotated[
        str, typer.Option(help="The département whose prefect gave it (e.g. 69, 2A, 974).")
    ],
    valid_until: Annotated[
        str, typer.Option("--valid-until", metavar="YYYY-MM-DD", help="Its last valid day.")
    ],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Keep a carrier's receipt as a waste transporter, named on its loads' waste slips."""
    from revalo.services import transporter_receipts as receipts

    last = parse_day(valid_until, "--valid-until")
    with reported(), open_app(db, url) as rv:
        r = receipts.record_transporter_receipt(
            rv.uow(),
            rv.transport,
            carrier,
            by=acting(rv, as_login),
            number=number,
            department=department,
            valid_until=last,
        )
    message = (
        f"Kept the receipt {r.number} of {r.carrier} as a waste transporter "
        f"(département {r.department}), valid until {r.valid_until.isoformat()}."
    )
    out().print(said(message), markup=False)
