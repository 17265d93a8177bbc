"""What a week has left of the capacity plan: each site's hours per skill less the work
orders already made that week, each channel's demand steps less the units already decided
for it (the first steps fill first)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta

from revalo.domain.capacity_plans import monday_of
from revalo.domain.demand_curves import DemandCurve
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition import ChannelSpec, DispositionParams, SiteSpec
from revalo.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class WeekLeft:
    """Hours left by site and skill, demand left by channel and category (a site, skill,
    channel or category absent: the plan sets no limit there)."""

    hours: dict[str, dict[WorkOrderKind, float]] = field(default_factory=dict)
    demand: dict[str, dict[str, DemandCurve]] = field(default_factory=dict)

    def site(self, spec: SiteSpec) -> SiteSpec:
        left = self.hours.get(spec.site.code)
        return replace(spec, hours={**spec.hours, **left}) if left else spec

    def channel(self, spec: ChannelSpec) -> ChannelSpec:
        left = self.demand.get(spec.code)
        return replace(spec, demand={**spec.demand, **left}) if left else spec


def work_hours(params: DispositionParams, kind: WorkOrderKind, category: str) -> float:
    """Hours one unit of the category takes of the work (the engine's minutes)."""
    return params.work_minutes.get(kind, 0.0) * params.category(category).labour_factor / 60


def week_left(
    uow: UnitOfWork, at: datetime, params: DispositionParams, *, less_booked: bool = True
) -> WeekLeft:
    """The plan of ``at``'s week less what that week has booked (all of the plan when not
    ``less_booked``; call inside an open unit of work)."""
    week = monday_of(at.astimezone(UTC).date())
    start = datetime.combine(week, time(), tzinfo=UTC)
    end = start + timedelta(days=7)
    plans = uow.capacity_plans
    hours: dict[str, dict[WorkOrderKind, float]] = {}
    caps = plans.capacities(week=week)
    if caps:
        booked: dict[tuple[str, WorkOrderKind], float] = {}
        for w in plans.work_booked(start, end) if less_booked else ():
            key = (w.site_code, w.kind)
            booked[key] = booked.get(key, 0.0) + w.count * work_hours(params, w.kind, w.category)
        for c in caps:
            hours[c.site_code] = {
                k: max(0.0, h - booked.get((c.site_code, k), 0.0)) for k, h in c.hours.items()
            }
    demand: dict[str, dict[str, DemandCurve]] = {}
    dems = plans.demands(week=week)
    if dems:
        sold = {
            (s.channel, s.category): s.count
            for s in (plans.sales_booked(start, end) if less_booked else ())
        }
        for d in dems:
            left = d.curve.after(sold.get((d.channel, d.category), 0))
            demand.setdefault(d.channel, {})[d.category] = left
    return WeekLeft(hours, demand)
