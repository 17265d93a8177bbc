"""Routings: the hub each region's returns are authorised to from a day on, adopted from a
network plan's scenario; the one in force and the ones before."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, status

from revalo.domain.people import Permission
from revalo.domain.routing import Routing
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.routing import (
    RoutingCreate,
    RoutingInForcePublic,
    RoutingPublic,
    RoutingsPublic,
)
from revalo.entrypoints.api.types import Limit, Offset
from revalo.services import routing as service

router = APIRouter(prefix="/network", tags=["network"])
Day = Annotated[date | None, Query(description="the day (default today)")]


def routing_public(r: Routing, regions: int | None = None) -> RoutingPublic:
    assert r.id is not None
    return RoutingPublic(
        id=r.id,
        valid_from=r.valid_from,
        note=r.note,
        adopted_by=r.adopted_by,
        adopted_at=r.adopted_at,
        regions=len(r.rules) if regions is None else regions,
        hub_of=dict(r.rules),
    )


@router.post(
    "/routing",
    dependencies=[need(Permission.SET_ROUTING)],
    status_code=status.HTTP_201_CREATED,
)
def adopt_routing(body: RoutingCreate, uow: UowDep, user: CurrentUser) -> RoutingPublic:
    """Adopt a routing from ``valid_from``: every return authorised from that day whose
    customer lives in a region it names goes to that region's hub (a returns hub); the
    other regions go to their nearest hub. The returns authorised already keep theirs."""
    made = service.adopt_routing(
        uow, body.hub_of.items(), valid_from=body.valid_from, note=body.note, by=user
    )
    return routing_public(made)


@router.get("/routing", dependencies=[need(Permission.PLAN_NETWORK)])
def routing_in_force(uow: ReadUowDep, user: CurrentUser, day: Day = None) -> RoutingInForcePublic:
    """The routing in force on ``day`` with the hub of every region it names."""
    found = service.routing_in_force(uow, by=user, day=day)
    shown = day or service.today()
    return RoutingInForcePublic(day=shown, routing=routing_public(found) if found else None)


@router.get("/routings", dependencies=[need(Permission.PLAN_NETWORK)])
def routing_history(
    uow: ReadUowDep, user: CurrentUser, limit: Limit = 20, offset: Offset = 0
) -> RoutingsPublic:
    """Every routing adopted, the latest first, with how many regions each names."""
    found, total = service.routing_history(uow, by=user, limit=limit, offset=offset)
    return RoutingsPublic(data=[routing_public(s.routing, s.regions) for s in found], count=total)
