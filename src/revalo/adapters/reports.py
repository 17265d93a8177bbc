"""The report queries: counts and dwell-time statistics computed by the database.

Medians and 90th percentiles use window functions (``row_number`` and ``count`` over a
partition), which SQLite (3.25+) and PostgreSQL both have, so only a handful of rows per
site come back, never the units themselves. Those few rows are sorted here rather than by
the database, so that their order does not depend on a database's collation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.client_repositories import of_client_units
from revalo.domain.events import EventType
from revalo.domain.units import UnitState
from revalo.services.dashboard import AgeCount, Flow, Inflow, StaleUnit, WorkCost
from revalo.services.reports import Dwell, ReturnCount, SiteStock

_DAY_SECONDS = 86_400.0


def _day(value: Any) -> date:
    """``date(x)`` comes back as text from SQLite and as a date from PostgreSQL."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _text(value: Any) -> str:
    """Enum columns come back as enum members; reports use their values."""
    return str(getattr(value, "value", value))


class SqlReportRepository:
    """Every figure over all goods, or (``client_code``) over one client's goods only."""

    def __init__(self, session: Session, client_code: str | None = None) -> None:
        self.session = session
        self.client_code = client_code

    def for_client(self, client_code: str | None) -> SqlReportRepository:
        return SqlReportRepository(self.session, client_code)

    # -- the client's goods: conditions added to every query --------------------------------
    def _units(self) -> list[Any]:
        """On the units table: its rows of the client."""
        if self.client_code is None:
            return []
        return [orm.units.c.client_code == self.client_code]

    def _of_units(self, unit_id: sa.ColumnElement[Any]) -> list[Any]:
        """On a table of what happened to units: its rows about the client's units."""
        return of_client_units(unit_id, self.client_code)

    def _returns(self) -> list[Any]:
        if self.client_code is None:
            return []
        return [orm.return_requests.c.client_code == self.client_code]

    # -- counts -----------------------------------------------------------------------------
    def count_units(self) -> int:
        stmt = sa.select(sa.func.count()).select_from(orm.units).where(*self._units())
        return int(self.session.scalar(stmt) or 0)

    def count_returns(self) -> int:
        stmt = sa.select(sa.func.count()).select_from(orm.return_requests).where(*self._returns())
        return int(self.session.scalar(stmt) or 0)

    def _count_by(
        self, column: sa.ColumnElement[Any], where: list[Any], empty: str = ""
    ) -> dict[str, int]:
        """Counts by value, the largest first."""
        stmt = sa.select(column, sa.func.count()).where(*where).group_by(column)
        rows = [
            (_text(key) if key is not None else empty, int(count))
            for key, count in self.session.execute(stmt)
        ]
        return dict(sorted(rows, key=lambda row: (-row[1], row[0])))

    def units_by_state(self) -> dict[str, int]:
        return self._count_by(orm.units.c.state, self._units())

    def units_by_route(self) -> dict[str, int]:
        return self._count_by(orm.units.c.route, self._units(), empty="undecided")

    def returns_by_state(self) -> dict[str, int]:
        return self._count_by(orm.return_requests.c.state, self._returns())

    def units_by_site(self) -> Sequence[SiteStock]:
        u, s = orm.units.c, orm.sites.c
        in_stock = sa.func.sum(sa.case((u.location_code.is_not(None), 1), else_=0))
        left = sa.func.sum(sa.case((u.location_code.is_(None), 1), else_=0))
        stmt = (
            sa.select(s.code, s.name, s.kind, in_stock, left)
            .join_from(orm.units, orm.sites, u.site_code == s.code)
            .where(*self._units())
            .group_by(s.code, s.name, s.kind)
        )
        rows = [
            SiteStock(code, name, _text(kind), int(n_in or 0), int(n_left or 0))
            for code, name, kind, n_in, n_left in self.session.execute(stmt)
        ]
        return sorted(rows, key=lambda r: r.site_code)

    def _returns_by(self, key: sa.ColumnElement[Any], join_products: bool) -> list[ReturnCount]:
        ln = orm.return_lines.c
        stmt = sa.select(
            key,
            sa.func.count(sa.distinct(ln.rma_id)),
            sa.func.sum(ln.quantity),
            sa.func.sum(ln.received_quantity),
        )
        if join_products:
            stmt = stmt.join_from(orm.return_lines, orm.products, ln.sku == orm.products.c.sku)
        if self.client_code is not None:
            r = orm.return_requests.c
            stmt = stmt.where(ln.rma_id.in_(sa.select(r.id).where(*self._returns())))
        rows = [
            ReturnCount(_text(k), int(n), int(req or 0), int(got or 0))
            for k, n, req, got in self.session.execute(stmt.group_by(key))
        ]
        return sorted(rows, key=lambda r: (-r.units_requested, r.key))

    def returns_by_reason(self) -> Sequence[ReturnCount]:
        return self._returns_by(orm.return_lines.c.reason, join_products=False)

    def returns_by_category(self) -> Sequence[ReturnCount]:
        return self._returns_by(orm.products.c.category, join_products=True)

    def latest_event_at(self) -> datetime | None:
        # The moment figures are measured at: the same for every client.
        stmt = sa.select(sa.func.max(orm.unit_events.c.occurred_at))
        latest: datetime | None = self.session.scalar(stmt)
        return latest

    # -- dwell times ------------------------------------------------------------------------
    def _days(
        self, start: sa.ColumnElement[Any], end: sa.ColumnElement[Any]
    ) -> sa.ColumnElement[Any]:
        """Days from ``start`` to ``end``, counted in whole seconds so that SQLite (whose
        julianday() carries float noise) and PostgreSQL give the same figures."""
        if self.session.get_bind().dialect.name == "sqlite":
            seconds = (sa.func.julianday(end) - sa.func.julianday(start)) * _DAY_SECONDS
        else:
            seconds = sa.cast(sa.extract("epoch", end - start), sa.Float)
        return sa.func.round(seconds) / _DAY_SECONDS

    def _stats(self, rows: sa.Subquery, by_site: bool) -> list[Dwell]:
        """Count, median, p90 and max of ``rows.c.days``, per ``rows.c.site`` or overall."""
        part = [rows.c.site] if by_site else []
        ranked = sa.select(
            rows.c.site,
            rows.c.days,
            sa.func.row_number().over(partition_by=part, order_by=rows.c.days).label("rn"),
            sa.func.count().over(partition_by=part).label("n"),
        ).subquery()
        r = ranked.c
        lo, hi = (r.n + 1) // 2, (r.n + 2) // 2  # the middle rank(s)
        p90 = (9 * r.n + 9) // 10  # ceil(0.9 n), the nearest rank
        stmt = sa.select(
            r.site if by_site else sa.null(),
            sa.func.max(r.n),
            sa.func.avg(sa.case((r.rn.in_([lo, hi]), r.days))),
            sa.func.max(sa.case((r.rn == p90, r.days))),
            sa.func.max(r.days),
        )
        if by_site:
            stmt = stmt.group_by(r.site)
        out = []
        for site, n, median, p90_days, longest in self.session.execute(stmt):
            if not n:
                continue
            out.append(Dwell(site, int(n), float(median), float(p90_days), float(longest)))
        return sorted(out, key=lambda d: d.site_code or "")

    def dwell_in_stock(self, as_of: datetime, *, by_site: bool) -> Sequence[Dwell]:
        u = orm.units.c
        now = sa.literal(as_of, orm.UtcDateTime())
        rows = (
            sa.select(u.site_code.label("site"), self._days(u.received_at, now).label("days"))
            .where(u.location_code.is_not(None), *self._units())
            .subquery()
        )
        return self._stats(rows, by_site)

    def time_to_leave(self, *, by_site: bool) -> Sequence[Dwell]:
        u, m = orm.units.c, orm.stock_moves.c
        rows = (
            sa.select(
                u.site_code.label("site"), self._days(u.received_at, m.moved_at).label("days")
            )
            .join_from(orm.stock_moves, orm.units, m.unit_id == u.id)
            .where(m.to_location.is_(None), *self._units())
            .subquery()
        )
        return self._stats(rows, by_site)

    # -- the web dashboard's aggregations (rows are read models of services/dashboard.py) --
    def _per_day(
        self, column: sa.ColumnElement[Any], start: datetime, end: datetime, *where: Any
    ) -> dict[date, int]:
        day = sa.func.date(column)
        stmt = (
            sa.select(day, sa.func.count())
            .where(column >= start, column < end, *where)
            .group_by(day)
        )
        return {_day(d): int(n) for d, n in self.session.execute(stmt)}

    def units_received_by_day(self, start: datetime, end: datetime) -> dict[date, int]:
        return self._per_day(orm.units.c.received_at, start, end, *self._units())

    def units_graded_by_day(self, start: datetime, end: datetime) -> dict[date, int]:
        i = orm.inspections.c
        return self._per_day(i.inspected_at, start, end, *self._of_units(i.unit_id))

    def units_left_by_day(self, start: datetime, end: datetime) -> dict[date, int]:
        m = orm.stock_moves.c
        where = [m.to_location.is_(None), *self._of_units(m.unit_id)]
        return self._per_day(m.moved_at, start, end, *where)

    def stock_by_site_and_state(self) -> dict[tuple[str, str], int]:
        u = orm.units.c
        stmt = (
            sa.select(u.site_code, u.state, sa.func.count())
            .where(u.location_code.is_not(None), *self._units())
            .group_by(u.site_code, u.state)
        )
        return {(site, _text(state)): int(n) for site, state, n in self.session.execute(stmt)}

    def stock_by_grade(self) -> dict[tuple[str, str], int]:
        u = orm.units.c
        stmt = (
            sa.select(u.functional_grade, u.cosmetic_grade, sa.func.count())
            .where(u.location_code.is_not(None), *self._units())
            .group_by(u.functional_grade, u.cosmetic_grade)
        )
        return {(f or "", c or ""): int(n) for f, c, n in self.session.execute(stmt)}

    def _bucket(self, days: sa.ColumnElement[Any], edges: Sequence[int]) -> sa.ColumnElement[Any]:
        """The index of the age bucket: 0 below ``edges[0]`` days, ..., len(edges) above."""
        whens = [(days < edge, i) for i, edge in enumerate(edges)]
        return sa.case(*whens, else_=len(edges))

    def stock_ages(
        self, as_of: datetime, edges: Sequence[int], *, by: str, site_code: str | None = None
    ) -> Sequence[AgeCount]:
        u = orm.units.c
        now = sa.literal(as_of, orm.UtcDateTime())
        bucket = self._bucket(self._days(u.received_at, now), edges).label("bucket")
        key = {"site": u.site_code, "location": u.location_code}.get(by, sa.literal(""))
        stmt = sa.select(key, bucket, sa.func.count()).where(
            u.location_code.is_not(None), *self._units()
        )
        if site_code:
            stmt = stmt.where(u.site_code == site_code)
        rows = self.session.execute(stmt.group_by(key, bucket))
        return [AgeCount(str(k or ""), int(b), int(n)) for k, b, n in rows]

    def oldest_in_stock(
        self, as_of: datetime, *, min_days: float, limit: int, offset: int = 0
    ) -> tuple[list[StaleUnit], int]:
        u, p = orm.units.c, orm.products.c
        now = sa.literal(as_of, orm.UtcDateTime())
        days = self._days(u.received_at, now)
        cond = sa.and_(u.location_code.is_not(None), days >= min_days, *self._units())
        total = self.session.scalar(sa.select(sa.func.count()).select_from(orm.units).where(cond))
        stmt = (
            sa.select(u.lpn, u.site_code, u.location_code, u.state, p.name, days)
            .join_from(orm.units, orm.products, u.sku == p.sku, isouter=True)
            .where(cond)
            .order_by(u.received_at, u.id)
            .limit(limit)
            .offset(offset)
        )
        rows = [
            StaleUnit(lpn, site, loc or "", _text(state), name or "", float(d))
            for lpn, site, loc, state, name, d in self.session.execute(stmt)
        ]
        return rows, int(total or 0)

    def routes_of_units_received(self, start: datetime, end: datetime) -> dict[str, int]:
        u = orm.units.c
        stmt = (
            sa.select(u.route, sa.func.count())
            .where(
                u.received_at >= start, u.received_at < end, u.route.is_not(None), *self._units()
            )
            .group_by(u.route)
        )
        return {_text(route): int(n) for route, n in self.session.execute(stmt)}

    def value_received(self, start: datetime, end: datetime) -> tuple[int, Decimal]:
        u, p = orm.units.c, orm.products.c
        stmt = (
            sa.select(sa.func.count(), sa.func.sum(p.new_price))
            .join_from(orm.units, orm.products, u.sku == p.sku)
            .where(u.received_at >= start, u.received_at < end, *self._units())
        )
        n, total = self.session.execute(stmt).one()
        return int(n or 0), Decimal(total or 0)

    def value_recovered(self, start: datetime, end: datetime) -> tuple[int, Decimal, Decimal]:
        u, p, m = orm.units.c, orm.products.c, orm.stock_moves.c
        left = sa.select(m.unit_id).where(
            m.to_location.is_(None), m.moved_at >= start, m.moved_at < end
        )
        # A restocked unit is sellable as new again: it counts at its new price unless
        # proceeds were recorded for it.
        brought = sa.case(
            (sa.and_(u.state == UnitState.RESTOCKED, u.proceeds.is_(None)), p.new_price),
            else_=sa.func.coalesce(u.proceeds, 0),
        )
        stmt = (
            sa.select(sa.func.count(), sa.func.sum(p.new_price), sa.func.sum(brought))
            .join_from(orm.units, orm.products, u.sku == p.sku)
            .where(u.id.in_(left), *self._units())
        )
        n, value, proceeds = self.session.execute(stmt).one()
        return int(n or 0), Decimal(value or 0), Decimal(proceeds or 0)

    def returns_requested(self, start: datetime, end: datetime) -> int:
        r = orm.return_requests.c
        stmt = sa.select(sa.func.count()).where(
            r.requested_at >= start, r.requested_at < end, *self._returns()
        )
        return int(self.session.scalar(stmt) or 0)

    def work_cost(self, start: datetime, end: datetime) -> WorkCost:
        w = orm.work_orders.c
        stmt = sa.select(
            sa.func.count(),
            sa.func.count(sa.distinct(w.unit_id)),
            sa.func.sum(w.labour_minutes),
            sa.func.sum(w.parts_cost),
        ).where(w.completed_at >= start, w.completed_at < end, *self._of_units(w.unit_id))
        orders, units, minutes, parts = self.session.execute(stmt).one()
        return WorkCost(int(orders or 0), int(units or 0), int(minutes or 0), Decimal(parts or 0))

    def site_flows(self) -> Sequence[Flow]:
        e = orm.unit_events.c
        count = sa.func.count()
        out: list[Flow] = []
        shipped_from = e.detail["from_site"].as_string()
        stmt = (
            sa.select(shipped_from, e.site_code, count)
            .where(e.type == EventType.SHIPPED, *self._of_units(e.unit_id))
            .group_by(shipped_from, e.site_code)
        )
        out += [Flow(a, b, "transfer", int(n)) for a, b, n in self.session.execute(stmt) if a and b]
        sent_to = e.detail["destination_site"].as_string()
        stmt = (
            sa.select(e.site_code, sent_to, count)
            .where(e.type == EventType.DISPATCHED, sent_to.is_not(None), *self._of_units(e.unit_id))
            .group_by(e.site_code, sent_to)
        )
        out += [Flow(a, b, "dispatch", int(n)) for a, b, n in self.session.execute(stmt) if a and b]
        return sorted(out, key=lambda f: (-f.units, f.origin, f.destination))

    def inflows(self) -> Sequence[Inflow]:
        e, u, r, c = (
            orm.unit_events.c,
            orm.units.c,
            orm.return_requests.c,
            orm.customers.c,
        )
        stmt = (
            sa.select(
                c.country, e.site_code, sa.func.count(), sa.func.avg(c.lat), sa.func.avg(c.lon)
            )
            .join_from(orm.unit_events, orm.units, e.unit_id == u.id)
            .join(orm.return_requests, r.number == u.rma_number)
            .join(orm.customers, c.code == r.customer_code)
            .where(e.type == EventType.RECEIVED, *self._units())
            .group_by(c.country, e.site_code)
        )
        rows = [
            Inflow(country, site, int(n), float(lat), float(lon))
            for country, site, n, lat, lon in self.session.execute(stmt)
            if site
        ]
        return sorted(rows, key=lambda f: (-f.units, f.country, f.site_code))
