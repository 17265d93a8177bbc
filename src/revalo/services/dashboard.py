"""Read-only questions of the web pages: the flow manager's dashboard and the ageing of the
parallel stock (the decision queue is in ``decision_queue``, the network's flows in
``network_map``).

Every figure over many units is an aggregation done by the database (see
``adapters/reports.py``): no page loads all units into Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from revalo.domain.catalog import Site
from revalo.domain.costs import WORK_STAGES, CostRates, eur
from revalo.domain.people import Permission, User
from revalo.domain.units import UnitState
from revalo.domain.values import as_utc, utcnow
from revalo.services.clients import client_filter
from revalo.services.common import get_site
from revalo.services.cost_ports import CostQuery
from revalo.services.cost_rates import load_rates
from revalo.services.guard import reads
from revalo.services.ports import LegTotals, UnitFilter, UnitOfWork
from revalo.services.reports import Dwell
from revalo.services.scoping import client_for

#: Upper bounds (days, excluded) of the age buckets of the parallel stock; the last bucket
#: holds everything older.
AGE_EDGES: tuple[int, ...] = (3, 7, 14, 28, 56)
#: A unit still in the parallel stock after this many days is flagged as waiting too long:
#: the 14-day refund deadline after a withdrawal (Directive 2011/83/EU art. 13).
#: Each page may ask for another threshold.
STALE_DAYS = 14
#: Periods offered by the dashboard's filter, in days.
PERIODS: tuple[int, ...] = (7, 28, 56, 91)


# -- read models (rows of the report repository) -----------------------------------------------
@dataclass(frozen=True, slots=True)
class AgeCount:
    """Units in stock of one group (a site, a location or all: ``key`` "") in one age
    bucket (an index into the buckets of ``AGE_EDGES``)."""

    key: str
    bucket: int
    count: int


@dataclass(frozen=True, slots=True)
class StaleUnit:
    lpn: str
    site_code: str
    location_code: str
    state: str
    product: str
    days: float


@dataclass(frozen=True, slots=True)
class WorkCost:
    """Work orders completed in a period: how many, on how many units, their labour
    minutes and the parts they used (EUR)."""

    orders: int
    units: int
    labour_minutes: int
    parts_cost: Decimal


@dataclass(frozen=True, slots=True)
class Flow:
    """Units that went from one site to another: ``transfer`` between sites of the network,
    ``dispatch`` to a partner on their disposition route."""

    origin: str
    destination: str
    kind: str
    units: int


@dataclass(frozen=True, slots=True)
class Inflow:
    """Units customers of one country sent to a site; ``lat``/``lon`` are the mean position
    of those customers."""

    country: str
    site_code: str
    units: int
    lat: float
    lon: float


# -- periods -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Period:
    """Whole UTC days ``[start, end)``; ``days`` None: all the history."""

    start: datetime
    end: datetime
    days: int | None

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        return (self.end - timedelta(days=1)).date()


def _midnight(d: date) -> datetime:
    return as_utc(datetime.combine(d, time()))


def period_ending(as_of: datetime, days: int | None, first: datetime | None = None) -> Period:
    """The ``days`` whole days up to the day of ``as_of`` included; with None, from the day
    of ``first`` (the earliest record) on."""
    end = _midnight(as_of.date() + timedelta(days=1))
    if days is None:
        start = _midnight((first or as_of).date())
    else:
        start = end - timedelta(days=max(1, days))
    return Period(start, end, days)


def as_of_records(uow: UnitOfWork) -> datetime:
    """The moment the pages measure at: the latest recorded unit event (a replayed or
    imported history reads right), else now. Call inside an open unit of work."""
    return uow.reports.latest_event_at() or utcnow()


# -- dashboard ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    received: int
    graded: int
    left: int


@dataclass(frozen=True, slots=True)
class SiteStateCount:
    site_code: str
    name: str
    by_state: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_state.values())


@dataclass(frozen=True, slots=True)
class AgeBucket:
    label: str
    count: int
    stale: bool


@dataclass(frozen=True, slots=True)
class Dashboard:
    as_of: datetime
    period: Period
    days: list[DayCount]
    weeks: list[DayCount]  # ``day``: the Monday of the ISO week
    returns_requested: int
    stock_by_site: list[SiteStateCount]
    stock_by_grade: dict[str, int]
    ages: list[AgeBucket]
    stale_days: int
    stale_count: int
    oldest: list[StaleUnit]
    dwell: Dwell | None
    routes: dict[str, int]
    units_valued: int
    value_received: Decimal
    work: WorkCost
    labour_eur_per_hour: float
    #: What the completed work orders cost in the ledger (labour at each site's rate, parts,
    #: wipe licences), the same figure as the costs page's.
    work_ledger_cost: Decimal
    #: The legs travelled in the period (return parcels, transfers, trips out).
    transport: LegTotals
    #: Units that left the stock in the period, their new price and what they brought.
    units_left_valued: int
    value_left: Decimal
    recovered: Decimal
    states: list[str] = field(default_factory=list)
    #: The client whose goods alone every figure counts (None: all goods).
    client_code: str | None = None

    @property
    def received(self) -> int:
        return sum(d.received for d in self.days)

    @property
    def graded(self) -> int:
        return sum(d.graded for d in self.days)

    @property
    def left(self) -> int:
        return sum(d.left for d in self.days)

    @property
    def in_stock(self) -> int:
        return sum(s.total for s in self.stock_by_site)

    @property
    def processing_cost(self) -> Decimal:
        """The completed work orders' labour, parts and licences, as the cost ledger counts
        them."""
        return self.work_ledger_cost

    @property
    def cost_per_unit(self) -> Decimal | None:
        """Processing cost per unit worked on in the period; None when none was."""
        if not self.work.units:
            return None
        return (self.processing_cost / self.work.units).quantize(Decimal("0.01"))


def age_labels(edges: Sequence[int] = AGE_EDGES) -> list[str]:
    """``0-2 d``, ``3-6 d``, ..., ``56+ d`` for the buckets of ``edges``."""
    labels, low = [], 0
    for edge in edges:
        labels.append(f"{low}-{edge - 1}")
        low = edge
    labels.append(f"{low}+")
    return labels


def _series(counts: list[dict[date, int]], period: Period) -> list[DayCount]:
    received, graded, left = counts
    out, d = [], period.first_day
    while d <= period.last_day:
        out.append(DayCount(d, received.get(d, 0), graded.get(d, 0), left.get(d, 0)))
        d += timedelta(days=1)
    return out


def _weeks(days: list[DayCount]) -> list[DayCount]:
    weeks: dict[date, list[int]] = {}
    for d in days:
        monday = d.day - timedelta(days=d.day.weekday())
        w = weeks.setdefault(monday, [0, 0, 0])
        w[0] += d.received
        w[1] += d.graded
        w[2] += d.left
    return [DayCount(k, *v) for k, v in sorted(weeks.items())]


def _first_record(uow: UnitOfWork, as_of: datetime, client_code: str | None) -> datetime:
    page = uow.units.list(UnitFilter(client_code=client_code), limit=1, offset=0)
    return page.items[0].received_at if page.items else as_of


@reads(Permission.VIEW_DASHBOARD)
def dashboard(
    uow: UnitOfWork,
    *,
    by: User,
    days: int | None = 28,
    stale_days: int = STALE_DAYS,
    oldest: int = 8,
    config: Path | None = None,
    client_code: str | None = None,
) -> Dashboard:
    """The flow manager's dashboard over the ``days`` whole days up to the latest recorded
    event (None: all the history); the stock figures are as of that moment. With
    ``client_code``, every figure counts that client's goods only."""
    # The engine (NumPy, HiGHS) is loaded by the first page that needs it, not with the
    # report rows that the adapters share.
    client_code = client_for(by, client_code, Permission.VIEW_DASHBOARD)
    rates = load_rates(config)
    labour = rates.labour_cents_per_hour / 100
    with uow:
        client = client_filter(uow, client_code)
        r = uow.reports.for_client(client)
        as_of = as_of_records(uow)
        first = _first_record(uow, as_of, client) if days is None else None
        period = period_ending(as_of, days, first)
        s, e = period.start, period.end
        series = _series(
            [r.units_received_by_day(s, e), r.units_graded_by_day(s, e), r.units_left_by_day(s, e)],
            period,
        )
        names = {site.code: site.name for site in uow.sites.list()}
        by_site: dict[str, dict[str, int]] = {}
        for (site, state), n in r.stock_by_site_and_state().items():
            by_site.setdefault(site, {})[state] = n
        edges = (*AGE_EDGES[: _stale_index(stale_days)], stale_days, *_after(stale_days))
        ages = {a.bucket: a.count for a in r.stock_ages(as_of, edges, by="all")}
        stale_from = edges.index(stale_days) + 1
        labels = age_labels(edges)
        stale_rows, stale_total = r.oldest_in_stock(as_of, min_days=stale_days, limit=oldest)
        dwell = r.dwell_in_stock(as_of, by_site=False)
        n_valued, value = r.value_received(s, e)
        left_n, left_value, recovered = r.value_recovered(s, e)
        return Dashboard(
            as_of=as_of,
            period=period,
            days=series,
            weeks=_weeks(series),
            returns_requested=r.returns_requested(s, e),
            stock_by_site=sorted(
                (SiteStateCount(code, names.get(code, code), st) for code, st in by_site.items()),
                key=lambda x: (-x.total, x.site_code),
            ),
            stock_by_grade={f"{f}/{c}" if f else "": n for (f, c), n in r.stock_by_grade().items()},
            ages=[
                AgeBucket(label, ages.get(i, 0), i >= stale_from) for i, label in enumerate(labels)
            ],
            stale_days=stale_days,
            stale_count=stale_total,
            oldest=stale_rows,
            dwell=dwell[0] if dwell else None,
            routes=dict(sorted(r.routes_of_units_received(s, e).items(), key=lambda kv: -kv[1])),
            units_valued=n_valued,
            value_received=value,
            work=r.work_cost(s, e),
            labour_eur_per_hour=labour,
            work_ledger_cost=_work_cost(uow, rates, period, as_of, client),
            transport=uow.legs.totals(s, e, client_code=client),
            units_left_valued=left_n,
            value_left=left_value,
            recovered=recovered,
            states=[st.value for st in UnitState if st.value in _states(by_site)],
            client_code=client,
        )


