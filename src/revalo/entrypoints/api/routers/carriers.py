"""The carriers of the rate cards and their receipts as waste transporters, which the
waste-tracking slips name."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from revalo.domain.facilities import CertificateStatus
from revalo.domain.people import Permission
from revalo.domain.transporter_receipts import TransporterReceipt
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.types import Storable, text
from revalo.services import transporter_receipts as receipts

router = APIRouter(tags=["carriers"])


class ReceiptIn(BaseModel):
    carrier: Annotated[str, text(100, min_length=1), Storable] = Field(
        description="the carrier as the rate cards name it"
    )
    number: Annotated[str, text(60, min_length=1), Storable]
    department: Annotated[str, text(3, min_length=2), Storable] = Field(
        description="the French département whose prefect gave it (01-95, 2A, 2B, 971-976)"
    )
    valid_until: date


class ReceiptPublic(ReceiptIn):
    status: CertificateStatus
    recorded_by: str


class CarrierPublic(BaseModel):
    name: str
    services: list[str]
    receipts: list[ReceiptPublic]
    in_force: str | None = Field(description="the number of the receipt in force, if any")


def _public(r: TransporterReceipt, status: CertificateStatus) -> ReceiptPublic:
    return ReceiptPublic(
        carrier=r.carrier,
        number=r.number,
        department=r.department,
        valid_until=r.valid_until,
        status=status,
        recorded_by=r.recorded_by,
    )


@router.get("/carriers", dependencies=[need(Permission.VIEW_CATALOGUE)])
def list_carriers(
    uow: ReadUowDep,
    user: CurrentUser,
    transport: TransportDep,
    on: Annotated[date | None, Query(description="the day of the statuses (today)")] = None,
) -> list[CarrierPublic]:
    """Every carrier of the rate cards, with its services and its receipts as a waste
    transporter, each valid, expiring (within 30 days) or expired."""
    return [
        CarrierPublic(
            name=c.name,
            services=list(c.services),
            receipts=[_public(r, s) for r, s in c.receipts],
            in_force=c.in_force.number if c.in_force else None,
        )
        for c in receipts.carriers(uow, transport, by=user, on=on)
    ]


@router.post("/carriers/receipts", dependencies=[need(Permission.MANAGE_SITES)], status_code=201)
def add_receipt(
    body: ReceiptIn, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> ReceiptPublic:
    """Keep a carrier's receipt as a waste transporter (Code de l'environnement R541-50);
    the waste-tracking slips of its loads name it while it is in force."""
    r = receipts.record_transporter_receipt(
        uow,
        transport,
        body.carrier,
        by=user,
        number=body.number,
        department=body.department,
        valid_until=body.valid_until,
    )
    return _public(r, r.status_on(utcnow().date()))
