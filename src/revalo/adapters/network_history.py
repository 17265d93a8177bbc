"""The history the network planner reads: units received per customer city in a period, and
where they went on to (a repair centre, a refurbisher, a recycler)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.domain.catalog import SiteKind
from revalo.domain.events import EventType
from revalo.services.network_ports import RegionHistory

_ONWARD = {
    SiteKind.REPAIR_CENTRE: "repair",
    SiteKind.REFURBISHER: "refurbishment",
    SiteKind.RECYCLER: "recycling",
}


class SqlNetworkHistory:
    def __init__(self, session: Session) -> None:
        self.session = session

    def received_by_region(self, start: datetime, end: datetime) -> Sequence[RegionHistory]:
        e, u, r, c, p, s = (
            orm.unit_events.c,
            orm.units.c,
            orm.return_requests.c,
            orm.customers.c,
            orm.products.c,
            orm.sites.c,
        )
        received = (
            sa.select(e.unit_id, c.country, c.city, c.lat, c.lon, p.weight_kg, p.volume_m3)
            .join_from(orm.unit_events, orm.units, e.unit_id == u.id)
            .join(orm.return_requests, r.number == u.rma_number)
            .join(orm.customers, c.code == r.customer_code)
            .join(orm.products, p.sku == u.sku)
            .where(e.type == EventType.RECEIVED, e.occurred_at >= start, e.occurred_at < end)
            .subquery()
        )
        q = received.c
        stmt = sa.select(
            q.country,
            q.city,
            sa.func.count(sa.distinct(q.unit_id)),
            sa.func.avg(q.lat),
            sa.func.avg(q.lon),
            sa.func.avg(q.weight_kg),
            sa.func.avg(q.volume_m3),
        ).group_by(q.country, q.city)
        rows = {
            (country, city): [int(n), float(lat), float(lon), float(kg), float(m3), 0, 0, 0]
            for country, city, n, lat, lon, kg, m3 in self.session.execute(stmt)
        }
        # Where the units went on to: shipped to a site (its code on the event) or
        # dispatched to a partner (the destination in the detail).
        to_site = sa.case(
            (e.type == EventType.DISPATCHED, e.detail["destination_site"].as_string()),
            else_=e.site_code,
        )
        onward = (
            sa.select(q.country, q.city, s.kind, sa.func.count(sa.distinct(q.unit_id)))
            .join_from(received, orm.unit_events, e.unit_id == q.unit_id)
            .join(orm.sites, s.code == to_site)
            .where(
                e.type.in_((EventType.SHIPPED, EventType.DISPATCHED)),
                s.kind.in_(tuple(_ONWARD)),
            )
            .group_by(q.country, q.city, s.kind)
        )
        slot = {"repair": 5, "refurbishment": 6, "recycling": 7}
        for country, city, kind, n in self.session.execute(onward):
            row = rows.get((country, city))
            if row is not None:
                row[slot[_ONWARD[SiteKind(kind)]]] += int(n)
        return [
            RegionHistory(country, city, int(v[0]), v[1], v[2], v[3], v[4], *map(int, v[5:]))
            for (country, city), v in sorted(rows.items())
        ]
