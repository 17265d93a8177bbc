"""The cost ledger's use cases: a unit's and a return's costs line by line, and the analysis
of all costs over a period by any dimensions, with the weeks, the drivers and the change
from the previous period. Every figure is the database's sum of the ledger's lines
(``uow.costs``); the pages, the API, the exports and the dashboard all ask here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from revalo.domain.costs import (
    CostLine,
    CostRates,
    CostStage,
    Driver,
    Ledger,
    Row,
    drivers,
    movers,
    rows_of,
    total_row,
)
from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.services.clients import client_filter
from revalo.services.common import get_unit
from revalo.services.cost_ports import (
    DIMENSIONS,
    CostQuery,
    JourneyRow,
    Travelled,
    UnitCost,
)
from revalo.services.cost_rates import load_rates
from revalo.services.dashboard import Period, _midnight, as_of_records, period_ending
from revalo.services.guard import reads
from revalo.services.ports import Page, UnitFilter, UnitOfWork
from revalo.services.scoping import client_for, ensure_sees_return, ensure_sees_unit

#: Period offered by default, in days (eight weeks).
DEFAULT_DAYS = 56
#: At most this many dimensions in one table.
MAX_DIMENSIONS = 3


def parse_dimensions(text: str | Sequence[str] | None) -> tuple[str, ...]:
    """``"site,reason"`` as ("site", "reason"); an unknown name is refused."""
    if text is None:
        return ()
    names = text.split(",") if isinstance(text, str) else list(text)
    out = tuple(n.strip().lower() for n in names if n.strip())
    bad = [n for n in out if n not in DIMENSIONS]
    if bad:
        raise InvalidValue(
            f"unknown dimension {bad[0]!r}: one of {', '.join(DIMENSIONS)}", field="by"
        )
    if len(set(out)) != len(out):
        raise InvalidValue("a dimension is named twice", field="by")
    if len(out) > MAX_DIMENSIONS:
        raise InvalidValue(f"at most {MAX_DIMENSIONS} dimensions at once", field="by")
    return out


def parse_filters(pairs: Mapping[str, str | None]) -> dict[str, str]:
    """The dimensions given a value (an empty value is no filter)."""
    out = {k: v for k, v in pairs.items() if v not in (None, "")}
    parse_dimensions(list(out))
    return {k: str(v) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class UnitCosts:
    lpn: str
    rma_number: str | None
    ledger: Ledger


@reads(Permission.VIEW_COSTS)
def unit_costs(uow: UnitOfWork, lpn: str, *, by: User, config: Path | None = None) -> UnitCosts:
    """A unit's ledger: every line with the record it comes from."""
    rates = load_rates(config)
    with uow:
        unit = get_unit(uow, lpn)
        ensure_sees_unit(by, unit, Permission.VIEW_COSTS)
        lines = uow.costs.lines(rates, as_of_records(uow), unit_ids=[unit.id])
        return UnitCosts(unit.lpn, unit.rma_number, Ledger.of(lines))


@dataclass(frozen=True, slots=True)
class ReturnCosts:
    number: str
    units: list[UnitCosts]

    @property
    def ledger(self) -> Ledger:
        return Ledger.of(line for u in self.units for line in u.ledger.lines)


@reads(Permission.VIEW_COSTS)
def return_costs(
    uow: UnitOfWork, number: str, *, by: User, config: Path | None = None
) -> ReturnCosts:
    """A return's ledger: the lines of each of its units, and its refunds."""
    rates = load_rates(config)
    with uow:
        rma = uow.returns.get(number.strip().upper())
        if rma is None:
            raise NotFound(f"no return {number}", field="number")
        ensure_sees_return(by, rma, Permission.VIEW_COSTS)
        units = _units_of(uow, rma.number)
        lines = uow.costs.lines(rates, as_of_records(uow), unit_ids=[u.id for u in units])
        per: dict[int, list[CostLine]] = {u.id: [] for u in units}
        for line in lines:
            if line.unit_id is not None:
                per[line.unit_id].append(line)
        return ReturnCosts(
            rma.number, [UnitCosts(u.lpn, u.rma_number, Ledger.of(per[u.id])) for u in units]
        )


def _units_of(uow: UnitOfWork, number: str) -> list[ReturnedUnit]:
    page = uow.units.list(UnitFilter(rma_number=number), limit=1_000, offset=0)
    return sorted(page.items, key=lambda u: u.id)


# -- the analysis ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CostAnalysis:
    period: Period
    previous: Period
    by: tuple[str, ...]
    where: dict[str, str]
    rows: list[Row]
    total: Row
    previous_total: Row
    weeks: list[Row]
    drivers: list[Driver]
    movers: list[Driver]
    client_code: str | None = None
    stages: list[CostStage] = field(default_factory=list)


def choose_period(
    uow: UnitOfWork, first: date | None, last: date | None, days: int | None
) -> tuple[Period, datetime]:
    """``first``..``last`` (whole days, both included), else the ``days`` up to the latest
    record. Call inside an open unit of work."""
    as_of = as_of_records(uow)
    if first is None and last is None:
        return period_ending(as_of, days or DEFAULT_DAYS), as_of
    if first is None or last is None:
        raise InvalidValue("give both the first and the last day of the period", field="from")
    if last < first:
        raise InvalidValue(f"the period ends ({last}) before it starts ({first})", field="to")
    start, end = _midnight(first), _midnight(last + timedelta(days=1))
    return Period(start, end, (last - first).days + 1), min(as_of, end)


