"""``revalo solve-cflp``: solve an OR-Library capacitated facility location instance (Beasley
1988) with the network engine, to check it against the published optima."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from revalo.domain.errors import DomainError
from revalo.entrypoints.cli_common import fail, out

if TYPE_CHECKING:
    from revalo.engines.network.cflp import CflpResult


def solve_cflp_command(
    file: Annotated[
        Path,
        typer.Argument(help="OR-Library capacitated instance (cap41.txt ...).", show_default=False),
    ],
    single_sourcing: Annotated[
        bool,
        typer.Option("--single-sourcing", help="Serve each customer from one site only."),
    ] = False,
    seconds: Annotated[
        float, typer.Option("--seconds", help="Time limit of the solver, in seconds.", min=0.01)
    ] = 60.0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result and the assignment as JSON.")
    ] = False,
) -> None:
    """Solve a capacitated facility location instance and print its cost and open sites."""
    from revalo.engines.network.cflp import read_cflp, solve_cflp

    try:
        instance = read_cflp(file)
    except DomainError as exc:
        fail(exc.message, 2)
    except OSError as exc:
        fail(f"{file}: {exc.strerror or exc}", 2)
    result = solve_cflp(instance, single_sourcing=single_sourcing, time_limit_s=seconds)
    if as_json:
        typer.echo(json.dumps(_as_dict(result)))
    else:
        _show(result)
    if result.status not in ("optimal", "feasible"):
        raise typer.Exit(1)


def _as_dict(r: CflpResult) -> dict[str, object]:
    plan = r.status in ("optimal", "feasible")
    return {
        "instance": r.instance,
        "sourcing": "single" if r.single_sourcing else "split",
        "status": r.status,
        "cost": round(r.cost, 6) if plan else None,
        "bound": round(r.bound, 6) if plan else None,
        "gap": r.gap if plan else None,
        "open_sites": [s + 1 for s in r.open_sites],
        "assignment": [int(s) + 1 if s >= 0 else None for s in r.assignment],
        "split_customers": r.split,
        "first_feasible_s": r.first_feasible_s,
        "seconds": r.runtime_s,
        "reason": r.reason,
    }


def _show(r: CflpResult) -> None:
    console = out()
    sourcing = "single sourcing" if r.single_sourcing else "split demand"
    if r.status not in ("optimal", "feasible"):
        console.print(
            f"{r.instance} ({sourcing}): {r.status}: {r.reason}", markup=False, soft_wrap=True
        )
        return
    proven = "proven optimal" if r.status == "optimal" else f"gap {100 * r.gap:.4f} %"
    console.print(
        f"{r.instance} ({sourcing}): cost {r.cost:.3f}, {proven} (bound {r.bound:.3f}), "
        f"{r.runtime_s:.2f} s",
        markup=False,
        soft_wrap=True,
    )
    console.print(
        f"open sites: {' '.join(str(s + 1) for s in r.open_sites)}", markup=False, soft_wrap=True
    )
    console.print(f"customers split between sites: {r.split}", markup=False, soft_wrap=True)
