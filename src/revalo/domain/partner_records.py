"""A partner's record over a period, from the units' own events: the units handed over to it
for good (a recycler, a charity, a resale partner, a vendor), the units that came to it for
work (a repair centre, a refurbisher) and how long they stayed before leaving it, the work
it did right the first time, what the units brought back (a partner's payment for the
units handed over, the sales made at its site) and what a reseller sold again of them.

Nothing here is recorded twice: every figure is counted from the events of the period, and
each unit behind a figure can be followed on its own trail."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.events import EventType
from revalo.domain.partner_resales import RESALE_REPORT, RESELLER_KINDS

#: The kinds of site run by partners (the company's own hubs are not partners).
PARTNER_KINDS = frozenset(
    {
        SiteKind.REPAIR_CENTRE,
        SiteKind.REFURBISHER,
        SiteKind.RESALE_PARTNER,
        SiteKind.CHARITY,
        SiteKind.RECYCLER,
        SiteKind.VENDOR,
        SiteKind.OUTLET,
    }
)
#: The events a record is made of.
RECORD_EVENTS = frozenset(
    {
        EventType.ARRIVED,
        EventType.SHIPPED,
        EventType.DISPATCHED,
        EventType.WORK_COMPLETED,
        EventType.WORK_FAILED,
        EventType.PROCEEDS_RECORDED,
        EventType.REPORTED,
    }
)
_SECONDS_A_DAY = 86_400


@dataclass(frozen=True, slots=True)
class SeenEvent:
    """What a record reads of one unit event."""

    unit_id: int
    type: EventType
    at: datetime
    site_code: str | None
    detail: dict[str, Any]


@dataclass(frozen=True, slots=True)
class PartnerRecord:
    """One partner site's figures over a period (turnaround in days; a share from 0 to 1;
    None where nothing was there to measure)."""

    code: str
    name: str
    kind: SiteKind
    country: str
    handed_over: int
    arrived: int
    left: int
    turnaround_median_days: float | None
    turnaround_p90_days: float | None
    work_done: int
    work_failed: int
    recovered_eur: Decimal
    sold_eur: Decimal
    #: The units it resold, as it recorded them, and what its buyers paid for them.
    resold: int
    resold_eur: Decimal
    #: The units handed over or arrived, for the drill-down (unit ids).
    units: tuple[int, ...] = field(default=(), repr=False)
    #: The units handed over to it for good (unit ids), whose price as new its payments
    #: are held against.
    handed_units: tuple[int, ...] = field(default=(), repr=False)

    @property
    def first_time_right(self) -> float | None:
        """The share of its work orders done without a failure."""
        done = self.work_done + self.work_failed
        return self.work_done / done if done else None

    @property
    def sell_through(self) -> float | None:
        """The units it resold against those handed over to it, both in the period (as a
        shop counts it: more than 1 when older stock sold too); None for a partner that
        does not resell."""
        if self.kind not in RESELLER_KINDS or not self.handed_over:
            return None
        return self.resold / self.handed_over


def _money(detail: dict[str, Any], key: str) -> Decimal:
    try:
        return Decimal(str(detail.get(key) or "0"))
    except ArithmeticError:
        return Decimal("0")


def _p90(values: Sequence[float]) -> float:
    """The 90th percentile, by the nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 9 // 10) - 1)]


def handed_to(e: SeenEvent, buyers: Mapping[str, str]) -> str | None:
    """The site a dispatched unit was handed over to for good: the destination it was sent
    to, or the buyer of the B2B lot it was sold in (``buyers``: by lot number)."""
    if e.type is not EventType.DISPATCHED:
        return None
    to = e.detail.get("destination_site")
    if isinstance(to, str):
        return to
    return buyers.get(str(e.detail.get("lot") or ""))


def resold_by(e: SeenEvent) -> str | None:
    """The site that recorded the resale the event says (None: the event is no resale)."""
    if e.type is not EventType.REPORTED or e.detail.get("report") != RESALE_REPORT:
        return None
    site = e.detail.get("site")
    return site if isinstance(site, str) else None


