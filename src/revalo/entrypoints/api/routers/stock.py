"""The parallel stock: move, ship, dispatch, sell a unit; balances per location."""

from typing import Annotated

from fastapi import APIRouter, Body, Query

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.schemas import (
    BalancePublic,
    BalancesPublic,
    DispatchCreate,
    MoveCreate,
    ProceedsCreate,
    SaleCreate,
    ShipCreate,
    UnitPublic,
)
from revalo.entrypoints.api.types import ClientCodeQuery, Limit, LpnPath, Offset, Storable
from revalo.services import stock

router = APIRouter(tags=["stock"])


@router.post("/units/{lpn}/move", dependencies=[need(Permission.MOVE)])
def move_unit(lpn: LpnPath, body: MoveCreate, uow: UowDep, user: CurrentUser) -> UnitPublic:
    """Move a unit between two locations of its site; refused unless it is where the move
    says it is."""
    unit = stock.move_unit(
        uow,
        lpn,
        from_location=body.from_location,
        to_location=body.to_location,
        by=user,
        reason=body.reason,
    )
    return UnitPublic.model_validate(unit)


@router.post("/units/{lpn}/ship", dependencies=[need(Permission.SHIP)])
def ship_unit(
    lpn: LpnPath, body: ShipCreate, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> UnitPublic:
    """Send the unit to another site of the network, as a consignment of its own; it is in
    transit until scanned there. Several units: ``POST /shipments``."""
    unit = stock.ship_unit(
        uow,
        lpn,
        to_site=body.to_site,
        by=user,
        document=body.document,
        transport=transport,
    )
    return UnitPublic.model_validate(unit)


@router.post("/units/{lpn}/dispatch", dependencies=[need(Permission.DISPATCH)])
def dispatch_unit(
    lpn: LpnPath,
    uow: UowDep,
    user: CurrentUser,
    transport: TransportDep,
    body: Annotated[DispatchCreate | None, Body()] = None,
) -> UnitPublic:
    """The ready unit leaves for its second life on its decided route (listed for sale,
    restocked, sent to a partner, recycled...)."""
    document = body.document if body else ""
    return UnitPublic.model_validate(
        stock.dispatch_unit(uow, lpn, by=user, document=document, transport=transport)
    )


@router.post("/units/{lpn}/sell", dependencies=[need(Permission.SELL)])
def sell_unit(
    lpn: LpnPath,
    uow: UowDep,
    user: CurrentUser,
    body: Annotated[SaleCreate | None, Body()] = None,
) -> UnitPublic:
    """A listed unit is sold (at ``price`` when given): it leaves the parallel stock."""
    document = body.document if body else ""
    price = body.price if body else None
    return UnitPublic.model_validate(
        stock.sell_unit(uow, lpn, by=user, document=document, price=price)
    )


@router.post("/units/{lpn}/proceeds", dependencies=[need(Permission.RECORD_PROCEEDS)])
def record_proceeds(
    lpn: LpnPath, body: ProceedsCreate, uow: UowDep, user: CurrentUser
) -> UnitPublic:
    """Money a unit brought after it left (a partner's payment, a vendor's credit note):
    added to what it brought before; it counts in the recovery rate."""
    unit = stock.record_proceeds(
        uow,
        lpn,
        amount=body.amount,
        by=user,
        document=body.document,
        reason=body.reason,
    )
    return UnitPublic.model_validate(unit)


@router.get("/stock/balances", dependencies=[need(Permission.VIEW_STOCK)])
def stock_balances(
    uow: ReadUowDep,
    site_code: Annotated[str | None, Query(max_length=40), Storable] = None,
    client_code: ClientCodeQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> BalancesPublic:
    """Units per location, summed from the stock moves, by location; locations at zero are
    left out. ``count`` and ``total_units`` are over all pages."""
    found = stock.stock_balances(uow, site_code=site_code, client_code=client_code)
    codes = sorted(found)
    data = [
        BalancePublic(location_code=code, site_code=code.split(":", 1)[0], units=found[code])
        for code in codes[offset : offset + limit]
    ]
    return BalancesPublic(data=data, count=len(codes), total_units=sum(found.values()))
