"""The capacity plan: sites' weekly hours per skill and storage places, channels' weekly
demand per product category as price steps."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from revalo.domain.capacity_plans import ChannelDemand, SiteCapacity
from revalo.domain.disposition_batches import DispositionBatch
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Storable, text

#: A plan file of the API: 1 MB of text.
MAX_PLAN_FILE = 1_000_000
Code = Annotated[str, text(40, min_length=1), Storable]


class CapacitySet(Input):
    site: Code = Field(description="the site's code")
    week: date = Field(description="the Monday of the week")
    hours: dict[Annotated[str, text(20, min_length=1)], float] = Field(
        default_factory=dict,
        description="hours of the week per skill: repair, refurbish, test (absent: no limit)",
    )
    storage_places: int | None = Field(default=None, ge=0, le=10_000_000)


class CapacityPublic(Public):
    site: str
    week: date
    version: int
    hours: dict[str, float]
    storage_places: int | None
    set_by: str
    set_at: datetime


def capacity_public(c: SiteCapacity) -> CapacityPublic:
    return CapacityPublic(
        site=c.site_code, week=c.week, version=c.version,
        hours={k.value: h for k, h in c.hours.items()}, storage_places=c.storage_places,
        set_by=c.set_by, set_at=c.set_at,
    )  # fmt: skip


class CapacitiesPublic(Public):
    data: list[CapacityPublic]
    count: int


class DemandStepBody(Input):
    units: int = Field(ge=0, le=10_000_000)
    rate: float = Field(gt=0, le=1, description="share of the channel's price, 0 to 1")


class DemandSet(Input):
    channel: Code
    category: Code
    week: date = Field(description="the Monday of the week")
    steps: list[DemandStepBody] = Field(min_length=1, max_length=6)


class DemandPublic(Public):
    channel: str
    category: str
    week: date
    version: int
    steps: list[DemandStepBody]
    volume: int
    set_by: str
    set_at: datetime


def demand_public(d: ChannelDemand) -> DemandPublic:
    return DemandPublic(
        channel=d.channel, category=d.category, week=d.week, version=d.version,
        steps=[DemandStepBody(units=s.units, rate=s.rate) for s in d.curve.steps],
        volume=d.curve.volume, set_by=d.set_by, set_at=d.set_at,
    )  # fmt: skip


class DemandsPublic(Public):
    data: list[DemandPublic]
    count: int


class PlanImportBody(Input):
    csv: Annotated[str, Field(min_length=1, max_length=MAX_PLAN_FILE)] = Field(
        description="the CSV text: kind,week,code,category,repair_hours,refurbish_hours,"
        "test_hours,storage_places,steps"
    )


class PlanImportPublic(Public):
    capacities: int
    demands: int


class OverrideIn(Input):
    """Another route than the plan's for one unit of the preview, and why."""

    lpn: Annotated[str, text(40, min_length=1)] = Field(description="the unit's LPN")
    route: Annotated[str, text(40, min_length=1)] = Field(description="the route chosen")
    destination: Code | None = Field(default=None, description="its destination site")
    channel: Code | None = Field(default=None, description="its resale channel")
    reason: Annotated[str, text(500, min_length=1)] = Field(description="why")


class BatchRequest(Input):
    """A preview (``date``, ``site``) or the commit of one (``preview_id``, with
    ``overrides``)."""

    date: dt.date | None = Field(default=None, description="the batch's day (a preview)")
    site: Code | None = Field(default=None, description="only the units at this site")
    preview_id: int | None = Field(
        default=None, ge=1, le=2**62, description="the preview to commit"
    )
    overrides: list[OverrideIn] = Field(
        default_factory=list, max_length=10_000, description="a commit's overrides"
    )


class PlannedPublic(Public):
    lpn: str
    route: str | None
    destination: str | None
    channel: str | None
    net_eur: float | None
    reason: str
    offered: list[tuple[str, float]]
    overridden_by: str | None


class BatchPublic(Public):
    id: int
    day: date
    site: str | None
    state: str
    made_by: str
    made_at: datetime
    committed_by: str | None
    committed_at: datetime | None
    figures: dict[str, object]
    plan: list[PlannedPublic]
    decided: int
    #: The units whose route or destination differs from the last committed plan that
    #: held them, and those new since.
    changes: list[dict[str, object]]


def batch_public(b: DispositionBatch, decided: int = 0) -> BatchPublic:
    assert b.id is not None
    return BatchPublic(
        id=b.id, day=b.day, site=b.site_code, state=b.state.value, made_by=b.made_by,
        made_at=b.made_at, committed_by=b.committed_by, committed_at=b.committed_at,
        figures=b.figures, plan=[PlannedPublic(**p.as_json()) for p in b.plan], decided=decided,
        changes=list(b.figures.get("changes", [])),
    )  # fmt: skip
