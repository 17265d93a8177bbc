"""The floor's records: cycle counts and their adjustments, incidents, briefings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from revalo.domain.floor.counts import AdjustmentKind, AdjustmentState, CountState
from revalo.domain.floor.safety import IncidentKind, Severity
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import LocationCode, Note, Storable, Timestamp, text

Login = Annotated[str, text(64, min_length=2), Storable]


class CountCreate(Input):
    bin_code: LocationCode
    priority: Annotated[int, Field(ge=1, le=3)] = 3


class SiteCountsCreate(Input):
    bins: Annotated[int, Field(ge=1, le=500)] = Field(
        description="how many bins to count: those counted longest ago (never first)"
    )


class CountSubmit(Input):
    scans: Annotated[
        list[Annotated[str, text(200, min_length=1), Storable]], Field(max_length=2000)
    ] = Field(description="what was scanned in the bin, each unit's label once (none: empty)")


class CountApprove(Input):
    rejected: Annotated[list[int], Field(max_length=2000)] = Field(
        default_factory=list, description="the adjustments not approved (their ids)"
    )
    note: Note = ""


class AdjustmentPublic(Public):
    id: int
    kind: AdjustmentKind
    lpn: str | None
    scanned: str
    ledger_location: str | None
    state: AdjustmentState


class CountPublic(Public):
    id: int
    site_code: str
    bin_code: str
    counter: str
    counted_at: datetime
    on_ledger: int
    counted: int
    matched: int
    state: CountState
    task_id: int | None
    approver: str | None
    decided_at: datetime | None
    note: str
    adjustments: list[AdjustmentPublic]


class CountsPublic(Public):
    data: list[CountPublic]
    count: int


class AccuracyPublic(Public):
    site_code: str
    start: date
    counts: int
    exact: int
    on_ledger: int
    counted: int
    matched: int
    rate: float | None


class AccuraciesPublic(Public):
    data: list[AccuracyPublic]
    count: int


class IncidentCreate(Input):
    site_code: Annotated[str, text(40, min_length=1), Storable]
    occurred_at: Timestamp
    kind: IncidentKind
    severity: Severity
    description: Annotated[str, text(2000, min_length=1), Storable]
    action_taken: Annotated[str, text(2000, min_length=1), Storable]
    zone: Annotated[str, text(32), Storable] = ""
    bin_code: Annotated[str, text(80), Storable] = ""
    equipment: Annotated[str, text(60), Storable] = ""
    people: Annotated[list[Login], Field(max_length=50)] = Field(default_factory=list)
    lost_days: Annotated[int, Field(ge=0, le=366)] = 0


class IncidentPublic(Public):
    id: int
    site_code: str
    occurred_at: datetime
    kind: IncidentKind
    severity: Severity
    description: str
    action_taken: str
    reported_by: str
    reported_at: datetime
    zone: str
    bin_code: str
    equipment: str
    people: list[str]
    lost_days: int


class IncidentsPublic(Public):
    data: list[IncidentPublic]
    count: int


class BriefingCreate(Input):
    site_code: Annotated[str, text(40, min_length=1), Storable]
    held_at: Timestamp
    topic: Annotated[str, text(200, min_length=1), Storable]
    attendees: Annotated[list[Login], Field(min_length=1, max_length=200)]
    minutes: Annotated[int, Field(ge=1, le=480)] = 15


class BriefingPublic(Public):
    id: int
    site_code: str
    held_at: datetime
    topic: str
    led_by: str
    attendees: list[str]
    minutes: int


class BriefingsPublic(Public):
    data: list[BriefingPublic]
    count: int


class SafetyFiguresPublic(Public):
    site_code: str
    start: date
    end: date
    incidents: int
    near_misses: int
    lost_time: int
    by_severity: dict[str, int]
    hours_worked: float
    hours_source: str = Field(description="where the hours worked come from")
    per_1000_hours: float | None = Field(description="incidents (not near misses) per 1,000 h")
    last_lost_time: date | None
    days_since_lost_time: int | None
    briefings: int
    attendances: int
