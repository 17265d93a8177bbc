"""B2B lots: make a lot of ready units, the buyers' offers, accept the best, ship it in one
consignment; the manifest as CSV or PDF and the invoice data."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from starlette.responses import Response

from revalo.domain.lots import Lot, LotState
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.schemas.lots import (
    InvoicePublic,
    LotCreate,
    LotDetailPublic,
    LotPublic,
    LotsPublic,
    LotUnitPublic,
    LotUnitsAdd,
    OfferAccept,
    OfferCreate,
    OfferPublic,
)
from revalo.entrypoints.api.types import Limit, Offset
from revalo.services import lots as service
from revalo.services.lot_manifest import manifest_csv

router = APIRouter(tags=["lots"])
LotPath = Annotated[int, Path(ge=1, le=10**12, description="the lot's number (its digits)")]
OfferPath = Annotated[int, Path(ge=1, le=10**12)]
LpnPath = Annotated[str, Path(min_length=1, max_length=40)]


def lot_public(lot: Lot) -> dict[str, Any]:
    return {
        "id": lot.id,
        "number": lot.number,
        "site_code": lot.site_code,
        "category": lot.category,
        "grade": lot.grade,
        "reserve_price": lot.reserve_price,
        "title": lot.title,
        "state": lot.state,
        "created_at": lot.created_at,
        "created_by": lot.created_by,
        "buyer_site": lot.buyer_site,
        "price": lot.price,
        "consignment_ref": lot.consignment_ref,
        "shipped_at": lot.shipped_at,
        "unit_count": len(lot.units),
    }


def _detail(view: service.LotView) -> LotDetailPublic:
    return LotDetailPublic(
        **lot_public(view.lot),
        units=[
            LotUnitPublic(
                lpn=u.lpn,
                serial=u.serial,
                sku=u.sku,
                functional_grade=u.functional_grade,
                cosmetic_grade=u.cosmetic_grade,
                faults=list(u.faults),
            )
            for u in view.lot.units
        ],
        offers=[OfferPublic.model_validate(o) for o in view.offers],
        invoice=InvoicePublic.model_validate(view.invoice) if view.invoice else None,
    )


@router.get("/lots", dependencies=[need(Permission.VIEW_LOTS)])
def list_lots(
    uow: ReadUowDep,
    user: CurrentUser,
    site_code: Annotated[str | None, Query(max_length=40)] = None,
    state: LotState | None = None,
    category: Annotated[str | None, Query(max_length=40)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> LotsPublic:
    """Lots, newest first, with how many units each holds."""
    found, count = service.list_lots(
        uow,
        by=user,
        site_code=site_code,
        state=state,
        category=category,
        limit=limit,
        offset=offset,
    )
    return LotsPublic(data=[LotPublic(**lot_public(x)) for x in found], count=count)


@router.post(
    "/lots", dependencies=[need(Permission.MANAGE_LOTS)], status_code=status.HTTP_201_CREATED
)
def create_lot(body: LotCreate, uow: UowDep, user: CurrentUser) -> LotDetailPublic:
    """A new open lot at a site, for a category and a functional grade, with a reserve
    price; its units must be ready there and in no other lot."""
    lot = service.create_lot(
        uow,
        site_code=body.site_code,
        category=body.category,
        grade=body.grade,
        reserve_price=body.reserve_price,
        title=body.title,
        lpns=body.lpns,
        by=user,
    )
    return _detail(service.LotView(lot, [], None))


@router.get("/lots/{lot_id}", dependencies=[need(Permission.VIEW_LOTS)])
def get_lot(lot_id: LotPath, uow: ReadUowDep, user: CurrentUser) -> LotDetailPublic:
    """A lot with its units, offers and, once sold, its invoice data (net, VAT, gross)."""
    return _detail(service.lot_view(uow, lot_id, by=user))


@router.post("/lots/{lot_id}/units", dependencies=[need(Permission.MANAGE_LOTS)])
def add_units(
    lot_id: LotPath, body: LotUnitsAdd, uow: UowDep, user: CurrentUser
) -> LotDetailPublic:
    """Add ready units of the lot's site, category and grade to an open lot."""
    lot = service.add_units(uow, lot_id, body.lpns, by=user)
    return _detail(service.LotView(lot, [], None))


