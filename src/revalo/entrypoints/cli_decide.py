"""``revalo decide``: tonight's disposition batch — previewed (the optimiser's plan beside
the greedy, regret-greedy and hierarchy-first baselines), committed by its preview's id, or
both at once."""

from __future__ import annotations

from typing import Annotated, Any

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


def _figures(figures: dict[str, Any]) -> None:
    from revalo.entrypoints.cli_tables import Table

    table = Table(title=f"batch: {figures['status']}")
    for name in ("plan", "net recovery EUR", "objective", "held"):
        table.add_column(name)
    for name in ("optimiser", "regret_greedy", "greedy", "hierarchy_first"):
        f = figures[name]
        table.add_row(name, f"{f['net_recovery']:.2f}", f"{f['objective']:.2f}", str(f["held"]))
    out().print(table)
    for name, (used, limit) in figures["usage"].items():
        out().print(f"{name}: {used:g} / {limit:g}", markup=False)


def decide(
    day: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="The batch's day.")
    ] = None,
    site: Annotated[str | None, typer.Option(help="Only the units at this site.")] = None,
    preview: Annotated[
        bool, typer.Option("--preview", help="Preview only: decide nothing.")
    ] = False,
    commit: Annotated[
        int | None, typer.Option("--commit", metavar="ID", min=1, help="Commit this preview.")
    ] = None,
    override: Annotated[
        list[str] | None,
        typer.Option(
            "--override",
            metavar="LPN=ROUTE[@SITE][:CHANNEL]",
            help="Another route than the plan's for this unit (repeatable).",
        ),
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", help="Why the overrides (all of them).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Decide the day's graded units at once within the week's capacities and demand."""
    from revalo.domain.batch_overrides import parse_override
    from revalo.services import disposition_batches

    with reported():
        if override and preview:
            raise CliError("--override goes with a commit, not with --preview", 2)
        if override and not (reason or "").strip():
            raise CliError("--override needs --reason: why the plan is overridden", 2)
        overrides = [parse_override(o, reason or "") for o in override or []]
        if commit is not None and (preview or day is not None or site is not None):
            raise CliError("--commit ID takes no --date, --site or --preview", 2)
        if commit is None and day is None:
            raise CliError("give --date YYYY-MM-DD (or --commit ID)", 2)
        with open_app(db, url) as rv:
            user = acting(rv, as_login)
            if commit is None:
                assert day is not None
                made = disposition_batches.preview_batch(
                    rv.uow(),
                    by=user,
                    day=parse_day(day, "--date"),
                    site_code=site,
                    feedback_min_sales=rv.settings.resale_feedback_min_sales,
                )
                _figures(made.figures)
                out().print(f"preview {made.id}: {len(made.plan)} units", markup=False)
                if preview:
                    return
                commit = made.id
            assert commit is not None
            done = disposition_batches.commit_batch(rv.uow(), commit, by=user, overrides=overrides)
            out().print(f"batch {commit}: {len(done.decided)} decided", markup=False)
            if overrides:
                out().print(f"{len(overrides)} by override", markup=False)


def register(app: typer.Typer) -> None:
    app.command("decide")(decide)
