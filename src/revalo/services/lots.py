"""B2B lots in the use cases: make a lot of ready units, take the buyers' offers, accept
the best at or above the reserve, and ship the lot in one consignment.

Every use case that changes a lot locks it first, then its units in LPN order, so that two
people adding the same unit to two lots, or accepting two offers on one lot, take turns:
the second finds the unit taken, the lot sold. Shipping a lot books its consignment, sells
each unit for its share of the price (an event and a move out of the stock each), and
marks the lot shipped, in one transaction: a refusal on any unit writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import NotAllowed
from revalo.domain.journey import Consignment, ConsignmentKind
from revalo.domain.lots import BUYER_KINDS, Invoice, Lot, LotState, LotUnit, Offer, format_lot
from revalo.domain.people import Permission, User, ensure_sees_site
from revalo.domain.units import Change, ReturnedUnit, UnitState
from revalo.services.common import found, get_site, get_unit, unit_names, when
from revalo.services.floor.flow_tasks import ship_with_tasks
from revalo.services.guard import needs, reads, record_done
from revalo.services.lot_ports import LotFilter
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import sites_for
from revalo.services.transport import Transport, default_transport

#: Routes whose units are sold: a lot takes their ready units.
SELLING_ROUTES = frozenset(
    {DispositionRoute.RESELL, DispositionRoute.REPAIR, DispositionRoute.REFURBISH}
)


@dataclass(frozen=True, slots=True)
class LotView:
    lot: Lot
    offers: list[Offer]
    invoice: Invoice | None
    #: The user's own sites that buy lots (empty for the company's users).
    buying: frozenset[str] = frozenset()


def _lot(uow: UnitOfWork, lot_id: int, by: User, permission: Permission, lock: bool) -> Lot:
    lot = found(uow.lots.get(lot_id, lock=lock), f"no lot {lot_id}", "lot_id")
    ensure_sees_site(by, permission, lot.site_code)
    return lot


def _lot_unit(uow: UnitOfWork, unit: ReturnedUnit, lot: Lot) -> LotUnit:
    """The unit as the lot's manifest lists it, once it is checked free to go in it."""
    if unit.state is not UnitState.READY or unit.route not in SELLING_ROUTES:
        raise NotAllowed(
            f"unit {unit.lpn} is {unit.state.value}"
            + (f" for {unit.route.value}" if unit.route else "")
            + ": a lot takes ready units decided for resale, repair or refurbishment",
            field="lpns",
        )
    in_lot = uow.lots.lot_of_unit(unit.id)
    if in_lot is not None:
        raise NotAllowed(f"unit {unit.lpn} is in lot {format_lot(in_lot)} already", field="lpns")
    if uow.listings.open_for_unit(unit.id) is not None:
        raise NotAllowed(
            f"unit {unit.lpn} has an open listing: withdraw it before the unit goes in a lot",
            field="lpns",
        )
    product = found(uow.products.get(unit.sku or ""), f"unit {unit.lpn} has no product", "lpns")
    # Data wiped, functions tested: what the law asks before the unit leaves (units.py).
    unit.ensure_can_dispatch(data_bearing=product.data_bearing)
    inspection = uow.inspections.latest(unit.id)
    item = LotUnit(
        unit_id=unit.id,
        lpn=unit.lpn,
        sku=product.sku,
        serial=unit.serial,
        functional_grade=unit.functional_grade or "",
        cosmetic_grade=unit.cosmetic_grade or "",
        faults=tuple(inspection.fault_codes) if inspection else (),
        new_price=product.new_price,
    )
    lot.add(item, category=product.category, site_code=unit.site_code)
    return item


def _locked_units(uow: UnitOfWork, lpns: Sequence[str]) -> list[ReturnedUnit]:
    names = unit_names(lpns, field="lpns")
    by_lpn = {lpn: get_unit(uow, lpn, lock=True) for lpn in sorted(names)}
    return [by_lpn[lpn] for lpn in names]


