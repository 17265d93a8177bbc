"""The capacity plan, read and written with SQL Core and converted explicitly; and what the
week has already booked of it (work orders made, units decided for a channel)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import locking
from revalo.adapters.orm import dispositions, products, units, work_orders
from revalo.adapters.orm_capacity_plans import channel_demand, site_capacities
from revalo.domain.capacity_plans import ChannelDemand, SiteCapacity
from revalo.domain.demand_curves import parse_curve
from revalo.domain.work_orders import WorkOrderKind, WorkOrderState
from revalo.services.capacity_plan_ports import SalesBooked, WorkBooked

_C = site_capacities.c
_D = channel_demand.c
_HOURS = {
    WorkOrderKind.REPAIR: "repair_hours",
    WorkOrderKind.REFURBISH: "refurbish_hours",
    WorkOrderKind.TEST: "test_hours",
}


def _capacity(row: Any) -> SiteCapacity:
    hours = {k: float(getattr(row, c)) for k, c in _HOURS.items() if getattr(row, c) is not None}
    return SiteCapacity(
        row.site_code, row.week_start, hours, row.storage_places, row.set_by, row.set_at,
        int(row.version), int(row.id),
    )  # fmt: skip


def _demand(row: Any) -> ChannelDemand:
    return ChannelDemand(
        row.channel, row.category, row.week_start, parse_curve(row.steps), row.set_by,
        row.set_at, int(row.version), int(row.id),
    )  # fmt: skip


def _latest(table: sa.Table, keys: list[str]) -> sa.Select[Any]:
    """Each key's row of the highest version."""
    newer = table.alias("newer")
    later = sa.exists().where(
        *(newer.c[k] == table.c[k] for k in keys), newer.c.version > table.c.version
    )
    return sa.select(table).where(~later)


class SqlCapacityPlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def hold(self, key: str) -> None:
        """Make other writers of ``key`` wait until this transaction ends."""
        locking.hold(self.session, key)

    def latest_capacity(self, site_code: str, week: date) -> SiteCapacity | None:
        stmt = (
            sa.select(site_capacities)
            .where(_C.site_code == site_code, _C.week_start == week)
            .order_by(_C.version.desc())
            .limit(1)
        )
        row = self.session.execute(stmt).first()
        return _capacity(row) if row else None

    def add_capacity(self, capacity: SiteCapacity) -> None:
        values = {c: capacity.hours.get(k) for k, c in _HOURS.items()}
        self.session.execute(
            sa.insert(site_capacities).values(
                site_code=capacity.site_code, week_start=capacity.week, version=capacity.version,
                storage_places=capacity.storage_places, set_by=capacity.set_by,
                set_at=capacity.set_at, **values,
            )
        )  # fmt: skip
        self.session.flush()

    def capacities(
        self, *, week: date | None = None, site_code: str | None = None, history: bool = False
    ) -> Sequence[SiteCapacity]:
        stmt = (
            sa.select(site_capacities)
            if history
            else _latest(site_capacities, ["site_code", "week_start"])
        )
        if week is not None:
            stmt = stmt.where(_C.week_start == week)
        if site_code is not None:
            stmt = stmt.where(_C.site_code == site_code)
        stmt = stmt.order_by(_C.week_start, _C.site_code, _C.version)
        return [_capacity(r) for r in self.session.execute(stmt)]

    def latest_demand(self, channel: str, category: str, week: date) -> ChannelDemand | None:
        stmt = (
            sa.select(channel_demand)
            .where(_D.channel == channel, _D.category == category, _D.week_start == week)
            .order_by(_D.version.desc())
            .limit(1)
        )
        row = self.session.execute(stmt).first()
        return _demand(row) if row else None

    def add_demand(self, demand: ChannelDemand) -> None:
        self.session.execute(
            sa.insert(channel_demand).values(
                channel=demand.channel, category=demand.category, week_start=demand.week,
                version=demand.version, steps=demand.curve.text(), set_by=demand.set_by,
                set_at=demand.set_at,
            )
        )  # fmt: skip
        self.session.flush()

    def demands(
        self, *, week: date | None = None, channel: str | None = None, history: bool = False
    ) -> Sequence[ChannelDemand]:
        stmt = (
            sa.select(channel_demand)
            if history
            else _latest(channel_demand, ["channel", "category", "week_start"])
        )
        if week is not None:
            stmt = stmt.where(_D.week_start == week)
        if channel is not None:
            stmt = stmt.where(_D.channel == channel)
        stmt = stmt.order_by(_D.week_start, _D.channel, _D.category, _D.version)
        return [_demand(r) for r in self.session.execute(stmt)]

    def work_booked(self, start: datetime, end: datetime) -> Sequence[WorkBooked]:
        w = work_orders.c
        stmt = (
            sa.select(w.site_code, w.kind, products.c.category, sa.func.count())
            .select_from(
                work_orders.join(units, units.c.id == w.unit_id).join(
                    products, products.c.sku == units.c.sku
                )
            )
            .where(
                w.created_at >= start,
                w.created_at < end,
                w.state != WorkOrderState.CANCELLED,
                w.kind.in_(list(_HOURS)),
            )
            .group_by(w.site_code, w.kind, products.c.category)
        )
        return [
            WorkBooked(s, WorkOrderKind(k), c, int(n)) for s, k, c, n in self.session.execute(stmt)
        ]

    def sales_booked(self, start: datetime, end: datetime) -> Sequence[SalesBooked]:
        d = dispositions.c
        later = dispositions.alias("later")
        overridden = sa.exists().where(later.c.overrides_id == d.id)
        stmt = (
            sa.select(d.channel, products.c.category, sa.func.count())
            .select_from(
                dispositions.join(units, units.c.id == d.unit_id).join(
                    products, products.c.sku == units.c.sku
                )
            )
            .where(d.decided_at >= start, d.decided_at < end, d.channel.is_not(None), ~overridden)
            .group_by(d.channel, products.c.category)
        )
        return [SalesBooked(ch, c, int(n)) for ch, c, n in self.session.execute(stmt)]
