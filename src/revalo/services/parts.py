"""Harvested parts in the use cases: dismantle a unit into parts in stock, fit a part to a
unit under repair (a harvested one first), sell a surplus part, and read the parts' stock.

A harvest is a work order of its own, done at once: the technician grades every part of the
product's bill; each working part is put into stock at the site with its number, grade and
value; the unit leaves the stock, and its timeline and EPCIS export show the
transformation (the unit in, its parts out). A repair that needs a part takes the best
harvested part of that product in stock at its site first, at its recorded value; only when
there is none is a new part bought, at the cost given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.catalog import LocationKind
from revalo.domain.errors import NotAllowed
from revalo.domain.parts import (
    HarvestedPart,
    PartGrade,
    PartState,
    bill_of_parts,
    grades_for,
    parse_part,
    part_value,
)
from revalo.domain.people import Permission, User, ensure_sees_site
from revalo.domain.units import ReturnedUnit
from revalo.domain.work_orders import PartUsed, WorkOrder, WorkOrderKind
from revalo.services.common import found, get_site, get_unit, record, when
from revalo.services.guard import ensure_handles, needs, reads, record_done
from revalo.services.lot_ports import PartFilter, PartStock
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import sites_for

#: Kinds of work that fit parts to a unit.
FITTING_WORK = frozenset({WorkOrderKind.REPAIR, WorkOrderKind.REFURBISH})


@dataclass(frozen=True, slots=True)
class Harvest:
    order: WorkOrder
    unit: ReturnedUnit
    parts: list[HarvestedPart]


@dataclass(frozen=True, slots=True)
class Fitting:
    order: WorkOrder
    used: PartUsed
    #: The harvested part fitted; None when a new one was bought.
    part: HarvestedPart | None


@needs(Permission.HARVEST_PARTS)
@retried
def harvest_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    grades: dict[str, str],
    by: User,
    labour_minutes: int = 0,
    notes: str = "",
    at: datetime | None = None,
) -> Harvest:
    """Dismantle a ready unit decided for its parts: every part of its product's bill is
    graded (A, B, C; D does not work and is not stocked); the working ones go into stock
    at the unit's site, the unit leaves the stock."""
    t = when(at)
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.HARVEST_PARTS, unit)
        product = found(uow.products.get(unit.sku or ""), f"unit {unit.lpn} has no product")
        graded = grades_for(product.category, grades)
        site = get_site(uow, unit.site_code)
        order = WorkOrder(
            id=uow.sequences.next("work_order"),
            unit_id=unit.id,
            kind=WorkOrderKind.HARVEST,
            site_code=site.code,
            created_at=t,
        )
        order.start(operator=by.login, at=t)
        kept = [k for k, g in graded.items() if g is not PartGrade.D]
        order.finish(
            succeeded=True,
            at=t,
            labour_minutes=labour_minutes,
            notes=notes or f"dismantled: {', '.join(f'{k} {g.value}' for k, g in graded.items())}",
        )
        uow.work_orders.add(order)
        shares = dict(bill_of_parts(product.category))
        parts = []
        for kind in kept:
            part = HarvestedPart(
                id=0,
                kind=kind,
                donor_unit_id=unit.id,
                donor_lpn=unit.lpn,
                sku=product.sku,
                grade=graded[kind],
                value=part_value(product.new_price, shares[kind], graded[kind]),
                site_code=site.code,
                harvested_at=t,
                harvested_by=by.login,
                harvest_order_id=order.id,
            )
            uow.parts.add(part)
            move = part.stock(site.location(LocationKind.GRADED_STOCK), at=t, actor=by.login)
            uow.parts.save(part)
            uow.parts.move(move)
            parts.append(part)
        record(uow, unit.harvest(order, parts=[p.number for p in parts], at=t, actor=by.login))
        uow.commit()
    return Harvest(order, unit, parts)


