"""The manager's cost targets: set (or replace) and remove one, and the figures of a period
against each target — the costs page and the dashboard show the missed ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from revalo.domain.cost_targets import (
    CostTarget,
    TargetMetric,
    TargetScope,
    new_target,
    parse_metric,
    parse_scope,
)
from revalo.domain.costs import CostRates, Flow
from revalo.domain.errors import NotFound
from revalo.domain.people import Permission, User
from revalo.domain.values import utcnow
from revalo.services.clients import client_filter
from revalo.services.common import get_site
from revalo.services.cost_ports import CostQuery, Grouped
from revalo.services.cost_rates import load_rates
from revalo.services.costs import choose_period
from revalo.services.dashboard import Period
from revalo.services.guard import needs, reads
from revalo.services.ports import UnitOfWork
from revalo.services.reports import Dwell
from revalo.services.retry import retried
from revalo.services.scoping import client_for


@needs(Permission.SET_COST_TARGETS)
@retried
def set_target(
    uow: UnitOfWork, *, metric: str, scope: str, code: str = "", value: Decimal | str, by: User
) -> CostTarget:
    """Set a target, or replace the value of the one of the same metric and scope; two
    managers setting it at once leave one target, with the value of the last."""
    m, s = parse_metric(metric), parse_scope(scope)
    target = new_target(m, s, code, value, by=by.login, at=utcnow())
    with uow:
        if s is TargetScope.SITE:
            target.code = get_site(uow, target.code, "code").code
        elif (
            s is TargetScope.CATEGORY
            and not uow.products.list(category=target.code, limit=1, offset=0).items
        ):
            raise NotFound(f"no product of category {target.code}", field="code")
        held = uow.cost_targets.get(m, s, target.code, lock=True)
        if held is not None:
            held.value, held.set_by, held.set_at = target.value, target.set_by, target.set_at
            target = held
        uow.cost_targets.put(target)
        uow.commit()
    return target


@needs(Permission.SET_COST_TARGETS)
def remove_target(uow: UnitOfWork, *, metric: str, scope: str, code: str = "", by: User) -> None:
    m, s = parse_metric(metric), parse_scope(scope)
    code = code.strip().upper() if s is TargetScope.SITE else code.strip().lower()
    with uow:
        held = uow.cost_targets.get(m, s, code, lock=True)
        if held is None:
            where = f"{s.value} {code}" if code else s.value
            raise NotFound(f"no target {m.value} for {where}", field="metric")
        uow.cost_targets.remove(held)
        uow.commit()


@dataclass(frozen=True, slots=True)
class TargetCheck:
    target: CostTarget
    #: The period's figure (None: nothing to measure in the period).
    actual: float | None

    @property
    def missed(self) -> bool:
        return self.target.missed(self.actual)


@dataclass(frozen=True, slots=True)
class TargetChecks:
    period: Period
    checks: list[TargetCheck]

    @property
    def missed(self) -> list[TargetCheck]:
        return [c for c in self.checks if c.missed]


def _figure(metric: TargetMetric, key: tuple[str, ...], g: Grouped, legs: Grouped) -> float | None:
    cost = sum(t.cents for t in g.totals if t.key == key and t.stage.flow is Flow.COST)
    if metric is TargetMetric.COST_PER_RETURN:
        n = g.returns.get(key, 0)
        return cost / 100 / n if n else None
    if metric is TargetMetric.KM_PER_UNIT:
        n = legs.units.get(key, 0)
        return legs.km.get(key, 0.0) / n if n else None
    value = g.value.get(key, 0)
    got = sum(t.cents for t in g.totals if t.key == key and t.stage.flow is Flow.RECOVERY)
    return got / value if value else None


@reads(Permission.VIEW_COSTS)
def check_targets(
    uow: UnitOfWork,
    *,
    by: User,
    first: date | None = None,
    last: date | None = None,
    days: int | None = None,
    client_code: str | None = None,
    rates: CostRates | None = None,
) -> TargetChecks:
    """Every target with the period's figure of its scope, and whether it is missed."""
    rates = rates or load_rates()
    client = client_for(by, client_code, Permission.VIEW_COSTS)
    with uow:
        client = client_filter(uow, client)
        period, as_of = choose_period(uow, first, last, days)
        targets = list(uow.cost_targets.list())
        checks: list[TargetCheck] = []
        cache: dict[tuple[str, ...], tuple[Grouped, Grouped]] = {}
        dwell = {d.site_code or "": d.median_days for d in _dwell(uow, client, as_of)}
        for t in targets:
            if t.metric is TargetMetric.DWELL_DAYS:
                checks.append(TargetCheck(t, dwell.get(t.code)))
                continue
            by_dim = () if t.scope is TargetScope.ALL else (t.scope.value,)
            if by_dim not in cache:
                span = (period.start, period.end, as_of, by_dim)
                q = CostQuery(*span, {}, client)
                legs = CostQuery(*span, {"stage": "transport"}, client)
                cache[by_dim] = (
                    uow.costs.grouped(rates, q, value=True),
                    uow.costs.grouped(rates, legs),
                )
            g, legs_g = cache[by_dim]
            key = (t.code,) if by_dim else ()
            checks.append(TargetCheck(t, _figure(t.metric, key, g, legs_g)))
        return TargetChecks(period, checks)


def _dwell(uow: UnitOfWork, client: str | None, as_of: datetime) -> list[Dwell]:
    r = uow.reports.for_client(client)
    return [*r.dwell_in_stock(as_of, by_site=True), *r.dwell_in_stock(as_of, by_site=False)]


@reads(Permission.VIEW_COSTS)
def list_targets(uow: UnitOfWork, *, by: User) -> list[CostTarget]:
    with uow:
        return list(uow.cost_targets.list())
