"""What was done for a client in a period, read from what Revalo records: the units'
events, the work orders, the outbound consignments and the units' days in stock. Each item
names its record (an event's id, a work order's number, a consignment's id, a return's
number, a unit's LPN), so that every line of an invoice can be traced back.

- a return received: the first receipt of one of its units falls in the period (a return
  whose units came in over two months is billed once, in the first); an item no return
  expected counts as a return of its own;
- a unit graded: each ``inspected`` event;
- a data wipe: each data-wipe work order finished as done (a failed wipe is not billed);
- repair hours: the labour minutes of each repair or refurbishment work order finished
  (done or failed) in the period;
- storage: each day of the period a unit was in the parallel stock, from the day it was
  received until the day it reached a final state (that day not counted);
- an outbound consignment: each dispatch consignment booked in the period that carries at
  least one of the client's units.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.domain.billing import Activity, BillableItem
from revalo.domain.events import EventType
from revalo.domain.journey import ConsignmentKind
from revalo.domain.units import FINAL_STATES
from revalo.domain.work_orders import WorkOrderKind, WorkOrderState

_U, _E, _W = orm.units.c, orm.unit_events.c, orm.work_orders.c
_C, _L = orm.consignments.c, orm.unit_legs.c
_ONE = Decimal(1)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


class SqlBillableActivities:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_month(self, client_code: str, start: date, end: date) -> Sequence[BillableItem]:
        s, e = _at(start), _at(end)
        return [
            *self._receipts(client_code, s, e),
            *self._gradings(client_code, s, e),
            *self._work(client_code, s, e),
            *self._storage(client_code, start, end),
            *self._outbound(client_code, s, e),
        ]

    def _receipts(self, client: str, s: datetime, e: datetime) -> list[BillableItem]:
        key = sa.func.coalesce(_U.rma_number, _U.lpn)
        first = sa.func.min(_E.occurred_at)
        stmt = (
            sa.select(key.label("key"), _U.rma_number.is_(None).label("unexpected"), first)
            .join(orm.units, _U.id == _E.unit_id)
            .where(_E.type == EventType.RECEIVED, _U.client_code == client, _E.occurred_at < e)
            .group_by(key, _U.rma_number.is_(None))
            .having(first >= s)
            .order_by(first, key)
        )
        return [
            BillableItem(
                Activity.RETURN_RECEIVED,
                key if not unexpected else f"unit {key}",
                _day(at),
                _ONE,
                key if unexpected else "",
            )
            for key, unexpected, at in self.session.execute(stmt)
        ]

    def _gradings(self, client: str, s: datetime, e: datetime) -> list[BillableItem]:
        stmt = (
            sa.select(_E.id, _E.lpn, _E.occurred_at)
            .join(orm.units, _U.id == _E.unit_id)
            .where(_E.type == EventType.INSPECTED, _U.client_code == client)
            .where(_E.occurred_at >= s, _E.occurred_at < e)
            .order_by(_E.occurred_at, _E.id)
        )
        return [
            BillableItem(Activity.UNIT_GRADED, f"event {i}", _day(at), _ONE, lpn)
            for i, lpn, at in self.session.execute(stmt)
        ]

    def _work(self, client: str, s: datetime, e: datetime) -> list[BillableItem]:
        wipe = (_W.kind == WorkOrderKind.DATA_WIPE) & (_W.state == WorkOrderState.DONE)
        repair = _W.kind.in_([WorkOrderKind.REPAIR, WorkOrderKind.REFURBISH]) & _W.state.in_(
            [WorkOrderState.DONE, WorkOrderState.FAILED]
        )
        stmt = (
            sa.select(_W.id, _W.kind, _W.labour_minutes, _W.completed_at, _U.lpn)
            .join(orm.units, _U.id == _W.unit_id)
            .where(_U.client_code == client, _W.completed_at >= s, _W.completed_at < e)
            .where(wipe | repair)
            .order_by(_W.completed_at, _W.id)
        )
        items = []
        for wo, kind, minutes, at, lpn in self.session.execute(stmt):
            if kind is WorkOrderKind.DATA_WIPE:
                items.append(BillableItem(Activity.DATA_WIPE, f"WO{wo:08d}", _day(at), _ONE, lpn))
            elif minutes:
                # Minutes as recorded; the month's hours are their sum (invoices.quantity_of).
                items.append(
                    BillableItem(
                        Activity.REPAIR_HOURS, f"WO{wo:08d}", _day(at), Decimal(minutes), lpn
                    )
                )
        return items

    def _storage(self, client: str, start: date, end: date) -> list[BillableItem]:
        final = [state.value for state in FINAL_STATES]
        gone = (
            sa.select(_E.unit_id, sa.func.min(_E.occurred_at).label("gone_at"))
            .where(_E.state.in_(final))
            .group_by(_E.unit_id)
            .subquery()
        )
        stmt = (
            sa.select(_U.lpn, _U.received_at, gone.c.gone_at)
            .outerjoin(gone, gone.c.unit_id == _U.id)
            .where(_U.client_code == client, _U.received_at < _at(end))
            .where(gone.c.gone_at.is_(None) | (gone.c.gone_at > _at(start)))
            .order_by(_U.received_at, _U.lpn)
        )
        items = []
        for lpn, received_at, gone_at in self.session.execute(stmt):
            first = max(_day(received_at), start)
            last = min(_day(gone_at), end) if gone_at is not None else end
            days = (last - first).days
            if days > 0:
                items.append(
                    BillableItem(Activity.STORAGE_UNIT_DAYS, lpn, first, Decimal(days), lpn)
                )
        return items

    def _outbound(self, client: str, s: datetime, e: datetime) -> list[BillableItem]:
        carries = (
            sa.select(_L.id)
            .join(orm.units, _U.id == _L.unit_id)
            .where(_L.consignment_id == _C.id, _U.client_code == client)
            .exists()
        )
        stmt = (
            sa.select(_C.id, _C.booked_at)
            .where(_C.kind == ConsignmentKind.DISPATCH, _C.booked_at >= s, _C.booked_at < e)
            .where(carries)
            .order_by(_C.booked_at, _C.id)
        )
        return [
            BillableItem(Activity.OUTBOUND_CONSIGNMENT, f"consignment {i}", _day(at), _ONE)
            for i, at in self.session.execute(stmt)
        ]


def _day(at: datetime) -> date:
    return at.astimezone(UTC).date() if at.tzinfo else at.date()
