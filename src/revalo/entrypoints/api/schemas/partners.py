"""The partners' records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import Field

from revalo.domain.catalog import SiteKind
from revalo.entrypoints.api.schemas.base import Public


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
    recovered_eur: Decimal = Field(description="payments recorded for the units handed over")
    sold_eur: Decimal = Field(description="sales made at its site")
    units: list[int] = Field(description="the units behind the figures (ids)")


class PartnerRecordsPublic(Public):
    first: date
    last: date
    items: list[PartnerRecordPublic]
