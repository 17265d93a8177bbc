"""Schemas of the customer's return portal (public doors, with the order's proof or the
return's link)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import Field

from revalo.domain.after_sales import Outcome
from revalo.domain.keep_it import KeepChoice
from revalo.domain.portal import WayBack
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.services.portal import PortalView


class OrderFind(Input):
    order_ref: str = Field(min_length=1, max_length=60)
    proof: str = Field(min_length=1, max_length=200, description="the order's e-mail or postcode")


class OrderLinePublic(Public):
    line_no: int
    sku: str
    name: str
    quantity: int
    unit_price: Decimal


class OrderPublic(Public):
    order_ref: str
    delivered_at: datetime | None
    lines: list[OrderLinePublic]


class PortalLineCreate(Input):
    line_no: int = Field(ge=1, description="the order's line")
    quantity: int = Field(default=1, ge=1, le=10_000)
    reason: ReturnReason
    comment: str = Field(default="", max_length=500)


class PortalReturnCreate(OrderFind):
    lines: list[PortalLineCreate] = Field(min_length=1, max_length=200)
    outcome: Outcome = Outcome.REFUND
    way_back: WayBack = WayBack.LABEL
    language: str = Field(default="en", pattern="^(en|fr)$")


class PortalStarted(Public):
    number: str
    state: ReturnState
    decision_reason: str
    created: bool
    token: str = Field(description="the link's secret: shown once, only its hash is kept")
    link: str


class PortalReturnLine(Public):
    line_no: int
    sku: str
    name: str
    quantity: int
    reason: ReturnReason
    received_quantity: int
    kept: bool


class KeepItOfferPublic(Public):
    line_no: int
    route: str
    route_net_eur: Decimal
    trip_back_eur: Decimal
    processing_eur: Decimal
    threshold_eur: Decimal
    net_after_eur: Decimal
    trip_back_km: Decimal
    trip_back_co2_kg: Decimal
    offered: bool
    choice: KeepChoice | None


class PhotoPublic(Public):
    id: int
    line_no: int
    media_type: str
    size: int
    sha256: str
    uploaded_at: datetime


class PortalStatus(Public):
    number: str
    state: ReturnState
    decision_reason: str
    outcome: Outcome
    way_back: WayBack
    lines: list[PortalReturnLine]
    keep_it: list[KeepItOfferPublic]
    photos: list[PhotoPublic]
    label_booked: bool
    refund_due_by: date | None
    refund_settled: bool


class KeepCreate(Input):
    line_no: int = Field(ge=1)
    choice: KeepChoice = KeepChoice.KEEP


def status_public(v: PortalView) -> PortalStatus:
    return PortalStatus(
        number=v.rma.number,
        state=v.rma.state,
        decision_reason=v.rma.decision_reason,
        outcome=v.choice.outcome,
        way_back=v.choice.way_back,
        lines=[
            PortalReturnLine(
                line_no=ln.line_no,
                sku=ln.sku,
                name=v.names.get(ln.sku, ln.sku),
                quantity=ln.quantity,
                reason=ln.reason,
                received_quantity=ln.received_quantity,
                kept=ln.kept,
            )
            for ln in v.rma.lines
        ],
        keep_it=[
            KeepItOfferPublic(
                line_no=o.line_no,
                route=o.figures.route,
                route_net_eur=o.figures.route_net_eur,
                trip_back_eur=o.figures.trip_back_eur,
                processing_eur=o.figures.processing_eur,
                threshold_eur=o.figures.threshold_eur,
                net_after_eur=o.figures.net_after_eur,
                trip_back_km=o.figures.trip_back_km,
                trip_back_co2_kg=o.figures.trip_back_co2_kg,
                offered=o.figures.offered,
                choice=o.choice,
            )
            for o in v.offers
        ],
        photos=[PhotoPublic.model_validate(p) for p in v.photos],
        label_booked=v.consignment is not None,
        refund_due_by=v.case.deadline if v.case else None,
        refund_settled=bool(v.case and v.case.settled),
    )
