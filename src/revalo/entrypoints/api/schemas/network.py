"""Network plans: scenarios in, today's network and the scenarios side by side out."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from pydantic import Field

from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.services.network_plan import NetworkComparison, PlanChange, ScenarioPlan


class NetworkPlanCreate(Input):
    scenarios: list[dict[str, Any]] = Field(
        default_factory=list,
        description="scenarios as in a scenario TOML file (docs/cli.md, `revalo network plan`)",
        examples=[[{"name": "Close HUB-BE", "sites": {"close": ["HUB-BE"]}}]],
    )
    weeks: float = Field(12.0, gt=0, le=520, description="weeks of history, scaled to a year")
    until: date | None = Field(None, description="end of the history (excluded); default today")
    seconds: float = Field(30.0, gt=0, le=300, description="time limit of each solve")
    suggest: bool = Field(
        False,
        description="add two scenarios: close the weakest hub, and open a repair centre in "
        "the country that sends the most units to repair",
    )


class SiteUsePublic(Public):
    code: str
    name: str
    activity: str
    units: float
    capacity: float | None
    utilisation: float | None


class ScenarioPlanPublic(Public):
    name: str
    description: str
    status: str
    reason: str
    units: float
    total_cost: float | None
    fixed_cost: float | None
    processing_cost: float | None
    transport_cost: float | None
    co2_cost: float | None
    gap: float | None
    cost_per_unit: float | None
    km_per_unit: float | None
    co2_kg_per_unit: float | None
    within_1_day: float | None
    within_2_days: float | None
    sites: list[SiteUsePublic]
    hub_of: dict[str, str]


class PlanChangePublic(Public):
    opened: list[str]
    closed: list[str]
    moved: list[tuple[str, str, str]]
    cost_delta: float
    why: str


class NetworkComparisonPublic(Public):
    start: date
    end: date
    weeks: float
    regions: int
    plans: list[ScenarioPlanPublic]
    changes: list[PlanChangePublic | None]


def _num(v: float) -> float | None:
    return None if not math.isfinite(v) else v


def _plan(p: ScenarioPlan) -> ScenarioPlanPublic:
    return ScenarioPlanPublic(
        name=p.name,
        description=p.description,
        status=p.status,
        reason=p.reason,
        units=p.units,
        total_cost=_num(p.total_cost),
        fixed_cost=_num(p.fixed_cost),
        processing_cost=_num(p.processing_cost),
        transport_cost=_num(p.transport_cost),
        co2_cost=_num(p.co2_cost),
        gap=_num(p.gap),
        cost_per_unit=_num(p.cost_per_unit),
        km_per_unit=_num(p.km_per_unit),
        co2_kg_per_unit=_num(p.co2_kg_per_unit),
        within_1_day=_num(p.within_1_day),
        within_2_days=_num(p.within_2_days),
        sites=[
            SiteUsePublic(
                code=u.code,
                name=u.name,
                activity=u.activity,
                units=u.units,
                capacity=_num(u.capacity),
                utilisation=u.utilisation,
            )
            for u in p.sites
        ],
        hub_of=p.hub_of,
    )


def _change(c: PlanChange | None) -> PlanChangePublic | None:
    if c is None:
        return None
    return PlanChangePublic(
        opened=list(c.opened),
        closed=list(c.closed),
        moved=list(c.moved),
        cost_delta=c.cost_delta,
        why=c.why,
    )


def comparison_public(c: NetworkComparison) -> NetworkComparisonPublic:
    return NetworkComparisonPublic(
        start=c.start,
        end=c.end,
        weeks=c.weeks,
        regions=c.regions,
        plans=[_plan(p) for p in c.plans],
        changes=[_change(ch) for ch in c.changes],
    )
