"""The partners' records over a period: every partner site (repair centres, refurbishers,
resale partners, charities, recyclers, vendors, outlets) with the units handed over to it
and sent to it for work, its turnaround, its work done right the first time and what the
units brought back, held against its terms. A partner user sees its own sites' records
only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.partner_records import (
    PARTNER_KINDS,
    RECORD_EVENTS,
    PartnerRecord,
    SeenEvent,
    records_of,
)
from revalo.domain.people import Permission, User
from revalo.domain.values import utcnow
from revalo.services.guard import reads
from revalo.services.partner_terms import Standing, standings
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import sites_for

#: The period of a record when none is asked: the last four weeks.
DEFAULT_DAYS = 28
#: The longest period a record covers.
MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class PartnerRecords:
    first: date
    last: date
    records: list[PartnerRecord]
    #: Each partner's terms in force on the period's last day, and its record against them.
    standings: dict[str, Standing] = field(default_factory=dict)


def _period(first: date | None, last: date | None) -> tuple[date, date]:
    end = last or utcnow().astimezone(UTC).date()
    start = first or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise InvalidValue(
            f"the period starts ({start.isoformat()}) after it ends ({end.isoformat()})",
            field="first",
        )
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidValue(f"a period covers at most {MAX_DAYS} days", field="first")
    return start, end


@reads(Permission.VIEW_PARTNERS)
def partner_records(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    first: date | None = None,
    last: date | None = None,
) -> PartnerRecords:
    """The records of every partner site (or of ``site_code``) from ``first`` to ``last``
    (days included; by default the last four weeks)."""
    start, end = _period(first, last)
    code = site_code.strip().upper() if site_code else None
    with uow:
        sites = [s for s in uow.sites.list() if s.kind in PARTNER_KINDS]
        if code is not None and code not in {s.code for s in sites}:
            raise NotFound(f"no partner site {code}", field="site_code")
        visible = sites_for(by, code, Permission.VIEW_PARTNERS)
        sites = [s for s in sites if visible is None or s.code in visible]
        events = uow.events.seen_between(
            datetime.combine(start, time(), tzinfo=UTC),
            datetime.combine(end + timedelta(days=1), time(), tzinfo=UTC),
            RECORD_EVENTS,
        )
        records = records_of(sites, events, lot_buyers(uow, events))
        return PartnerRecords(start, end, records, standings(uow, records, start, end))


def lot_buyers(uow: UnitOfWork, events: Iterable[SeenEvent]) -> dict[str, str]:
    """The buyer site of every B2B lot whose units the events sold, by its number."""
    numbers = {str(e.detail["lot"]) for e in events if e.detail.get("lot")}
    buyers = {}
    for number in numbers:
        digits = number.removeprefix("LOT")
        lot = uow.lots.get(int(digits)) if digits.isdigit() else None
        if lot is not None and lot.buyer_site:
            buyers[number] = lot.buyer_site
    return buyers
