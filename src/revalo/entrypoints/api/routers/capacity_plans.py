"""The capacity plan the disposition engine decides within: sites' weekly hours per skill,
channels' weekly demand per product category as price steps; each change a new version."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from revalo.domain.demand_curves import parse_curve
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.capacity_plans import (
    CapacitiesPublic,
    CapacityPublic,
    CapacitySet,
    DemandPublic,
    DemandSet,
    DemandsPublic,
    PlanImportBody,
    PlanImportPublic,
    capacity_public,
    demand_public,
)
from revalo.entrypoints.api.types import Limit, Offset
from revalo.services import capacity_plans as service

router = APIRouter(tags=["disposition"])
Week = Annotated[date | None, Query(description="only this week (its Monday)")]
History = Annotated[bool, Query(description="every version, not only the latest")]


@router.get("/disposition/capacities", dependencies=[need(Permission.VIEW_DECISIONS)])
def capacities(
    uow: ReadUowDep,
    user: CurrentUser,
    week: Week = None,
    history: History = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> CapacitiesPublic:
    """Each site's week: hours per skill and storage places (the latest version, or all)."""
    found = service.list_plan(uow, by=user, week=week, history=history).capacities
    page = found[offset : offset + limit]
    return CapacitiesPublic(data=[capacity_public(c) for c in page], count=len(found))


@router.put("/disposition/capacities", dependencies=[need(Permission.PLAN_CAPACITIES)])
def set_capacity(body: CapacitySet, uow: UowDep, user: CurrentUser) -> CapacityPublic:
    """A new version of a site's week; the earlier ones are kept."""
    c = service.set_capacity(
        uow, site_code=body.site, week=body.week, hours=body.hours,
        storage_places=body.storage_places, by=user,
    )  # fmt: skip
    return capacity_public(c)


@router.post("/disposition/capacities/import", dependencies=[need(Permission.PLAN_CAPACITIES)])
def import_plan(body: PlanImportBody, uow: UowDep, user: CurrentUser) -> PlanImportPublic:
    """Sites' weeks and channels' demand from a CSV file: all of its lines, or none with
    every bad line named."""
    done = service.import_plan(uow, body.csv, by=user)
    return PlanImportPublic(capacities=done.capacities, demands=done.demands)


@router.get("/disposition/demand", dependencies=[need(Permission.VIEW_DECISIONS)])
def demand(
    uow: ReadUowDep,
    user: CurrentUser,
    week: Week = None,
    history: History = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> DemandsPublic:
    """Each channel's weekly demand per category, as price steps."""
    found = service.list_plan(uow, by=user, week=week, history=history).demands
    page = found[offset : offset + limit]
    return DemandsPublic(data=[demand_public(d) for d in page], count=len(found))


@router.put("/disposition/demand", dependencies=[need(Permission.PLAN_CAPACITIES)])
def set_demand(body: DemandSet, uow: UowDep, user: CurrentUser) -> DemandPublic:
    """A new version of what a channel absorbs of a category that week."""
    curve = parse_curve([(s.units, s.rate) for s in body.steps])
    d = service.set_demand(
        uow, channel=body.channel, category=body.category, week=body.week, steps=curve, by=user
    )
    return demand_public(d)
