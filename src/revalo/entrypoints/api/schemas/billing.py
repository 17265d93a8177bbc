"""Rate cards, billing runs, invoices and credit notes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from revalo.domain.billing import Party, RateCard, Rates
from revalo.domain.invoices import DocumentKind, Invoice
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Money, Reason

Rate = Annotated[Decimal, Field(ge=0, le=Decimal("100000"), max_digits=10, decimal_places=4)]
MonthText = Annotated[str, Field(pattern=r"^\d{4}-\d{2}$", description="YYYY-MM")]
ClientCode = Annotated[str, Field(min_length=2, max_length=40)]


class RatesBody(Input):
    return_received: Rate = Decimal(0)
    unit_graded: Rate = Decimal(0)
    data_wipe: Rate = Decimal(0)
    repair_hour: Rate = Decimal(0)
    storage_unit_day: Rate = Decimal(0)
    outbound_consignment: Rate = Decimal(0)
    monthly_minimum: Rate = Decimal(0)

    def rates(self) -> Rates:
        return Rates(**self.model_dump())


class RateCardCreate(Input):
    client_code: ClientCode
    valid_from: date = Field(description="the first day these prices apply")
    rates: RatesBody = Field(description="EUR without VAT; a rate left out is 0")
    payment_days: int | None = Field(None, ge=0, le=60, description="default: the previous")


class PartyPublic(Public):
    name: str
    address: str
    country: str
    vat_number: str
    company_id: str


class RateCardPublic(Public):
    client_code: str
    valid_from: date
    currency: str
    payment_days: int
    return_received: Decimal
    unit_graded: Decimal
    data_wipe: Decimal
    repair_hour: Decimal
    storage_unit_day: Decimal
    outbound_consignment: Decimal
    monthly_minimum: Decimal
    seller: PartyPublic
    buyer: PartyPublic
    created_by: str


def card_public(card: RateCard) -> RateCardPublic:
    r = card.rates
    return RateCardPublic(
        client_code=card.client_code,
        valid_from=card.valid_from,
        currency=card.currency,
        payment_days=card.payment_days,
        return_received=r.return_received,
        unit_graded=r.unit_graded,
        data_wipe=r.data_wipe,
        repair_hour=r.repair_hour,
        storage_unit_day=r.storage_unit_day,
        outbound_consignment=r.outbound_consignment,
        monthly_minimum=r.monthly_minimum,
        seller=_party(card.seller),
        buyer=_party(card.buyer),
        created_by=card.created_by,
    )


def _party(p: Party) -> PartyPublic:
    return PartyPublic.model_validate(p)


class RateCardsPublic(Public):
    data: list[RateCardPublic]
    count: int


class BillingRunCreate(Input):
    client_code: ClientCode
    month: MonthText


class CreditNoteCreate(Input):
    reason: Reason = Field(description="why the invoice is corrected (printed on the note)")
    amount: Money | None = Field(None, description="net EUR to credit; none: all that is left")


class LinePublic(Public):
    line_no: int
    activity: str | None
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal


class InvoicePublic(Public):
    number: str
    kind: DocumentKind
    client_code: str
    period: str
    issued_on: date
    due_on: date
    seller: PartyPublic
    buyer: PartyPublic
    lines: list[LinePublic]
    vat_rate: Decimal
    vat_mention: str
    net: Decimal
    vat: Decimal
    gross: Decimal
    currency: str
    corrects: str | None
    reason: str
    issued_by: str
    issued_at: datetime


def invoice_public(inv: Invoice) -> InvoicePublic:
    return InvoicePublic(
        number=inv.number,
        kind=inv.kind,
        client_code=inv.client_code,
        period=inv.period,
        issued_on=inv.issued_on,
        due_on=inv.due_on,
        seller=_party(inv.seller),
        buyer=_party(inv.buyer),
        lines=[
            LinePublic(
                line_no=line.line_no,
                activity=line.activity.value if line.activity else None,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                amount=line.amount,
            )
            for line in inv.lines
        ],
        vat_rate=inv.vat_rate,
        vat_mention=inv.vat_mention,
        net=inv.net,
        vat=inv.vat,
        gross=inv.gross,
        currency=inv.currency,
        corrects=inv.corrects,
        reason=inv.reason,
        issued_by=inv.issued_by,
        issued_at=inv.issued_at,
    )


class InvoicesPublic(Public):
    data: list[InvoicePublic]
    count: int


class InvoiceDetailPublic(InvoicePublic):
    credit_notes: list[str]
    left_to_credit: Decimal


class BillingRunPublic(Public):
    created: bool = Field(description="false: the month was billed already; nothing changed")
    invoice: InvoicePublic
