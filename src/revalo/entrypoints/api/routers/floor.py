"""The warehouse floor: a site's bins and their labels, put-away by scan, the team with its
qualifications and PPE, the tasks (the supervisor's board, one's own, the next one)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from starlette.responses import Response

from revalo.adapters.labels import render_bin_labels
from revalo.domain.floor.bins import Bin, Fill
from revalo.domain.floor.tasks import FloorTask
from revalo.domain.floor.team import TeamMember
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.floor import (
    BinPublic,
    BinsImport,
    BinsPublic,
    ExpiriesPublic,
    ExpiryPublic,
    MemberCreate,
    MemberPublic,
    MembersPublic,
    PpeCreate,
    PpePublic,
    ProposalPublic,
    PutAwayCreate,
    QualificationCreate,
    QualificationPublic,
    TaskAssign,
    TaskPublic,
    TaskPutAway,
    TasksPublic,
)
from revalo.entrypoints.api.schemas.units import UnitPublic
from revalo.entrypoints.api.types import Limit, LpnPath, Offset, SiteCodePath, Storable
from revalo.services.floor import bins, putaway, tasks, team

router = APIRouter(tags=["floor"])
LoginPath = Annotated[str, Path(min_length=2, max_length=64), Storable]


def bin_public(b: Bin, fill: Fill | None = None) -> BinPublic:
    f = fill or Fill()
    return BinPublic.model_validate(
        {**{k: getattr(b, k) for k in BinPublic.model_fields if hasattr(b, k)}}
        | {"units": f.units, "volume_m3": f.volume_m3, "mass_kg": f.mass_kg}
    )


def task_public(t: FloorTask) -> TaskPublic:
    assert t.id is not None
    return TaskPublic(
        id=t.id,
        kind=t.kind.value,
        site_code=t.site_code,
        zone=t.zone,
        priority=int(t.priority),
        state=t.state.value,
        created_at=t.created_at,
        unit_lpn=t.unit_lpn,
        bin_code=t.bin_code,
        equipment=sorted(t.equipment),
        needs=sorted(str(n) for n in t.needs),
        ppe=sorted(p.value for p in t.ppe),
        assignee=t.assignee,
        started_at=t.started_at,
        done_at=t.done_at,
        note=t.note,
        detail=dict(t.detail),
    )


def tasks_public(found: list[FloorTask], limit: int = 200, offset: int = 0) -> TasksPublic:
    """A page of the tasks; ``count``: all of them."""
    page = found[offset : offset + limit]
    return TasksPublic(data=[task_public(t) for t in page], count=len(found))


def member_public(m: TeamMember) -> MemberPublic:
    return MemberPublic(
        user_login=m.user_login,
        site_code=m.site_code,
        shift=m.shift,
        qualifications=[QualificationPublic.model_validate(q) for q in m.qualifications],
        ppe=[PpePublic.model_validate(p) for p in m.ppe],
    )


# -- bins -------------------------------------------------------------------------------------
@router.get("/sites/{site_code}/bins", dependencies=[need(Permission.VIEW_FLOOR)])
def list_bins(
    site_code: SiteCodePath,
    uow: ReadUowDep,
    user: CurrentUser,
    limit: Limit = 200,
    offset: Offset = 0,
) -> BinsPublic:
    """The site's bins by code, each with what the ledger puts in it now."""
    found = bins.site_bins(uow, site_code, by=user)
    page = found[offset : offset + limit]
    return BinsPublic(data=[bin_public(f.bin, f.fill) for f in page], count=len(found))


@router.post("/sites/{site_code}/bins/import", dependencies=[need(Permission.MANAGE_BINS)])
def import_bins(
    site_code: SiteCodePath, body: BinsImport, uow: UowDep, user: CurrentUser
) -> BinsPublic:
    """Add the bins of a CSV file to the site: all of them, or none with every bad line
    named."""
    added = bins.import_bins(uow, site_code, body.csv.splitlines(keepends=True), by=user)
    return BinsPublic(data=[bin_public(b) for b in added], count=len(added))


@router.get(
    "/sites/{site_code}/bins/labels",
    dependencies=[need(Permission.VIEW_FLOOR)],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the labels, a PDF"}},
)
def bin_labels(site_code: SiteCodePath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The site's bin labels as a PDF, one page per bin, with a QR code of its code."""
    pdf = render_bin_labels(bins.bin_labels(uow, site_code, by=user))
    name = f"{site_code.upper()}-bins.pdf"
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{name}"'},
    )


@router.get("/units/{lpn}/bin-proposal", dependencies=[need(Permission.MOVE)])
def propose_bin(lpn: LpnPath, uow: ReadUowDep, user: CurrentUser) -> ProposalPublic:
    """The bin the unit should be put away into, or why none fits."""
    p = putaway.propose_bin(uow, lpn, by=user)
    return ProposalPublic(bin=bin_public(p.bin) if p.bin else None, reason=p.reason)


