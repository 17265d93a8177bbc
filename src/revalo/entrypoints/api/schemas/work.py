"""Inspection and grading, disposition decisions, work orders."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from revalo.domain.disposition import DecidedBy, DispositionRoute
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.domain.work_orders import (
    MAX_LABOUR_MINUTES,
    MAX_PART_QUANTITY,
    MAX_PART_REFERENCE,
    WipeMethod,
    WorkOrderKind,
    WorkOrderState,
)
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import (
    ChecklistItem,
    Code,
    FaultCode,
    Label,
    Money,
    Note,
    Storable,
    text,
)

#: A week: an inspection longer than that is a typing mistake.
MAX_INSPECTION_S = 7 * 24 * 3600


class InspectionCreate(Input):
    functional_grade: FunctionalGrade = Field(
        description="A fully working, B minor fault, C major fault (repairable), D not working"
    )
    cosmetic_grade: CosmeticGrade = Field(
        description="A as new, B light signs of use, C visible wear, D heavy damage"
    )
    checklist: Annotated[dict[ChecklistItem, bool], Field(default_factory=dict, max_length=100)]
    fault_codes: Annotated[list[FaultCode], Field(default_factory=list, max_length=50)]
    hazardous: bool = False
    duration_s: Annotated[int, Field(ge=0, le=MAX_INSPECTION_S)]
    notes: Note = ""


class InspectionPublic(Public):
    id: int
    unit_id: int
    operator: str
    inspected_at: datetime
    functional_grade: FunctionalGrade
    cosmetic_grade: CosmeticGrade
    duration_s: int
    checklist: dict[str, bool]
    fault_codes: list[str]
    hazardous: bool
    notes: str


class DispositionCreate(Input):
    route: DispositionRoute
    destination_site: Code | None = None
    reason: Note = Field("", description="why; required when it overrides an earlier decision")


class DispositionRecordPublic(Public):
    id: int
    unit_id: int
    route: DispositionRoute
    decided_by: DecidedBy
    actor: str
    decided_at: datetime
    reason: str
    destination_site: str | None
    overrides_id: int | None


class PartUsedCreate(Input):
    reference: Annotated[str, text(MAX_PART_REFERENCE, min_length=1), Storable] = Field(
        description="the part's number or name", examples=["BAT-T480-24WH"]
    )
    quantity: Annotated[int, Field(ge=1, le=MAX_PART_QUANTITY)] = 1
    unit_cost: Money = Field(Decimal("0"), description="what one costs, EUR")


class PartUsedPublic(Public):
    reference: str
    quantity: int
    unit_cost: Decimal
    cost: Decimal


class WorkOrderRecord(Input):
    labour_minutes: Annotated[int, Field(ge=0, le=MAX_LABOUR_MINUTES)] = Field(
        0, description="minutes worked since the last record, added to the order's labour"
    )
    notes: Note = Field("", description="the results: what was found, tested, done")
    parts: Annotated[list[PartUsedCreate], Field(default_factory=list, max_length=50)]


class WorkOrderFinish(WorkOrderRecord):
    succeeded: bool = True
    labour_minutes: Annotated[int, Field(ge=0, le=MAX_LABOUR_MINUTES)] = Field(
        description="minutes worked since the last record, added to the order's labour"
    )
    parts_cost: Money = Field(
        Decimal("0"), description="the cost of parts not listed in parts, EUR (added)"
    )
    wipe_method: WipeMethod | None = Field(
        None, description="data wipes only: NIST SP 800-88 method (clear, purge, destroy)"
    )
    wipe_tool: Label = Field("", description="data wipes only: the tool (and its version)")
    wipe_verified: bool = Field(False, description="data wipes only: the result was verified")


class WorkOrderPublic(Public):
    id: int
    number: str
    unit_id: int
    kind: WorkOrderKind
    site_code: str
    state: WorkOrderState
    operator: str
    created_at: datetime
    started_at: datetime | None
    completed_at: datetime | None
    labour_minutes: int
    parts_cost: Decimal
    notes: str
    parts: list[PartUsedPublic]
    wipe_method: WipeMethod | None
    wipe_tool: str
    wipe_verified: bool
    wipe_certificate: str | None = Field(
        description="a data wipe done: the number of its certificate of sanitisation"
    )


class WorkOrdersPublic(Public):
    data: list[WorkOrderPublic]
    count: int


class DispositionPublic(Public):
    record: DispositionRecordPublic
    work_orders: list[WorkOrderPublic]
    cancelled_work_orders: list[WorkOrderPublic]
