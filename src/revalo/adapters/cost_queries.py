"""The cost ledger's questions answered by the database: the lines of a few units, and the
sums of all lines grouped by any dimensions (``cost_lines`` builds the lines)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.client_repositories import of_client_units
from revalo.adapters.cost_lines import cost_lines, lane
from revalo.domain.costs import CostLine, CostRates, CostStage, Flow, GroupTotal
from revalo.domain.errors import InvalidValue
from revalo.services.cost_ports import (
    DIMENSIONS,
    CostQuery,
    Grouped,
    JourneyRow,
    Travelled,
    UnitCost,
)

_STAGES_OF = {f: [s.value for s in CostStage if s.flow is f] for f in Flow}


def _str(value: Any) -> str:
    return "" if value is None else str(getattr(value, "value", value))


class SqlCostQueries:
    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    def _week(self, at: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
        """The Monday of the ISO week of ``at``, as text YYYY-MM-DD."""
        if self._dialect == "sqlite":
            return sa.func.date(at, "-6 days", "weekday 1")
        return sa.func.to_char(sa.func.date_trunc("week", at), "YYYY-MM-DD")

    # -- the lines of some units --------------------------------------------------------------
    def lines(
        self, rates: CostRates, as_of: datetime, *, unit_ids: Sequence[int]
    ) -> list[CostLine]:
        ids = list(unit_ids)
        sub = cost_lines(rates, as_of, self._dialect, lambda col: [col.in_(ids)])
        c, u = sub.c, orm.units.c
        stmt = sa.select(sub, u.lpn).join(orm.units, u.id == c.unit_id)
        return [
            CostLine(
                unit_id=int(r.unit_id),
                lpn=r.lpn,
                at=r.at,
                stage=CostStage(r.stage),
                cents=int(r.cents or 0),
                source=r.source,
                source_id=int(r.source_id),
                site=r.site or "",
                part=r.part or "",
                detail=" ".join(x for x in (r.carrier, r.service, r.lane) if x),
                km=float(r.km or 0.0),
                co2e_g=int(r.co2e_g or 0),
            )
            for r in self.session.execute(stmt)
        ]

    # -- sums -----------------------------------------------------------------------------------
    def _joined(self, rates: CostRates, query: CostQuery) -> tuple[Any, dict[str, Any]]:
        """The lines of the period with every dimension beside them."""
        where = None
        if query.client_code is not None:
            client = query.client_code

            def where(col: sa.ColumnElement[Any]) -> list[Any]:
                return of_client_units(col, client)

        stages = query.stages
        if stages is None and "stage" in query.where:
            stages = frozenset({query.where["stage"]})
        sub = cost_lines(rates, query.as_of, self._dialect, where, stages)
        c = sub.c
        u, p, r = orm.units.c, orm.products.c, orm.return_requests.c
        rl, cu = orm.return_lines.c, orm.customers.c
        route = sa.type_coerce(u.route, sa.String(32))
        channels = {k: f.channel for k, f in rates.channel_fees.items()}
        dims: dict[str, Any] = {
            "stage": c.stage,
            "part": c.part,
            "site": c.site,
            "carrier": c.carrier,
            "service": c.service,
            "lane": c.lane,
            "mode": c.mode,
            "category": sa.func.coalesce(p.category, ""),
            "reason": sa.func.coalesce(sa.type_coerce(rl.reason, sa.String(32)), ""),
            "client": sa.func.coalesce(u.client_code, ""),
            "country": sa.func.coalesce(cu.country, ""),
            "route": sa.func.coalesce(route, ""),
            "channel": sa.case(channels, value=route, else_="") if channels else sa.literal(""),
            "week": self._week(c.at),
        }
        joined = (
            sa.select()
            .select_from(sub)
            .join(orm.units, u.id == c.unit_id)
            .outerjoin(orm.products, p.sku == u.sku)
            .outerjoin(orm.return_requests, r.number == u.rma_number)
            .outerjoin(orm.return_lines, sa.and_(rl.rma_id == r.id, rl.line_no == u.rma_line_no))
            .outerjoin(orm.customers, cu.code == r.customer_code)
            .where(c.at >= query.start, c.at < query.end)
        )
        for name, value in query.where.items():
            if name not in dims:
                raise InvalidValue(
                    f"unknown dimension {name!r}: one of {', '.join(DIMENSIONS)}", field="where"
                )
            joined = joined.where(dims[name] == value)
        for name in query.by:
            if name not in dims:
                raise InvalidValue(
                    f"unknown dimension {name!r}: one of {', '.join(DIMENSIONS)}", field="by"
                )
        return joined, {**dims, "unit_id": c.unit_id, "cents": c.cents, "km": c.km}

    def grouped(self, rates: CostRates, query: CostQuery, *, value: bool = False) -> Grouped:
        base, d = self._joined(rates, query)
        keys = [d[name] for name in query.by]
        sums = base.add_columns(*keys, d["stage"], sa.func.sum(d["cents"])).group_by(
            *keys, d["stage"]
        )
        n = len(keys)
        totals = [
            GroupTotal(tuple(_str(v) for v in row[:n]), CostStage(row[n]), int(row[n + 1] or 0), 0)
            for row in self.session.execute(sums)
        ]
        u = orm.units.c
        counts = base.add_columns(
            *keys,
            sa.func.count(sa.distinct(d["unit_id"])),
            sa.func.count(sa.distinct(u.rma_number)),
            sa.func.coalesce(sa.func.sum(d["km"]), 0.0),
        )
        if keys:
            counts = counts.group_by(*keys)
        units, returns, km = {}, {}, {}
        for row in self.session.execute(counts):
            key = tuple(_str(v) for v in row[:n])
            units[key], returns[key], km[key] = int(row[n]), int(row[n + 1]), float(row[n + 2])
        every = base.add_columns(sa.func.count(sa.distinct(d["unit_id"])))
        out = Grouped(totals, units, int(self.session.scalar(every) or 0), returns, km)
        if value:
            out.value.update(self._values(base, keys))
        return out

    def _values(self, base: Any, keys: list[Any]) -> dict[tuple[str, ...], int]:
        """The new price of each group's distinct units (cents)."""
        u, p = orm.units.c, orm.products.c
        labels = [k.label(f"k{i}") for i, k in enumerate(keys)]
        price = sa.type_coerce(p.new_price, sa.BigInteger).label("price")
        each = base.add_columns(*labels, u.id, price)
        sub = each.distinct().subquery()
        cols = [sub.c[f"k{i}"] for i in range(len(keys))]
        stmt = sa.select(*cols, sa.func.coalesce(sa.func.sum(sub.c.price), 0))
        if cols:
            stmt = stmt.group_by(*cols)
        n = len(cols)
        return {tuple(_str(v) for v in r[:n]): int(r[n]) for r in self.session.execute(stmt)}

    def units_behind(
        self, rates: CostRates, query: CostQuery, *, limit: int, offset: int
    ) -> tuple[list[UnitCost], int]:
        base, d = self._joined(rates, query)
        stage, cents = d["stage"], d["cents"]

        def of(flow: Flow) -> Any:
            return sa.func.sum(sa.case((stage.in_(_STAGES_OF[flow]), cents), else_=0))

        u = orm.units.c
        cost = of(Flow.COST)
        per_unit = base.add_columns(
            u.lpn, u.rma_number, cost, of(Flow.RECOVERY), of(Flow.REFUND)
        ).group_by(u.id, u.lpn, u.rma_number)
        total = self.session.scalar(sa.select(sa.func.count()).select_from(per_unit.subquery()))
        page = per_unit.order_by(cost.desc(), u.lpn).limit(limit).offset(offset)
        rows = [
            UnitCost(r[0], r[1], int(r[2] or 0), int(r[3] or 0), int(r[4] or 0))
            for r in self.session.execute(page)
        ]
        return rows, int(total or 0)

    # -- kilometres --------------------------------------------------------------------------
    def _legs(self, query: CostQuery) -> tuple[Any, dict[str, Any]]:
        g, k, cu = orm.unit_legs.c, orm.consignments.c, orm.customers.c
        dims = {
            "lane": lane(g.origin, g.destination, cu.country),
            "mode": k.vehicle,
            "carrier": k.carrier,
            "service": k.service_id,
            "week": self._week(g.at),
        }
        for name in query.by:
            if name not in dims:
                raise InvalidValue(
                    f"legs are grouped by {', '.join(dims)}, not {name!r}", field="by"
                )
        stmt = (
            sa.select()
            .select_from(orm.unit_legs)
            .join(orm.consignments, k.id == g.consignment_id)
            .outerjoin(orm.customers, cu.code == g.origin)
            .where(
                g.at >= query.start,
                g.at < query.end,
                *of_client_units(g.unit_id, query.client_code),
            )
        )
        return stmt, dims

    def journeys(self, query: CostQuery) -> list[JourneyRow]:
        base, dims = self._legs(query)
        g = orm.unit_legs.c
        keys = [dims[name] for name in query.by]
        stmt = base.add_columns(
            *keys,
            sa.func.count(sa.distinct(g.unit_id)),
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(g.km), 0.0),
            sa.func.coalesce(sa.func.sum(g.co2e_g), 0),
        )
        if keys:
            stmt = stmt.group_by(*keys)
        n = len(keys)
        rows = [
            JourneyRow(
                tuple(_str(v) for v in r[:n]), int(r[n]), int(r[n + 1]), float(r[n + 2]),
                int(r[n + 3]),
            )
            for r in self.session.execute(stmt)
            if r[n + 1]
        ]  # fmt: skip
        rows.sort(key=lambda x: (-x.km, x.key))
        return rows

    def travelled(self, query: CostQuery, *, km: float, times: int) -> Travelled:
        base, _ = self._legs(query)
        g = orm.unit_legs.c
        per_unit = (
            base.add_columns(
                g.unit_id, sa.func.sum(g.km).label("km"), sa.func.count().label("legs")
            )
            .group_by(g.unit_id)
            .subquery()
        )
        s = per_unit.c
        n, far, often = self.session.execute(
            sa.select(
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(sa.case((s.km > km, 1), else_=0)), 0),
                sa.func.coalesce(sa.func.sum(sa.case((s.legs > times, 1), else_=0)), 0),
            )
        ).one()
        return Travelled(int(n or 0), km, int(far or 0), times, int(often or 0))
