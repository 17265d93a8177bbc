"""An import of returns in bulk (the port of ``services/import_ports.py``): what a file names
read in a few SELECTs, its returns and lines written by SQLAlchemy Core inserts of many rows
at once (one ``executemany`` per table and call), in the unit of work's transaction.

Imports write one at a time, so that the order references one of them read as free cannot
be taken by another before it commits: on PostgreSQL ``hold`` takes a transaction-level
advisory lock (released at commit or rollback); on SQLite every write transaction holds the
database's write lock already (``BEGIN IMMEDIATE``, adapters/db.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.routing_repository import SqlRoutingRepository
from revalo.domain.catalog import SiteKind
from revalo.domain.routing import region_of
from revalo.services.import_ports import (
    CustomerPlace,
    HubPlace,
    ImportReferences,
    NewReturn,
    ProductTerms,
)

#: Codes per ``IN (...)`` list: well under the bound parameters SQLite (32,766) and
#: PostgreSQL (65,535) take in one statement.
IN_LIST = 5_000
#: The key of the PostgreSQL advisory lock an import holds while it writes (any constant
#: that no other part of Revalo uses).
IMPORT_LOCK_KEY = 7_265_766_100_001


class SqlReturnImports:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _where_in(
        self, stmt: sa.Select[Any], column: sa.ColumnElement[Any], values: Collection[str]
    ) -> Iterator[Any]:
        items = sorted(values)
        conn = self.session.connection()
        for i in range(0, len(items), IN_LIST):
            yield from conn.execute(stmt.where(column.in_(items[i : i + IN_LIST])))

    def references(
        self,
        *,
        skus: Collection[str],
        customers: Collection[str],
        clients: Collection[str],
        order_refs: Collection[str],
        day: date | None = None,
    ) -> ImportReferences:
        p, c, k = orm.products.c, orm.customers.c, orm.clients.c
        s, r = orm.sites.c, orm.return_requests.c
        products = {
            sku: ProductTerms(category, price, owner)
            for sku, category, price, owner in self._where_in(
                sa.select(p.sku, p.category, p.new_price, p.client_code), p.sku, skus
            )
        }
        places = {
            code: CustomerPlace(country, lat, lon, kind=kind, city=city)
            for code, kind, country, city, lat, lon in self._where_in(
                sa.select(c.code, c.kind, c.country, c.city, c.lat, c.lon), c.code, customers
            )
        }
        active = {
            code: bool(a)
            for code, a in self._where_in(sa.select(k.code, k.active), k.code, clients)
        }
        hubs = self.session.connection().execute(
            sa.select(s.code, s.country, s.lat, s.lon)
            .where(s.kind == SiteKind.RETURNS_HUB)
            .order_by(s.code)
        )
        imported = self._where_in(sa.select(r.order_ref).distinct(), r.order_ref, order_refs)
        return ImportReferences(
            products=products,
            customers=places,
            clients=active,
            hubs=tuple(HubPlace(country, lat, lon, code=code) for code, country, lat, lon in hubs),
            imported=frozenset(ref for (ref,) in imported),
            routed=self._routed(places, day) if day is not None else {},
        )

    def _routed(self, places: dict[str, CustomerPlace], day: date) -> dict[str, str]:
        """The hub of each customer whose region the routing in force on ``day`` names."""
        routing = SqlRoutingRepository(self.session).in_force(day)
        if routing is None:
            return {}
        out = {}
        for code, place in places.items():
            hub = routing.rules.get(region_of(place.city, place.country))
            if hub is not None:
                out[code] = hub
        return out

    def hold(self) -> None:
        conn = self.session.connection()
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(IMPORT_LOCK_KEY)))

    def add(self, returns: Sequence[NewReturn]) -> None:
        if not returns:
            return
        conn = self.session.connection()
        conn.execute(
            sa.insert(orm.return_requests),
            [
                {
                    "id": r.id,
                    "number": r.number,
                    "customer_code": r.customer_code,
                    "requested_at": r.requested_at,
                    "delivered_at": r.delivered_at,
                    "state": r.state,
                    "destination_site": r.destination_site,
                    "decided_by": r.decided_by,
                    "decision_reason": r.decision_reason,
                    "decided_at": r.decided_at,
                    "order_ref": r.order_ref,
                    "client_code": r.client_code,
                }
                for r in returns
            ],
        )
        conn.execute(
            sa.insert(orm.return_lines),
            [
                {
                    "rma_id": r.id,
                    "line_no": n,
                    "sku": ln.sku,
                    "quantity": ln.quantity,
                    "reason": ln.reason,
                    "serial": ln.serial,
                    "comment": ln.comment,
                    "received_quantity": 0,
                }
                for r in returns
                for n, ln in enumerate(r.lines, start=1)
            ],
        )
