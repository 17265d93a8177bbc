"""``revalo listings ...`` and ``revalo channels ...``: units on sale on the channels, their
prices as they age, their sales, each channel's feed and the profitability of every resale."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from revalo.domain.resale import Listing, ListingStatus
from revalo.entrypoints.cli_common import (
    AsLogin,
    CliError,
    DbPath,
    DbUrl,
    acting,
    euros,
    open_app,
    out,
    replacing,
    reported,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

if TYPE_CHECKING:
    from revalo.bootstrap import App

listings_app = typer.Typer(
    help="Listings on the sales channels: create, publish, reprice, sell, withdraw.",
    no_args_is_help=True,
)
channels_app = typer.Typer(
    help="The sales channels (config/channels.toml) and their feeds.", no_args_is_help=True
)

Id = Annotated[int, typer.Argument(help="The listing's number.")]


def register(app: typer.Typer) -> None:
    app.add_typer(listings_app, name="listings")
    app.add_typer(channels_app, name="channels")


def _say(text: str) -> None:
    out().print(said(text), markup=False)


@listings_app.command("create")
def create(
    lpn: Annotated[str, typer.Argument(help="The unit decided for resale.")],
    channel: Annotated[
        str | None, typer.Option(help="The channel (default: the decision's).")
    ] = None,
    photo: Annotated[list[str] | None, typer.Option(help="A photo's file reference.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Make a draft listing of a unit decided for resale, at the value model's price."""
    from revalo.services import resale

    with reported(), open_app(db, url) as rv:
        x = resale.create_listing(
            rv.uow(),
            lpn,
            by=acting(rv, as_login),
            channel=channel,
            photos=tuple(photo or ()),
            feedback_min_sales=rv.settings.resale_feedback_min_sales,
        )
        _say(
            f"Listing {x.id} of {x.lpn} on {x.channel} at {x.asking_price} EUR "
            f"({x.channel_grade}): draft."
        )


