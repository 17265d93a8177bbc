"""``revalo network plan``: today's network and scenarios (TOML files) side by side."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

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
from revalo.entrypoints.cli_messages import language

if TYPE_CHECKING:
    from revalo.domain.network_scenario import Scenario
    from revalo.services.network_plan import NetworkComparison

network_app = typer.Typer(
    help="The network: which sites to open, where returns go.", no_args_is_help=True
)

LABELS = {
    "en": {
        "title": "Network plan: demand of {start} to {end} ({weeks:g} weeks) scaled to a "
        "year, {regions} regions",
        "status": "status",
        "units": "units a year",
        "total": "total cost (EUR)",
        "per_unit": "cost per unit (EUR)",
        "km": "km per unit",
        "co2": "kg CO2e per unit",
        "day1": "within 1 day",
        "day2": "within 2 days",
        "sites": "sites open",
        "changes": "changes from today's network",
        "opened": "opens",
        "closed": "closes",
        "moved": "regions moving hub",
        "why": "why",
        "use": "utilisation",
        "today": "Today's network",
    },
    "fr": {
        "title": "Plan du réseau : demande du {start} au {end} ({weeks:g} semaines) "
        "ramenée à l'année, {regions} régions",
        "status": "statut",
        "units": "unités par an",
        "total": "coût total (EUR)",
        "per_unit": "coût par unité (EUR)",
        "km": "km par unité",
        "co2": "kg CO2e par unité",
        "day1": "à 1 jour",
        "day2": "à 2 jours",
        "sites": "sites ouverts",
        "changes": "changements par rapport au réseau actuel",
        "opened": "ouvre",
        "closed": "ferme",
        "moved": "régions changeant de hub",
        "why": "pourquoi",
        "use": "utilisation",
        "today": "Réseau actuel",
    },
}


def register(app: typer.Typer) -> None:
    from revalo.entrypoints import cli_routing  # noqa: F401  (its commands join network_app)

    app.add_typer(network_app, name="network")


def read_scenario(path: Path) -> Scenario:
    from revalo.domain.errors import DomainError
    from revalo.domain.network_scenario import parse_scenario

    if not path.is_file():
        raise CliError(f"{path}: no such file", 2)
    try:
        return parse_scenario(tomllib.loads(path.read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError as exc:
        raise CliError(f"{path}: not a TOML document ({exc})", 2) from None
    except DomainError as exc:
        raise CliError(f"{path}: {exc.message}", 2) from None


@network_app.command("plan")
def plan(
    scenario: Annotated[
        list[Path] | None,
        typer.Option(
            "--scenario", help="A scenario TOML file (repeat for several).", show_default=False
        ),
    ] = None,
    weeks: Annotated[
        float, typer.Option("--weeks", help="Weeks of history, scaled to a year.")
    ] = 12.0,
    until: Annotated[
        str | None, typer.Option("--until", help="End of the history (YYYY-MM-DD; default today).")
    ] = None,
    demand: Annotated[
        Path | None, typer.Option("--demand", help="Demand from a CSV instead of the history.")
    ] = None,
    seconds: Annotated[
        float, typer.Option("--seconds", help="Time limit of each solve.", min=0.1)
    ] = 30.0,
    suggest: Annotated[
        bool,
        typer.Option(
            "--suggested",
            help="Add two scenarios: close the weakest hub; open a repair centre where "
            "repairs come from.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Solve today's network and each scenario; print them side by side and what changes."""
    from revalo.domain.errors import DomainError
    from revalo.services.network_build import parse_demand_csv
    from revalo.services.network_plan import compare_scenarios

    scenarios = [read_scenario(p) for p in scenario or []]
    day = parse_day(until, "--until") if until else None
    regions = None
    if demand is not None:
        if not demand.is_file():
            raise CliError(f"{demand}: no such file", 2)
        try:
            regions = parse_demand_csv(demand.read_text(encoding="utf-8-sig"))
        except DomainError as exc:
            raise CliError(f"{demand}: {exc.message}", 2) from None
    with reported(), open_app(db, url) as rv:
        found = compare_scenarios(
            rv.read_uow(),
            scenarios,
            by=acting(rv, as_login),
            weeks=weeks,
            until=day,
            demand=regions,
            seconds=seconds,
            suggest=suggest,
        )
    if as_json:
        typer.echo(json.dumps(as_dict(found)))
    else:
        show(found)


