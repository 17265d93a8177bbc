"""What each kind of job does: the permission it needs, how its parameters are checked when
it is submitted, and its work on a worker (the same use cases the API and the CLI call,
with the job's result stored in the transaction that books their work)."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from revalo.domain.collection_plan import MAX_SEARCH_SECONDS, CollectionPlanRecord
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.jobs import Job, JobKind
from revalo.domain.people import Permission, User
from revalo.domain.units import UnitState
from revalo.domain.values import utcnow
from revalo.services.ports import UnitOfWork

if TYPE_CHECKING:
    from revalo.services.jobs import JobContext

#: A kind's check of its parameters: (parameters, input, longest plan search allowed).
Check = Callable[[Mapping[str, Any], str | None, float], dict[str, Any]]
#: Refusals listed in a failed import's reason, at most.
SHOWN_ERRORS = 20
#: Units held or refused listed in a batch's result, at most (the counts are all there).
LISTED_UNITS = 200


@dataclass(frozen=True)
class KindSpec:
    permission: Permission
    check: Check
    run: Callable[[Any, Job, Any], None]


def _allowed(params: Mapping[str, Any], names: set[str]) -> None:
    unknown = sorted(set(params) - names)
    if unknown:
        raise InvalidValue(
            f"unknown parameter(s) {', '.join(unknown)}: use {', '.join(sorted(names))}",
            field=unknown[0],
        )


def _number(params: Mapping[str, Any], name: str, default: float | None, high: float) -> Any:
    value = params.get(name, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= high:
        raise InvalidValue(f"{name} = {value!r} must be a number over 0 and at most {high:g}")
    return float(value)


def _text(params: Mapping[str, Any], name: str) -> str | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > 40:
        raise InvalidValue(f"{name} must be a code of at most 40 characters", field=name)
    return value.strip().upper()


def _user(uow: UnitOfWork, job: Job) -> User:
    """The job's owner as they are now: a person deactivated meanwhile has their jobs fail."""
    with uow.read_only() as reading:
        user = reading.users.by_login(job.submitted_by)
    if user is None:
        raise NotAllowed(f"user {job.submitted_by} no longer exists")
    return user


# -- a day's collection plan in a region -----------------------------------------------------
def check_plan(params: Mapping[str, Any], input: str | None, limit: float) -> dict[str, Any]:
    from revalo.services.collection_pickups import parse_region

    _allowed(params, {"date", "region", "seconds", "seed", "max_iterations"})
    try:
        day = date.fromisoformat(str(params.get("date", "")))
    except ValueError:
        raise InvalidValue("date must be a day, YYYY-MM-DD", field="date") from None
    seed = params.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InvalidValue(f"seed = {seed!r} must be a whole number, 0 or more", field="seed")
    seconds = params.get("seconds", 10.0)
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not 0 < seconds <= limit
    ):
        raise InvalidValue(
            f"seconds = {seconds} must be over 0 and at most {limit:g}, the longest search "
            "this server allows",
            field="seconds",
        )
    iterations = params.get("max_iterations")
    if iterations is not None and (
        isinstance(iterations, bool) or not isinstance(iterations, int) or iterations < 1
    ):
        raise InvalidValue(
            f"max_iterations = {iterations!r} must be a whole number, 1 or more",
            field="max_iterations",
        )
    return {
        "date": day.isoformat(),
        "region": ",".join(parse_region(str(params.get("region", "")))),
        "seconds": float(seconds),
        "seed": seed,
        "max_iterations": iterations,
    }


def plan_result(record: CollectionPlanRecord) -> dict[str, Any]:
    return {
        "plan_id": record.id,
        "reference": record.reference,
        "date": record.day.isoformat(),
        "region": record.region,
        "collected": record.collected,
        "deferred": record.deferred,
        "km": record.km,
        "cost_eur": str(record.cost),
        "co2e_kg": record.co2e_g / 1000,
    }


