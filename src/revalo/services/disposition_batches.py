"""Tonight's disposition batch in two steps: preview it (the optimiser's plan for the graded
units, with the greedy, regret-greedy and hierarchy-first baselines' figures on the same
units and limits, stored under an id), then commit that preview once. A preview whose
units changed since (moved, graded again, decided, or new ones graded) is refused: the plan
was made for what it read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from revalo.domain.batch_overrides import BatchOverride, choice_text
from revalo.domain.disposition import DecidedBy, DispositionRoute
from revalo.domain.disposition_batches import BatchState, DispositionBatch, PlannedDecision
from revalo.domain.errors import Conflict, DomainError, InvalidValue
from revalo.domain.people import Permission, User
from revalo.domain.values import as_utc, utcnow
from revalo.engines.disposition import (
    DispositionParams,
    DispositionResult,
    build_tables,
    greedy_disposition,
    hierarchy_first_disposition,
    load_params,
    regret_greedy_disposition,
    score_batch,
    solve_disposition,
    unit_value,
)
from revalo.services.batch_changes import changes_since
from revalo.services.common import found, get_site, when
from revalo.services.deciding import reason_for
from revalo.services.decision_inputs import GradedUnit, build_inputs, graded_units
from revalo.services.disposition import DispositionOutcome, record_disposition
from revalo.services.guard import needs
from revalo.services.ports import BatchUnitOfWork, UnitOfWork
from revalo.services.transport import Transport


def batch_time(day: date, now: datetime | None = None) -> datetime:
    """When the batch of ``day`` decides: now on the day itself, the day's end for a day
    past; a day to come is refused (its units are not graded yet)."""
    now = now or utcnow()
    today = now.astimezone(UTC).date()
    if day > today:
        raise InvalidValue(
            f"the batch of {day.isoformat()} cannot be decided before that day", field="date"
        )
    if day == today:
        return now
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def _read(g: GradedUnit) -> str:
    return f"{g.unit.site_code}|{g.inspection.inspected_at.isoformat()}"


#: The routes offered for a unit on the pages: its best few open ones.
OFFERED = 8


def _offered(problem: Any, net: Any, row: int, options: Any) -> tuple[tuple[str, float], ...]:
    """The open routes of unit ``row`` (``ROUTE[@SITE][:CHANNEL]``), best net first."""
    best: dict[str, float] = {}
    for o in net[row].argsort()[::-1].tolist():
        value = float(net[row, o])
        if value == float("-inf"):
            break
        option = options[o]
        key = choice_text(
            option.route.value,
            problem.sites[option.destination].site.code if option.destination is not None else None,
            problem.channels[option.channel].code if option.channel is not None else None,
        )
        best.setdefault(key, value)
        if len(best) >= OFFERED:
            break
    return tuple((k, round(v, 2)) for k, v in best.items())


def _figures(result: DispositionResult) -> dict[str, float]:
    return {
        "net_recovery": round(result.net_recovery, 2),
        "objective": round(result.objective, 2),
        "held": result.held,
    }


@needs(Permission.DECIDE_DISPOSITION)
def preview_batch(
    uow: BatchUnitOfWork,
    *,
    by: User,
    day: date,
    site_code: str | None = None,
    params: DispositionParams | None = None,
    config: Path | None = None,
    transport: Transport | None = None,
    at: datetime | None = None,
    on_store: Callable[[UnitOfWork, DispositionBatch], None] | None = None,
    feedback_min_sales: int = 0,
) -> DispositionBatch:
    """The optimiser's plan for every graded unit (at one site, if given) within the week's
    remaining capacity and demand, beside the baselines on the same input; stored as a
    preview (nothing is decided). ``at``: when the batch decides (by default as
    :func:`batch_time` says for ``day``). ``on_store`` is called in the transaction that
    stores the preview (a job keeps its result there: both, or neither).
    ``feedback_min_sales``: the observed prices in the value model, as
    :func:`~revalo.services.decision_inputs.build_inputs` says."""
    t = batch_time(day) if at is None else as_utc(at)
    p = params if params is not None else load_params(config)
    with uow.read_only() as reading:
        code = get_site(reading, site_code, "site").code if site_code else None
        units = graded_units(reading, code)
        inputs = build_inputs(
            reading,
            units,
            at=t,
            config=config,
            transport=transport,
            feedback_min_sales=feedback_min_sales,
        )
    problem = inputs.problem
    tables = build_tables(problem, p)
    best = solve_disposition(problem, p, tables=tables)
    net_of = score_batch(problem, p, tables).net
    plan = []
    for row, g in enumerate(inputs.units):
        o = int(best.assignment[row])
        offered = _offered(problem, net_of, row, tables.options)
        if o < 0:
            plan.append(
                PlannedDecision(
                    g.unit.lpn, None, reason="no capacity left on its routes", offered=offered
                )
            )
            continue
        option = best.options[o]
        net = unit_value(problem, p, option, row).net
        plan.append(
            PlannedDecision(
                g.unit.lpn,
                option.route.value,
                problem.sites[option.destination].site.code
                if option.destination is not None
                else None,
                problem.channels[option.channel].code if option.channel is not None else None,
                round(net, 2),
                reason_for(problem, option, net),
                offered,
            )
        )
    figures: dict[str, Any] = {
        "status": best.status,
        "gap": best.gap if best.gap != float("inf") else None,
        "optimiser": _figures(best),
        "regret_greedy": _figures(regret_greedy_disposition(problem, p, tables=tables)),
        "greedy": _figures(greedy_disposition(problem, p, tables=tables)),
        "hierarchy_first": _figures(hierarchy_first_disposition(problem, p, tables=tables)),
        "usage": {
            name: [round(float(used), 2), round(float(limit), 2)]
            for name, used, limit in zip(
                best.resources.names, best.usage, best.resources.limit, strict=True
            )
        },
        "runtime_s": round(best.runtime_s, 3),
    }
    batch = DispositionBatch(
        day, code, by.login, when(at), {g.unit.lpn: _read(g) for g in units}, plan, figures
    )
    with uow:
        batch.figures["changes"] = changes_since(uow, plan)
        uow.disposition_batches.add(batch)
        if on_store is not None:
            on_store(uow, batch)
        uow.commit()
    return batch


@dataclass(frozen=True, slots=True)
class CommittedBatch:
    batch: DispositionBatch
    decided: list[DispositionOutcome]


def _stale(uow: UnitOfWork, batch: DispositionBatch) -> list[str]:
    now = {g.unit.lpn: _read(g) for g in graded_units(uow, batch.site_code)}
    return sorted(
        lpn for lpn in set(now) | set(batch.units_read) if now.get(lpn) != batch.units_read.get(lpn)
    )


@needs(Permission.DECIDE_DISPOSITION)
def commit_batch(
    uow: BatchUnitOfWork,
    batch_id: int,
    *,
    by: User,
    overrides: Sequence[BatchOverride] = (),
    at: datetime | None = None,
) -> CommittedBatch:
    """Record every decision of the preview, all in one transaction, once: a preview
    committed already, or whose units changed since, is refused (409) and nothing is
    written. Two commits of one preview at once: the second waits, then is refused.

    ``overrides`` put another route than the plan's on some of its units, with the
    person's reason: each is checked as a manual decision is and recorded as the person's
    (decided by the manager); one refused refuses the whole commit, naming its unit.
    ``at``: when the decisions are recorded (now by default)."""
    decided: list[DispositionOutcome] = []
    chosen = _overrides(overrides)
    with uow.batch(isolate_failures=False):
        with uow:
            batch = found(
                uow.disposition_batches.get(batch_id, lock=True),
                f"no disposition batch {batch_id}",
                "batch_id",
            )
            if batch.state is BatchState.COMMITTED:
                raise Conflict(
                    f"batch {batch_id} was committed already, by {batch.committed_by}: preview "
                    "a new one"
                )
            planned = {d.lpn for d in batch.plan}
            outside = sorted(lpn for lpn in chosen if lpn not in planned)
            if outside:
                raise InvalidValue(
                    f"override of {outside[0]}: the unit is not in batch {batch_id}",
                    field="overrides",
                )
            changed = _stale(uow, batch)
            if changed:
                shown = ", ".join(changed[:10]) + (" ..." if len(changed) > 10 else "")
                raise Conflict(
                    f"{len(changed)} units changed since batch {batch_id} was previewed "
                    f"({shown}): preview again"
                )
        t = when(at)
        plan: list[PlannedDecision] = []
        for d in batch.plan:
            mine = chosen.get(d.lpn)
            if mine is not None:
                decided.append(_override(uow, d, mine, by=by, at=t))
                plan.append(_as_planned(d, mine, by))
                continue
            plan.append(d)
            if d.route is None:
                continue
            decided.append(
                record_disposition(
                    uow, d.lpn, route=DispositionRoute(d.route), by=by, reason=d.reason,
                    destination_site=d.destination, decided_by=DecidedBy.ENGINE, at=t,
                    channel=d.channel, expected_net=Decimal(f"{d.net_eur or 0:.2f}"),
                )
            )  # fmt: skip
        with uow:
            batch.state, batch.committed_by, batch.committed_at = BatchState.COMMITTED, by.login, t
            batch.plan = plan
            uow.disposition_batches.mark_committed(batch)
            uow.commit()
    return CommittedBatch(batch, decided)


def _overrides(overrides: Sequence[BatchOverride]) -> dict[str, BatchOverride]:
    chosen: dict[str, BatchOverride] = {}
    for o in overrides:
        if o.lpn in chosen:
            raise InvalidValue(
                f"override of {o.lpn}: the unit is overridden twice", field="overrides"
            )
        if not o.reason.strip():
            raise InvalidValue(f"the override of {o.lpn} needs a reason", field="reason")
        chosen[o.lpn] = o
    return chosen


def _net(d: PlannedDecision, o: BatchOverride) -> float | None:
    """The engine's net recovery for the person's choice, when it offered that route."""
    return dict(d.offered).get(o.choice)


def _override(
    uow: UnitOfWork, d: PlannedDecision, o: BatchOverride, *, by: User, at: datetime
) -> DispositionOutcome:
    """The person's decision for one unit, by the manual path; a refusal names the unit."""
    net = _net(d, o)
    try:
        return record_disposition(
            uow, o.lpn, route=o.route, by=by, reason=o.reason, destination_site=o.destination,
            decided_by=DecidedBy.MANAGER, at=at, channel=o.channel,
            expected_net=Decimal(f"{net:.2f}") if net is not None else None,
        )  # fmt: skip
    except DomainError as exc:
        exc.message = f"override of {o.lpn} ({o.choice}): {exc.message}"
        exc.args = (exc.message,)
        raise


def _as_planned(d: PlannedDecision, o: BatchOverride, by: User) -> PlannedDecision:
    return PlannedDecision(
        d.lpn, o.route.value, o.destination, o.channel, _net(d, o), o.reason, d.offered, by.login
    )
