"""The report queries: counts and dwell-time statistics computed by the database.

Medians and 90th percentiles use window functions (``row_number`` and ``count`` over a
partition), which SQLite (3.25+) and PostgreSQL both have, so only a handful of rows per
site come back, never the units themselves. Those few rows are sorted here rather than by
the database, so that their order does not depend on a database's collation.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.services.reports import Dwell, ReturnCount, SiteStock

_DAY_SECONDS = 86_400.0


def _text(value: Any) -> str:
    """Enum columns come back as enum members; reports use their values."""
    return str(getattr(value, "value", value))


class SqlReportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- counts -----------------------------------------------------------------------------
    def count_units(self) -> int:
        return int(self.session.scalar(sa.select(sa.func.count()).select_from(orm.units)) or 0)

    def count_returns(self) -> int:
        stmt = sa.select(sa.func.count()).select_from(orm.return_requests)
        return int(self.session.scalar(stmt) or 0)

    def _count_by(self, column: sa.ColumnElement[Any], empty: str = "") -> dict[str, int]:
        """Counts by value, the largest first."""
        stmt = sa.select(column, sa.func.count()).group_by(column)
        rows = [
            (_text(key) if key is not None else empty, int(count))
            for key, count in self.session.execute(stmt)
        ]
        return dict(sorted(rows, key=lambda row: (-row[1], row[0])))

    def units_by_state(self) -> dict[str, int]:
        return self._count_by(orm.units.c.state)

    def units_by_route(self) -> dict[str, int]:
        return self._count_by(orm.units.c.route, empty="undecided")

    def returns_by_state(self) -> dict[str, int]:
        return self._count_by(orm.return_requests.c.state)

    def units_by_site(self) -> Sequence[SiteStock]:
        u, s = orm.units.c, orm.sites.c
        in_stock = sa.func.sum(sa.case((u.location_code.is_not(None), 1), else_=0))
        left = sa.func.sum(sa.case((u.location_code.is_(None), 1), else_=0))
        stmt = (
            sa.select(s.code, s.name, s.kind, in_stock, left)
            .join_from(orm.units, orm.sites, u.site_code == s.code)
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
            .where(u.location_code.is_not(None))
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
            .where(m.to_location.is_(None))
            .subquery()
        )
        return self._stats(rows, by_site)
