"""``revalo capacities``: the capacity plan the disposition engine decides within — a site's
weekly hours per skill and storage places, a channel's weekly demand per category as price
steps, listed with their versions, imported from a CSV file."""

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
    reported,
)

capacities_app = typer.Typer(
    help="The capacity plan: sites' weekly hours per skill, channels' weekly demand.",
    no_args_is_help=True,
)
Week = Annotated[str, typer.Argument(metavar="WEEK", help="The week's Monday, YYYY-MM-DD.")]
Hours = Annotated[float | None, typer.Option(min=0, help="Hours of the week.")]


@capacities_app.command("set")
def set_capacity(
    site: Annotated[str, typer.Argument(help="The site's code.")],
    week: Week,
    repair: Hours = None,
    refurbish: Hours = None,
    test: Hours = None,
    storage: Annotated[int | None, typer.Option(min=0, help="Storage places.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """A new version of the site's week: hours per skill (a skill not given is not
    limited) and storage places."""
    from revalo.services import capacity_plans

    given = {"repair": repair, "refurbish": refurbish, "test": test}
    hours = {k: v for k, v in given.items() if v is not None}
    with reported(), open_app(db, url) as rv:
        c = capacity_plans.set_capacity(
            rv.uow(), site_code=site, week=parse_day(week, "WEEK"), hours=hours,
            storage_places=storage, by=acting(rv, as_login),
        )  # fmt: skip
        shown = " ".join(f"{k.value}={h:g}" for k, h in c.hours.items())
        places = f" storage={c.storage_places}" if c.storage_places is not None else ""
        out().print(f"{c.site_code} {c.week} v{c.version}: {shown}{places}", markup=False)


@capacities_app.command("demand")
def set_demand(
    channel: Annotated[str, typer.Argument(help="The channel's code.")],
    category: Annotated[str, typer.Argument(help="The product category.")],
    week: Week,
    steps: Annotated[str, typer.Argument(help="Price steps: units@share, e.g. '40@1, 20@0.85'.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """A new version of what the channel absorbs of the category that week."""
    from revalo.services import capacity_plans

    with reported(), open_app(db, url) as rv:
        d = capacity_plans.set_demand(
            rv.uow(), channel=channel, category=category, week=parse_day(week, "WEEK"),
            steps=steps, by=acting(rv, as_login),
        )  # fmt: skip
        out().print(
            f"{d.channel} {d.category} {d.week} v{d.version}: {d.curve.text()}", markup=False
        )


@capacities_app.command("list")
def list_plan(
    week: Annotated[
        str | None, typer.Option("--week", metavar="YYYY-MM-DD", help="Only this week.")
    ] = None,
    history: Annotated[bool, typer.Option("--history", help="Every version.")] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The sites' weeks and the channels' demand (the latest versions, or all)."""
    from revalo.entrypoints.cli_tables import Table
    from revalo.services import capacity_plans

    with reported(), open_app(db, url) as rv:
        plan = capacity_plans.list_plan(
            rv.read_uow(), by=acting(rv, as_login), history=history,
            week=parse_day(week, "--week") if week else None,
        )  # fmt: skip
    sites = Table(title="capacities")
    for name in ("site", "week", "version", "repair", "refurbish", "test", "storage", "set by"):
        sites.add_column(name)
    for c in plan.capacities:
        hours = {k.value: f"{h:g}" for k, h in c.hours.items()}
        sites.add_row(
            c.site_code, c.week.isoformat(), str(c.version), hours.get("repair", ""),
            hours.get("refurbish", ""), hours.get("test", ""),
            "" if c.storage_places is None else str(c.storage_places), c.set_by,
        )  # fmt: skip
    demand = Table(title="demand")
    for name in ("channel", "category", "week", "version", "steps", "volume", "set by"):
        demand.add_column(name)
    for d in plan.demands:
        demand.add_row(
            d.channel, d.category, d.week.isoformat(), str(d.version), d.curve.text(),
            str(d.curve.volume), d.set_by,
        )  # fmt: skip
    out().print(sites)
    out().print(demand)


@capacities_app.command("import")
def import_plan(
    file: Annotated[Path, typer.Argument(help="The CSV file.", dir_okay=False)],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Sites' weeks and channels' demand from a CSV file: every line, or none with every
    bad line named."""
    from revalo.services import capacity_plans

    with reported():
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"{file}: {exc}", 2) from exc
        with open_app(db, url) as rv:
            done = capacity_plans.import_plan(rv.uow(), text, by=acting(rv, as_login))
        out().print(f"capacities {done.capacities}, demand {done.demands}", markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(capacities_app, name="capacities")
