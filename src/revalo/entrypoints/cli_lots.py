"""``revalo lots ...``: B2B lots (make one, record offers, accept the best, ship it, its
manifest)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revalo.domain.lots import LotState
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
from revalo.entrypoints.cli_common import euros as parse_euros
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

lots_app = typer.Typer(
    help="B2B lots: make a lot of ready units, record offers, accept the best, ship it.",
    no_args_is_help=True,
)

LotArg = Annotated[str, typer.Argument(help="The lot's number, e.g. LOT00000012 (or 12).")]
SiteOption = Annotated[str | None, typer.Option("--site", help="Only this site's.")]


def register(app: typer.Typer) -> None:
    app.add_typer(lots_app, name="lots")


def _lot_id(text: str) -> int:
    v = text.strip().upper().removeprefix("LOT")
    if not v.isdigit() or not 0 < int(v) < 10**12:
        raise CliError(f"{text}: not a lot's number (LOT and 8 digits, or its digits)", 2)
    return int(v)


def _say(text: str) -> None:
    out().print(said(text), markup=False)


@lots_app.command("list")
def list_lots(
    site: SiteOption = None,
    state: Annotated[LotState | None, typer.Option(help="Only lots in this state.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The lots, newest first (the last 200)."""
    from revalo.services import lots

    with reported(), open_app(db, url) as rv:
        found, count = lots.list_lots(
            rv.read_uow(), by=acting(rv, as_login), site_code=site, state=state, limit=200
        )
        table = Table(title=f"{count} lot(s)")
        for column in ("lot", "site", "category", "grade", "units", "reserve EUR", "state"):
            table.add_column(column)
        for column in ("buyer", "price EUR"):
            table.add_column(column)
        for x in found:
            table.add_row(
                x.number,
                x.site_code,
                x.category,
                x.grade,
                str(len(x.units)),
                str(x.reserve_price),
                x.state.value,
                x.buyer_site or "",
                str(x.price or ""),
            )
        out().print(table)


