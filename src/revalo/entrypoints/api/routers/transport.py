"""Transport: quote a shipment, ship units together, follow a unit's journey."""

from __future__ import annotations

import math

from fastapi import APIRouter

from revalo.domain.journey import Consignment
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.engines.transport.pricing import Quote
from revalo.engines.transport.shipment import Parcel
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.schemas.transport import (
    BookedPublic,
    ConsignmentPublic,
    JourneyPublic,
    LanePublic,
    LegPublic,
    OutboundPublic,
    PlaceIn,
    PlannedShipmentPublic,
    QuoteCreate,
    QuotePublic,
    QuotesPublic,
    ShipmentCreate,
)
from revalo.entrypoints.api.types import LpnPath, SiteCodePath
from revalo.services import stock
from revalo.services.consolidation import SitePlan, consolidate_site, ship_planned
from revalo.services.quotes import PlaceRef, quote_shipment
from revalo.services.transport import unit_journey

router = APIRouter(tags=["transport"])


def consignment_public(c: Consignment) -> ConsignmentPublic:
    return ConsignmentPublic(
        reference=c.reference,
        kind=c.kind,
        origin=c.origin,
        destination=c.destination,
        service_id=c.service_id,
        carrier=c.carrier,
        vehicle=c.vehicle,
        km=c.km,
        cost=c.cost,
        co2e_kg=c.co2e_g / 1000.0,
        weight_kg=c.weight_kg,
        lead_time_days=c.lead_time_days,
        booked_at=c.booked_at,
        reason=c.reason,
        rma_number=c.rma_number,
        sscc=c.sscc,
        units=c.units,
    )


def _quote_public(q: Quote) -> QuotePublic:
    def number(x: float) -> float | None:
        return None if math.isnan(x) else round(x, 2)

    return QuotePublic(
        service_id=q.service_id,
        carrier=q.carrier,
        kind=q.kind,
        km=round(q.km, 1),
        cost_eur=number(q.cost_eur),
        lead_time_days=q.lead_time_days,
        arrives_on=q.arrives_on,
        co2e_kg=number(q.co2e_kg),
        refused=q.refused,
    )


def _place(p: PlaceIn) -> PlaceRef:
    return PlaceRef(code=p.code, country=p.country, lat=p.lat, lon=p.lon)


@router.post("/quotes", dependencies=[need(Permission.QUOTE)])
def quote(body: QuoteCreate, uow: UowDep, transport: TransportDep) -> QuotesPublic:
    """Price every service for a shipment and say which is best and why: the cheapest
    (plus the CO2 weight) arriving by ``needed_by``. Nothing is booked."""
    choice = quote_shipment(
        uow,
        transport,
        origin=_place(body.origin),
        destination=_place(body.destination),
        parcels=[Parcel(p.weight_kg, p.length_cm, p.width_cm, p.height_cm) for p in body.parcels],
        ready_on=body.ready_on or utcnow().date(),
        needed_by=body.needed_by,
        lithium=body.lithium,
        damaged_lithium=body.damaged_lithium,
        bulky=body.bulky,
        co2_eur_per_kg=body.co2_eur_per_kg,
    )
    return QuotesPublic(
        status=choice.status.value,
        chosen=_quote_public(choice.chosen) if choice.chosen else None,
        reason=choice.reason,
        quotes=[_quote_public(q) for q in choice.quotes],
    )


@router.post("/shipments", dependencies=[need(Permission.SHIP)], status_code=201)
def ship_units(
    body: ShipmentCreate, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> ConsignmentPublic:
    """Send units from one site to another as one consignment: the best service is booked
    for them together and each unit gets its share of it (by mass) in its journey."""
    shipped = stock.ship_units(
        uow,
        body.lpns,
        to_site=body.to_site,
        by=user,
        document=body.document,
        transport=transport,
    )
    return consignment_public(shipped.consignment)


@router.get("/units/{lpn}/journey", dependencies=[need(Permission.VIEW_UNITS)])
def journey(lpn: LpnPath, uow: ReadUowDep, user: CurrentUser) -> JourneyPublic:
    """Every leg the unit travelled (its return parcel, transfers, its last trip out), with
    its share of each consignment's kilometres, cost and CO2e, and the totals."""
    j = unit_journey(uow, lpn, by=user)
    return JourneyPublic(
        lpn=j.lpn,
        legs=[
            LegPublic(
                at=x.leg.at,
                origin=x.leg.origin,
                destination=x.leg.destination,
                km=x.leg.km,
                cost=x.leg.cost,
                co2e_kg=x.leg.co2e_g / 1000.0,
                weight_kg=x.leg.weight_kg,
                consignment=consignment_public(x.consignment),
            )
            for x in j.legs
        ],
        km=j.totals.km,
        cost=j.totals.cost,
        co2e_kg=j.totals.co2e_kg,
    )


def _outbound_public(plan: SitePlan) -> OutboundPublic:
    lanes = []
    for lane in plan.lanes:
        d = lane.decision
        shipments = [
            PlannedShipmentPublic(
                lpns=list(s.unit_ids),
                service_id=s.choice.chosen.service_id if s.choice.chosen else None,
                carrier=s.choice.chosen.carrier if s.choice.chosen else None,
                cost_eur=round(s.choice.chosen.cost_eur, 2) if s.choice.chosen else None,
                reason=s.choice.reason,
            )
            for s in d.shipments
        ]
        lanes.append(
            LanePublic(
                destination=lane.destination,
                kind=lane.kind,
                lpns=list(lane.lpns),
                action=d.action.value,
                wait_days=d.wait_days,
                cost_now_eur=round(d.cost_now_eur, 2),
                best_wait_days=d.best_wait_days,
                best_wait_cost_eur=(
                    None if d.best_wait_cost_eur is None else round(d.best_wait_cost_eur, 2)
                ),
                reason=d.reason,
                shipments=shipments,
            )
        )
    return OutboundPublic(site_code=plan.site_code, day=plan.day, lanes=lanes)


@router.get("/sites/{code}/outbound", dependencies=[need(Permission.VIEW_STOCK)])
def outbound(code: SiteCodePath, uow: ReadUowDep, transport: TransportDep) -> OutboundPublic:
    """The units waiting at a site to leave (for a workshop elsewhere, or out to a partner),
    by destination: send them today — one by one, together on a pallet or a truck, or split
    by content — or wait for a fuller load, whichever costs less with the value they lose
    each day; with the reason. Nothing is booked."""
    return _outbound_public(consolidate_site(uow, code, transport=transport))


@router.post(
    "/sites/{code}/outbound", dependencies=[need(Permission.BOOK_OUTBOUND)], status_code=201
)
def book_outbound(
    code: SiteCodePath, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> BookedPublic:
    """Book what leaves the site today, grouped as planned: one consignment per group;
    lanes that wait stay as they are."""
    plan = consolidate_site(uow, code, transport=transport)
    booked = ship_planned(uow, plan, by=user, transport=transport)
    data = [consignment_public(s.consignment) for s in booked]
    return BookedPublic(data=data, count=len(data))
