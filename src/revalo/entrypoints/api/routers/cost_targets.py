"""The manager's cost targets: set, remove, and the period's figures against them."""

from __future__ import annotations

from fastapi import APIRouter, status

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.routers.costs import Days, First, Last
from revalo.entrypoints.api.schemas.costs import (
    CostTargetPublic,
    CostTargetRemove,
    CostTargetSet,
    CostTargetsPublic,
    target_public,
)
from revalo.entrypoints.api.types import ClientCodeQuery, Limit, Offset
from revalo.services import cost_targets as service

router = APIRouter(tags=["costs"])


@router.get("/costs/targets", dependencies=[need(Permission.VIEW_COSTS)])
def targets(
    uow: ReadUowDep,
    user: CurrentUser,
    first: First = None,
    last: Last = None,
    days: Days = None,
    client_code: ClientCodeQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> CostTargetsPublic:
    """Every target with the period's figure of its scope (``actual``) and whether it is
    ``missed``: cost per return and km per unit above, days in stock above (the median of
    the units there now), share recovered below."""
    found = service.check_targets(
        uow, by=user, first=first, last=last, days=days,
        client_code=client_code.strip().upper() if client_code else None,
    )  # fmt: skip
    return CostTargetsPublic(
        first_day=found.period.first_day,
        last_day=found.period.last_day,
        data=[target_public(c.target, c.actual) for c in found.checks[offset : offset + limit]],
        count=len(found.checks),
        missed=len(found.missed),
    )


@router.post(
    "/costs/targets",
    dependencies=[need(Permission.SET_COST_TARGETS)],
    status_code=status.HTTP_201_CREATED,
)
def set_target(body: CostTargetSet, uow: UowDep, user: CurrentUser) -> CostTargetPublic:
    """Set a target, or replace the value of the one of the same metric and scope."""
    t = service.set_target(
        uow, metric=body.metric, scope=body.scope, code=body.code, value=body.value, by=user
    )
    return target_public(t)


@router.post(
    "/costs/targets/remove",
    dependencies=[need(Permission.SET_COST_TARGETS)],
    status_code=status.HTTP_204_NO_CONTENT,
)
def remove_target(body: CostTargetRemove, uow: UowDep, user: CurrentUser) -> None:
    """Remove the target of this metric and scope."""
    service.remove_target(uow, metric=body.metric, scope=body.scope, code=body.code, by=user)
