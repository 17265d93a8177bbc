"""The parallel stock: moves inside a site, shipments between sites, units leaving."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.journey import Consignment, ConsignmentKind
from revalo.domain.lots import format_lot
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.services.clients import client_filter
from revalo.services.common import found, get_site, get_unit, record, when
from revalo.services.facilities import ensure_destination_certified
from revalo.services.floor.flow_tasks import ship_with_tasks
from revalo.services.guard import ensure_handles, needs
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.transport import Transport, default_transport


@needs(Permission.MOVE)
@retried
def move_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    from_location: str | None,
    to_location: str,
    by: User,
    reason: str,
    at: datetime | None = None,
) -> ReturnedUnit:
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.MOVE, unit)
        found(uow.sites.location(to_location), f"no location {to_location!r}", "to_location")
        record(
            uow,
            unit.move(
                from_location=from_location,
                to_location=to_location,
                at=when(at),
                actor=by.login,
                reason=reason or "moved",
            ),
        )
        uow.commit()
    return unit


@dataclass(frozen=True, slots=True)
class Shipped:
    consignment: Consignment
    units: list[ReturnedUnit]


@needs(Permission.SHIP)
@retried
def ship_units(
    uow: UnitOfWork,
    lpns: Sequence[str],
    *,
    to_site: str,
    by: User,
    document: str = "",
    at: datetime | None = None,
    transport: Transport | None = None,
) -> Shipped:
    """Send units from the site they are at to another site of the network, as one
    consignment: the best service is chosen for them together (``transport``: the shipped
    carriers file when None), and each unit gets its share of it by mass. The units are in
    the destination's in-transit location until they arrive."""
    t = when(at)
    with uow:
        units = _units_at_one_site(uow, lpns)
        site = get_site(uow, to_site, "to_site")
        origin = get_site(uow, units[0].site_code)
        consignment = ship_with_tasks(
            uow,
            transport or default_transport(),
            units,
            lambda u, ref: u.ship(to_site=site, at=t, actor=by.login, document=document or ref),
            kind=ConsignmentKind.TRANSFER,
            origin=origin,
            destination=site,
            at=t,
        )
        uow.commit()
    return Shipped(consignment, units)


@needs(Permission.SHIP)
@retried
def ship_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    to_site: str,
    by: User,
    document: str = "",
    at: datetime | None = None,
    transport: Transport | None = None,
) -> ReturnedUnit:
    """Send one unit to another site (a consignment of its own)."""
    shipped = ship_units(
        uow,
        [lpn],
        to_site=to_site,
        by=by,
        document=document,
        at=at,
        transport=transport,
    )
    return shipped.units[0]


def _units_at_one_site(uow: UnitOfWork, lpns: Sequence[str]) -> list[ReturnedUnit]:
    if not lpns:
        raise InvalidValue("name at least one unit to ship", field="lpns")
    twice = sorted({x for x in lpns if list(lpns).count(x) > 1})
    if twice:
        raise InvalidValue(f"units named twice: {', '.join(twice)}", field="lpns")
    # Locked in one order, so that two shipments of overlapping units do not deadlock.
    by_lpn = {lpn: get_unit(uow, lpn, lock=True) for lpn in sorted(lpns)}
    units = [by_lpn[lpn] for lpn in lpns]
    sites = sorted({u.site_code for u in units})
    if len(sites) > 1:
        raise InvalidValue(
            f"units shipped together must leave from one site; these are at {', '.join(sites)}",
            field="lpns",
        )
    return units


@needs(Permission.DISPATCH)
@retried
def dispatch_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    by: User,
    document: str = "",
    at: datetime | None = None,
    transport: Transport | None = None,
) -> ReturnedUnit:
    """The unit leaves for its second life. When it goes to another site (a recycler, a
    vendor, a donee), the trip is booked and becomes the last leg of its journey."""
    t = when(at)
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.DISPATCH, unit)
        # An unidentified unit is never ready: dispatch() refuses it by its state.
        product = uow.products.get(unit.sku) if unit.sku else None
        data_bearing = product.data_bearing if product else False
        unit.ensure_can_dispatch(data_bearing=data_bearing)
        in_lot = uow.lots.lot_of_unit(unit.id)
        if in_lot is not None:
            raise NotAllowed(f"unit {unit.lpn} is in lot {format_lot(in_lot)}: it leaves with it")
        ensure_destination_certified(uow, unit.destination_site, t)
        if unit.destination_site and unit.destination_site != unit.site_code:
            ship_with_tasks(
                uow,
                transport or default_transport(),
                [unit],
                lambda u, ref: u.dispatch(
                    at=t, actor=by.login, data_bearing=data_bearing, document=document or ref
                ),
                kind=ConsignmentKind.DISPATCH,
                origin=get_site(uow, unit.site_code),
                destination=get_site(uow, unit.destination_site, "destination_site"),
                at=t,
            )
        else:
            record(
                uow,
                unit.dispatch(at=t, actor=by.login, data_bearing=data_bearing, document=document),
            )
        uow.commit()
    return unit


@needs(Permission.SELL)
@retried
def sell_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    by: User,
    document: str = "",
    at: datetime | None = None,
    price: Decimal | None = None,
) -> ReturnedUnit:
    """A listed unit is sold, at ``price`` (EUR) when known: it leaves the parallel stock."""
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.SELL, unit)
        record(uow, unit.sell(at=when(at), actor=by.login, document=document, price=price))
        uow.commit()
    return unit


@needs(Permission.RECORD_PROCEEDS)
@retried
def record_proceeds(
    uow: UnitOfWork,
    lpn: str,
    *,
    amount: Decimal,
    by: User,
    document: str = "",
    reason: str = "",
    at: datetime | None = None,
) -> ReturnedUnit:
    """Money a unit brought after it left: a partner's payment, a vendor's credit note, a
    recycler's price per kg. It adds to the recovery rate."""
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.RECORD_PROCEEDS, unit)
        change = unit.record_proceeds(
            amount=amount, at=when(at), actor=by.login, document=document, reason=reason
        )
        record(uow, change)
        uow.commit()
    return unit


def stock_balances(
    uow: UnitOfWork, *, site_code: str | None = None, client_code: str | None = None
) -> dict[str, int]:
    """Units per location, derived from the moves (of one client's units only, with
    ``client_code``)."""
    with uow:
        if site_code:
            get_site(uow, site_code)
        return uow.ledger.balances(
            site_code=site_code.upper() if site_code else None,
            client_code=client_filter(uow, client_code),
        )
