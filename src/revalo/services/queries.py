"""Read-only questions: a unit and its timeline, lists with filters, counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from revalo.domain.catalog import Product, Site, SiteKind
from revalo.domain.disposition import DispositionRecord
from revalo.domain.events import UnitEvent
from revalo.domain.inspection import Inspection
from revalo.domain.ledger import StockMove
from revalo.domain.people import Permission, User
from revalo.domain.returns import ReturnRequest
from revalo.domain.units import ReturnedUnit
from revalo.domain.work_orders import WorkOrder, WorkOrderState
from revalo.services.clients import client_filter, client_named
from revalo.services.common import found, get_unit
from revalo.services.guard import reads
from revalo.services.ports import Page, ReturnFilter, UnitFilter, UnitOfWork
from revalo.services.scoping import (
    ensure_sees_return,
    ensure_sees_unit,
    returns_for,
    sites_for,
    units_for,
)


@dataclass(frozen=True, slots=True)
class UnitDetail:
    unit: ReturnedUnit
    product: Product | None
    inspections: Sequence[Inspection]
    dispositions: Sequence[DispositionRecord]
    work_orders: Sequence[WorkOrder]
    events: Sequence[UnitEvent]
    moves: Sequence[StockMove]


@reads(Permission.VIEW_UNITS)
def unit_detail(uow: UnitOfWork, lpn: str, *, by: User) -> UnitDetail:
    """Everything about a unit (that ``by`` may see)."""
    with uow:
        unit = get_unit(uow, lpn)
        ensure_sees_unit(by, unit, Permission.VIEW_UNITS)
        return UnitDetail(
            unit=unit,
            product=uow.products.get(unit.sku) if unit.sku else None,
            inspections=uow.inspections.for_unit(unit.id),
            dispositions=uow.dispositions.for_unit(unit.id),
            work_orders=uow.work_orders.for_unit(unit.id),
            events=uow.events.for_unit(unit.id),
            moves=uow.ledger.for_unit(unit.id),
        )


@reads(Permission.VIEW_RETURNS)
def list_returns(
    uow: UnitOfWork, flt: ReturnFilter, *, by: User, limit: int = 50, offset: int = 0
) -> Page[ReturnRequest]:
    flt = returns_for(by, flt)
    with uow:
        if flt.client_code:
            client_named(uow, flt.client_code)
        return uow.returns.list(flt, limit=limit, offset=offset)


@reads(Permission.VIEW_RETURNS)
def return_with_units(
    uow: UnitOfWork, number: str, *, by: User
) -> tuple[ReturnRequest, list[ReturnedUnit]]:
    with uow:
        rma = found(uow.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.VIEW_RETURNS)
        units = uow.units.list(UnitFilter(rma_number=rma.number), limit=10_000, offset=0)
        return rma, units.items


@reads(Permission.VIEW_UNITS)
def list_units(
    uow: UnitOfWork, flt: UnitFilter, *, by: User, limit: int = 50, offset: int = 0
) -> Page[ReturnedUnit]:
    flt = units_for(by, flt)
    with uow:
        if flt.client_code:
            client_named(uow, flt.client_code)
        return uow.units.list(flt, limit=limit, offset=offset)


def list_sites(uow: UnitOfWork, kind: SiteKind | None = None) -> Sequence[Site]:
    with uow:
        return uow.sites.list(kind=kind)


def get_site_detail(uow: UnitOfWork, code: str) -> Site:
    with uow:
        return found(uow.sites.get(code.strip().upper()), f"no site {code!r}", "code")


def list_products(
    uow: UnitOfWork,
    *,
    category: str | None = None,
    limit: int = 50,
    offset: int = 0,
    client_code: str | None = None,
) -> Page[Product]:
    with uow:
        client = client_filter(uow, client_code)
        return uow.products.list(category=category, limit=limit, offset=offset, client_code=client)


def get_product(uow: UnitOfWork, sku: str) -> Product:
    with uow:
        return found(uow.products.get(sku.strip().upper()), f"no product {sku!r}", "sku")


@reads(Permission.VIEW_WORK_ORDERS)
def list_work_orders(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    states: frozenset[WorkOrderState] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[WorkOrder]:
    """The work orders at a site, or at every site ``by`` may see; in these states only
    (None: in any)."""
    sites = sites_for(by, site_code, Permission.VIEW_WORK_ORDERS)
    with uow:
        return uow.work_orders.list(site_codes=sites, states=states, limit=limit, offset=offset)
