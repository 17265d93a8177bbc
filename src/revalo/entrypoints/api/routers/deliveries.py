"""A partner's deliveries: the units handed over to it for good, and its acceptance of each
by scan; a partner sees and accepts its own."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, status
from pydantic import Field

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.services import deliveries as service

router = APIRouter(tags=["partners"])
SitePath = Annotated[str, Path(min_length=1, max_length=40, examples=["OUT-FR"])]


class HandedUnitPublic(Public):
    lpn: str
    serial: str | None
    sku: str | None
    name: str
    lot: str | None = Field(description="the lot it was sold in (null: sent on its own)")
    accepted: bool
    received_by: str | None
    received_at: datetime | None


class DeliveryScan(Input):
    code: str = Field(min_length=1, max_length=80, description="the unit's LPN or serial")


@router.get("/partners/{code}/deliveries", dependencies=[need(Permission.VIEW_PARTNERS)])
def list_deliveries(code: SitePath, uow: ReadUowDep, user: CurrentUser) -> list[HandedUnitPublic]:
    """The units handed over to the partner site (sent to it, or in a lot it bought), those
    not accepted yet first (at most 500)."""
    found = service.deliveries(uow, by=user, site_code=code)
    return [HandedUnitPublic.model_validate(u) for u in found]


@router.post(
    "/partners/{code}/deliveries",
    dependencies=[need(Permission.RECEIVE)],
    status_code=status.HTTP_201_CREATED,
)
def accept(code: SitePath, body: DeliveryScan, uow: UowDep, user: CurrentUser) -> HandedUnitPublic:
    """Accept one unit handed over to the partner site, scanned by its LPN or serial, once."""
    got = service.accept(uow, site_code=code, code=body.code, by=user)
    return HandedUnitPublic.model_validate(got)
