"""Repositories over one SQLAlchemy session: load and add domain objects, answer queries."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import locking, orm
from revalo.adapters.client_repositories import of_client_units
from revalo.domain.catalog import Customer, Location, Product, Site, SiteKind
from revalo.domain.collection_plan import CollectionPlanRecord
from revalo.domain.disposition import DispositionRecord
from revalo.domain.events import EventType, UnitEvent
from revalo.domain.inspection import Inspection
from revalo.domain.journey import Consignment, ConsignmentKind, UnitLeg
from revalo.domain.ledger import StockMove
from revalo.domain.partner_records import SeenEvent
from revalo.domain.returns import EXPECTING_STATES, ReturnRequest
from revalo.domain.units import FINAL_STATES, ReturnedUnit
from revalo.domain.values import is_lpn
from revalo.domain.work_orders import WorkOrder, WorkOrderState
from revalo.services.ports import LegTotals, Page, ReturnFilter, UnitFilter

T = TypeVar("T")
_RMA_NUMBER = re.compile(r"^RMA\d{8}$")


class _Repo:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: Any) -> None:
        self.session.add(obj)

    def _page(self, stmt: sa.Select[Any], limit: int, offset: int) -> Page[Any]:
        total = self.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))
        items = list(self.session.scalars(stmt.limit(limit).offset(offset)))
        return Page(items, int(total or 0))


class SqlProductRepository(_Repo):
    def get(self, sku: str) -> Product | None:
        return locking.get(self.session, Product, sku, lock=False)

    def by_gtin(self, gtin: str) -> Product | None:
        return self.session.scalars(_product_by_gtin(), {"gtin": gtin}).first()

    def list(
        self, *, category: str | None, limit: int, offset: int, client_code: str | None = None
    ) -> Page[Product]:
        stmt = sa.select(Product).order_by(orm.products.c.sku)
        if category:
            stmt = stmt.where(orm.products.c.category == category)
        if client_code:
            stmt = stmt.where(orm.products.c.client_code == client_code)
        return self._page(stmt, limit, offset)

    def all(self) -> Sequence[Product]:
        return list(self.session.scalars(sa.select(Product).order_by(orm.products.c.sku)))


class SqlSiteRepository(_Repo):
    """Sites change seldom and are read by many use cases (the nearest hub of every return):
    lists are kept for the life of the session, and forgotten when a site is added."""

    _CACHE = "revalo.sites"

    def add(self, obj: Any) -> None:
        self.session.info.pop(self._CACHE, None)
        # No ORM relationship links the two: flush the site before its locations.
        self.session.add(obj)
        self.session.flush()
        self.session.add_all(obj.standard_locations())

    def get(self, code: str) -> Site | None:
        return locking.get(self.session, Site, code, lock=False)

    def list(self, *, kind: SiteKind | None = None) -> Sequence[Site]:
        cache: dict[SiteKind | None, list[Site]] = self.session.info.setdefault(self._CACHE, {})
        if kind not in cache:
            stmt = sa.select(Site).order_by(orm.sites.c.country, orm.sites.c.code)
            if kind:
                stmt = stmt.where(orm.sites.c.kind == kind)
            cache[kind] = list(self.session.scalars(stmt))
        return list(cache[kind])

    def locations(self, site_code: str) -> Sequence[Location]:
        stmt = sa.select(Location).where(orm.locations.c.site_code == site_code)
        return list(self.session.scalars(stmt.order_by(orm.locations.c.code)))

    def location(self, code: str) -> Location | None:
        return self.session.get(Location, code)


class SqlCustomerRepository(_Repo):
    def get(self, code: str) -> Customer | None:
        return locking.get(self.session, Customer, code, lock=False)

    def existing_codes(self, codes: set[str]) -> set[str]:
        found: set[str] = set()
        items = sorted(codes)
        for i in range(0, len(items), 500):
            chunk = items[i : i + 500]
            found.update(
                self.session.scalars(
                    sa.select(orm.customers.c.code).where(orm.customers.c.code.in_(chunk))
                )
            )
        return found


class SqlReturnRepository(_Repo):
    def get(self, number: str, *, lock: bool = False) -> ReturnRequest | None:
        # A return's number is made from its id (format_rma_number): a return already loaded
        # in this session is found without a query.
        if not _RMA_NUMBER.match(number):
            return None
        rma = locking.get(
            self.session, ReturnRequest, int(number[3:]), lock=lock, with_related="lines"
        )
        return rma if rma is not None and rma.number == number else None

    def list(self, flt: ReturnFilter, *, limit: int, offset: int) -> Page[ReturnRequest]:
        r, ln, c, p = orm.return_requests.c, orm.return_lines.c, orm.customers.c, orm.products.c
        stmt = sa.select(ReturnRequest)
        if flt.state:
            stmt = stmt.where(r.state == flt.state)
        if flt.customer_code:
            stmt = stmt.where(r.customer_code == flt.customer_code)
        if flt.client_code:
            stmt = stmt.where(r.client_code == flt.client_code)
        if flt.requested_from:
            stmt = stmt.where(r.requested_at >= flt.requested_from)
        if flt.requested_to:
            stmt = stmt.where(r.requested_at < flt.requested_to)
        if flt.search:
            term = f"%{flt.search.strip()}%"
            stmt = stmt.where(
                sa.or_(r.number.ilike(term), r.order_ref.ilike(term), r.customer_code.ilike(term))
            )
        if flt.country:
            stmt = stmt.where(
                r.customer_code.in_(sa.select(c.code).where(c.country == flt.country))
            )
        if flt.reason or flt.category:
            lines = sa.select(ln.rma_id)
            if flt.reason:
                lines = lines.where(ln.reason == flt.reason)
            if flt.category:
                lines = lines.where(ln.sku.in_(sa.select(p.sku).where(p.category == flt.category)))
            stmt = stmt.where(r.id.in_(lines))
        return self._page(stmt.order_by(r.requested_at.desc(), r.id.desc()), limit, offset)

    def expecting(self, sku: str, serial: str | None) -> Sequence[str]:
        """The numbers of the open returns with a line for this SKU still to receive: the
        serial's own line first, then the oldest return. Only the numbers: the caller locks
        and loads the return it takes."""
        stmt = _expecting(with_serial=bool(serial))
        params = {"sku": sku, "serial": serial} if serial else {"sku": sku}
        found = self.session.scalars(stmt, params)
        return list(dict.fromkeys(found))

    def existing_order_refs(self, refs: set[str]) -> set[str]:
        found: set[str] = set()
        items = sorted(refs)
        for i in range(0, len(items), 500):
            found.update(
                self.session.scalars(
                    sa.select(orm.return_requests.c.order_ref).where(
                        orm.return_requests.c.order_ref.in_(items[i : i + 500])
                    )
                )
            )
        return found


class SqlUnitRepository(_Repo):
    def add(self, obj: Any) -> None:
        # Events, moves and work orders refer to the unit: write it first.
        self.session.add(obj)
        self.session.flush()

    def get(self, unit_id: int, *, lock: bool = False) -> ReturnedUnit | None:
        return locking.get(self.session, ReturnedUnit, unit_id, lock=lock)

    def by_lpn(self, lpn: str, *, lock: bool = False) -> ReturnedUnit | None:
        code = lpn.strip().upper()
        if not is_lpn(code):
            return None
        # An LPN is issued from its unit's id (format_lpn): a unit already loaded in this
        # session is found without a query.
        unit = locking.get(self.session, ReturnedUnit, int(code[3:]), lock=lock)
        return unit if unit is not None and unit.lpn == code else None

    def by_gtin_serial(self, gtin: str, serial: str, *, lock: bool = False) -> ReturnedUnit | None:
        """The unit scanned with that GTIN and serial still in the parallel stock, if any,
        whether or not its product is known."""
        return locking.first(
            self.session, _unit_by_gtin_serial(), lock=lock, params={"gtin": gtin, "serial": serial}
        )

    def by_scanned_code(self, code: str, *, lock: bool = False) -> ReturnedUnit | None:
        """The unit still in stock that was received under that exact code."""
        u = orm.units.c
        stmt = sa.select(ReturnedUnit).where(u.scanned_code == code, u.state.not_in(FINAL_STATES))
        return locking.first(self.session, stmt, lock=lock)

    def by_sscc(self, sscc: str, *, lock: bool = False) -> ReturnedUnit | None:
        u = orm.units.c
        stmt = sa.select(ReturnedUnit).where(u.sscc == sscc, u.state.not_in(FINAL_STATES))
        return locking.first(self.session, stmt, lock=lock)

    def list(self, flt: UnitFilter, *, limit: int, offset: int) -> Page[ReturnedUnit]:
        u = orm.units.c
        stmt = sa.select(ReturnedUnit)
        if flt.states:
            stmt = stmt.where(u.state.in_(flt.states))
        if flt.site_code:
            stmt = stmt.where(u.site_code == flt.site_code)
        if flt.location_code:
            stmt = stmt.where(u.location_code == flt.location_code)
        if flt.sku:
            stmt = stmt.where(u.sku == flt.sku)
        if flt.rma_number:
            stmt = stmt.where(u.rma_number == flt.rma_number)
        if flt.client_code:
            stmt = stmt.where(u.client_code == flt.client_code)
        if flt.seen_at is not None:
            seen = sorted(flt.seen_at)
            stmt = stmt.where(sa.or_(u.site_code.in_(seen), u.destination_site.in_(seen)))
        if flt.category:
            stmt = stmt.where(
                u.sku.in_(
                    sa.select(orm.products.c.sku).where(orm.products.c.category == flt.category)
                )
            )
        if flt.in_stock is True:
            stmt = stmt.where(u.location_code.is_not(None))
        elif flt.in_stock is False:
            stmt = stmt.where(u.location_code.is_(None))
        return self._page(stmt.order_by(u.id), limit, offset)

    def count_by_state(self) -> dict[str, int]:
        u = orm.units.c
        rows = self.session.execute(sa.select(u.state, sa.func.count()).group_by(u.state))
        return {str(state): int(n) for state, n in rows}


class SqlInspectionRepository(_Repo):
    def for_unit(self, unit_id: int) -> Sequence[Inspection]:
        c = orm.inspections.c
        return list(
            self.session.scalars(
                sa.select(Inspection).where(c.unit_id == unit_id).order_by(c.inspected_at, c.id)
            )
        )

    def latest(self, unit_id: int) -> Inspection | None:
        found = self.for_unit(unit_id)
        return found[-1] if found else None


class SqlDispositionRepository(_Repo):
    def for_unit(self, unit_id: int) -> Sequence[DispositionRecord]:
        c = orm.dispositions.c
        return list(
            self.session.scalars(
                sa.select(DispositionRecord)
                .where(c.unit_id == unit_id)
                .order_by(c.decided_at, c.id)
            )
        )

    def latest(self, unit_id: int) -> DispositionRecord | None:
        found = self.for_unit(unit_id)
        return found[-1] if found else None


class SqlWorkOrderRepository(_Repo):
    def get(self, order_id: int, *, lock: bool = False) -> WorkOrder | None:
        return locking.get(self.session, WorkOrder, order_id, lock=lock)

    def for_unit(self, unit_id: int) -> Sequence[WorkOrder]:
        c = orm.work_orders.c
        return list(
            self.session.scalars(sa.select(WorkOrder).where(c.unit_id == unit_id).order_by(c.id))
        )

    def list(
        self,
        *,
        site_codes: frozenset[str] | None,
        states: frozenset[WorkOrderState] | None,
        limit: int,
        offset: int,
    ) -> Page[WorkOrder]:
        c = orm.work_orders.c
        stmt = sa.select(WorkOrder).order_by(c.id)
        if site_codes is not None:
            stmt = stmt.where(c.site_code.in_(sorted(site_codes)))
        if states is not None:
            stmt = stmt.where(c.state.in_(sorted(states)))
        return self._page(stmt, limit, offset)


class SqlEventRepository(_Repo):
    def for_unit(self, unit_id: int) -> Sequence[UnitEvent]:
        c = orm.unit_events.c
        return list(
            self.session.scalars(
                sa.select(UnitEvent).where(c.unit_id == unit_id).order_by(c.occurred_at, c.id)
            )
        )

    def seen_between(
        self, start: datetime, end: datetime, types: frozenset[EventType]
    ) -> Sequence[SeenEvent]:
        c = orm.unit_events.c
        stmt = (
            sa.select(c.unit_id, c.type, c.occurred_at, c.site_code, c.detail)
            .where(c.occurred_at >= start, c.occurred_at < end)
            .where(c.type.in_(sorted(t.value for t in types)))
            .order_by(c.occurred_at, c.id)
        )
        return [
            SeenEvent(row.unit_id, EventType(row.type), row.occurred_at, row.site_code, row.detail)
            for row in self.session.execute(stmt)
        ]


class SqlLedgerRepository(_Repo):
    def for_unit(self, unit_id: int) -> Sequence[StockMove]:
        c = orm.stock_moves.c
        return list(
            self.session.scalars(sa.select(StockMove).where(c.unit_id == unit_id).order_by(c.id))
        )

    def balances(
        self, *, site_code: str | None = None, client_code: str | None = None
    ) -> dict[str, int]:
        """Units per location, summed from the moves alone (+1 in, -1 out)."""
        m, loc = orm.stock_moves.c, orm.locations.c
        mine = of_client_units(m.unit_id, client_code)
        ins = sa.select(m.to_location.label("code"), sa.literal(1).label("n")).where(
            m.to_location.is_not(None), *mine
        )
        outs = sa.select(m.from_location.label("code"), sa.literal(-1).label("n")).where(
            m.from_location.is_not(None), *mine
        )
        both = sa.union_all(ins, outs).subquery()
        stmt = sa.select(both.c.code, sa.func.sum(both.c.n)).group_by(both.c.code)
        if site_code:
            stmt = stmt.where(
                both.c.code.in_(sa.select(loc.code).where(loc.site_code == site_code))
            )
        return {code: int(n) for code, n in self.session.execute(stmt) if n}


class SqlConsignmentRepository(_Repo):
    def get(self, consignment_id: int) -> Consignment | None:
        return self.session.get(Consignment, consignment_id)

    def for_rma(self, rma_number: str) -> Consignment | None:
        return self.session.scalars(_return_parcel(), {"rma_number": rma_number}).first()

    def by_sscc(self, sscc: str) -> Consignment | None:
        c = orm.consignments.c
        return self.session.scalars(sa.select(Consignment).where(c.sscc == sscc)).first()

    def shipped_from(self, origin: str, *, since: datetime) -> dict[str, tuple[int, float]]:
        c = orm.consignments.c
        rows = self.session.execute(
            sa.select(c.destination, sa.func.sum(c.units), sa.func.sum(c.weight_kg))
            .where(c.origin == origin, c.booked_at >= since)
            .group_by(c.destination)
        )
        return {dest: (int(n), float(kg)) for dest, n, kg in rows}


class SqlLegRepository(_Repo):
    def for_unit(self, unit_id: int) -> Sequence[UnitLeg]:
        c = orm.unit_legs.c
        return list(
            self.session.scalars(
                sa.select(UnitLeg).where(c.unit_id == unit_id).order_by(c.at, c.id)
            )
        )

    def totals(
        self,
        start: datetime | None = None,
        end: datetime | None = None,
        *,
        client_code: str | None = None,
    ) -> LegTotals:
        c, k = orm.unit_legs.c, orm.consignments.c
        legs_in: list[Any] = of_client_units(c.unit_id, client_code)
        booked_in: list[Any] = []
        if client_code is not None:
            r = orm.return_requests.c
            booked_in.append(
                sa.or_(
                    k.id.in_(sa.select(c.consignment_id).where(*legs_in)),
                    k.rma_number.in_(sa.select(r.number).where(r.client_code == client_code)),
                )
            )
        if start is not None:
            legs_in.append(c.at >= start)
            booked_in.append(k.booked_at >= start)
        if end is not None:
            legs_in.append(c.at < end)
            booked_in.append(k.booked_at < end)
        units, legs, km, cost, co2 = self.session.execute(
            sa.select(
                sa.func.count(sa.distinct(c.unit_id)),
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(c.km), 0.0),
                sa.func.sum(c.cost),
                sa.func.coalesce(sa.func.sum(c.co2e_g), 0),
            ).where(*legs_in)
        ).one()
        kinds = self.session.execute(
            sa.select(k.kind, sa.func.count()).where(*booked_in).group_by(k.kind)
        )
        return LegTotals(
            units=int(units),
            legs=int(legs),
            km=float(km),
            # The sum keeps the column's type: euros, as Decimal (None when nothing travelled).
            cost=cost if cost is not None else Decimal("0.00"),
            co2e_g=int(co2),
            consignments_by_kind={
                str(kind.value if hasattr(kind, "value") else kind): int(n) for kind, n in kinds
            },
        )

    def for_consignment(self, consignment_id: int) -> Sequence[UnitLeg]:
        c = orm.unit_legs.c
        return list(
            self.session.scalars(
                sa.select(UnitLeg).where(c.consignment_id == consignment_id).order_by(c.id)
            )
        )


class SqlCollectionPlanRepository(_Repo):
    def get(self, plan_id: int, *, lock: bool = False) -> CollectionPlanRecord | None:
        return locking.get(self.session, CollectionPlanRecord, plan_id, lock=lock)

    def for_day(self, day: date, region: str | None = None) -> Sequence[CollectionPlanRecord]:
        c = orm.collection_plans.c
        stmt = sa.select(CollectionPlanRecord).where(c.day == day)
        if region is not None:
            stmt = stmt.where(c.region == region)
        return list(self.session.scalars(stmt.order_by(c.id)))

    def recent(self, limit: int) -> Sequence[CollectionPlanRecord]:
        c = orm.collection_plans.c
        stmt = sa.select(CollectionPlanRecord).order_by(c.id.desc()).limit(limit)
        return list(self.session.scalars(stmt))


# -- the statements of a receiving scan, built once ----------------------------------------
# A scan runs them all; building a statement costs more than running it on SQLite. Built at
# their first use: the domain's classes are mapped by then.
@functools.cache
def _product_by_gtin() -> sa.Select[Product]:
    return sa.select(Product).where(orm.products.c.gtin == sa.bindparam("gtin"))


@functools.cache
def _unit_by_gtin_serial() -> sa.Select[ReturnedUnit]:
    u = orm.units.c
    return sa.select(ReturnedUnit).where(
        u.serial == sa.bindparam("serial"),
        u.gtin == sa.bindparam("gtin"),
        u.state.not_in(FINAL_STATES),
    )


@functools.cache
def _return_parcel() -> sa.Select[Consignment]:
    c = orm.consignments.c
    return (
        sa.select(Consignment)
        .where(c.rma_number == sa.bindparam("rma_number"), c.kind == ConsignmentKind.RETURN)
        .order_by(c.id)
        .limit(1)
    )


@functools.cache
def _expecting(*, with_serial: bool) -> sa.Select[str]:
    r, ln = orm.return_requests.c, orm.return_lines.c
    serial: sa.BindParameter[str] = sa.bindparam("serial")
    # A unit with a serial may fill a line naming that serial or a line naming none.
    match = sa.or_(ln.serial == serial, ln.serial.is_(None)) if with_serial else ln.serial.is_(None)
    # PostgreSQL refuses a constant in ORDER BY: order by the serial only when there is one.
    # A CASE, not (serial = x) DESC: PostgreSQL sorts its NULLs (lines naming no serial)
    # first in descending order, SQLite last.
    serial_first = [sa.case((ln.serial == serial, 0), else_=1)] if with_serial else []
    return (
        sa.select(r.number)
        .join(orm.return_lines, ln.rma_id == r.id)
        .where(
            ln.sku == sa.bindparam("sku"),
            ln.received_quantity < ln.quantity,
            match,
            r.state.in_(EXPECTING_STATES),
        )
        .order_by(*serial_first, r.requested_at, r.id)
        .limit(20)
    )
