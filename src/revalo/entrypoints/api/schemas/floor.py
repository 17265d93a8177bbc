"""The warehouse floor: bins, put-away, the team, tasks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from revalo.domain.catalog import LocationKind
from revalo.domain.floor.bins import BinKind
from revalo.domain.floor.team import PpeKind, QualificationKind, Shift
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import LocationCode, ScanCode, Storable, text

#: A bin file of the API: 2 MB of text (tens of thousands of bins).
MAX_BIN_FILE = 2_000_000
Login = Annotated[str, text(64, min_length=2), Storable]


class BinsImport(Input):
    csv: Annotated[str, Field(min_length=1, max_length=MAX_BIN_FILE)] = Field(
        description="the CSV text: code,zone,kind[,height_m,max_volume_m3,max_mass_kg,places]"
    )


class BinPublic(Public):
    code: str
    site_code: str
    zone: LocationKind
    kind: BinKind
    level: int
    height_m: float
    max_volume_m3: float | None
    max_mass_kg: float | None
    places: int | None
    units: int = 0
    volume_m3: float = 0.0
    mass_kg: float = 0.0


class BinsPublic(Public):
    data: list[BinPublic]
    count: int


class ProposalPublic(Public):
    bin: BinPublic | None
    reason: str


class PutAwayCreate(Input):
    bin_code: LocationCode


class MemberCreate(Input):
    login: Login
    site_code: Annotated[str, text(40, min_length=1), Storable]
    shift: Shift


class QualificationCreate(Input):
    kind: QualificationKind
    category: Annotated[str, text(4)] = ""
    obtained_on: date
    expires_on: date
    reference: Annotated[str, text(60), Storable] = ""


class QualificationPublic(Public):
    kind: QualificationKind
    category: str
    obtained_on: date
    expires_on: date
    reference: str


class PpeCreate(Input):
    item: PpeKind
    size: Annotated[str, text(8, min_length=1), Storable]
    issued_on: date
    replace_by: date


class PpePublic(Public):
    item: PpeKind
    size: str
    issued_on: date
    replace_by: date


class MemberPublic(Public):
    user_login: str
    site_code: str
    shift: Shift
    qualifications: list[QualificationPublic]
    ppe: list[PpePublic]


class MembersPublic(Public):
    data: list[MemberPublic]
    count: int


class ExpiryPublic(Public):
    login: str
    site_code: str
    what: str
    on: date
    expired: bool


class ExpiriesPublic(Public):
    data: list[ExpiryPublic]
    count: int


class TaskPublic(Public):
    id: int
    kind: str
    site_code: str
    zone: str
    priority: int
    state: str
    created_at: datetime
    unit_lpn: str | None
    bin_code: str
    equipment: list[str]
    needs: list[str]
    ppe: list[str]
    assignee: str | None
    started_at: datetime | None
    done_at: datetime | None
    note: str
    detail: dict[str, str] = Field(
        default_factory=dict,
        description="a pick's path (LPN@BIN in walking order), a load's lpns, the units, "
        "the consignment, the work order",
    )


class TasksPublic(Public):
    data: list[TaskPublic]
    count: int


class TaskAssign(Input):
    login: Login


class TaskPutAway(Input):
    unit_scan: ScanCode
    bin_scan: LocationCode