def run_plan(ctx: JobContext, job: Job, progress: Any) -> None:
    from revalo.services import collections

    p = job.parameters
    uow = ctx.uow()
    by = _user(uow, job)
    seconds = float(p["seconds"])
    with progress.ticking(0.05, 0.9, seconds, f"searching the plan ({seconds:g} s at most)"):
        collections.plan_collections(
            uow,
            ctx.transport(),
            by=by,
            day=date.fromisoformat(p["date"]),
            region=p["region"],
            seconds=seconds,
            seed=int(p["seed"]),
            max_iterations=p.get("max_iterations"),
            max_seconds=ctx.max_plan_seconds,
            on_store=lambda u, record: progress.store(u, plan_result(record)),
        )


# -- the disposition batch -------------------------------------------------------------------
def check_batch(params: Mapping[str, Any], input: str | None, limit: float) -> dict[str, Any]:
    _allowed(params, {"site", "time_limit_s", "preview"})
    preview = params.get("preview", False)
    if not isinstance(preview, bool):
        raise InvalidValue("preview must be true or false", field="preview")
    return {
        "site": _text(params, "site"),
        "time_limit_s": _number(params, "time_limit_s", None, MAX_SEARCH_SECONDS),
        "preview": preview,
    }


def preview_result(batch: Any) -> dict[str, Any]:
    """A previewed batch's figures: the manager commits it (or not) on the batch page."""
    figures = batch.figures
    return {
        "status": figures["status"],
        "batch_id": batch.id,
        "planned": sum(1 for d in batch.plan if d.route is not None),
        "held": sum(1 for d in batch.plan if d.route is None),
        "net_recovery_eur": figures["optimiser"]["net_recovery"],
        "regret_greedy_net_recovery_eur": figures["regret_greedy"]["net_recovery"],
        "greedy_net_recovery_eur": figures["greedy"]["net_recovery"],
        "hierarchy_first_net_recovery_eur": figures["hierarchy_first"]["net_recovery"],
        "gap": figures["gap"],
        "runtime_s": figures["runtime_s"],
    }


def batch_result(summary: Any) -> dict[str, Any]:
    return {
        "status": summary.status,
        "decided": len(summary.decided_lpns),
        "held": len(summary.held),
        "refused": len(summary.refused),
        "net_recovery_eur": round(summary.net_recovery, 2),
        "greedy_net_recovery_eur": round(summary.greedy_net_recovery, 2),
        "gap": summary.gap,
        "runtime_s": round(summary.runtime_s, 3),
        "held_units": summary.held[:LISTED_UNITS],
        "refused_units": [
            {"lpn": r.lpn, "reason": r.reason} for r in summary.refused[:LISTED_UNITS]
        ],
    }


def run_batch(ctx: JobContext, job: Job, progress: Any) -> None:
    from revalo.engines.disposition import load_params
    from revalo.services import deciding, disposition_batches

    p = job.parameters
    uow = ctx.uow()
    by = _user(uow, job)
    params = load_params()
    limit = p["time_limit_s"] or params.time_limit_s
    if p.get("preview"):
        with progress.ticking(0.05, 0.9, limit, f"planning the batch ({limit:g} s at most)"):
            disposition_batches.preview_batch(
                uow,
                by=by,
                day=utcnow().date(),
                site_code=p["site"],
                params=replace(params, time_limit_s=limit),
                transport=ctx.transport(),
                on_store=lambda u, batch: progress.store(u, preview_result(batch)),
                feedback_min_sales=ctx.feedback_min_sales,
            )
        return
    with progress.ticking(0.05, 0.9, limit, f"deciding the batch ({limit:g} s of search at most)"):
        deciding.decide_batch(
            uow,
            by=by,
            site_code=p["site"],
            time_limit_s=p["time_limit_s"],
            transport=ctx.transport(),
            on_store=lambda u, summary: progress.store(u, batch_result(summary)),
            feedback_min_sales=ctx.feedback_min_sales,
        )