def as_dict(c: NetworkComparison) -> dict[str, object]:
    from dataclasses import asdict

    def clean(v: object) -> object:
        if isinstance(v, float) and v != v:
            return None
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [clean(x) for x in v]
        return v

    return {
        "start": c.start.isoformat(),
        "end": c.end.isoformat(),
        "weeks": c.weeks,
        "regions": c.regions,
        "plans": [clean(asdict(p)) for p in c.plans],
        "changes": [None if ch is None else clean(asdict(ch)) for ch in c.changes],
    }


def show(c: NetworkComparison) -> None:
    w = LABELS[language(os.environ)]
    console = out()
    table = Table(
        title=w["title"].format(start=c.start, end=c.end, weeks=c.weeks, regions=c.regions),
        title_justify="left",
    )
    table.add_column("")
    for n, p in enumerate(c.plans):
        table.add_column(w["today"] if n == 0 else p.name, justify="right")

    def row(label: str, values: list[str]) -> None:
        table.add_row(w[label], *values)

    def num(v: float, fmt: str) -> str:
        return "-" if v != v else format(v, fmt)

    row("status", [p.status for p in c.plans])
    row("units", [num(p.units, ",.0f") for p in c.plans])
    row("total", [num(p.total_cost, ",.0f") for p in c.plans])
    row("per_unit", [num(p.cost_per_unit, ",.2f") for p in c.plans])
    row("km", [num(p.km_per_unit, ",.0f") for p in c.plans])
    row("co2", [num(p.co2_kg_per_unit, ",.2f") for p in c.plans])
    row("day1", [num(100 * p.within_1_day, ".0f") + " %" for p in c.plans])
    row("day2", [num(100 * p.within_2_days, ".0f") + " %" for p in c.plans])
    row(
        "sites",
        [
            "\n".join(f"{u.code} {_use(u.utilisation)}" for u in p.sites if u.units > 0.5)
            for p in c.plans
        ],
    )
    console.print(table)
    for p, ch in zip(c.plans, c.changes, strict=True):
        if p.reason:
            console.print(f"{p.name}: {p.reason}", markup=False, soft_wrap=True)
        if ch is None:
            continue
        console.print(
            f"{p.name} — {w['changes']}: {ch.cost_delta:+,.0f} EUR ({w['why']}: {ch.why})",
            markup=False,
            soft_wrap=True,
        )
        if ch.opened:
            console.print(f"  {w['opened']}: {', '.join(ch.opened)}", markup=False, soft_wrap=True)
        if ch.closed:
            console.print(f"  {w['closed']}: {', '.join(ch.closed)}", markup=False, soft_wrap=True)
        if ch.moved:
            moved = "; ".join(f"{r}: {a} -> {b}" for r, a, b in ch.moved[:12])
            more = f" (+{len(ch.moved) - 12})" if len(ch.moved) > 12 else ""
            console.print(
                f"  {w['moved']} ({len(ch.moved)}): {moved}{more}", markup=False, soft_wrap=True
            )


def _use(u: float | None) -> str:
    return "" if u is None else f"{100 * u:.0f} %"


def what_if_lines(c: NetworkComparison) -> list[str]:
    """Today's network and each scenario in a sentence each (English; ``said`` writes them
    in the reader's language): what it costs a year, and what a scenario changes and why."""
    today, *others = c.plans
    if today.status not in ("optimal", "feasible"):
        return [f"Network what-if: today's network has no plan ({today.reason})"]
    lines = [
        f"Network what-if on {c.weeks:g} weeks of returns scaled to a year ({c.regions:,} "
        f"regions): today's network costs {today.total_cost:,.0f} EUR a year, "
        f"{today.cost_per_unit:,.2f} EUR a unit."
    ]
    for plan, change in zip(others, c.changes[1:], strict=True):
        if change is None:
            lines.append(f"{plan.name}: no plan ({plan.reason})")
            continue
        lines.append(
            f"{plan.name}: {change.cost_delta:+,.0f} EUR a year ({change.why}); "
            f"{len(change.moved):,} region(s) move hub."
        )
    return lines
