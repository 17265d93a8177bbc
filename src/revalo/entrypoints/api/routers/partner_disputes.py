"""Disputes with the partners: opened by a partner or by the company, listed, settled once
(accepted with its credit, or rejected with the reason); a partner sees its own."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from revalo.domain.partner_disputes import DisputeState
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.partners import (
    DisputeOpen,
    DisputePublic,
    DisputeSettle,
    DisputesPublic,
)
from revalo.entrypoints.api.types import Limit, Offset, RowId
from revalo.services import partner_disputes as service

router = APIRouter(tags=["partners"])
SiteQuery = Annotated[str | None, Query(max_length=40, description="only this partner site's")]


@router.get("/disputes", dependencies=[need(Permission.VIEW_PARTNERS)])
def list_disputes(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: SiteQuery = None,
    state: DisputeState | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> DisputesPublic:
    """The disputes, newest first (a partner: its own sites')."""
    found, count = service.list_disputes(
        uow, by=user, site_code=site_code, state=state, limit=limit, offset=offset
    )
    return DisputesPublic(data=[DisputePublic.model_validate(d) for d in found], count=count)


@router.get("/disputes/{dispute_id}", dependencies=[need(Permission.VIEW_PARTNERS)])
def get_dispute(dispute_id: RowId, uow: ReadUowDep, user: CurrentUser) -> DisputePublic:
    return DisputePublic.model_validate(service.get_dispute(uow, dispute_id, by=user))


@router.post(
    "/disputes",
    dependencies=[need(Permission.OPEN_DISPUTES)],
    status_code=status.HTTP_201_CREATED,
)
def open_dispute(body: DisputeOpen, uow: UowDep, user: CurrentUser) -> DisputePublic:
    """Open a dispute with a partner site (a partner: with the company, at its own sites)."""
    d = service.open_dispute(
        uow, site_code=body.site_code, kind=body.kind.value, text=body.text, lpn=body.lpn,
        amount_eur=body.amount_eur, by=user,
    )  # fmt: skip
    return DisputePublic.model_validate(d)


@router.post("/disputes/{dispute_id}/settle", dependencies=[need(Permission.SETTLE_DISPUTES)])
def settle_dispute(
    dispute_id: RowId, body: DisputeSettle, uow: UowDep, user: CurrentUser
) -> DisputePublic:
    """Accept the dispute (with the credit agreed) or reject it (with the reason), once;
    someone else than the one who opened it."""
    d = service.settle_dispute(
        uow, dispute_id, accept=body.accept, note=body.note, credit_eur=body.credit_eur, by=user
    )
    return DisputePublic.model_validate(d)
