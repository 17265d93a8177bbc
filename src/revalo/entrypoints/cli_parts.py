"""``revalo parts ...``: harvested parts (dismantle a unit into parts, fit one to a repair,
sell one, the stock of parts)."""

from __future__ import annotations

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
    reported,
)
from revalo.entrypoints.cli_common import euros as parse_euros
from revalo.entrypoints.cli_lots import SiteOption, _say
from revalo.entrypoints.cli_tables import Table

parts_app = typer.Typer(
    help="Harvested parts: dismantle a unit into parts, fit one to a repair, sell one.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(parts_app, name="parts")


@parts_app.command("list")
def list_parts(
    site: SiteOption = None,
    kind: Annotated[str | None, typer.Option(help="Only parts of this kind.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The harvested parts in stock (the first 200)."""
    from revalo.services import parts

    with reported(), open_app(db, url) as rv:
        found, count = parts.list_parts(
            rv.read_uow(), by=acting(rv, as_login), site_code=site, kind=kind, limit=200
        )
        table = Table(title=f"{count} part(s)")
        for column in ("part", "kind", "sku", "grade", "value EUR", "site", "from unit"):
            table.add_column(column)
        for p in found:
            table.add_row(
                p.number, p.kind, p.sku, p.grade.value, str(p.value), p.site_code, p.donor_lpn
            )
        out().print(table)


@parts_app.command("stock")
def stock(
    site: SiteOption = None, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None
) -> None:
    """How many parts of each kind are in stock at each site, and their value."""
    from revalo.services import parts

    with reported(), open_app(db, url) as rv:
        rows = parts.parts_stock(rv.read_uow(), by=acting(rv, as_login), site_code=site)
        table = Table()
        for column in ("site", "kind", "count", "value EUR"):
            table.add_column(column)
        for r in rows:
            table.add_row(r.site_code, r.kind, str(r.count), str(r.value))
        out().print(table)


def _grades(texts: list[str]) -> dict[str, str]:
    grades = {}
    for text in texts:
        kind, sep, grade = text.partition("=")
        if not sep or not kind.strip() or not grade.strip():
            raise CliError(f"{text}: write a part's grade as KIND=GRADE, e.g. screen=A", 2)
        grades[kind.strip().lower()] = grade.strip()
    return grades


@parts_app.command("harvest")
def harvest(
    lpn: Annotated[str, typer.Argument(help="The unit decided for its parts.")],
    grade: Annotated[
        list[str], typer.Option(help="A part's grade, KIND=GRADE (A, B, C; D not stocked).")
    ],
    minutes: Annotated[int, typer.Option(min=0, max=44640, help="Minutes it took.")] = 0,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Dismantle a ready unit into graded parts put into stock."""
    from revalo.services import parts

    with reported():
        grades = _grades(grade)
    with reported(), open_app(db, url) as rv:
        done = parts.harvest_unit(
            rv.uow(), lpn, grades=grades, labour_minutes=minutes, by=acting(rv, as_login)
        )
        _say(
            f"Dismantled {done.unit.lpn} ({done.order.number}): {len(done.parts)} part(s) put "
            "into stock."
        )


@parts_app.command("fit")
def fit(
    order_id: Annotated[int, typer.Argument(help="The repair's work order (its digits).")],
    kind: Annotated[str, typer.Argument(help="The part's kind, e.g. battery.")],
    new_cost: Annotated[
        str | None, typer.Option(help="EUR of a new one, when no harvested one is in stock.")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Fit a part to a repair in progress: a harvested one first."""
    from revalo.services import parts

    with reported():
        cost = parse_euros(new_cost, "--new-cost") if new_cost is not None else None
    with reported(), open_app(db, url) as rv:
        done = parts.fit_part(rv.uow(), order_id, kind=kind, new_cost=cost, by=acting(rv, as_login))
        _say(
            f"Fitted {done.used.reference} on {done.order.number}: parts cost "
            f"{done.order.parts_cost} EUR."
        )


@parts_app.command("sell")
def sell(
    part: Annotated[str, typer.Argument(help="The part's number, e.g. PRT000000001.")],
    price: Annotated[str, typer.Option(help="EUR it was sold for.")],
    buyer: Annotated[str, typer.Option(help="Who bought it.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record the sale of a surplus part."""
    from revalo.services import parts

    with reported():
        euros = parse_euros(price, "--price")
    with reported(), open_app(db, url) as rv:
        done = parts.sell_part(rv.uow(), part, price=euros, buyer=buyer, by=acting(rv, as_login))
        _say(f"Part {done.number} sold to {done.buyer} for {done.sale_price} EUR.")
