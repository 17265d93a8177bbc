"""Cycle counts: a "count a bin" task, the count by scan, the approval of its differences
(found / missing) by someone other than the counter, and the accuracy per site."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from revalo.adapters.barcodes import read_scan
from revalo.domain.floor.counts import BinCount, CountState, Period
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.routers.floor import task_public, tasks_public
from revalo.entrypoints.api.schemas.floor import TaskPublic, TasksPublic
from revalo.entrypoints.api.schemas.floor_records import (
    AccuraciesPublic,
    AccuracyPublic,
    CountApprove,
    CountCreate,
    CountPublic,
    CountsPublic,
    CountSubmit,
    SiteCountsCreate,
)
from revalo.entrypoints.api.types import Limit, Offset, SiteCodePath, Storable
from revalo.services.floor import counts

router = APIRouter(tags=["floor"])
SiteQuery = Annotated[str | None, Query(max_length=40), Storable]


def count_public(c: BinCount) -> CountPublic:
    return CountPublic.model_validate(c)


@router.post("/counts/tasks", dependencies=[need(Permission.ASSIGN_TASKS)])
def plan_count(body: CountCreate, uow: UowDep, user: CurrentUser) -> TaskPublic:
    """A "count a bin" task on the board; refused while the bin has one open or a count
    awaiting approval."""
    return task_public(counts.plan_count(uow, body.bin_code, by=user, priority=body.priority))


@router.post("/sites/{site_code}/counts/plan", dependencies=[need(Permission.ASSIGN_TASKS)])
def plan_site_counts(
    site_code: SiteCodePath, body: SiteCountsCreate, uow: UowDep, user: CurrentUser
) -> TasksPublic:
    """Count tasks for the site's bins counted longest ago (never counted first), passing
    over those with a count open or awaiting approval: a cycle through the site."""
    return tasks_public(counts.plan_site_counts(uow, site_code, bins=body.bins, by=user))


@router.post("/tasks/{task_id}/count", dependencies=[need(Permission.DO_TASKS)])
def submit_count(task_id: int, body: CountSubmit, uow: UowDep, user: CurrentUser) -> CountPublic:
    """What the counter scanned in the bin: the task is done, the differences from the
    ledger await approval (nothing moves yet)."""
    scans = [read_scan(code) for code in body.scans]
    return count_public(counts.submit_count(uow, task_id, scans, by=user))


@router.post("/counts/{count_id}/approve", dependencies=[need(Permission.APPROVE_COUNTS)])
def approve_count(count_id: int, body: CountApprove, uow: UowDep, user: CurrentUser) -> CountPublic:
    """Approve the count's adjustments but the rejected ones (not one's own count): a
    missing unit moves to the site's missing location, a found one into the bin, an item
    Revalo did not know is received into quarantine."""
    done = counts.approve_count(uow, count_id, by=user, rejected=body.rejected, note=body.note)
    return count_public(done)


@router.get("/counts", dependencies=[need(Permission.VIEW_FLOOR)])
def list_counts(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: SiteQuery = None,
    state: CountState | None = None,
    limit: Limit = 200,
) -> CountsPublic:
    """The counts, the newest first."""
    found = counts.counts(uow, by=user, site_code=site_code, state=state, limit=limit)
    return CountsPublic(data=[count_public(c) for c in found], count=len(found))


@router.get("/counts/accuracy", dependencies=[need(Permission.VIEW_FLOOR)])
def accuracy(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: SiteQuery = None,
    period: Period = Period.MONTH,
    days: Annotated[int, Query(ge=1, le=3660)] = 365,
    limit: Limit = 200,
    offset: Offset = 0,
) -> AccuraciesPublic:
    """Per site and week or month: bins counted and exact, units on the ledger, counted,
    in both, and the rate (in both / in either); ``count`` rows in all, ``limit`` of them
    from ``offset``."""
    found = counts.count_accuracy(uow, by=user, site_code=site_code, period=period, days=days)
    data = [
        AccuracyPublic(
            site_code=a.site_code,
            start=a.start,
            counts=a.counts,
            exact=a.exact,
            on_ledger=a.on_ledger,
            counted=a.counted,
            matched=a.matched,
            rate=a.rate,
        )
        for a in found[offset : offset + limit]
    ]
    return AccuraciesPublic(data=data, count=len(found))


@router.get("/counts/{count_id}", dependencies=[need(Permission.VIEW_FLOOR)])
def get_count(count_id: int, uow: ReadUowDep, user: CurrentUser) -> CountPublic:
    return count_public(counts.count(uow, count_id, by=user))
