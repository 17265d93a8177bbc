"""``revalo network route`` and ``revalo network routing``: adopt a plan's hub of each region
from a day on, and read the routing in force. The commands join ``revalo network``
(``cli_network.network_app``) when ``cli_network.register`` imports this module."""

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
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_network import network_app, read_scenario
from revalo.entrypoints.cli_tables import Table


@network_app.command("route")
def route(
    valid_from: Annotated[
        str, typer.Option("--from", help="The first day its returns follow it (YYYY-MM-DD).")
    ],
    scenario: Annotated[
        Path | None,
        typer.Option("--scenario", help="The scenario whose plan to adopt (default: today's)."),
    ] = None,
    weeks: Annotated[
        float, typer.Option("--weeks", help="Weeks of history, scaled to a year.")
    ] = 12.0,
    until: Annotated[
        str | None, typer.Option("--until", help="End of the history (YYYY-MM-DD; default today).")
    ] = None,
    seconds: Annotated[float, typer.Option("--seconds", help="Time limit of the solve.")] = 30.0,
    note: Annotated[str, typer.Option("--note", help="Why (default: the scenario's name).")] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Plan the scenario (or today's network) and adopt its hub of each region from the
    day given: the returns authorised from that day go there."""
    from revalo.services import routing
    from revalo.services.network_plan import compare_scenarios

    start = parse_day(valid_from, "--from")
    end = parse_day(until, "--until") if until else None
    chosen = [read_scenario(scenario)] if scenario is not None else []
    with reported(), open_app(db, url) as rv:
        user = acting(rv, as_login)
        found = compare_scenarios(
            rv.read_uow(), chosen, by=user, weeks=weeks, until=end, seconds=seconds
        )
        plan = found.plans[-1]
        if not plan.hub_of:
            reason = plan.reason or f"no returns came back in the {weeks:g} weeks of history"
            raise CliError(said(f"the plan {plan.name} routes no region: {reason}"), 1)
        made = routing.adopt_routing(
            rv.uow(), plan.hub_of.items(), valid_from=start, note=note or plan.name, by=user
        )
        out().print(
            said(f"Routing of {len(made.rules)} region(s) adopted from {start.isoformat()}."),
            markup=False,
        )


@network_app.command("routing")
def routing_list(
    day: Annotated[
        str | None, typer.Option("--day", help="The day (YYYY-MM-DD; default today).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The routing in force on the day: each region and its hub; then the routings adopted."""
    from revalo.services import routing

    asked = parse_day(day, "--day") if day else None
    with reported(), open_app(db, url) as rv:
        user = acting(rv, as_login)
        found = routing.routing_in_force(rv.read_uow(), by=user, day=asked)
        history, total = routing.routing_history(rv.read_uow(), by=user)
    if found is None:
        out().print(said("No routing is in force: every return goes to its nearest hub."))
    else:
        table = Table(title=f"Routing in force from {found.valid_from.isoformat()}")
        for column in ("region", "hub"):
            table.add_column(column)
        for region, hub in sorted(found.rules.items()):
            table.add_row(region, hub)
        out().print(table)
    if history:
        table = Table(title=f"{total} routing(s) adopted")
        for column in ("from", "regions", "adopted by", "note"):
            table.add_column(column)
        for s in history:
            r = s.routing
            table.add_row(r.valid_from.isoformat(), str(s.regions), r.adopted_by, r.note)
        out().print(table)
