"""``revalo deliveries``: the units handed over to a partner site, its acceptance of each by
scan, and its resale of each (an outlet's, a resale partner's)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import typer

from revalo.entrypoints.cli_common import AsLogin, DbPath, DbUrl, acting, open_app, out, reported
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

deliveries_app = typer.Typer(
    help="A partner's deliveries: what was handed over to it, accepted by scan, resold.",
    no_args_is_help=True,
)
SiteArg = Annotated[str, typer.Argument(help="The partner site's code, e.g. OUT-FR.")]


def register(app: typer.Typer) -> None:
    app.add_typer(deliveries_app, name="deliveries")


@deliveries_app.command("list")
def list_deliveries(
    site: SiteArg, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None
) -> None:
    """The units handed over to the partner site, those not accepted yet first."""
    from revalo.services import deliveries

    with reported(), open_app(db, url) as rv:
        found = deliveries.deliveries(rv.read_uow(), by=acting(rv, as_login), site_code=site)
        waiting = sum(1 for u in found if not u.accepted)
        table = Table(title=said(f"{len(found)} unit(s) handed over, {waiting} not accepted yet"))
        columns = ("lpn", "serial", "sku", "lot", "accepted by", "accepted at", "resold on")
        for column in (*columns, "resale price"):
            table.add_column(column)
        for u in found:
            at = u.received_at.isoformat(timespec="minutes") if u.received_at else ""
            resold = u.resold_on.isoformat() if u.resold_on else ""
            price = str(u.resale_price) if u.resale_price is not None else ""
            table.add_row(
                u.lpn, u.serial or "", u.sku or "", u.lot or "", u.received_by or "", at,
                resold, price,
            )  # fmt: skip
        out().print(table)


@deliveries_app.command("accept")
def accept(
    site: SiteArg,
    code: Annotated[str, typer.Argument(help="The unit's LPN or serial, as scanned.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Accept one unit handed over to the partner site, once."""
    from revalo.services import deliveries

    with reported(), open_app(db, url) as rv:
        got = deliveries.accept(rv.uow(), site_code=site, code=code, by=acting(rv, as_login))
        out().print(said(f"Unit {got.lpn} accepted at {site.strip().upper()}."), markup=False)


@deliveries_app.command("resell")
def resell(
    site: SiteArg,
    code: Annotated[str, typer.Argument(help="The unit's LPN or serial, as scanned.")],
    price: Annotated[Decimal, typer.Option(help="What the buyer paid, EUR.")],
    sold_on: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="The day sold (default today).")
    ] = None,
    receipt: Annotated[str, typer.Option(help="The partner's receipt or invoice number.")] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record the partner site's resale of one unit it accepted, once."""
    from revalo.services import partner_resales

    with reported(), open_app(db, url) as rv:
        got = partner_resales.record_resale(
            rv.uow(),
            site_code=site,
            code=code,
            price=price,
            sold_on=sold_on.date() if sold_on else None,
            receipt=receipt,
            by=acting(rv, as_login),
        )
        out().print(
            said(f"Resale of {got.lpn} by {got.site_code} for {got.price} EUR recorded."),
            markup=False,
        )