def record_of(
    site: Site, events: Iterable[SeenEvent], buyers: Mapping[str, str] | None = None
) -> PartnerRecord:
    """The record of ``site`` from the period's events (in time order) of every unit;
    ``buyers``: the buyer site of each B2B lot, by its number (a lot's units are handed
    over to its buyer, who pays their share of its price)."""
    buyers = buyers or {}
    code = site.code
    handed: set[int] = set()
    came: dict[int, datetime] = {}
    visited: set[int] = set()
    stays: list[float] = []
    left = done = failed = resold = 0
    recovered = sold = resold_eur = Decimal("0")
    for e in events:
        if handed_to(e, buyers) == code:
            handed.add(e.unit_id)
            if e.detail.get("lot"):
                recovered += _money(e.detail, "price_eur")
        elif e.type is EventType.ARRIVED and e.site_code == code:
            came[e.unit_id] = e.at
            visited.add(e.unit_id)
        elif e.type is EventType.PROCEEDS_RECORDED and e.unit_id in handed:
            recovered += _money(e.detail, "amount_eur")
        elif resold_by(e) == code:
            resold += 1
            resold_eur += _money(e.detail, "price_eur")
        elif e.type in (EventType.WORK_COMPLETED, EventType.WORK_FAILED) and e.site_code == code:
            done += e.type is EventType.WORK_COMPLETED
            failed += e.type is EventType.WORK_FAILED
        leaving = (e.type is EventType.SHIPPED and e.detail.get("from_site") == code) or (
            e.type is EventType.DISPATCHED and e.site_code == code
        )
        if leaving:
            if e.type is EventType.DISPATCHED:
                sold += _money(e.detail, "price_eur")
            arrived_at = came.pop(e.unit_id, None)
            if arrived_at is not None:
                left += 1
                stays.append((e.at - arrived_at).total_seconds() / _SECONDS_A_DAY)
    arrived = left + len(came)
    return PartnerRecord(
        code=code,
        name=site.name,
        kind=site.kind,
        country=site.country,
        handed_over=len(handed),
        arrived=arrived,
        left=left,
        turnaround_median_days=round(statistics.median(stays), 1) if stays else None,
        turnaround_p90_days=round(_p90(stays), 1) if stays else None,
        work_done=done,
        work_failed=failed,
        recovered_eur=recovered,
        sold_eur=sold,
        resold=resold,
        resold_eur=resold_eur,
        units=tuple(sorted(handed | visited)),
        handed_units=tuple(sorted(handed)),
    )


def records_of(
    sites: Iterable[Site], events: Iterable[SeenEvent], buyers: Mapping[str, str] | None = None
) -> list[PartnerRecord]:
    """Each site's record, from one pass over the period's events: each event goes to the
    sites it concerns (where it happened, where the unit was sent or sold in a lot, where it
    left from, who resold it; a payment, to the site its unit was handed over to)."""
    buyers = buyers or {}
    mine: dict[str, list[SeenEvent]] = {}
    holder: dict[int, str] = {}
    for e in events:
        to = handed_to(e, buyers)
        concerned = {e.site_code, to, e.detail.get("from_site"), resold_by(e)}
        if to is not None:
            holder[e.unit_id] = to
        if e.type is EventType.PROCEEDS_RECORDED:
            concerned = {holder.get(e.unit_id)}
        for code in concerned:
            if isinstance(code, str):
                mine.setdefault(code, []).append(e)
    return [record_of(s, mine.get(s.code, ()), buyers) for s in sorted(sites, key=lambda s: s.code)]


def concerns(events: Iterable[SeenEvent], code: str, buyers: Mapping[str, str]) -> bool:
    """Whether a unit's events (``events``) ever brought it to the site ``code``: handed
    over to it, arrived at it, worked on or sent from it."""
    for e in events:
        if handed_to(e, buyers) == code or e.site_code == code:
            return True
        if e.detail.get("from_site") == code:
            return True
    return False
