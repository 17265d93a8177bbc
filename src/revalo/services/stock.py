"""The parallel stock: moves inside a site, shipments between sites, units leaving."""

from __future__ import annotations

from datetime import datetime

from revalo.domain.units import ReturnedUnit
from revalo.services.common import found, get_site, get_unit, record, when
from revalo.services.ports import UnitOfWork


def move_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    from_location: str | None,
    to_location: str,
    operator: str,
    reason: str,
    at: datetime | None = None,
) -> ReturnedUnit:
    with uow:
        unit = get_unit(uow, lpn)
        found(uow.sites.location(to_location), f"no location {to_location!r}", "to_location")
        record(
            uow,
            unit.move(
                from_location=from_location,
                to_location=to_location,
                at=when(at),
                actor=operator,
                reason=reason or "moved",
            ),
        )
        uow.commit()
    return unit


def ship_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    to_site: str,
    operator: str,
    document: str = "",
    at: datetime | None = None,
) -> ReturnedUnit:
    with uow:
        unit = get_unit(uow, lpn)
        site = get_site(uow, to_site, "to_site")
        record(uow, unit.ship(to_site=site, at=when(at), actor=operator, document=document))
        uow.commit()
    return unit


def dispatch_unit(
    uow: UnitOfWork, lpn: str, *, operator: str, document: str = "", at: datetime | None = None
) -> ReturnedUnit:
    with uow:
        unit = get_unit(uow, lpn)
        # An unidentified unit is never ready: dispatch() refuses it by its state.
        product = uow.products.get(unit.sku) if unit.sku else None
        data_bearing = product.data_bearing if product else False
        record(
            uow,
            unit.dispatch(
                at=when(at), actor=operator, data_bearing=data_bearing, document=document
            ),
        )
        uow.commit()
    return unit


def sell_unit(
    uow: UnitOfWork, lpn: str, *, operator: str, document: str = "", at: datetime | None = None
) -> ReturnedUnit:
    with uow:
        unit = get_unit(uow, lpn)
        record(uow, unit.sell(at=when(at), actor=operator, document=document))
        uow.commit()
    return unit


def stock_balances(uow: UnitOfWork, *, site_code: str | None = None) -> dict[str, int]:
    """Units per location, derived from the moves."""
    with uow:
        if site_code:
            get_site(uow, site_code)
        return uow.ledger.balances(site_code=site_code.upper() if site_code else None)