def _previous(p: Period) -> Period:
    length = p.end - p.start
    return Period(p.start - length, p.start, p.days)


def _query(
    period: Period, as_of: datetime, by: tuple[str, ...], where: dict[str, str], client: str | None
) -> CostQuery:
    return CostQuery(period.start, period.end, as_of, by, where, client)


@reads(Permission.VIEW_COSTS)
def cost_analysis(
    uow: UnitOfWork,
    *,
    by: User,
    group_by: tuple[str, ...] = (),
    where: Mapping[str, str] | None = None,
    first: date | None = None,
    last: date | None = None,
    days: int | None = None,
    client_code: str | None = None,
    config: Path | None = None,
    rates: CostRates | None = None,
) -> CostAnalysis:
    """Costs by stage of the lines of the period, per group of ``group_by``, with the weeks,
    the largest costs (stage, part, site) and what changed from the previous period."""
    rates = rates or load_rates(config)
    client = client_for(by, client_code, Permission.VIEW_COSTS)
    flt = parse_filters(where or {})
    group_by = parse_dimensions(group_by)
    with uow:
        client = client_filter(uow, client)
        period, as_of = choose_period(uow, first, last, days)
        before = _previous(period)
        q = _query(period, as_of, group_by, flt, client)
        key3 = ("stage", "part", "site")
        # The table, the weeks and the drivers are sums of the same lines (read at once
        # where they can be); the drivers need no units, the previous period all its units.
        table, weekly, now = uow.costs.sums(rates, q, [group_by, ("week",), key3])
        units, all_units = uow.costs.units(rates, q)
        rows = rows_of(table, units)
        week_units, _ = uow.costs.units(rates, _query(period, as_of, ("week",), flt, client))
        weeks = sorted(rows_of(weekly, week_units), key=lambda r: r.key)
        was_q = _query(before, before.end, (), flt, client)
        [was] = uow.costs.sums(rates, was_q, [key3])
        _, was_units = uow.costs.units(rates, was_q)
        prev_rows = rows_of(was, {})
        now_c = {t.key: t.cents for t in now}
        was_c = {t.key: t.cents for t in was}
        return CostAnalysis(
            period=period,
            previous=before,
            by=group_by,
            where=flt,
            rows=rows,
            total=total_row(rows, all_units),
            previous_total=total_row(prev_rows, was_units),
            weeks=weeks,
            drivers=drivers(now_c, was_c),
            movers=movers(now_c, was_c),
            client_code=client,
            stages=[s for s in CostStage if any(s in r.stages for r in rows)],
        )


@reads(Permission.VIEW_COSTS)
def units_behind(
    uow: UnitOfWork,
    *,
    by: User,
    where: Mapping[str, str] | None = None,
    first: date | None = None,
    last: date | None = None,
    days: int | None = None,
    client_code: str | None = None,
    limit: int = 50,
    offset: int = 0,
    config: Path | None = None,
) -> Page[UnitCost]:
    """The units whose lines make a figure (the lines of the period with these values)."""
    rates = load_rates(config)
    client = client_for(by, client_code, Permission.VIEW_COSTS)
    flt = parse_filters(where or {})
    with uow:
        client = client_filter(uow, client)
        period, as_of = choose_period(uow, first, last, days)
        rows, total = uow.costs.units_behind(
            rates, _query(period, as_of, (), flt, client), limit=limit, offset=offset
        )
        return Page(rows, total)


@dataclass(frozen=True, slots=True)
class Journeys:
    period: Period
    by: tuple[str, ...]
    rows: list[JourneyRow]
    weeks: list[JourneyRow]
    travelled: Travelled


@reads(Permission.VIEW_COSTS)
def journeys(
    uow: UnitOfWork,
    *,
    by: User,
    group_by: tuple[str, ...] = ("lane", "mode"),
    first: date | None = None,
    last: date | None = None,
    days: int | None = None,
    client_code: str | None = None,
    km_over: float = 1_000.0,
    legs_over: int = 3,
) -> Journeys:
    """Kilometres and CO2e per unit by lane and mode (or carrier, service), by week, and the
    units that travelled more than ``km_over`` km or were shipped more than ``legs_over``
    times."""
    if km_over < 0 or legs_over < 0:
        raise InvalidValue("the thresholds cannot be negative", field="km_over")
    client = client_for(by, client_code, Permission.VIEW_COSTS)
    with uow:
        client = client_filter(uow, client)
        period, as_of = choose_period(uow, first, last, days)
        q = _query(period, as_of, tuple(group_by), {}, client)
        weeks = uow.costs.journeys(_query(period, as_of, ("week",), {}, client))
        return Journeys(
            period,
            tuple(group_by),
            uow.costs.journeys(q),
            sorted(weeks, key=lambda r: r.key),
            uow.costs.travelled(q, km=km_over, times=legs_over),
        )
