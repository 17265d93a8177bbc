"""A partner's deliveries: the units handed over to it for good, its acceptance of each by
scan, and its resale of each (an outlet's, a resale partner's); a partner sees, accepts and
resells its own."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Path, status
from pydantic import Field

from revalo.domain.partner_resales import MAX_RECEIPT
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Limit, Money, Offset, ScanCode
from revalo.services import deliveries as service
from revalo.services import partner_resales

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
    resold_on: date | None = Field(description="the day the partner resold it (null: not yet)")
    resale_price: Decimal | None = Field(description="what its buyer paid, EUR")


class DeliveryScan(Input):
    code: str = Field(min_length=1, max_length=80, description="the unit's LPN or serial")


class ResaleIn(Input):
    code: ScanCode = Field(description="the unit's LPN or serial")
    price: Money = Field(description="what the buyer paid, EUR", examples=["149.00"])
    sold_on: date | None = Field(None, description="the day of the resale (default: today)")
    receipt: str = Field("", max_length=MAX_RECEIPT, description="the partner's receipt")


class ResalePublic(Public):
    lpn: str
    site_code: str
    sold_on: date
    price: Decimal
    receipt: str
    recorded_by: str
    recorded_at: datetime


class ResalesPublic(Public):
    data: list[ResalePublic]
    count: int


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


@router.post(
    "/partners/{code}/resales",
    dependencies=[need(Permission.RECORD_RESALES)],
    status_code=status.HTTP_201_CREATED,
)
def resell(code: SitePath, body: ResaleIn, uow: UowDep, user: CurrentUser) -> ResalePublic:
    """Record the partner's resale of a unit handed over to it and accepted by scan: what its
    buyer paid and on what day, once."""
    got = partner_resales.record_resale(
        uow,
        site_code=code,
        code=body.code,
        price=body.price,
        sold_on=body.sold_on,
        receipt=body.receipt,
        by=user,
    )
    return ResalePublic.model_validate(got)


@router.get("/partners/{code}/resales", dependencies=[need(Permission.VIEW_PARTNERS)])
def list_resales(
    code: SitePath, uow: ReadUowDep, user: CurrentUser, limit: Limit = 50, offset: Offset = 0
) -> ResalesPublic:
    """The partner site's resales, the latest first."""
    found, count = partner_resales.resales(uow, by=user, site_code=code, limit=limit, offset=offset)
    return ResalesPublic(data=[ResalePublic.model_validate(r) for r in found], count=count)
