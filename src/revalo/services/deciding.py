"""Deciding with the disposition engine: explain a unit's options, decide one unit, decide the
day's batch. Every decision goes through ``record_disposition``, so it creates the work
orders it implies and a manager can override it later with a reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from revalo.domain.disposition import DecidedBy
from revalo.domain.errors import DomainError, NotAllowed
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.engines.disposition import (
    DispositionParams,
    DispositionProblem,
    Option,
    UnitScore,
    build_tables,
    greedy_disposition,
    load_params,
    score_unit,
    solve_disposition,
    unit_value,
)
from revalo.services.common import get_unit, when
from revalo.services.decision_inputs import (
    DecisionInputs,
    GradedUnit,
    awaiting_decision,
    build_inputs,
    graded_unit,
    graded_units,
)
from revalo.services.disposition import DispositionOutcome, record_disposition
from revalo.services.guard import needs
from revalo.services.ports import BatchUnitOfWork, UnitOfWork
from revalo.services.transport import Transport


@dataclass(frozen=True, slots=True)
class Refusal:
    """A unit the engine assigned but the domain rules refused, and why."""

    lpn: str
    reason: str


@dataclass(frozen=True, slots=True)
class BatchDecision:
    """What a batch decided. ``held`` units had no capacity left on any open route: they
    wait for the next batch. ``greedy_*`` is the first-come-first-served baseline on the same
    input, for comparison; objectives count the CO2 price, the hierarchy preference and a
    penalty per held unit, net recoveries only EUR."""

    status: str
    objective: float
    net_recovery: float
    greedy_objective: float
    greedy_net_recovery: float
    decided: list[DispositionOutcome] = field(default_factory=list)
    #: The licence plate of each unit in ``decided``, in the same order.
    decided_lpns: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    #: Use of each limited resource ("repair at REP-FR", "repair hours at REP-FR", "sales on
    #: B2B-LOT": units, or hours): (used, limit).
    usage: dict[str, tuple[float, float]] = field(default_factory=dict)
    gap: float = 0.0
    runtime_s: float = 0.0


def _params(params: DispositionParams | None) -> DispositionParams:
    return params if params is not None else load_params()


def _inputs_for(
    uow: UnitOfWork,
    lpn: str,
    at: datetime,
    config: Path | None,
    transport: Transport | None,
    feedback_min_sales: int,
) -> DecisionInputs:
    with uow:
        unit = get_unit(uow, lpn)
        return build_inputs(
            uow,
            [graded_unit(uow, unit)],
            at=at,
            config=config,
            transport=transport,
            feedback_min_sales=feedback_min_sales,
        )


def explain_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    params: DispositionParams | None = None,
    at: datetime | None = None,
    config: Path | None = None,
    transport: Transport | None = None,
    feedback_min_sales: int = 0,
) -> UnitScore:
    """Every route open to a graded unit, best first with its breakdown, and the closed ones
    with the rule that closes them: the manager's explanation of a decision. Trips between
    sites are priced with carrier quotes (``transport``: the shipped carriers when None);
    ``feedback_min_sales``: as :func:`build_inputs` says."""
    inputs = _inputs_for(uow, lpn, when(at), config, transport, feedback_min_sales)
    return score_unit(inputs.problem, _params(params), 0)


def reason_for(problem: DispositionProblem, option: Option, net_eur: float) -> str:
    """A short human explanation of an engine decision: route, destination, net recovery."""
    return f"engine: {option.label(problem)}, expected net recovery {net_eur:.2f} EUR"


def _apply(
    uow: UnitOfWork,
    problem: DispositionProblem,
    option: Option,
    lpn: str,
    net_eur: float,
    by: User,
    at: datetime,
) -> DispositionOutcome:
    dest = option.destination
    return record_disposition(
        uow,
        lpn,
        route=option.route,
        by=by,
        reason=reason_for(problem, option, net_eur),
        destination_site=problem.sites[dest].site.code if dest is not None else None,
        decided_by=DecidedBy.ENGINE,
        at=at,
        channel=problem.channels[option.channel].code if option.channel is not None else None,
        expected_net=Decimal(f"{net_eur:.2f}"),
    )


@needs(Permission.DECIDE_DISPOSITION)
def decide_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    by: User,
    params: DispositionParams | None = None,
    at: datetime | None = None,
    config: Path | None = None,
    transport: Transport | None = None,
    feedback_min_sales: int = 0,
) -> DispositionOutcome:
    """Decide one graded unit: its best open option that the week's remaining capacity and
    demand still take, recorded as the engine's decision (``feedback_min_sales``: as
    :func:`build_inputs` says)."""
    t = when(at)
    p = _params(params)
    inputs = _inputs_for(uow, lpn, t, config, transport, feedback_min_sales)
    if score_unit(inputs.problem, p, 0).best is None:
        raise NotAllowed(f"no route is open to unit {lpn}: see its explanation")
    result = solve_disposition(inputs.problem, p)
    o = int(result.assignment[0])
    if o < 0:
        raise NotAllowed(
            f"no capacity is left this week on the routes open to unit {lpn}: it waits "
            "(see the capacity plan)"
        )
    option = result.options[o]
    net = unit_value(inputs.problem, p, option, 0).net
    return _apply(uow, inputs.problem, option, lpn, net, by, t)


def changed_since(uow: UnitOfWork, read: GradedUnit, unit: ReturnedUnit) -> str | None:
    """What changed for a unit since ``read`` was taken of it, or None (call inside an open
    unit of work): the engine's decision was made on what it read."""
    if unit.site_code != read.unit.site_code:
        return (
            f"unit {unit.lpn} moved from {read.unit.site_code} to {unit.site_code} while the "
            "batch was solved: it waits for the next batch"
        )
    latest = uow.inspections.latest(unit.id)
    if latest is None or latest.inspected_at != read.inspection.inspected_at:
        return (
            f"unit {unit.lpn} was graded again while the batch was solved: it waits for the "
            "next batch"
        )
    return None


