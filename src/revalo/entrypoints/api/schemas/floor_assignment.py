"""The shift's assignment of the floor's tasks: the proposal and its acceptance."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from revalo.domain.floor.team import Shift
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.schemas.floor import Login, TaskPublic


class PersonPlanPublic(Public):
    login: str
    hours: float = Field(description="planned: tasks held already, the new ones, the walks")
    max_hours: float
    tasks: list[int]
    zones: list[str]
    walk_h: float


class GivenPublic(Public):
    task_id: int
    login: str


class LeftPublic(Public):
    task_id: int
    reason: str


class BaselinePublic(Public):
    spread: float
    walk_h: float
    assigned: int


class AssignmentPublic(Public):
    site_code: str
    shift: Shift
    status: str = Field(description="optimal, time_limit (the best found in time) or greedy")
    run_time_s: float
    gap: float
    spread: float = Field(description="the busiest person's planned hours over the mean")
    walk_h: float
    plans: list[PersonPlanPublic]
    assigned: list[GivenPublic]
    unassigned: list[LeftPublic]
    baseline: BaselinePublic | None = None


class GivenCreate(Input):
    task_id: Annotated[int, Field(ge=1)]
    login: Login


class AssignmentAccept(Input):
    pairs: Annotated[list[GivenCreate], Field(min_length=1, max_length=5000)]


class ReportedPublic(Public):
    task_id: int
    login: str
    reason: str


class AcceptancePublic(Public):
    assigned: list[TaskPublic]
    reported: list[ReportedPublic] = Field(
        description="tasks not assigned: taken meanwhile, or refused by the rules"
    )
