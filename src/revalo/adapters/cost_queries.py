"""The cost ledger's questions answered by the database: the lines of a few units, and the
sums of all lines grouped by any dimensions.

A unit's or a return's lines are computed from the records (``cost_lines``); the sums are
read from the ``cost_ledger`` table (``cost_ledger`` says how it keeps in step), by the
statements of ``cost_sums``. ``live=True`` sums the lines computed from the records
instead: the same answers, slower (the tests compare the two)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.client_repositories import of_client_units
from revalo.adapters.cost_ledger import SETTLES, priced, settle
from revalo.adapters.cost_lines import cost_lines, lane, week_of
from revalo.adapters.cost_sums import counts, sums
from revalo.adapters.orm_cost_ledger import cost_ledger
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
    def __init__(self, session: Session, *, live: bool = False) -> None:
        self.session = session
        self.live = live

    @property
    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    def _week(self, at: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
        return week_of(self._dialect, at)

    def _source(self, client_code: str | None) -> Any:
        """The lines to sum: the table (written up to this transaction's changes first,
        when it writes), or the records' lines."""
        if self.live:
            where = None
            if client_code is not None:
                client = client_code

                def where(col: sa.ColumnElement[Any]) -> list[Any]:
                    return of_client_units(col, client)

            return cost_lines(self._dialect, where)
        if self.session.info.get(SETTLES):
            settle(self.session)
        return cost_ledger

    # -- the lines of some units --------------------------------------------------------------
    def lines(
        self, rates: CostRates, as_of: datetime, *, unit_ids: Sequence[int]
    ) -> list[CostLine]:
        ids = list(unit_ids)
        sub = cost_lines(self._dialect, lambda col: [col.in_(ids)])
        c, u = sub.c, orm.units.c
        cents, part, keep = priced(rates, c, as_of, self._dialect)
        stmt = sa.select(
            c.unit_id,
            c.at,
            c.stage,
            cents.label("cents"),
            c.source,
            c.source_id,
            c.site,
            part.label("part"),
            c.carrier,
            c.service,
            c.lane,
            c.km,
            c.co2e_g,
            u.lpn,
        )
        stmt = stmt.join_from(sub, orm.units, u.id == c.unit_id).where(*keep)
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
    def _joined(
        self, rates: CostRates, query: CostQuery, groupings: Sequence[tuple[str, ...]] = ()
    ) -> tuple[Any, Any, dict[str, Any]]:
        """The lines of the period with every dimension beside them."""
        src = self._source(query.client_code)
        c = src.c
        cents, part, keep = priced(rates, c, query.as_of, self._dialect)
        channels = {k: f.channel for k, f in rates.channel_fees.items()}
        dims: dict[str, Any] = {
            "stage": c.stage,
            "part": part,
            "site": c.site,
            "carrier": c.carrier,
            "service": c.service,
            "lane": c.lane,
            "mode": c.mode,
            "category": c.category,
            "reason": c.reason,
            "client": c.client,
            "country": c.country,
            "route": c.route,
            "channel": sa.case(channels, value=c.route, else_="") if channels else sa.literal(""),
            "week": c.week,
        }
        joined = sa.select().select_from(src).where(c.at >= query.start, c.at < query.end, *keep)
        if not self.live:
            joined = joined.where(*of_client_units(c.unit_id, query.client_code))
        stages = query.stages
        if stages is not None:
            joined = joined.where(c.stage.in_(sorted(stages)))
        for name, value in query.where.items():
            if name not in dims:
                raise InvalidValue(
                    f"unknown dimension {name!r}: one of {', '.join(DIMENSIONS)}", field="where"
                )
            joined = joined.where(dims[name] == value)
        for name in dict.fromkeys(n for by in (query.by, *groupings) for n in by):
            if name not in dims:
                raise InvalidValue(
                    f"unknown dimension {name!r}: one of {', '.join(DIMENSIONS)}", field="by"
                )
        extra = {"unit_id": c.unit_id, "cents": cents, "km": c.km, "rma_number": c.rma_number}
        return src, joined, {**dims, **extra}

    def grouped(self, rates: CostRates, query: CostQuery, *, value: bool = False) -> Grouped:
        """Two statements (``cost_sums``): the lines summed per group and stage, and the
        distinct units and returns of each group and of all groups."""
        src, base, d = self._joined(rates, query)
        c = src.c
        [(summed, km)] = sums(self.session, rates, query, base, d, c, [query.by])
        units, returns, all_units = counts(self.session, query, base, d, c)
        totals = [GroupTotal(k, s, cents, 0) for k, s, cents in summed if cents is not None]
        out = Grouped(totals, units, all_units, returns, km)
        if value:
            out.value.update(self._values(src, base, d, [d[name] for name in query.by]))
        return out

    def sums(
        self, rates: CostRates, query: CostQuery, groupings: Sequence[tuple[str, ...]]
    ) -> list[list[GroupTotal]]:
        src, base, d = self._joined(rates, query, groupings)
        summed = sums(self.session, rates, query, base, d, src.c, groupings)
        # A group whose lines have no price (none of a cost's) has no total, as in ``grouped``.
        return [[GroupTotal(k, s, c, 0) for k, s, c in t if c is not None] for t, _ in summed]

    def units(self, rates: CostRates, query: CostQuery) -> tuple[dict[tuple[str, ...], int], int]:
        src, base, d = self._joined(rates, query)
        units, _, all_units = counts(self.session, query, base, d, src.c, returns=False)
        return units, all_units

    def _values(
        self, src: Any, base: Any, d: dict[str, Any], keys: list[Any]
    ) -> dict[tuple[str, ...], int]:
        """The new price of each group's distinct units (cents)."""
        u, p = orm.units.c, orm.products.c
        labels = [k.label(f"k{i}") for i, k in enumerate(keys)]
        price = sa.type_coerce(p.new_price, sa.BigInteger).label("price")
        each = (
            base.join_from(src, orm.units, u.id == d["unit_id"])
            .outerjoin(orm.products, p.sku == u.sku)
            .add_columns(*labels, u.id, price)
        )
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
        src, base, d = self._joined(rates, query)
        stage, cents = d["stage"], d["cents"]

        def of(flow: Flow) -> Any:
            return sa.func.sum(sa.case((stage.in_(_STAGES_OF[flow]), cents), else_=0))

        u = orm.units.c
        cost = of(Flow.COST)
        per_unit = (
            base.join_from(src, orm.units, u.id == d["unit_id"])
            .add_columns(u.lpn, u.rma_number, cost, of(Flow.RECOVERY), of(Flow.REFUND))
            .group_by(u.id, u.lpn, u.rma_number)
        )
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
