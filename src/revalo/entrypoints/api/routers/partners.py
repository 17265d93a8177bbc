"""The partners' records (units handed over and sent for work, turnaround, work done right
the first time, what the units brought back) held against their terms; a partner sees its
own."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from revalo.domain.partner_records import PartnerRecord
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.partners import (
    DisputeCountsPublic,
    PartnerRecordPublic,
    PartnerRecordsPublic,
    PartnerTermsPublic,
    PartnerTermsSet,
    TermCheckPublic,
)
from revalo.services import partner_terms
from revalo.services import partners as service
from revalo.services.partner_terms import Standing

router = APIRouter(tags=["partners"])
First = Annotated[date | None, Query(alias="from", description="the period's first day")]
Last = Annotated[date | None, Query(alias="to", description="the period's last day (included)")]
SitePath = Annotated[str, Path(min_length=1, max_length=40, examples=["REP-FR-IT"])]


def record_public(r: PartnerRecord, standing: Standing | None = None) -> PartnerRecordPublic:
    return PartnerRecordPublic(
        code=r.code,
        name=r.name,
        kind=r.kind,
        country=r.country,
        handed_over=r.handed_over,
        arrived=r.arrived,
        left=r.left,
        turnaround_median_days=r.turnaround_median_days,
        turnaround_p90_days=r.turnaround_p90_days,
        work_done=r.work_done,
        work_failed=r.work_failed,
        first_time_right=r.first_time_right,
        recovered_eur=r.recovered_eur,
        sold_eur=r.sold_eur,
        resold=r.resold,
        resold_eur=r.resold_eur,
        sell_through=r.sell_through,
        units=list(r.units),
        terms=PartnerTermsPublic.model_validate(standing.terms)
        if standing and standing.terms
        else None,
        checks=[TermCheckPublic.model_validate(c) for c in standing.checks] if standing else [],
        disputes=DisputeCountsPublic.model_validate(standing.disputes) if standing else None,
    )


def _public(found: service.PartnerRecords) -> PartnerRecordsPublic:
    return PartnerRecordsPublic(
        first=found.first,
        last=found.last,
        items=[record_public(r, found.standings.get(r.code)) for r in found.records],
    )


@router.get("/partners", dependencies=[need(Permission.VIEW_PARTNERS)])
def list_partners(
    uow: ReadUowDep, user: CurrentUser, first: First = None, last: Last = None
) -> PartnerRecordsPublic:
    """Every partner site's record over the period (by default the last four weeks; a
    partner: its own sites)."""
    return _public(service.partner_records(uow, by=user, first=first, last=last))


@router.get("/partners/{code}", dependencies=[need(Permission.VIEW_PARTNERS)])
def get_partner(
    code: SitePath, uow: ReadUowDep, user: CurrentUser, first: First = None, last: Last = None
) -> PartnerRecordPublic:
    """One partner site's record over the period."""
    found = service.partner_records(uow, by=user, site_code=code, first=first, last=last)
    [record] = found.records
    return record_public(record, found.standings.get(record.code))


@router.get("/partners/{code}/terms", dependencies=[need(Permission.VIEW_PARTNERS)])
def list_terms(code: SitePath, uow: ReadUowDep, user: CurrentUser) -> list[PartnerTermsPublic]:
    """Every version of a partner's terms, the latest first (a partner: its own)."""
    found = partner_terms.terms_history(uow, by=user, site_code=code)
    return [PartnerTermsPublic.model_validate(t) for t in found]


@router.post(
    "/partners/{code}/terms",
    dependencies=[need(Permission.SET_PARTNER_TERMS)],
    status_code=status.HTTP_201_CREATED,
)
def set_terms(
    code: SitePath, body: PartnerTermsSet, uow: UowDep, user: CurrentUser
) -> PartnerTermsPublic:
    """A new version of the partner's terms from ``valid_from``; the earlier ones stay."""
    t = partner_terms.set_terms(
        uow, site_code=code, valid_from=body.valid_from, price_share=body.price_share,
        turnaround_days=body.turnaround_days, first_time_right=body.first_time_right,
        note=body.note, by=user,
    )  # fmt: skip
    return PartnerTermsPublic.model_validate(t)
