"""The partners' records, terms and disputes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import Field

from revalo.domain.catalog import SiteKind
from revalo.domain.partner_disputes import MAX_AMOUNT, MAX_TEXT, DisputeKind, DisputeState
from revalo.domain.partner_terms import MAX_NOTE, MAX_TURNAROUND_DAYS, Term
from revalo.entrypoints.api.schemas.base import Input, Public


class PartnerTermsPublic(Public):
    """One version of a partner's terms (a term left null is not agreed)."""

    site_code: str
    version: int
    valid_from: date
    price_share: Decimal | None = Field(
        description="what it pays for the units handed over, as a share of their price as new"
    )
    turnaround_days: int | None = Field(
        description="the days within which 90 % of the units sent to it for work leave it"
    )
    first_time_right: Decimal | None = Field(description="its work done without a failure")
    note: str
    set_by: str
    set_at: datetime


class PartnerTermsSet(Input):
    """A new version of the terms, in force from ``valid_from`` (today if left out): at
    least one term; shares from 0 to 1."""

    valid_from: date | None = None
    price_share: Decimal | None = Field(default=None, ge=0, le=1, examples=[0.35])
    turnaround_days: int | None = Field(default=None, ge=1, le=MAX_TURNAROUND_DAYS)
    first_time_right: Decimal | None = Field(default=None, ge=0, le=1, examples=[0.9])
    note: str = Field(default="", max_length=MAX_NOTE)


class TermCheckPublic(Public):
    term: Term
    agreed: Decimal
    measured: Decimal | None = Field(
        description="the period's figure (turnaround: its 90th percentile); null: nothing "
        "to measure"
    )
    met: bool | None


class DisputeCountsPublic(Public):
    """The disputes opened with the partner in the period, by state, and the credits agreed."""

    open: int
    accepted: int
    rejected: int
    credited_eur: Decimal


class PartnerRecordPublic(Public):
    code: str
    name: str
    kind: SiteKind
    country: str
    handed_over: int = Field(description="units dispatched to it for good in the period")
    arrived: int = Field(description="units that arrived at it for work in the period")
    left: int = Field(description="of those, the units that left it again in the period")
    turnaround_median_days: float | None = Field(
        description="days from a unit's arrival to its leaving, median (None: none left)"
    )
    turnaround_p90_days: float | None
    work_done: int = Field(description="work orders finished at its site")
    work_failed: int = Field(description="work orders that failed at its site")
    first_time_right: float | None = Field(description="work done without a failure, 0 to 1")
    recovered_eur: Decimal = Field(
        description="payments recorded for the units handed over, and the prices of the B2B "
        "lots it bought"
    )
    sold_eur: Decimal = Field(description="sales made at its site")
    resold: int = Field(description="units it recorded as resold in the period")
    resold_eur: Decimal = Field(description="what its buyers paid for them")
    sell_through: float | None = Field(
        description="units resold against units handed over to it, both in the period"
    )
    units: list[int] = Field(description="the units behind the figures (ids)")
    terms: PartnerTermsPublic | None = Field(
        default=None, description="its terms in force on the period's last day"
    )
    checks: list[TermCheckPublic] = Field(
        default=[], description="each agreed term against the period's figure"
    )
    disputes: DisputeCountsPublic | None = Field(
        default=None, description="the disputes opened with it in the period"
    )


class PartnerRecordsPublic(Public):
    first: date
    last: date
    items: list[PartnerRecordPublic]


class DisputePublic(Public):
    id: int
    number: str
    site_code: str
    kind: DisputeKind
    text: str
    lpn: str | None = Field(description="the unit it is about (null: the partner as a whole)")
    amount_eur: Decimal | None = Field(description="what it claims")
    opened_by: str
    opened_at: datetime
    by_partner: bool = Field(description="opened by the partner (else by the company)")
    state: DisputeState
    settled_by: str | None
    settled_at: datetime | None
    settlement_note: str
    credit_eur: Decimal | None = Field(description="the credit agreed when accepted")


class DisputesPublic(Public):
    data: list[DisputePublic]
    count: int


class DisputeOpen(Input):
    """A dispute with a partner site, about a unit that went to it (``lpn``) or the partner
    as a whole."""

    site_code: str = Field(min_length=1, max_length=40, examples=["REP-FR-IT"])
    kind: DisputeKind
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    lpn: str | None = Field(default=None, max_length=20)
    amount_eur: Decimal | None = Field(default=None, ge=0, le=MAX_AMOUNT)


class DisputeSettle(Input):
    """Accept (``credit_eur``: by default what was claimed) or reject (with a ``note``)."""

    accept: bool
    note: str = Field(default="", max_length=MAX_TEXT)
    credit_eur: Decimal | None = Field(default=None, ge=0, le=MAX_AMOUNT)
