"""``revalo worker`` (a Celery worker running the jobs) and ``revalo jobs ...``: follow
the jobs, cancel one, fire a scheduled run now."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from revalo.entrypoints.cli_common import (
    AsLogin,
    CliError,
    DayOption,
    DbPath,
    DbUrl,
    acting,
    open_app,
    out,
    parse_day,
    reported,
    settings_for,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

if TYPE_CHECKING:
    from revalo.domain.jobs import Job

jobs_app = typer.Typer(
    help="Jobs: plans, batches, imports and exports run by the workers.", no_args_is_help=True
)
JobId = Annotated[int, typer.Argument(help="The job's number (12 for JOB00000012).", min=1)]


def register(app: typer.Typer) -> None:
    app.add_typer(jobs_app, name="jobs")
    app.command("worker")(worker)


def worker(
    concurrency: Annotated[
        int, typer.Option(min=1, max=64, help="Jobs run at once (processes of the pool).")
    ] = 2,
    pool: Annotated[
        str, typer.Option(help="Celery's pool: prefork (processes), threads or solo.")
    ] = "prefork",
    beat: Annotated[
        bool,
        typer.Option("--beat", help="Also fire the scheduled runs (in one worker only)."),
    ] = False,
    schedule_file: Annotated[
        str | None,
        typer.Option(help="Where Celery beat keeps its last runs.", show_default=False),
    ] = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Run a Celery worker for the jobs, on the broker REVALO_BROKER_URL (RabbitMQ or
    Redis) and the queue REVALO_JOB_QUEUE; it finishes its jobs when stopped (Ctrl+C)."""
    with reported():
        if pool not in ("prefork", "threads", "solo"):
            raise CliError(f"--pool {pool!r}: use prefork, threads or solo", 2)
        settings = settings_for(db, url, must_exist=True)
        if not settings.jobs.broker_url:
            raise CliError(
                "no broker: set REVALO_BROKER_URL (amqp://... or redis://...); without one, "
                "`revalo serve` runs the jobs itself",
                2,
            )
        from revalo.entrypoints.worker import start_worker

        start_worker(
            settings, concurrency=concurrency, pool=pool, beat=beat, schedule_file=schedule_file
        )


def _table(jobs: list[Job]) -> Table:
    t = Table(title="Jobs")
    for col in ("job", "kind", "state", "progress", "submitted by", "submitted", "step"):
        t.add_column(col, justify="right" if col == "progress" else "left")
    for j in jobs:
        t.add_row(
            j.reference,
            j.kind.value,
            j.state.value,
            f"{j.progress * 100:.0f} %",
            j.submitted_by,
            j.submitted_at.strftime("%Y-%m-%d %H:%M"),
            j.error or j.step,
        )
    return t


@jobs_app.command("list")
def list_command(
    limit: Annotated[int, typer.Option(min=1, max=200, help="At most this many.")] = 50,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The last jobs, newest first: one's own, or everybody's for a flow manager."""
    from revalo.services import jobs

    with reported(), open_app(db, url) as rv:
        page = jobs.list_jobs(rv.read_uow(), by=acting(rv, as_login), limit=limit)
        out().print(_table(page.items))


@jobs_app.command("show")
def show_command(
    job_id: JobId,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """One job: its state, progress, result or reason, and its log."""
    from revalo.entrypoints.api.schemas.jobs import job_public
    from revalo.services import jobs

    with reported(), open_app(db, url) as rv:
        job = jobs.get_job(rv.read_uow(), job_id, by=acting(rv, as_login))
    if as_json:
        typer.echo(job_public(job).model_dump_json(indent=2))
        return
    console = out()
    console.print(_table([job]))
    if job.result is not None:
        console.print(json.dumps(job.result, indent=2, ensure_ascii=False), markup=False)
    for line in job.log:
        console.print(f"{line.at:%Y-%m-%d %H:%M:%S} {line.text}", markup=False)


@jobs_app.command("cancel")
def cancel_command(
    job_id: JobId, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None
) -> None:
    """Cancel a job: a queued one at once, a running one at its next step."""
    from revalo.services import jobs

    with reported(), open_app(db, url) as rv:
        job = jobs.cancel_job(rv.uow(), job_id, by=acting(rv, as_login))
    out().print(said(f"Job {job.reference} is {job.state.value}."))


@jobs_app.command("fire")
def fire_command(
    name: Annotated[str, typer.Argument(help="nightly_batch or collection_plans.")],
    day: DayOption = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Fire a scheduled run now (as REVALO_SCHEDULE_AS): it submits its jobs, once a day."""
    with reported(), open_app(db, url) as rv:
        if rv.settings.jobs.schedule_as is None:
            raise CliError("set REVALO_SCHEDULE_AS: the login the scheduled runs act as", 2)
        when = parse_day(day) if day else datetime.now(UTC).date()
        fired = rv.fire_schedule(name.strip().lower(), when)
        rv.jobs.drain()  # without a broker, the jobs run here: to their end
        with rv.read_uow() as uow:
            fired = [uow.jobs.get(j.id) or j for j in fired if j.id is not None]
        refs = ", ".join(f"{j.reference} ({j.state.value})" for j in fired) or "-"
        out().print(said(f"Fired {name} for {when.isoformat()}: {refs}."))
