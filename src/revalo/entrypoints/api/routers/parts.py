"""Harvested parts: dismantle a unit into parts in stock, fit one to a repair (a harvested
one first), sell a surplus part, and the parts in stock by site and kind."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, status

from revalo.domain.parts import HarvestedPart, PartState
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.lots import (
    FittingPublic,
    HarvestCreate,
    HarvestPublic,
    PartFit,
    PartPublic,
    PartSale,
    PartsPublic,
    PartsStockPublic,
    PartStockPublic,
)
from revalo.entrypoints.api.types import Limit, Offset
from revalo.services import parts as service

router = APIRouter(tags=["parts"])
PartPath = Annotated[str, Path(min_length=1, max_length=20, examples=["PRT000000001"])]
ShortQuery = Annotated[str | None, Query(max_length=40)]


def part_public(p: HarvestedPart) -> PartPublic:
    return PartPublic(
        number=p.number,
        kind=p.kind,
        sku=p.sku,
        donor_lpn=p.donor_lpn,
        grade=p.grade,
        value=p.value,
        site_code=p.site_code,
        location_code=p.location_code,
        state=p.state,
        harvested_at=p.harvested_at,
        fitted_to_lpn=p.fitted_to_lpn,
        sale_price=p.sale_price,
    )


@router.get("/parts", dependencies=[need(Permission.VIEW_PARTS)])
def list_parts(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: ShortQuery = None,
    kind: ShortQuery = None,
    sku: ShortQuery = None,
    state: PartState | None = PartState.IN_STOCK,
    limit: Limit = 50,
    offset: Offset = 0,
) -> PartsPublic:
    """Harvested parts (in stock by default), oldest first."""
    found, count = service.list_parts(
        uow,
        by=user,
        site_code=site_code,
        kind=kind,
        sku=sku,
        state=state,
        limit=limit,
        offset=offset,
    )
    return PartsPublic(data=[part_public(p) for p in found], count=count)


@router.get("/parts/stock", dependencies=[need(Permission.VIEW_PARTS)])
def parts_stock(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: ShortQuery = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> PartsStockPublic:
    """How many parts of each kind are in stock at each site, and their value (EUR)."""
    rows = service.parts_stock(uow, by=user, site_code=site_code)
    page = rows[offset : offset + limit]
    return PartsStockPublic(data=[PartStockPublic.model_validate(r) for r in page], count=len(rows))


@router.get("/parts/{number}", dependencies=[need(Permission.VIEW_PARTS)])
def get_part(number: PartPath, uow: ReadUowDep, user: CurrentUser) -> PartPublic:
    return part_public(service.get_part(uow, number, by=user))


@router.post(
    "/parts/harvests",
    dependencies=[need(Permission.HARVEST_PARTS)],
    status_code=status.HTTP_201_CREATED,
)
def harvest(body: HarvestCreate, uow: UowDep, user: CurrentUser) -> HarvestPublic:
    """Dismantle a ready unit decided for its parts: grade every part of its product's bill;
    the working ones go into stock, the unit leaves it."""
    done = service.harvest_unit(
        uow,
        body.lpn,
        grades=dict(body.grades),
        labour_minutes=body.labour_minutes,
        notes=body.notes,
        by=user,
    )
    return HarvestPublic(
        work_order=done.order.number, lpn=done.unit.lpn, parts=[part_public(p) for p in done.parts]
    )


@router.post("/parts/fittings", dependencies=[need(Permission.FINISH_WORK_ORDER)])
def fit(body: PartFit, uow: UowDep, user: CurrentUser) -> FittingPublic:
    """Fit a part to a repair in progress: a harvested one of the unit's product in stock at
    the order's site first, at its value; else a new one at the cost given."""
    done = service.fit_part(uow, body.order_id, kind=body.kind, new_cost=body.new_cost, by=user)
    return FittingPublic(
        work_order=done.order.number,
        parts_cost=done.order.parts_cost,
        reference=done.used.reference,
        unit_cost=done.used.unit_cost,
        harvested_part=done.part.number if done.part else None,
    )


@router.post("/parts/{number}/sale", dependencies=[need(Permission.SELL)])
def sell(number: PartPath, body: PartSale, uow: UowDep, user: CurrentUser) -> PartPublic:
    """Record the sale of a surplus part in stock: it leaves the stock."""
    return part_public(service.sell_part(uow, number, price=body.price, buyer=body.buyer, by=user))