@router.post("/units/{lpn}/put-away", dependencies=[need(Permission.MOVE)])
def put_away(lpn: LpnPath, body: PutAwayCreate, uow: UowDep, user: CurrentUser) -> UnitPublic:
    """Put the scanned unit into the scanned bin (a move of the ledger); a wrong or full
    bin is refused with the reason."""
    return UnitPublic.model_validate(putaway.put_away(uow, lpn, body.bin_code, by=user))


# -- the team ---------------------------------------------------------------------------------
@router.get("/team", dependencies=[need(Permission.VIEW_FLOOR)])
def list_team(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: Annotated[str | None, Query(max_length=40), Storable] = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> MembersPublic:
    found = list(team.team(uow, by=user, site_code=site_code))
    page = found[offset : offset + limit]
    return MembersPublic(data=[member_public(m) for m in page], count=len(found))


@router.post("/team", dependencies=[need(Permission.MANAGE_TEAM)])
def add_member(body: MemberCreate, uow: UowDep, user: CurrentUser) -> MemberPublic:
    m = team.add_member(uow, body.login, site_code=body.site_code, shift=body.shift, by=user)
    return member_public(m)


@router.get("/team/expiring", dependencies=[need(Permission.VIEW_FLOOR)])
def expiring(
    uow: ReadUowDep,
    user: CurrentUser,
    days: Annotated[int, Query(ge=0, le=366)] = 30,
    limit: Limit = 200,
    offset: Offset = 0,
) -> ExpiriesPublic:
    """Qualifications and PPE that expire within ``days`` (or have expired), soonest first."""
    today = utcnow().date()
    found = team.expiring_soon(uow, by=user, day=today, days=days)
    data = [
        ExpiryPublic(
            login=e.member.user_login,
            site_code=e.member.site_code,
            what=e.what,
            on=e.on,
            expired=e.expired(today),
        )
        for e in found[offset : offset + limit]
    ]
    return ExpiriesPublic(data=data, count=len(found))


@router.post("/team/{login}/qualifications", dependencies=[need(Permission.MANAGE_TEAM)])
def add_qualification(
    login: LoginPath, body: QualificationCreate, uow: UowDep, user: CurrentUser
) -> QualificationPublic:
    """A qualification obtained or renewed (the newest one counts)."""
    q = team.record_qualification(uow, login, **body.model_dump(), by=user)
    return QualificationPublic.model_validate(q)


@router.post("/team/{login}/ppe", dependencies=[need(Permission.MANAGE_TEAM)])
def issue_ppe(login: LoginPath, body: PpeCreate, uow: UowDep, user: CurrentUser) -> PpePublic:
    return PpePublic.model_validate(team.issue_ppe(uow, login, **body.model_dump(), by=user))


# -- tasks ------------------------------------------------------------------------------------
@router.get("/sites/{site_code}/tasks", dependencies=[need(Permission.VIEW_FLOOR)])
def task_board(
    site_code: SiteCodePath,
    uow: ReadUowDep,
    user: CurrentUser,
    limit: Limit = 200,
    offset: Offset = 0,
) -> TasksPublic:
    """The supervisor's board: the site's open tasks by zone, priority, longest waiting."""
    return tasks_public(tasks.board(uow, site_code, by=user), limit, offset)


@router.get("/tasks/mine", dependencies=[need(Permission.DO_TASKS)])
def my_tasks(
    uow: ReadUowDep, user: CurrentUser, limit: Limit = 200, offset: Offset = 0
) -> TasksPublic:
    return tasks_public(tasks.my_tasks(uow, by=user), limit, offset)


@router.post("/tasks/next", dependencies=[need(Permission.DO_TASKS)])
def take_next(uow: UowDep, user: CurrentUser) -> TasksPublic:
    """Start the next task one may do (none: an empty list)."""
    taken = tasks.take_next(uow, by=user)
    return tasks_public([taken] if taken else [])


@router.post("/tasks/{task_id}/assign", dependencies=[need(Permission.ASSIGN_TASKS)])
def assign_task(task_id: int, body: TaskAssign, uow: UowDep, user: CurrentUser) -> TaskPublic:
    """Give the task to a member; refused, naming what is missing, when they lack a
    qualification or PPE it needs."""
    return task_public(tasks.assign_task(uow, task_id, body.login, by=user))


@router.post("/tasks/{task_id}/start", dependencies=[need(Permission.DO_TASKS)])
def start_task(task_id: int, uow: UowDep, user: CurrentUser) -> TaskPublic:
    return task_public(tasks.start_task(uow, task_id, by=user))


@router.post("/tasks/{task_id}/put-away", dependencies=[need(Permission.DO_TASKS)])
def finish_put_away(task_id: int, body: TaskPutAway, uow: UowDep, user: CurrentUser) -> TaskPublic:
    """The unit scanned, then the bin: the unit goes into the bin and the task is done."""
    done = tasks.finish_put_away(
        uow, task_id, unit_scan=body.unit_scan, bin_scan=body.bin_scan, by=user
    )
    return task_public(done)