@needs(Permission.FINISH_WORK_ORDER)
@retried
def fit_part(
    uow: UnitOfWork,
    order_id: int,
    *,
    kind: str,
    by: User,
    new_cost: Decimal | None = None,
    at: datetime | None = None,
) -> Fitting:
    """Fit a part of ``kind`` on a repair or refurbishment in progress: the best harvested
    part of the unit's product in stock at the order's site, at its value; with none, a new
    one at ``new_cost`` (EUR). The order's parts cost and the unit's timeline say which."""
    t = when(at)
    kind = kind.strip().lower()
    with uow:
        order = found(uow.work_orders.get(order_id), f"no work order {order_id}", "order_id")
        unit = found(uow.units.get(order.unit_id, lock=True), "unit missing")
        order = found(uow.work_orders.get(order_id, lock=True), "work order missing")
        ensure_handles(by, Permission.FINISH_WORK_ORDER, unit)
        if order.kind not in FITTING_WORK:
            raise NotAllowed(
                f"work order {order.number} is a {order.kind.value}: parts are "
                "fitted by a repair or a refurbishment",
                field="order_id",
            )
        part = uow.parts.first_in_stock(
            site_code=order.site_code, kind=kind, sku=unit.sku or "", lock=True
        )
        if part is not None:
            used = PartUsed(part.reference, 1, part.value)
        elif new_cost is None:
            raise NotAllowed(
                f"no harvested {kind} of {unit.sku} in stock at {order.site_code}: give the "
                "cost of a new one",
                field="new_cost",
            )
        else:
            used = PartUsed(f"{kind} (new)", 1, new_cost)
        note = f"fitted {used.reference}"
        order.record(notes=note, parts=[used])
        if part is not None:
            move = part.fit(
                order_id=order.id, order_number=order.number, lpn=unit.lpn, at=t, actor=by.login
            )
            uow.parts.save(part)
            uow.parts.move(move)
        record(uow, unit.record_work(order, at=t, actor=by.login, notes=note))
        uow.commit()
    return Fitting(order, used, part)


@needs(Permission.SELL)
@retried
def sell_part(
    uow: UnitOfWork,
    number: str,
    *,
    price: Decimal,
    buyer: str,
    by: User,
    at: datetime | None = None,
) -> HarvestedPart:
    """Record the sale of a part in stock (a surplus part): it leaves the stock."""
    t = when(at)
    with uow:
        part = found(uow.parts.get(parse_part(number), lock=True), f"no part {number}", "part")
        ensure_sees_site(by, Permission.SELL, part.site_code)
        move = part.sell(price=price, buyer=buyer, at=t, actor=by.login)
        uow.parts.save(part)
        uow.parts.move(move)
        record_done(uow, by, "sell_part", part.number, detail=f"{part.sale_price} {part.buyer}")
        uow.commit()
    return part


# -- reading -------------------------------------------------------------------------------
@reads(Permission.VIEW_PARTS)
def list_parts(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    kind: str | None = None,
    sku: str | None = None,
    state: PartState | None = PartState.IN_STOCK,
    donor_lpn: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[HarvestedPart], int]:
    sites = sites_for(by, site_code.strip().upper() if site_code else None, Permission.VIEW_PARTS)
    flt = PartFilter(
        sites=sites,
        kind=kind.strip().lower() if kind else None,
        sku=sku.strip().upper() if sku else None,
        state=state,
        donor_lpn=donor_lpn.strip().upper() if donor_lpn else None,
    )
    with uow:
        return uow.parts.find(flt, limit=limit, offset=offset)


@reads(Permission.VIEW_PARTS)
def parts_stock(uow: UnitOfWork, *, by: User, site_code: str | None = None) -> list[PartStock]:
    """Parts in stock per site and kind, with their value."""
    sites = sites_for(by, site_code.strip().upper() if site_code else None, Permission.VIEW_PARTS)
    with uow:
        return uow.parts.stock(sites)


@reads(Permission.VIEW_PARTS)
def get_part(uow: UnitOfWork, number: str, *, by: User) -> HarvestedPart:
    with uow:
        part = found(uow.parts.get(parse_part(number)), f"no part {number}", "part")
        ensure_sees_site(by, Permission.VIEW_PARTS, part.site_code)
        return part