@needs(Permission.DECIDE_DISPOSITION)
def decide_batch(
    uow: BatchUnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    params: DispositionParams | None = None,
    at: datetime | None = None,
    time_limit_s: float | None = None,
    config: Path | None = None,
    transport: Transport | None = None,
    on_store: Callable[[UnitOfWork, BatchDecision], None] | None = None,
    feedback_min_sales: int = 0,
) -> BatchDecision:
    """Decide every graded unit (at one site, if given) at once, within each site's daily
    capacity and each channel's volume, and record all decisions in one transaction.

    The units are read and the problem solved before the decisions are written. A unit
    refused then (its state, site or grade changed meanwhile, a rule the engine could not
    know) is reported in ``refused`` and the others are still recorded. ``on_store`` is
    called last in the batch's transaction (a job records its result there: the decisions
    and the job's result are kept together, or neither).
    """
    t = when(at)
    p = _params(params)
    if time_limit_s is not None:
        p = replace(p, time_limit_s=time_limit_s)
    # Read, then solve with no transaction open: the solve holds no lock.
    with uow.read_only() as reading:
        code = site_code.strip().upper() if site_code else None
        inputs = build_inputs(
            reading,
            graded_units(reading, code),
            at=t,
            config=config,
            transport=transport,
            feedback_min_sales=feedback_min_sales,
        )
    problem = inputs.problem
    tables = build_tables(problem, p)  # once, for the optimiser and the baseline
    result = solve_disposition(problem, p, tables=tables)
    greedy = greedy_disposition(problem, p, tables=tables)
    summary = BatchDecision(
        status=result.status,
        objective=result.objective,
        net_recovery=result.net_recovery,
        greedy_objective=greedy.objective,
        greedy_net_recovery=greedy.net_recovery,
        usage={
            name: (float(used), float(limit))
            for name, used, limit in zip(
                result.resources.names, result.usage, result.resources.limit, strict=True
            )
        },
        gap=result.gap,
        runtime_s=result.runtime_s,
    )
    with uow.batch(isolate_failures=True):
        for row, g in enumerate(inputs.units):
            o = int(result.assignment[row])
            if o < 0:
                summary.held.append(g.unit.lpn)
                continue
            option = result.options[o]
            try:
                with uow:
                    unit = get_unit(uow, g.unit.lpn)
                    why = awaiting_decision(unit) or changed_since(uow, g, unit)
                if why is not None:
                    raise NotAllowed(why)
                net = unit_value(problem, p, option, row).net
                summary.decided.append(_apply(uow, problem, option, g.unit.lpn, net, by, t))
                summary.decided_lpns.append(g.unit.lpn)
            except DomainError as exc:
                summary.refused.append(Refusal(g.unit.lpn, exc.message))
        if on_store is not None:
            with uow:
                on_store(uow, summary)
                uow.commit()
    return summary