@listings_app.command("publish")
def publish(listing: Id, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """Put a draft on sale (the unit goes to the graded stock if its work is done)."""
    from revalo.services import resale

    with reported(), open_app(db, url) as rv:
        x = resale.publish_listing(rv.uow(), listing, by=acting(rv, as_login))
        _say(f"Listing {x.id} of {x.lpn} is on sale at {x.asking_price} EUR.")


@listings_app.command("edit")
def edit(
    listing: Id,
    title: Annotated[str | None, typer.Option(help="The new title.")] = None,
    description: Annotated[str | None, typer.Option(help="The new description.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Change a listing's title or description (no claim of newness, décret 2022-190)."""
    from revalo.services import resale

    with reported(), open_app(db, url) as rv:
        x = resale.edit_listing(
            rv.uow(), listing, by=acting(rv, as_login), title=title, description=description
        )
        _say(f"Listing {x.id} of {x.lpn} changed.")


@listings_app.command("reprice")
def reprice(
    listing: Id,
    price: Annotated[str, typer.Option(help="The new asking price, EUR.")],
    reason: Annotated[str, typer.Option(help="Why.")] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Set a listing's asking price (never below its floor)."""
    from revalo.services import resale

    with reported():
        amount_eur = euros(price, "--price")
    with reported(), open_app(db, url) as rv:
        x = resale.reprice_listing(
            rv.uow(), listing, price=amount_eur, reason=reason, by=acting(rv, as_login)
        )
        _say(f"Listing {x.id} of {x.lpn} now at {x.asking_price} EUR.")


@listings_app.command("age")
def age(
    channel: Annotated[str | None, typer.Option(help="Only this channel's listings.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Lower every open listing's price as its unit ages (the value model's decay)."""
    from revalo.services import resale

    with reported(), open_app(db, url) as rv:
        done = resale.reprice_aged(rv.uow(), by=acting(rv, as_login), channel=channel)
        _say(f"Repriced {len(done)} listing(s) as they aged.")


@listings_app.command("reserve")
def reserve(
    listing: Id,
    buyer: Annotated[str, typer.Option(help="Who it is held for.")] = "",
    release: Annotated[bool, typer.Option(help="Put a reserved listing back on sale.")] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Hold a listed item for a buyer, or release it."""
    from revalo.services import resale

    with reported(), open_app(db, url) as rv:
        x = resale.reserve_listing(
            rv.uow(), listing, buyer=buyer, release=release, by=acting(rv, as_login)
        )
        if release:
            _say(f"Listing {x.id} of {x.lpn} is on sale again.")
        else:
            _say(f"Listing {x.id} of {x.lpn} reserved for {x.reserved_by}.")


@listings_app.command("sell")
def sell(
    listing: Id,
    buyer: Annotated[str, typer.Option(help="The buyer or the channel's order.")] = "",
    price: Annotated[str | None, typer.Option(help="EUR paid (default: asking).")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record a listing's sale: the unit leaves the stock with its proceeds."""
    from revalo.services import resale

    with reported():
        amount_eur = euros(price, "--price") if price is not None else None
    with reported(), open_app(db, url) as rv:
        x = resale.sell_listing(
            rv.uow(), listing, buyer=buyer, price=amount_eur, by=acting(rv, as_login)
        )
        assert x.sale is not None
        _say(
            f"Listing {x.id} of {x.lpn} sold for {x.sale.price} EUR, {x.sale.fees} EUR of "
            "fees: the unit has left the stock."
        )


@listings_app.command("withdraw")
def withdraw(
    listing: Id,
    reason: Annotated[str, typer.Option(help="Why it comes off sale.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Take a listing off sale."""
    from revalo.services import resale

    with reported(), open_app(db, url) as rv:
        x = resale.withdraw_listing(rv.uow(), listing, reason=reason, by=acting(rv, as_login))
        _say(f"Listing {x.id} of {x.lpn} withdrawn.")


def _table(found: list[Listing], total: int) -> Table:
    table = Table(title=f"{total} listing(s)")
    for column in ("listing", "LPN", "channel", "grade", "condition", "asking EUR"):
        table.add_column(column)
    for column in ("floor EUR", "status"):
        table.add_column(column)
    for x in found:
        table.add_row(
            str(x.id),
            x.lpn,
            x.channel,
            x.grade,
            x.channel_grade,
            str(x.asking_price),
            str(x.floor_price),
            x.status.value,
        )
    return table


@listings_app.command("list")
def list_(
    channel: Annotated[str | None, typer.Option(help="Only this channel.")] = None,
    status: Annotated[ListingStatus | None, typer.Option(help="Only this status.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=200, help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many.")] = 0,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The listings, newest first."""
    from revalo.services import resale
    from revalo.services.resale_ports import ListingFilter

    with reported(), open_app(db, url) as rv:
        flt = ListingFilter(channel=channel.upper() if channel else None, status=status)
        found, total = resale.list_listings(
            rv.read_uow(), flt, by=acting(rv, as_login), limit=limit, offset=offset
        )
        out().print(_table(found, total))


@listings_app.command("profitability")
def profitability(
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """What the units sold fetched net of fees and costs, by week, channel, category and
    grade, against the engine's expectation."""
    from revalo.services import resale_profit

    with reported(), open_app(db, url) as rv:
        n = max(rv.settings.resale_feedback_min_sales, 1)
        report = resale_profit.resale_profitability(
            rv.read_uow(), by=acting(rv, as_login), min_sales=n
        )
        table = Table(title=f"{len(report.sold)} unit(s) sold")
        for column in ("week", "channel", "category", "grade", "units", "fetched EUR"):
            table.add_column(column)
        for column in ("fees EUR", "costs EUR", "net EUR", "expected EUR"):
            table.add_column(column)
        for g in report.groups:
            table.add_row(
                g.week,
                g.channel,
                g.category,
                g.grade,
                str(g.units),
                str(g.fetched),
                str(g.fees),
                str(g.costs),
                str(g.net),
                str(g.expected) if g.expected_units else "",
            )
        out().print(table)
        off = report.off
        if off:
            _say(f"Expectations off in {len(off)} group(s): the engine's rates need tuning there.")
        else:
            _say("No group's expectations are off.")
        _learned(rv, as_login)


def _learned(rv: App, as_login: str | None) -> None:
    """The rates the value model learned from the sales, beside the configured ones."""
    from revalo.services import resale_learning

    n = rv.settings.resale_feedback_min_sales
    if n <= 0:
        _say(
            "The feedback is off (REVALO_RESALE_FEEDBACK_MIN_SALES=0): the configured rates "
            "hold everywhere."
        )
        return
    found = resale_learning.learned_rates(rv.read_uow(), by=acting(rv, as_login), min_sales=n)
    if not found:
        _say(f"No channel, category and grade has {n} sales yet: the configured rates hold "
             "everywhere.")  # fmt: skip
        return
    table = Table(title=f"Rates learned from {n} sales or more")
    for column in ("channel", "category", "grade", "units", "observed rate"):
        table.add_column(column)
    for column in ("configured rate", "change"):
        table.add_column(column)
    for r in found:
        change = f"{r.change * 100:+.1f} %" if r.change is not None else ""
        table.add_row(
            r.channel, r.category, r.grade, str(r.sales), str(r.observed),
            str(r.configured or ""), change,
        )  # fmt: skip
    out().print(table)


@channels_app.command("list")
def channels_list() -> None:
    """Every sales channel with its fees, payment terms and grades."""
    from revalo.services import resale

    with reported():
        found = resale.sales_channels()
        table = Table(title=f"{len(found)} channel(s)")
        for column in ("code", "name", "kind", "commission", "fixed fee EUR", "paid after days"):
            table.add_column(column)
        table.add_column("grades")
        for ch in found:
            table.add_row(
                ch.code,
                ch.name,
                ch.kind.value,
                f"{ch.fee_rate * 100:.1f} %",
                str(ch.fixed_fee_eur),
                str(ch.payment_days),
                ", ".join(f"{g}={ch.grade_name(g)}" for g in ch.grades_accepted),
            )
        out().print(table)


@channels_app.command("feed")
def channels_feed(
    channel: Annotated[str, typer.Argument(help="The channel's code, e.g. REFURB-MKT.")],
    file: Annotated[Path, typer.Argument(help="The file to write (.csv or .json).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write a channel's listed items as CSV or JSON (by the file's extension)."""
    from revalo.services import resale_feeds

    with reported():
        if file.suffix.lower() not in (".csv", ".json"):
            raise CliError(f"{file}: give a .csv or .json file", 2)
    with reported(), open_app(db, url) as rv:
        items = resale_feeds.channel_feed(rv.read_uow(), channel, by=acting(rv, as_login))
        code = channel.strip().upper()
        text = (
            resale_feeds.feed_csv(items)
            if file.suffix.lower() == ".csv"
            else resale_feeds.feed_json(code, items)
        )
        with replacing(file) as part:
            part.write_text(text, encoding="utf-8")
        _say(f"Wrote {len(items)} item(s) of {code} to {file}.")