@router.delete("/lots/{lot_id}/units/{lpn}", dependencies=[need(Permission.MANAGE_LOTS)])
def remove_unit(lot_id: LotPath, lpn: LpnPath, uow: UowDep, user: CurrentUser) -> LotDetailPublic:
    """Take a unit out of an open lot."""
    lot = service.remove_unit(uow, lot_id, lpn, by=user)
    return _detail(service.LotView(lot, [], None))


@router.post(
    "/lots/{lot_id}/offers",
    dependencies=[need(Permission.MAKE_OFFERS)],
    status_code=status.HTTP_201_CREATED,
)
def record_offer(lot_id: LotPath, body: OfferCreate, uow: UowDep, user: CurrentUser) -> OfferPublic:
    """A buyer's offer on an open lot (EUR net of VAT): recorded by the lot's manager for any
    buyer, or made by a partner for one of its own sites that buy lots."""
    offer = service.record_offer(
        uow, lot_id, buyer_site=body.buyer_site, amount=body.amount, note=body.note, by=user
    )
    return OfferPublic.model_validate(offer)


@router.post("/lots/{lot_id}/offers/{offer_id}/accept", dependencies=[need(Permission.MANAGE_LOTS)])
def accept_offer(
    lot_id: LotPath,
    offer_id: OfferPath,
    body: OfferAccept,
    uow: UowDep,
    user: CurrentUser,
    transport: TransportDep,
) -> LotPublic:
    """Accept the best open offer, at or above the reserve (the others are declined); with
    ``ship``, the lot leaves at once."""
    lot = service.accept_offer(
        uow,
        lot_id,
        offer_id,
        buyer_vat_number=body.buyer_vat_number,
        ship=body.ship,
        by=user,
        transport=transport,
    )
    return LotPublic(**lot_public(lot))


@router.post("/lots/{lot_id}/ship", dependencies=[need(Permission.MANAGE_LOTS)])
def ship_lot(lot_id: LotPath, uow: UowDep, user: CurrentUser, transport: TransportDep) -> LotPublic:
    """Ship a sold lot to its buyer in one consignment: its units leave the stock together."""
    return LotPublic(**lot_public(service.ship_lot(uow, lot_id, by=user, transport=transport)))


@router.post("/lots/{lot_id}/cancel", dependencies=[need(Permission.MANAGE_LOTS)])
def cancel_lot(lot_id: LotPath, uow: UowDep, user: CurrentUser) -> LotPublic:
    """Cancel an open lot: its units are free again."""
    return LotPublic(**lot_public(service.cancel_lot(uow, lot_id, by=user)))


@router.get(
    "/lots/{lot_id}/manifest.csv",
    dependencies=[need(Permission.VIEW_LOTS)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "a line per unit"}},
)
def manifest(lot_id: LotPath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The lot's manifest: LPN, serial, product, grades and faults of each unit."""
    view = service.lot_view(uow, lot_id, by=user)
    headers = {"Content-Disposition": f'attachment; filename="{view.lot.number}.csv"'}
    return Response(manifest_csv(view.lot), media_type="text/csv", headers=headers)


@router.get(
    "/lots/{lot_id}/manifest.pdf",
    dependencies=[need(Permission.VIEW_LOTS)],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
def manifest_pdf(lot_id: LotPath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The lot's manifest as a PDF, with its price and buyer once sold."""
    from revalo.entrypoints.lot_documents import manifest_pdf as render

    view = service.lot_view(uow, lot_id, by=user)
    headers = {"Content-Disposition": f'attachment; filename="{view.lot.number}.pdf"'}
    return Response(render(view), media_type="application/pdf", headers=headers)
