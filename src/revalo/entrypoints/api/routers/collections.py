"""Collections: plan a day's collections in a region, read the plan, draw it, commit it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.schemas.collections import (
    CollectionPlanCreate,
    CollectionPlanPublic,
    plan_public,
)
from revalo.services import collection_commit
from revalo.services import collections as service

router = APIRouter(prefix="/collections", tags=["collections"])

PlanPath = Annotated[
    str,
    Path(
        pattern=r"^(?i:COL)?\d{1,12}$",
        description="the plan's reference (COL00000012) or id (12)",
        examples=["COL00000001"],
    ),
]


def plan_number(value: str) -> int:
    return int(value.upper().removeprefix("COL"))


@router.post("/plans", dependencies=[need(Permission.PLAN_COLLECTIONS)], status_code=201)
def create_plan(
    body: CollectionPlanCreate, uow: UowDep, transport: TransportDep, app: AppDep, user: CurrentUser
) -> CollectionPlanPublic:
    """Plan the day's collections in the region: which authorised B2B and bulky returns to
    collect, with which vehicle of which hub, in which order; which wait and why; and which
    would be cheaper handed to a carrier. The plan is stored; nothing is booked.

    A search longer than the server's maximum (``REVALO_MAX_PLAN_SECONDS``) is refused
    with 422 naming it. The search holds no lock; a return it collects that is rejected,
    cancelled or booked meanwhile makes it refuse to store the plan (409: plan again)."""
    stored = service.plan_collections(
        uow,
        transport,
        day=body.date,
        region=body.region,
        seconds=body.seconds,
        seed=body.seed,
        max_seconds=app.settings.max_plan_seconds,
        by=user,
    )
    return plan_public(stored)


@router.get("/plans/{plan_id}", dependencies=[need(Permission.VIEW_COLLECTIONS)])
def get_plan(plan_id: PlanPath, uow: ReadUowDep) -> CollectionPlanPublic:
    """One stored plan: routes with their stops, arrival times and loads; the returns handed
    to a carrier or waiting, and why; each collection's share of km, cost and CO2e; collect
    or ship, and the decision for each pickup."""
    return plan_public(service.get_plan(uow, plan_number(plan_id)))


@router.post("/plans/{plan_id}/commit", dependencies=[need(Permission.COMMIT_COLLECTION_PLAN)])
def commit(
    plan_id: PlanPath, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> CollectionPlanPublic:
    """Carry out the plan: each collected return gets its consignment (the fleet vehicle,
    its share of the route) and goes in transit; each one handed to a carrier gets its
    parcel booked with that carrier. Only a planned, up-to-date plan."""
    done = collection_commit.commit_plan(uow, transport, plan_number(plan_id), by=user)
    return plan_public(done.plan)


@router.get(
    "/plans/{plan_id}/map.svg",
    dependencies=[need(Permission.VIEW_COLLECTIONS)],
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}, "description": "the plan as a map"}},
)
def plan_map(plan_id: PlanPath, uow: ReadUowDep) -> Response:
    """The plan drawn on the map: hubs, one colour per route, returns not collected in grey."""
    svg = service.plan_picture(uow, plan_number(plan_id))
    return Response(svg, media_type="image/svg+xml")
