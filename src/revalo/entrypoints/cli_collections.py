"""``revalo plan collections``: plan a day's collections in a region, show, draw, commit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from revalo.domain.errors import DomainError
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
from revalo.entrypoints.cli_tables import Table

if TYPE_CHECKING:
    from revalo.entrypoints.api.schemas.collections import CollectionPlanPublic, RoutePublic


def _stops(route: RoutePublic) -> str:
    lines = []
    for s in route.stops:
        what = f"{s.rma_number} ({s.customer})" if s.rma_number else f"unload at {s.hub}"
        lines.append(f"{s.arrival} {what}, {s.load_kg:,.1f} kg on board")
    return "\n".join(lines)


def _routes(plan: CollectionPlanPublic) -> Table:
    t = Table(title=f"Routes of {plan.reference}")
    for col in ("vehicle", "hub", "stops", "out-back", "hours", "km", "EUR", "kg CO2e"):
        t.add_column(col, justify="right" if col in {"hours", "km", "EUR", "kg CO2e"} else "left")
    for r in plan.routes:
        t.add_row(
            r.vehicle,
            r.start_hub,
            _stops(r),
            f"{r.departure}-{r.back}",
            f"{r.hours:.1f}",
            f"{r.km:,.1f}",
            f"{r.cost_eur:,.2f}",
            f"{r.co2e_kg:,.2f}",
        )
    return t


def _deferred(plan: CollectionPlanPublic) -> Table:
    t = Table(title="Not collected today: to a carrier, or waiting for another day")
    for col in ("return", "decision", "EUR a day", "why"):
        t.add_column(col, justify="right" if col == "EUR a day" else "left")
    for d in plan.deferred:
        t.add_row(d.rma_number, d.decision, f"{d.waiting_cost_eur:,.2f}", d.reason)
    return t


def _collect_or_ship(plan: CollectionPlanPublic) -> Table:
    t = Table(title="Collect or ship (marginal cost of collecting vs the best carrier alone)")
    for col in ("return", "decision", "collect EUR", "ship EUR", "carrier service", "cheaper"):
        t.add_column(col, justify="right" if col.endswith("EUR") else "left")
    for c in plan.collect_or_ship:
        t.add_row(
            c.rma_number,
            c.decision,
            "no vehicle" if c.collect_eur is None else f"{c.collect_eur:,.2f}",
            f"{c.ship_eur:,.2f}",
            c.ship_service or "-",
            c.cheaper.upper() if c.cheaper == "ship" else c.cheaper,
        )
    return t


def _show(plan: CollectionPlanPublic) -> None:
    console = out()
    console.print(
        f"[bold]{plan.reference}[/bold] {plan.day.isoformat()} {plan.region}: {plan.status}, "
        f"{plan.collected_count} collected, {len(plan.to_carrier)} to a carrier, "
        f"{len(plan.waiting)} waiting; "
        f"{plan.km:,.1f} km, {plan.cost:,.2f} EUR, {plan.co2e_kg:,.2f} kg CO2e "
        f"(search: {plan.solver_status}, {plan.seconds:g} s, seed {plan.seed})"
    )
    for message in plan.messages:
        console.print(f"note: {message}", markup=False)
    if plan.routes:
        console.print(_routes(plan))
    if plan.deferred:
        console.print(_deferred(plan))
    if plan.collect_or_ship:
        console.print(_collect_or_ship(plan))
    if plan.to_carrier:
        console.print(said(f"Handed to a carrier today: {', '.join(plan.to_carrier)}"))


def plan_collections_command(
    day: Annotated[
        str, typer.Option("--date", help="The day to plan (YYYY-MM-DD).", show_default=False)
    ],
    region: Annotated[
        str,
        typer.Option(help="ISO country codes of the region: FR or FR,BE.", show_default=False),
    ],
    seconds: Annotated[
        int,
        typer.Option(
            min=1,
            max=600,
            help="Time limit of the search, in seconds (at most REVALO_MAX_PLAN_SECONDS).",
        ),
    ] = 10,
    seed: Annotated[int, typer.Option(min=0, help="Seed of the search.")] = 0,
    commit: Annotated[
        bool,
        typer.Option(
            "--commit",
            help="Carry the plan out: book each collection and put its return in transit.",
        ),
    ] = False,
    svg: Annotated[
        Path | None,
        typer.Option("--svg", help="Write the plan as a map (SVG) to FILE.", dir_okay=False),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Plan a day's collections in a region: routes of the hubs' vehicles, returns that wait
    and why, and those cheaper handed to a carrier. The plan is stored; --commit books it."""
    from revalo.entrypoints.api.schemas.collections import plan_public
    from revalo.services import collection_commit
    from revalo.services import collections as service

    with reported():
        when = parse_day(day)
        if svg is not None and not svg.parent.is_dir():
            raise CliError(f"{svg.parent}: no such directory", 2)
        with open_app(db, url) as rv:
            stored = service.plan_collections(
                rv.uow(),
                rv.transport,
                by=acting(rv, as_login),
                day=when,
                region=region,
                seconds=seconds,
                seed=seed,
                max_seconds=rv.settings.max_plan_seconds,
            )
            booked, handed, refusal = 0, 0, None
            if commit:
                try:
                    done = collection_commit.commit_plan(
                        rv.uow(), rv.transport, stored.record.id, by=acting(rv, as_login)
                    )
                    stored, booked, handed = done.plan, len(done.consignments), len(done.handed)
                except DomainError as exc:
                    refusal = exc  # the plan is shown, then the refusal
            picture = service.plan_picture(rv.read_uow(), stored.record.id) if svg else None
        public = plan_public(stored)
        if svg is not None and picture is not None:
            svg.write_text(picture, encoding="utf-8")
        if as_json:
            typer.echo(public.model_dump_json(indent=2))
        else:
            _show(public)
            if booked or handed:
                out().print(
                    said(
                        f"Committed: {booked} collections booked, their returns in transit; "
                        f"{handed} handed to a carrier, their parcels booked."
                    )
                )
            if svg is not None:
                out().print(said(f"Wrote {svg}."))
        if refusal is not None:
            raise refusal
