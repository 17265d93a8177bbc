"""The summary a flow manager reads first: returns and units by state, where the units are,
and how long they stay in the parallel stock.

Every figure is an aggregation done by the database (see ``adapters/reports.py``); no unit
is loaded to compute it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from revalo.domain.people import Permission, User
from revalo.domain.values import as_utc
from revalo.services.clients import client_filter
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import client_for


@dataclass(frozen=True, slots=True)
class SiteStock:
    """Units at a site now (those on their way there included), and units that left the
    parallel stock from it."""

    site_code: str
    name: str
    kind: str
    in_stock: int
    left: int


@dataclass(frozen=True, slots=True)
class Dwell:
    """Days spent in the parallel stock by a group of units. ``site_code`` None: all sites.

    The median of an even count is the mean of the two middle values; p90 is the nearest
    rank (the smallest value at or above 90 % of the units)."""

    site_code: str | None
    count: int
    median_days: float
    p90_days: float
    max_days: float


@dataclass(frozen=True, slots=True)
class ReturnCount:
    """Return requests sharing a reason or a product category: how many returns name it,
    how many units they ask to send and how many were received against them."""

    key: str
    returns: int
    units_requested: int
    units_received: int


@dataclass(frozen=True, slots=True)
class ReturnsSummary:
    #: The moment dwell times are measured at: the latest recorded unit event unless asked.
    as_of: datetime | None
    total_units: int
    total_returns: int
    units_by_state: dict[str, int]
    units_by_route: dict[str, int]
    units_by_site: list[SiteStock]
    #: Units still in the parallel stock: days since they were received, per site.
    dwell_in_stock: list[Dwell]
    dwell_in_stock_overall: Dwell | None
    #: Units that left the parallel stock: days from being received to leaving, per site
    #: they left from.
    time_to_leave: list[Dwell]
    time_to_leave_overall: Dwell | None
    returns_by_state: dict[str, int]
    returns_by_reason: list[ReturnCount]
    returns_by_category: list[ReturnCount]
    #: The client whose goods alone the figures count (None: all goods).
    client_code: str | None = None


def _one(rows: Sequence[Dwell]) -> Dwell | None:
    return rows[0] if rows else None


@reads(Permission.VIEW_REPORTS)
def summary(
    uow: UnitOfWork,
    *,
    by: User,
    as_of: datetime | None = None,
    client_code: str | None = None,
) -> ReturnsSummary:
    """The summary of the whole database, or of one client's goods (``client_code``; a
    client user's always). Dwell times are measured at ``as_of``, by default at the latest
    unit event recorded (so a replayed or imported history reads right)."""
    client_code = client_for(by, client_code, Permission.VIEW_REPORTS)
    with uow:
        client = client_filter(uow, client_code)
        r = uow.reports.for_client(client)
        when = as_utc(as_of) if as_of else r.latest_event_at()
        in_stock: Sequence[Dwell] = ()
        overall: Sequence[Dwell] = ()
        if when is not None:
            in_stock = r.dwell_in_stock(when, by_site=True)
            overall = r.dwell_in_stock(when, by_site=False)
        return ReturnsSummary(
            as_of=when,
            total_units=r.count_units(),
            total_returns=r.count_returns(),
            units_by_state=r.units_by_state(),
            units_by_route=r.units_by_route(),
            units_by_site=list(r.units_by_site()),
            dwell_in_stock=list(in_stock),
            dwell_in_stock_overall=_one(overall),
            time_to_leave=list(r.time_to_leave(by_site=True)),
            time_to_leave_overall=_one(r.time_to_leave(by_site=False)),
            returns_by_state=r.returns_by_state(),
            returns_by_reason=list(r.returns_by_reason()),
            returns_by_category=list(r.returns_by_category()),
            client_code=client,
        )
