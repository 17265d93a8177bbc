"""The floor's moves to the workshop, picks and loads, finished by scan."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import Field

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, UowDep, need
from revalo.entrypoints.api.routers.floor import task_public
from revalo.entrypoints.api.schemas.base import Input
from revalo.entrypoints.api.schemas.floor import TaskPublic
from revalo.entrypoints.api.types import ScanCode
from revalo.services.floor import flow_tasks

router = APIRouter(tags=["floor"])


class TaskScans(Input):
    scans: Annotated[list[ScanCode], Field(min_length=1, max_length=500)] = Field(
        description="the unit then the workshop (a move); every unit of the list (a pick, a load)"
    )


@router.post("/tasks/{task_id}/scans", dependencies=[need(Permission.DO_TASKS)])
def finish_by_scans(task_id: int, body: TaskScans, uow: UowDep, user: CurrentUser) -> TaskPublic:
    """Finish one's started move to the workshop, pick or load by scan; a unit missing or
    not the task's is named."""
    return task_public(flow_tasks.finish_by_scans(uow, task_id, body.scans, by=user))
