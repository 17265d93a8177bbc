"""``revalo portal link``, ``revalo portal photos`` and ``revalo keep-it check``: a return's
link on the customers' portal, the photos its customer sent, and the keep-it figures of a
return's lines."""

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
    refused_rows,
    reported,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

portal_app = typer.Typer(help="The customers' return portal.", no_args_is_help=True)
keep_it_app = typer.Typer(
    help="Keep it: a refund without return when the trip back costs more than it saves.",
    no_args_is_help=True,
)

Number = Annotated[str, typer.Argument(help="The return's number, e.g. RMA00000012.")]


def register(app: typer.Typer) -> None:
    app.add_typer(portal_app, name="portal")
    app.add_typer(keep_it_app, name="keep-it")


def _line(n: int, text: str) -> tuple[str, int, str]:
    parts = text.split(":")
    if len(parts) != 3 or not parts[1].strip().isdigit():
        raise CliError(f"--line {text!r}: write SKU:QUANTITY:PRICE, e.g. TEE-M:2:19.90", 2)
    return parts[0].strip().upper(), int(parts[1]), parts[2].strip().replace(",", ".")


@portal_app.command("add-order")
def add_order(
    order_ref: Annotated[str, typer.Argument(help="The shop's order reference.")],
    customer: Annotated[str, typer.Option(help="The customer's code.")],
    delivered: Annotated[str, typer.Option(metavar="YYYY-MM-DD", help="The delivery day.")],
    line: Annotated[
        list[str], typer.Option(help="SKU:QUANTITY:PRICE of a line (repeat for each line).")
    ],
    email: Annotated[str, typer.Option(help="The order's e-mail address.")] = "",
    postcode: Annotated[str, typer.Option(help="The delivery postcode.")] = "",
    client: Annotated[str | None, typer.Option(help="The client whose goods they are.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record an order the shop delivered, so that its customer may return from it on the
    portal with its e-mail or postcode."""
    from datetime import UTC, datetime, time
    from decimal import Decimal, InvalidOperation

    from revalo.domain.portal import CustomerOrder, OrderLine
    from revalo.services import portal_orders

    with reported():
        day = datetime.combine(parse_day(delivered, "--delivered"), time(12, tzinfo=UTC))
        lines = []
        for n, text in enumerate(line, start=1):
            sku, quantity, price = _line(n, text)
            try:
                amount = Decimal(price)
            except InvalidOperation:
                raise CliError(f"--line {text!r}: {price!r} is not an amount in EUR", 2) from None
            lines.append(OrderLine(n, sku, quantity, amount))
        order = CustomerOrder(
            order_ref, customer.strip().upper(), email, postcode, day, day, lines, client
        )
    with reported(), open_app(db, url) as rv:
        portal_orders.record_order(rv.uow(), order, by=acting(rv, as_login))
    out().print(said(f"Order {order.order_ref} recorded: its customer may return from it."))


@portal_app.command("import-orders")
def import_orders(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV, a row per order line: order_ref,customer_code,placed_at,line_no,sku,"
            "quantity,unit_price[,email,postcode,delivered_at,serial,client_code]."
        ),
    ],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record the delivered orders of a CSV file, so that their customers may return from
    them on the portal: all of them, or none with every bad line named."""
    from revalo.services import portal_orders
    from revalo.services.csv_records import decode_lines

    with reported():
        if not file.is_file():
            raise CliError(f"{file}: no such file", 2)
        with file.open("rb") as f:
            lines = list(decode_lines(f))
        with open_app(db, url) as rv:
            try:
                added = portal_orders.import_orders(rv.uow(), lines, by=acting(rv, as_login))
            except portal_orders.BadOrderRows as exc:
                raise refused_rows(file, exc.errors) from None
    out().print(said(f"Imported {len(added)} order(s)."), markup=False)


@portal_app.command("link")
def link(
    number: Number,
    base_url: Annotated[
        str, typer.Option("--base-url", help="The address the portal is served at.")
    ] = "http://127.0.0.1:8000",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Print a new link to a return started on the portal (the earlier links keep working)."""
    from revalo.services import portal_staff

    with reported(), open_app(db, url) as rv:
        token = portal_staff.issue_link(rv.uow(), number, by=acting(rv, as_login))
    out().print(f"{base_url.rstrip('/')}/portal/r/{token}", markup=False, soft_wrap=True)


@portal_app.command("photos")
def photos(
    number: Number,
    into: Annotated[
        Path | None, typer.Option(help="A folder to write the photos into (NUMBER-ID.jpg).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """List the photos the customer sent with a return from the portal (a damage claim);
    with --into, write each one into that folder."""
    from revalo.services import portal_staff

    with reported(), open_app(db, url) as rv:
        if into is not None and not into.is_dir():
            raise CliError(said(f"{into}: no such directory"), 2)
        by = acting(rv, as_login)
        sent = portal_staff.photos(rv.read_uow(), number, by=by)
        contents = [portal_staff.photo(rv.read_uow(), number, p.id, by=by) for p in sent if into]
    rma = number.strip().upper()
    table = Table(title=said(f"{len(sent)} photo(s) of {rma}"))
    for column in ("id", "line", "type", "bytes", "sent", "sha256"):
        table.add_column(column)
    for p in sent:
        when = p.uploaded_at.isoformat()
        table.add_row(str(p.id), str(p.line_no), p.media_type, str(p.size), when, p.sha256)
    out().print(table)
    if into is None:
        return
    for p, (media_type, content) in zip(sent, contents, strict=True):
        file = into / f"{rma}-{p.id}.{'png' if media_type == 'image/png' else 'jpg'}"
        file.write_bytes(content)
        out().print(said(f"Wrote the document {file.name} to {file}."), markup=False)


@keep_it_app.command("check")
def check(
    number: Number,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Show, line by line, the best route's value, the trip back and the processing, and
    whether keep-it is offered (EUR per unit)."""
    from revalo.services import portal_staff
    from revalo.services.keep_it import load_keep_it_rules

    with reported(), open_app(db, url) as rv:
        rules = load_keep_it_rules(rv.settings.keep_it_file)
        lines = portal_staff.keep_it_check(
            rv.uow(),
            rv.transport,
            rules,
            number,
            by=acting(rv, as_login),
            feedback_min_sales=rv.settings.resale_feedback_min_sales,
        )
    table = Table(title=f"keep-it figures of {number.strip().upper()}")
    for column in ("line", "sku", "route", "value EUR", "trip back EUR", "processing EUR"):
        table.add_column(column)
    for column in ("net EUR", "threshold EUR", "km", "kg CO2e", "keep-it"):
        table.add_column(column)
    for ln in lines:
        f = ln.figures
        if f is None:
            table.add_row(str(ln.line_no), ln.sku, "-", "", "", "", "", "", "", "", "not priced")
            continue
        table.add_row(
            str(ln.line_no),
            ln.sku,
            f.route,
            str(f.route_net_eur),
            str(f.trip_back_eur),
            str(f.processing_eur),
            str(f.net_after_eur),
            str(f.threshold_eur),
            str(f.trip_back_km),
            str(f.trip_back_co2_kg),
            "offered" if f.offered else "no",
        )
    out().print(table)
    out().print(said("Keep-it is offered when the net is below the threshold."), markup=False)