def _work_cost(
    uow: UnitOfWork, rates: CostRates, period: Period, as_of: datetime, client: str | None
) -> Decimal:
    """The work stages of the cost ledger in the period (``services.costs`` analyses them)."""
    work = frozenset(s.value for s in WORK_STAGES)
    q = CostQuery(period.start, period.end, as_of, ("stage",), {}, client, stages=work)
    return eur(sum(t.cents for t in uow.costs.grouped(rates, q).totals if t.stage in work))


def _states(by_site: dict[str, dict[str, int]]) -> set[str]:
    return {state for states in by_site.values() for state in states}


def _stale_index(stale_days: int) -> int:
    """How many of the standard edges fall below the stale threshold."""
    return sum(1 for edge in AGE_EDGES if edge < stale_days)


def _after(stale_days: int) -> tuple[int, ...]:
    """One more bucket past the threshold, so that very old units stand apart."""
    later = [edge for edge in AGE_EDGES if edge > stale_days]
    return (later[0],) if later else (stale_days * 2,)


# -- sites and stock ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AgeRow:
    key: str
    name: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class StockAgeing:
    as_of: datetime
    labels: list[str]
    stale_from: int  # index of the first bucket flagged as waiting too long
    rows: list[AgeRow]
    site: Site | None

    @property
    def totals(self) -> list[int]:
        return [sum(r.counts[i] for r in self.rows) for i in range(len(self.labels))]


