"""Donations to charities: what waits for a charity's acknowledgment, the acknowledgment,
the value at cost price, and the data of the tax receipt; a charity sees its own."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.donations import (
    DonatedUnitPublic,
    DonationAcknowledge,
    DonationPublic,
    DonationsPublic,
    DonationValue,
    view_public,
)
from revalo.entrypoints.api.types import Limit, Offset, RowId
from revalo.services import donations as service

router = APIRouter(tags=["partners"])
Charity = Annotated[str, Query(min_length=1, max_length=40, examples=["CHA-FR"])]
SiteQuery = Annotated[str | None, Query(max_length=40, description="only this charity's")]


@router.get("/donations/waiting", dependencies=[need(Permission.VIEW_PARTNERS)])
def waiting(site_code: Charity, uow: ReadUowDep, user: CurrentUser) -> list[DonatedUnitPublic]:
    """The units donated to the charity that it has not acknowledged yet."""
    found = service.waiting(uow, by=user, site_code=site_code)
    return [DonatedUnitPublic.model_validate(u) for u in found]


@router.get("/donations", dependencies=[need(Permission.VIEW_PARTNERS)])
def list_donations(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: SiteQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> DonationsPublic:
    """The donations acknowledged, newest first (a charity: its own)."""
    found, count = service.list_donations(
        uow, by=user, site_code=site_code, limit=limit, offset=offset
    )
    return DonationsPublic(data=[DonationPublic.model_validate(d) for d in found], count=count)


@router.get("/donations/{donation_id}", dependencies=[need(Permission.VIEW_PARTNERS)])
def get_donation(donation_id: RowId, uow: ReadUowDep, user: CurrentUser) -> DonationPublic:
    """A donation with the data of its tax receipt."""
    return view_public(service.donation(uow, donation_id, by=user))


@router.post(
    "/donations",
    dependencies=[need(Permission.ACKNOWLEDGE_DONATIONS)],
    status_code=status.HTTP_201_CREATED,
)
def acknowledge(body: DonationAcknowledge, uow: UowDep, user: CurrentUser) -> DonationPublic:
    """The charity acknowledges units donated to it (one owner's, each once)."""
    d = service.acknowledge(uow, site_code=body.site_code, lpns=body.lpns, note=body.note, by=user)
    return DonationPublic.model_validate(d)


@router.post("/donations/{donation_id}/value", dependencies=[need(Permission.VALUE_DONATIONS)])
def value(
    donation_id: RowId, body: DonationValue, uow: UowDep, user: CurrentUser
) -> DonationPublic:
    """Give the donation its value at the units' cost price, once."""
    d = service.value(uow, donation_id, value_eur=body.value_eur, by=user)
    return DonationPublic.model_validate(d)
