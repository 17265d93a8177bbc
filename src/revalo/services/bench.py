"""What a technician's bench shows: the work orders at the sites the user may see, each
with the unit it is for, its product and the unit's last inspection (its faults)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from revalo.domain.catalog import Product
from revalo.domain.inspection import Inspection
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.domain.work_orders import OPEN_STATES, WorkOrder, WorkOrderState
from revalo.services.common import found
from revalo.services.guard import reads
from revalo.services.lookups import get_work_order
from revalo.services.ports import Page, UnitOfWork
from revalo.services.queries import list_work_orders

#: The bench's first view: the work still to do.
TO_DO: frozenset[WorkOrderState] = OPEN_STATES


@dataclass(frozen=True, slots=True)
class BenchOrder:
    order: WorkOrder
    unit: ReturnedUnit
    product: Product | None
    #: The unit's last inspection (its grades and faults); None when it has none.
    inspection: Inspection | None


def _with_units(uow: UnitOfWork, orders: Sequence[WorkOrder]) -> list[BenchOrder]:
    with uow:
        rows = []
        for order in orders:
            unit = found(uow.units.get(order.unit_id), f"the unit of {order.number} is missing")
            product = uow.products.get(unit.sku) if unit.sku else None
            rows.append(BenchOrder(order, unit, product, uow.inspections.latest(unit.id)))
        return rows


@reads(Permission.VIEW_WORK_ORDERS)
def bench_orders(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    states: frozenset[WorkOrderState] | None = TO_DO,
    limit: int = 25,
    offset: int = 0,
) -> Page[BenchOrder]:
    """The work orders at a site (or at every site ``by`` may see), oldest first, in these
    states (None: any), with their units."""
    orders = list_work_orders(
        uow, by=by, site_code=site_code, states=states, limit=limit, offset=offset
    )
    return Page(_with_units(uow, orders.items), orders.total)


@reads(Permission.VIEW_WORK_ORDERS)
def bench_order(uow: UnitOfWork, order_id: int, *, by: User) -> BenchOrder:
    """One work order (at a site ``by`` may see) with its unit."""
    return _with_units(uow, [get_work_order(uow, order_id, by=by)])[0]
