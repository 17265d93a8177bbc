"""The shift's assignment of a site's open tasks: proposed (a read) and accepted."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from revalo.domain.floor.team import Shift
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.routers.floor import task_public
from revalo.entrypoints.api.schemas.floor_assignment import (
    AcceptancePublic,
    AssignmentAccept,
    AssignmentPublic,
    BaselinePublic,
    GivenPublic,
    LeftPublic,
    PersonPlanPublic,
    ReportedPublic,
)
from revalo.entrypoints.api.types import SiteCodePath
from revalo.services.floor import assignment

router = APIRouter(tags=["floor"])


def assignment_public(p: assignment.Proposal) -> AssignmentPublic:
    r, b = p.result, p.baseline
    return AssignmentPublic(
        site_code=p.site_code,
        shift=p.shift,
        status=r.status,
        run_time_s=r.run_time_s,
        gap=r.gap,
        spread=r.spread,
        walk_h=r.walk_h,
        plans=[
            PersonPlanPublic(
                login=x.login,
                hours=x.hours,
                max_hours=x.max_hours,
                tasks=list(x.tasks),
                zones=list(x.zones),
                walk_h=x.walk_h,
            )
            for x in r.plans
        ],
        assigned=[GivenPublic(task_id=t, login=login) for t, login in sorted(r.assigned.items())],
        unassigned=[LeftPublic(task_id=t, reason=why) for t, why in sorted(r.unassigned.items())],
        baseline=BaselinePublic(spread=b.spread, walk_h=b.walk_h, assigned=len(b.assigned))
        if b
        else None,
    )


@router.get("/sites/{site_code}/assignment", dependencies=[need(Permission.ASSIGN_TASKS)])
def propose(
    site_code: SiteCodePath,
    uow: ReadUowDep,
    user: CurrentUser,
    shift: Annotated[Shift | None, Query(description="the shift (default: working now)")] = None,
    compare: Annotated[bool, Query(description="also run the greedy baseline")] = False,
) -> AssignmentPublic:
    """The assignment the engine proposes for the site's open tasks and the people on
    shift, with each person's planned hours; nothing is assigned."""
    found = assignment.propose_assignment(uow, site_code, by=user, shift=shift, compare=compare)
    return assignment_public(found)


@router.post("/tasks/assign", dependencies=[need(Permission.ASSIGN_TASKS)])
def accept(body: AssignmentAccept, uow: UowDep, user: CurrentUser) -> AcceptancePublic:
    """Accept an assignment: each task is given to its member only while nobody holds it;
    what was taken meanwhile or is refused by the rules is reported, the rest assigned."""
    pairs = [(p.task_id, p.login) for p in body.pairs]
    done = assignment.accept_assignment(uow, pairs, by=user)
    return AcceptancePublic(
        assigned=[task_public(t) for t in done.assigned],
        reported=[
            ReportedPublic(task_id=t, login=login, reason=why) for t, login, why in done.reported
        ],
    )