@needs(Permission.MANAGE_LOTS)
@retried
def create_lot(
    uow: UnitOfWork,
    *,
    site_code: str,
    category: str,
    grade: str,
    reserve_price: Decimal,
    by: User,
    title: str = "",
    lpns: Sequence[str] = (),
    at: datetime | None = None,
) -> Lot:
    """A new open lot at a site, for a category and a functional grade, with its reserve
    price (EUR, net of VAT); with its first units when ``lpns`` are given."""
    t = when(at)
    with uow:
        site = get_site(uow, site_code)
        ensure_sees_site(by, Permission.MANAGE_LOTS, site.code)
        if not site.holds_stock:
            raise NotAllowed(f"{site.name} holds no stock: a lot is made where its units are")
        lot = Lot(
            id=0,
            site_code=site.code,
            category=category,
            grade=grade,
            reserve_price=reserve_price,
            created_at=t,
            created_by=by.login,
            title=title,
        )
        units = _locked_units(uow, lpns) if lpns else []
        uow.lots.add(lot)
        for unit in units:
            _lot_unit(uow, unit, lot)
        uow.lots.save(lot)
        record_done(uow, by, "create_lot", lot.number, detail=" ".join(u.lpn for u in lot.units))
        uow.commit()
    return lot


@needs(Permission.MANAGE_LOTS)
@retried
def add_units(uow: UnitOfWork, lot_id: int, lpns: Sequence[str], *, by: User) -> Lot:
    """Add ready units of the lot's site, category and grade to an open lot; a unit in
    another lot is refused, however many people add it at once."""
    with uow:
        lot = _lot(uow, lot_id, by, Permission.MANAGE_LOTS, lock=True)
        for unit in _locked_units(uow, lpns):
            _lot_unit(uow, unit, lot)
        uow.lots.save(lot)
        record_done(uow, by, "add_to_lot", lot.number, detail=", ".join(lpns))
        uow.commit()
    return lot


@needs(Permission.MANAGE_LOTS)
@retried
def remove_unit(uow: UnitOfWork, lot_id: int, lpn: str, *, by: User) -> Lot:
    with uow:
        lot = _lot(uow, lot_id, by, Permission.MANAGE_LOTS, lock=True)
        lot.remove(lpn.strip().upper())
        uow.lots.save(lot)
        record_done(uow, by, "remove_from_lot", lot.number, detail=lpn)
        uow.commit()
    return lot


def buying_sites(uow: UnitOfWork, by: User) -> frozenset[str] | None:
    """The user's own sites that buy lots (outlets, resale partners); None for the
    company's users, who are kept to no site."""
    sites = by.visible_sites
    if sites is None:
        return None
    kinds = {code: uow.sites.get(code) for code in sorted(sites)}
    return frozenset(code for code, s in kinds.items() if s is not None and s.kind in BUYER_KINDS)


@needs(Permission.MAKE_OFFERS)
@retried
def record_offer(
    uow: UnitOfWork,
    lot_id: int,
    *,
    buyer_site: str,
    amount: Decimal,
    by: User,
    note: str = "",
    at: datetime | None = None,
) -> Offer:
    """A buyer's offer (EUR, net of VAT) on an open lot: recorded by whoever manages the
    lot's site, or made by a partner for one of its own sites that buy lots."""
    t = when(at)
    with uow:
        if by.can(Permission.MANAGE_LOTS):
            lot = _lot(uow, lot_id, by, Permission.MANAGE_LOTS, lock=True)
        else:
            ensure_sees_site(by, Permission.MAKE_OFFERS, buyer_site.strip().upper())
            lot = found(uow.lots.get(lot_id, lock=True), f"no lot {lot_id}", "lot_id")
        buyer = get_site(uow, buyer_site, "buyer_site")
        offer = lot.offer(
            id=0,
            buyer_site=buyer.code,
            buyer_kind=buyer.kind,
            amount=amount,
            at=t,
            by=by.login,
            note=note,
        )
        uow.lots.add_offer(offer)
        record_done(uow, by, "record_offer", lot.number, detail=f"{buyer.code} {offer.amount}")
        uow.commit()
    return offer


@needs(Permission.MANAGE_LOTS)
@retried
def accept_offer(
    uow: UnitOfWork,
    lot_id: int,
    offer_id: int,
    *,
    by: User,
    buyer_vat_number: str = "",
    ship: bool = False,
    at: datetime | None = None,
    transport: Transport | None = None,
) -> Lot:
    """Accept the best open offer (at or above the reserve); the others are declined. With
    ``ship``, the lot leaves at once, in the same transaction."""
    t = when(at)
    with uow:
        lot = _lot(uow, lot_id, by, Permission.MANAGE_LOTS, lock=True)
        offers = uow.lots.offers(lot.id)
        offer = next((o for o in offers if o.id == offer_id), None)
        if offer is None:
            raise NotAllowed(f"lot {lot.number} has no offer {offer_id}", field="offer_id")
        declined = lot.accept(offer, offers, at=t, buyer_vat_number=buyer_vat_number)
        uow.lots.save_offers([offer, *declined])
        if ship:
            _ship(uow, lot, by, t, transport)
        uow.lots.save(lot)
        record_done(uow, by, "accept_offer", lot.number, detail=str(offer.id))
        uow.commit()
    return lot


