"""A partner's payments for the units handed over to it for good: record one (its units by
LPN or serial, each once; its amount, or the price share of its terms) and read them; a
partner records and reads its own."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Path, status
from pydantic import Field

from revalo.domain.partner_payments import MAX_PAYMENT_UNITS, MAX_REFERENCE, PartnerPayment
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Limit, Money, Offset, ScanCode
from revalo.services import partner_payments as service

router = APIRouter(tags=["partners"])
SitePath = Annotated[str, Path(min_length=1, max_length=40, examples=["VEN-LUMEN"])]


class PaymentLinePublic(Public):
    lpn: str
    amount: Decimal = Field(description="the unit's share of the payment, EUR")


class PaymentPublic(Public):
    id: int
    number: str
    site_code: str
    reference: str
    amount: Decimal = Field(description="EUR")
    paid_on: date
    recorded_by: str
    recorded_at: datetime
    lines: list[PaymentLinePublic]


class PaymentsPublic(Public):
    data: list[PaymentPublic]
    count: int


class PaymentCreate(Input):
    codes: list[ScanCode] = Field(
        min_length=1, max_length=MAX_PAYMENT_UNITS, description="the units' LPNs or serials"
    )
    reference: str = Field(
        min_length=1, max_length=MAX_REFERENCE, description="the remittance advice or statement"
    )
    amount: Money | None = Field(
        default=None,
        description="EUR paid, shared by the units' prices as new; null: the price share of "
        "the partner's terms in force on the day paid",
    )
    paid_on: date | None = Field(default=None, description="the day paid (default: today)")


def _public(p: PartnerPayment) -> PaymentPublic:
    lines = [PaymentLinePublic(lpn=x.lpn, amount=x.amount) for x in p.lines]
    return PaymentPublic(
        id=p.id,
        number=p.number,
        site_code=p.site_code,
        reference=p.reference,
        amount=p.amount,
        paid_on=p.paid_on,
        recorded_by=p.recorded_by,
        recorded_at=p.recorded_at,
        lines=lines,
    )


@router.get("/partners/{code}/payments", dependencies=[need(Permission.VIEW_PARTNERS)])
def list_payments(
    code: SitePath, uow: ReadUowDep, user: CurrentUser, limit: Limit = 50, offset: Offset = 0
) -> PaymentsPublic:
    """The partner site's payments, the latest paid first, each with its units' shares."""
    found, count = service.payments(uow, by=user, site_code=code, limit=limit, offset=offset)
    return PaymentsPublic(data=[_public(p) for p in found], count=count)


@router.post(
    "/partners/{code}/payments",
    dependencies=[need(Permission.RECORD_PAYMENTS)],
    status_code=status.HTTP_201_CREATED,
)
def record_payment(
    code: SitePath, body: PaymentCreate, uow: UowDep, user: CurrentUser
) -> PaymentPublic:
    """A payment for units handed over to the partner site for good (outside a lot), each
    unit paid for once; what each brought is added to its proceeds."""
    made = service.record_payment(
        uow,
        site_code=code,
        codes=body.codes,
        reference=body.reference,
        amount=body.amount,
        paid_on=body.paid_on,
        by=user,
    )
    return _public(made)