# -- a big import of return requests ---------------------------------------------------------
def check_import(params: Mapping[str, Any], input: str | None, limit: float) -> dict[str, Any]:
    _allowed(params, {"dry_run"})
    if not input or not input.strip():
        raise InvalidValue("the import needs its CSV file: it is empty", field="file")
    dry = params.get("dry_run", False)
    if not isinstance(dry, bool):
        raise InvalidValue("dry_run must be true or false", field="dry_run")
    return {"dry_run": dry, "lines": input.count("\n") + (not input.endswith("\n"))}


def run_import(ctx: JobContext, job: Job, progress: Any) -> None:
    from revalo.services import imports

    assert job.input is not None
    uow = ctx.uow()
    by = _user(uow, job)
    rows = max(int(job.parameters["lines"]) - 1, 1)
    seen = [0]

    def checked_rows(n: int) -> None:
        seen[0] += n
        progress(0.5 * min(seen[0] / rows, 1.0), "checking the rows")

    checked = imports.check_returns(
        uow, job.input.splitlines(keepends=True), on_progress=checked_rows
    )
    if not checked.ok:
        shown = "; ".join(
            f"line {e.line}{f' {e.column}' if e.column else ''}: {e.message}"
            for e in checked.errors[:SHOWN_ERRORS]
        )
        more = len(checked.errors) - SHOWN_ERRORS
        raise InvalidValue(
            f"{len(checked.errors)} bad row(s), nothing was imported: {shown}"
            + (f"; and {more} more" if more > 0 else ""),
            field="file",
        )
    written = [0]
    total = max(len(checked.returns), 1)

    def wrote(n: int) -> None:
        written[0] += n
        progress(0.5 + 0.45 * written[0] / total, "importing the returns")

    dry = bool(job.parameters["dry_run"])
    summary = imports.import_returns(
        uow,
        ctx.policy,
        checked,
        by=by,
        dry_run=dry,
        on_progress=wrote,
        on_store=None if dry else (lambda u, s: progress.store(u, import_result(s, True))),
    )
    if dry:
        progress.finish(import_result(summary, False))


def import_result(summary: Any, committed: bool) -> dict[str, Any]:
    return {
        "returns": summary.returns,
        "lines": summary.lines,
        "units": summary.units,
        "by_state": {s.value: n for s, n in summary.by_state.items()},
        "first_return": summary.first_number,
        "last_return": summary.last_number,
        "committed": committed,
    }


# -- an export of units ----------------------------------------------------------------------
def check_export(params: Mapping[str, Any], input: str | None, limit: float) -> dict[str, Any]:
    _allowed(params, {"states", "site", "client"})
    states = params.get("states") or []
    if not isinstance(states, list):
        raise InvalidValue("states must be a list of unit states", field="states")
    try:
        parsed = sorted({UnitState(str(s).strip().lower()).value for s in states})
    except ValueError:
        valid = ", ".join(s.value for s in UnitState)
        raise InvalidValue(f"states: use unit states among {valid}", field="states") from None
    return {"states": parsed, "site": _text(params, "site"), "client": _text(params, "client")}


def run_export(ctx: Any, job: Job, progress: Any) -> None:
    from revalo.services import exports
    from revalo.services.ports import UnitFilter

    p = job.parameters
    uow = ctx.uow()
    by = _user(uow, job)
    flt = UnitFilter(
        states=frozenset(UnitState(s) for s in p["states"]),
        site_code=p["site"],
        client_code=p["client"],
    )
    sink = io.StringIO()
    n = exports.export_units(
        uow.read_only(),
        sink,
        flt,
        by=by,
        on_progress=lambda done, total: progress(0.95 * done / max(total, 1), "exporting units"),
    )
    progress.finish({"units": n}, sink.getvalue())


KINDS: dict[JobKind, KindSpec] = {
    JobKind.COLLECTION_PLAN: KindSpec(Permission.PLAN_COLLECTIONS, check_plan, run_plan),
    JobKind.DISPOSITION_BATCH: KindSpec(Permission.DECIDE_DISPOSITION, check_batch, run_batch),
    JobKind.RETURN_IMPORT: KindSpec(Permission.IMPORT_RETURNS, check_import, run_import),
    JobKind.UNIT_EXPORT: KindSpec(Permission.EXPORT_UNITS, check_export, run_export),
}