@needs(Permission.MANAGE_LOTS)
@retried
def ship_lot(
    uow: UnitOfWork,
    lot_id: int,
    *,
    by: User,
    at: datetime | None = None,
    transport: Transport | None = None,
) -> Lot:
    """Ship a sold lot to its buyer in one consignment: its units leave the stock together,
    each sold for its share of the price."""
    t = when(at)
    with uow:
        lot = _lot(uow, lot_id, by, Permission.MANAGE_LOTS, lock=True)
        _ship(uow, lot, by, t, transport)
        uow.lots.save(lot)
        uow.commit()
    return lot


def _ship(
    uow: UnitOfWork, lot: Lot, by: User, at: datetime, transport: Transport | None
) -> Consignment:
    if lot.state is not LotState.SOLD or lot.buyer_site is None:
        raise NotAllowed(f"lot {lot.number} is {lot.state.value}: only a sold lot is shipped")
    units = _locked_units(uow, [u.lpn for u in lot.units])
    shares = dict(zip([u.unit_id for u in lot.units], lot.shares(), strict=True))
    origin = get_site(uow, lot.site_code)
    buyer = get_site(uow, lot.buyer_site, "buyer_site")

    def step(unit: ReturnedUnit, ref: str) -> Change:
        return unit.sell_in_lot(
            lot=lot.number, price=shares[unit.id], at=at, actor=by.login, document=ref
        )

    consignment = ship_with_tasks(
        uow,
        transport or default_transport(),
        units,
        step,
        kind=ConsignmentKind.DISPATCH,
        origin=origin,
        destination=buyer,
        at=at,
    )
    lot.ship(consignment_ref=consignment.reference, at=at)
    return consignment


@needs(Permission.MANAGE_LOTS)
@retried
def cancel_lot(uow: UnitOfWork, lot_id: int, *, by: User) -> Lot:
    """Cancel an open lot: its units are free for another lot or a listing."""
    with uow:
        lot = _lot(uow, lot_id, by, Permission.MANAGE_LOTS, lock=True)
        lot.cancel()
        uow.lots.save(lot)
        record_done(uow, by, "cancel_lot", lot.number)
        uow.commit()
    return lot


# -- reading -------------------------------------------------------------------------------
@reads(Permission.VIEW_LOTS)
def list_lots(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    state: LotState | None = None,
    category: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Lot], int]:
    """Lots newest first, and how many there are (a partner: the lots at its sites, and
    those it made an offer on or bought)."""
    sites = sites_for(by, site_code.strip().upper() if site_code else None, Permission.VIEW_LOTS)
    with uow:
        buying = buying_sites(uow, by)
        flt = LotFilter(
            sites=sites,
            state=state,
            category=category,
            as_buyer=buying is not None,
            open_to_buyer=bool(buying),
        )
        return uow.lots.find(flt, limit=limit, offset=offset)


@reads(Permission.VIEW_LOTS)
def lot_view(uow: UnitOfWork, lot_id: int, *, by: User) -> LotView:
    """A lot with its units, its offers and, once sold, its invoice data. A partner sees the
    lots at its sites, the open lots when it has a site that buys lots, and those it made an
    offer on or bought, with its own offers only."""
    with uow:
        lot = found(uow.lots.get(lot_id, lock=False), f"no lot {lot_id}", "lot_id")
        offers = uow.lots.offers(lot.id)
        sites = by.visible_sites
        buying = buying_sites(uow, by) or frozenset()
        if sites is not None and lot.site_code not in sites:
            offers = [o for o in offers if o.buyer_site in sites]
            offered = lot.state is LotState.OPEN and bool(buying)
            if lot.buyer_site not in sites and not offers and not offered:
                ensure_sees_site(by, Permission.VIEW_LOTS, lot.site_code)
        invoice = None
        if lot.buyer_site is not None:
            seller = get_site(uow, lot.site_code)
            buyer = get_site(uow, lot.buyer_site, "buyer_site")
            invoice = lot.invoice(seller_country=seller.country, buyer_country=buyer.country)
        return LotView(lot, offers, invoice, buying)
