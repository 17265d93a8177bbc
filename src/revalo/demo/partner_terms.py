"""The partners' terms of the demo, agreed on its first day through the use case: the
repair centres and the refurbisher held to a turnaround and a first-time-right share, the
outlets and resale partners to the share of the new price they pay; the refurbisher's
turnaround renegotiated half-way (its team takes leave), so that its terms have two
versions. The figures are the demo's own assumptions, not market data."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from revalo.demo.calendar import Calendar
from revalo.domain.people import User
from revalo.services import partner_terms
from revalo.services.ports import BatchUnitOfWork

#: site: (price share, turnaround in days, first-time-right share); no note (a note is the
#: manager's own words, in the manager's language).
TERMS: dict[str, tuple[str | None, int | None, str | None]] = {
    "REP-FR-IT": (None, 7, "0.95"),
    "REP-ES-IT": (None, 7, "0.95"),
    "REP-DE-HA": (None, 10, "0.92"),
    "REP-IT-TV": (None, 10, "0.92"),
    "REP-FR-MOB": (None, 14, "0.90"),
    "REF-NL": (None, 10, "0.97"),
    "OUT-FR": ("0.20", None, None),
    "OUT-BE": ("0.20", None, None),
    "OUT-DE": ("0.20", None, None),
    "OUT-ES": ("0.18", None, None),
    "OUT-IT": ("0.18", None, None),
    "OUT-NL": ("0.20", None, None),
    "RES-FR": ("0.30", None, None),
    "RES-DE": ("0.30", None, None),
    "RES-NL": ("0.30", None, None),
}
#: The refurbisher's turnaround from half-way through the demo (days).
REF_NL_LATER = 14


def agree_terms(uow: BatchUnitOfWork, calendar: Calendar, by: User) -> None:
    first = calendar.start
    with uow.batch(isolate_failures=False):
        for site, (share, days, right) in TERMS.items():
            partner_terms.set_terms(
                uow, site_code=site, valid_from=first.date(), price_share=share,
                turnaround_days=days, first_time_right=right, by=by, at=first,
            )  # fmt: skip
        halfway = first + timedelta(days=calendar.days // 2)
        partner_terms.set_terms(
            uow, site_code="REF-NL", valid_from=halfway.date(), turnaround_days=REF_NL_LATER,
            first_time_right=Decimal("0.97"), by=by, at=halfway - timedelta(days=3),
        )  # fmt: skip
