"""Tonight's disposition batch in two steps: preview it (the optimiser's plan for the graded
units, with the greedy, regret-greedy and hierarchy-first baselines' figures on the same
units and limits, stored under an id), then commit that preview once. A preview whose
units changed since (moved, graded again, decided, or new ones graded) is refused: the plan
was made for what it read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from revalo.domain.disposition import DecidedBy, DispositionRoute
from revalo.domain.disposition_batches import BatchState, DispositionBatch, PlannedDecision
from revalo.domain.errors import Conflict, InvalidValue
from revalo.domain.people import Permission, User
from revalo.domain.values import utcnow
from revalo.engines.disposition import (
    DispositionParams,
    DispositionResult,
    build_tables,
    greedy_disposition,
    hierarchy_first_disposition,
    load_params,
    regret_greedy_disposition,
    solve_disposition,
    unit_value,
)
from revalo.services.common import found, get_site
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
) -> DispositionBatch:
    """The optimiser's plan for every graded unit (at one site, if given) within the week's
    remaining capacity and demand, beside the baselines on the same input; stored as a
    preview (nothing is decided)."""
    t = batch_time(day)
    p = params if params is not None else load_params(config)
    with uow.read_only() as reading:
        code = get_site(reading, site_code, "site").code if site_code else None
        units = graded_units(reading, code)
        inputs = build_inputs(reading, units, at=t, config=config, transport=transport)
    problem = inputs.problem
    tables = build_tables(problem, p)
    best = solve_disposition(problem, p, tables=tables)
    plan = []
    for row, g in enumerate(inputs.units):
        o = int(best.assignment[row])
        if o < 0:
            plan.append(PlannedDecision(g.unit.lpn, None, reason="no capacity left on its routes"))
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
        day, code, by.login, utcnow(), {g.unit.lpn: _read(g) for g in units}, plan, figures
    )
    with uow:
        uow.disposition_batches.add(batch)
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
def commit_batch(uow: BatchUnitOfWork, batch_id: int, *, by: User) -> CommittedBatch:
    """Record every decision of the preview, all in one transaction, once: a preview
    committed already, or whose units changed since, is refused (409) and nothing is
    written. Two commits of one preview at once: the second waits, then is refused."""
    decided: list[DispositionOutcome] = []
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
            changed = _stale(uow, batch)
            if changed:
                shown = ", ".join(changed[:10]) + (" ..." if len(changed) > 10 else "")
                raise Conflict(
                    f"{len(changed)} units changed since batch {batch_id} was previewed "
                    f"({shown}): preview again"
                )
        t = utcnow()
        for d in batch.plan:
            if d.route is None:
                continue
            decided.append(
                record_disposition(
                    uow, d.lpn, route=DispositionRoute(d.route), by=by, reason=d.reason,
                    destination_site=d.destination, decided_by=DecidedBy.ENGINE, at=t,
                    channel=d.channel, expected_net=Decimal(f"{d.net_eur:.2f}"),
                )
            )  # fmt: skip
        with uow:
            batch.state, batch.committed_by, batch.committed_at = BatchState.COMMITTED, by.login, t
            uow.disposition_batches.mark_committed(batch)
            uow.commit()
    return CommittedBatch(batch, decided)