@reads(Permission.VIEW_STOCK)
def stock_ageing(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    client_code: str | None = None,
) -> StockAgeing:
    """Units in the parallel stock by age bucket: per site, or per location of one site;
    of one client's goods only with ``client_code``."""
    client_code = client_for(by, client_code, Permission.VIEW_STOCK)
    with uow:
        reports = uow.reports.for_client(client_filter(uow, client_code))
        site = None
        if site_code:
            site = get_site(uow, site_code)
        as_of = as_of_records(uow)
        per = "location" if site else "site"
        counts: dict[str, list[int]] = {}
        for a in reports.stock_ages(
            as_of, AGE_EDGES, by=per, site_code=site.code if site else None
        ):
            counts.setdefault(a.key, [0] * (len(AGE_EDGES) + 1))[a.bucket] += a.count
        if site:
            names = {loc.code: loc.kind.value for loc in uow.sites.locations(site.code)}
        else:
            names = {s.code: s.name for s in uow.sites.list()}
        rows = [AgeRow(k, names.get(k, k), v) for k, v in counts.items()]
        rows.sort(key=lambda row: (-row.total, row.key))
        stale_from = sum(1 for edge in AGE_EDGES if edge <= STALE_DAYS)
        return StockAgeing(as_of, age_labels(), stale_from, rows, site)


# -- the decision queue --------------------------------------------------------------------------