@lots_app.command("show")
def show(lot: LotArg, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """A lot's units and offers."""
    from revalo.services import lots

    with reported():
        lot_id = _lot_id(lot)
    with reported(), open_app(db, url) as rv:
        view = lots.lot_view(rv.read_uow(), lot_id, by=acting(rv, as_login))
        units = Table(title=f"Lot {view.lot.number} holds {len(view.lot.units)} unit(s).")
        for column in ("lpn", "serial", "sku", "functional_grade", "cosmetic_grade", "faults"):
            units.add_column(column)
        for u in view.lot.units:
            units.add_row(
                u.lpn,
                u.serial or "",
                u.sku,
                u.functional_grade,
                u.cosmetic_grade,
                " ".join(u.faults),
            )
        out().print(units)
        offers = Table()
        for column in ("offer", "buyer", "amount EUR", "state"):
            offers.add_column(column)
        for o in view.offers:
            offers.add_row(str(o.id), o.buyer_site, str(o.amount), o.state.value)
        out().print(offers)


@lots_app.command("create")
def create(
    site: Annotated[str, typer.Option(help="The site where the units are.")],
    category: Annotated[str, typer.Option(help="The units' product category.")],
    grade: Annotated[str, typer.Option(help="The units' functional grade: A, B or C.")],
    reserve: Annotated[str, typer.Option(help="The least it is sold for, EUR net of VAT.")],
    lpns: Annotated[list[str] | None, typer.Argument(help="Its first units' LPNs.")] = None,
    title: Annotated[str, typer.Option(help="A title for the buyers.")] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Make an open lot of ready units at a site."""
    from revalo.services import lots

    with reported():
        euros = parse_euros(reserve, "--reserve")
    with reported(), open_app(db, url) as rv:
        made = lots.create_lot(
            rv.uow(),
            site_code=site,
            category=category,
            grade=grade,
            reserve_price=euros,
            title=title,
            lpns=lpns or [],
            by=acting(rv, as_login),
        )
        _say(
            f"Made lot {made.number} at {made.site_code}: {len(made.units)} unit(s), reserve "
            f"{made.reserve_price} EUR."
        )


@lots_app.command("add")
def add(
    lot: LotArg,
    lpns: Annotated[list[str], typer.Argument(help="The units' LPNs.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Add ready units to an open lot."""
    from revalo.services import lots

    with reported():
        lot_id = _lot_id(lot)
    with reported(), open_app(db, url) as rv:
        done = lots.add_units(rv.uow(), lot_id, lpns, by=acting(rv, as_login))
        _say(f"Lot {done.number} holds {len(done.units)} unit(s).")


@lots_app.command("remove")
def remove(
    lot: LotArg,
    lpn: Annotated[str, typer.Argument(help="The unit's LPN.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Take a unit out of an open lot."""
    from revalo.services import lots

    with reported():
        lot_id = _lot_id(lot)
    with reported(), open_app(db, url) as rv:
        done = lots.remove_unit(rv.uow(), lot_id, lpn, by=acting(rv, as_login))
        _say(f"Lot {done.number} holds {len(done.units)} unit(s).")


@lots_app.command("offer")
def offer(
    lot: LotArg,
    buyer: Annotated[str, typer.Option(help="The buyer's site (an outlet or resale partner).")],
    amount: Annotated[str, typer.Option(help="EUR net of VAT.")],
    note: Annotated[str, typer.Option(help="A note.")] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record a buyer's offer on an open lot."""
    from revalo.services import lots

    with reported():
        lot_id, euros = _lot_id(lot), parse_euros(amount, "--amount")
    with reported(), open_app(db, url) as rv:
        made = lots.record_offer(
            rv.uow(), lot_id, buyer_site=buyer, amount=euros, note=note, by=acting(rv, as_login)
        )
        _say(
            f"Offer {made.id} of {made.amount} EUR from {made.buyer_site} recorded on lot "
            f"LOT{lot_id:08d}."
        )


@lots_app.command("accept")
def accept(
    lot: LotArg,
    offer_id: Annotated[int, typer.Argument(help="The offer's number.")],
    vat_number: Annotated[str, typer.Option(help="The buyer's VAT number.")] = "",
    ship: Annotated[bool, typer.Option(help="Ship the lot at once.")] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Accept the best offer (at or above the reserve); the others are declined."""
    from revalo.services import lots

    with reported():
        lot_id = _lot_id(lot)
    with reported(), open_app(db, url) as rv:
        done = lots.accept_offer(
            rv.uow(),
            lot_id,
            offer_id,
            buyer_vat_number=vat_number,
            ship=ship,
            by=acting(rv, as_login),
            transport=rv.transport,
        )
        _say(f"Lot {done.number} sold to {done.buyer_site} for {done.price} EUR.")
        if done.consignment_ref:
            _said_shipped(done)


def _said_shipped(done: object) -> None:
    from revalo.domain.lots import Lot

    assert isinstance(done, Lot)
    _say(
        f"Lot {done.number} shipped to {done.buyer_site} in {done.consignment_ref}: "
        f"{len(done.units)} unit(s) sold."
    )


@lots_app.command("ship")
def ship(lot: LotArg, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """Ship a sold lot to its buyer in one consignment."""
    from revalo.services import lots

    with reported():
        lot_id = _lot_id(lot)
    with reported(), open_app(db, url) as rv:
        done = lots.ship_lot(rv.uow(), lot_id, by=acting(rv, as_login), transport=rv.transport)
        _said_shipped(done)


@lots_app.command("cancel")
def cancel(lot: LotArg, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """Cancel an open lot: its units are free again."""
    from revalo.services import lots

    with reported():
        lot_id = _lot_id(lot)
    with reported(), open_app(db, url) as rv:
        done = lots.cancel_lot(rv.uow(), lot_id, by=acting(rv, as_login))
        _say(f"Lot {done.number} is cancelled.")


@lots_app.command("manifest")
def manifest(
    lot: LotArg,
    file: Annotated[Path, typer.Argument(help="The file to write: .csv or .pdf.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write a lot's manifest (LPNs, serials, grades, faults) as CSV or PDF."""
    from revalo.services import lots
    from revalo.services.lot_manifest import manifest_csv

    with reported():
        if file.suffix.lower() not in (".csv", ".pdf"):
            raise CliError(f"{file}: write a .csv or a .pdf file", 2)
        lot_id = _lot_id(lot)
    with reported(), open_app(db, url) as rv:
        view = lots.lot_view(rv.read_uow(), lot_id, by=acting(rv, as_login))
        with replacing(file) as part:
            if file.suffix.lower() == ".pdf":
                from revalo.entrypoints.lot_documents import manifest_pdf

                part.write_bytes(manifest_pdf(view))
            else:
                part.write_text(manifest_csv(view.lot), encoding="utf-8")
        _say(f"Wrote {file}.")
