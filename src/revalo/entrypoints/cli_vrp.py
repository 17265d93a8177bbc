"""``revalo solve-vrp``: solve a public benchmark instance with the collection planner's solver.

Solomon VRPTW (``.txt``) and VRPLIB CVRP (``.vrp``) files; the cost follows the instance's
own convention (see ``revalo.engines.collection.instances``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from revalo.domain.errors import DomainError

if TYPE_CHECKING:
    from revalo.engines.collection.instances import InstanceResult


def _fail(message: str, code: int) -> typer.Exit:
    Console(stderr=True, highlight=False).print(f"error: {message}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def solve_vrp(
    file: Annotated[
        Path,
        typer.Argument(help="Solomon .txt or VRPLIB .vrp instance file.", show_default=False),
    ],
    seconds: Annotated[
        float, typer.Option("--seconds", help="Time limit of the search, in seconds.", min=0.01)
    ] = 10.0,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the search.")] = 0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result and its routes as JSON.")
    ] = False,
) -> None:
    """Solve a Solomon or VRPLIB instance and print its cost (and routes)."""
    from revalo.engines.collection.instances import solve_instance

    try:
        result = solve_instance(file, seconds, seed)
    except DomainError as exc:
        raise _fail(exc.message, 2) from None
    except OSError as exc:
        raise _fail(f"{file}: {exc.strerror or exc}", 2) from None
    if as_json:
        typer.echo(json.dumps(_as_dict(result)))
    else:
        _show(result)
    if not result.feasible:
        raise typer.Exit(1)


def _as_dict(result: InstanceResult) -> dict[str, object]:
    return {
        "instance": result.instance,
        "cost": round(result.cost, 6),
        "convention": result.convention,
        "routes": [list(r) for r in result.routes],
        "seconds": result.seconds,
        "seed": result.seed,
        "feasible": result.feasible,
    }


def _show(result: InstanceResult) -> None:
    out = Console(highlight=False)
    table = Table(title=f"{result.instance}: {len(result.routes)} routes", title_justify="left")
    table.add_column("route", justify="right")
    table.add_column("clients")
    for n, route in enumerate(result.routes, start=1):
        table.add_row(str(n), " ".join(map(str, route)))
    out.print(table)
    status = "feasible" if result.feasible else "NOT feasible"
    out.print(
        f"cost {result.cost:.2f} ({result.convention}), {status}, "
        f"{result.runtime_s:.1f} s, seed {result.seed}"
    )
