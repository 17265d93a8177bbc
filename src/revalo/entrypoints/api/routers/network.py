"""The network: today's network and scenarios side by side (which sites to open, where each
region's returns go). Computes; stores and changes nothing."""

from __future__ import annotations

from fastapi import APIRouter

from revalo.domain.network_scenario import parse_scenario
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, need
from revalo.entrypoints.api.schemas.network import (
    NetworkComparisonPublic,
    NetworkPlanCreate,
    comparison_public,
)
from revalo.services.network_plan import compare_scenarios

router = APIRouter(prefix="/network", tags=["network"])


@router.post("/plans", dependencies=[need(Permission.PLAN_NETWORK)])
def plan_network(
    body: NetworkPlanCreate, uow: ReadUowDep, transport: TransportDep, user: CurrentUser
) -> NetworkComparisonPublic:
    """Solve today's network and each scenario (facility location on HiGHS) on the demand of
    the ``weeks`` before ``until``, scaled to a year; answer them side by side with what
    each scenario changes and why. A bad scenario is refused with 422 naming its key."""
    scenarios = [parse_scenario(s) for s in body.scenarios]
    found = compare_scenarios(
        uow,
        scenarios,
        by=user,
        weeks=body.weeks,
        until=body.until,
        transport=transport,
        seconds=body.seconds,
        suggest=body.suggest,
    )
    return comparison_public(found)
