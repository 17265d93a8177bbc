"""Invoices and credit notes (avoirs): what a month of a client's activities costs, priced
by its rate card, and the corrections of an invoice.

An invoice is issued when it is made: numbered without gaps in its year, and never changed
after (code de commerce art. L441-9, CGI art. 242 nonies A). A mistake is corrected by a
credit note that names the invoice it corrects, for all of it or a part.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from revalo.domain.billing import (
    CURRENCY,
    PRICED,
    Activity,
    BillableItem,
    Month,
    Party,
    RateCard,
    VatRule,
    cents,
)
from revalo.domain.errors import InvalidValue, NotAllowed


class DocumentKind(enum.StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


#: The prefix of each kind's numbers (INV-2025-00001, AV-2025-00001).
PREFIX = {DocumentKind.INVOICE: "INV", DocumentKind.CREDIT_NOTE: "AV"}

#: What the invoice calls each activity, in English and French.
DESCRIPTIONS = {
    Activity.RETURN_RECEIVED: "Returns received / Retours réceptionnés",
    Activity.UNIT_GRADED: "Units graded / Unités contrôlées et classées",
    Activity.DATA_WIPE: "Data wipes / Effacements de données",
    Activity.REPAIR_HOURS: "Repair hours / Heures de réparation",
    Activity.STORAGE_UNIT_DAYS: "Storage, unit-days / Stockage, unités-jours",
    Activity.OUTBOUND_CONSIGNMENT: "Outbound consignments / Expéditions sortantes",
    Activity.MINIMUM_TOP_UP: "Monthly minimum top-up / Complément au minimum mensuel",
}


def document_number(kind: DocumentKind, year: int, n: int) -> str:
    return f"{PREFIX[kind]}-{year:04d}-{n:05d}"


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    line_no: int
    activity: Activity | None
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Invoice:
    """An invoice or a credit note, as issued. Frozen: nothing of it changes."""

    number: str
    kind: DocumentKind
    client_code: str
    period: str
    issued_on: date
    due_on: date
    seller: Party
    buyer: Party
    lines: tuple[InvoiceLine, ...]
    vat_rate: Decimal
    vat_mention: str
    net: Decimal
    vat: Decimal
    gross: Decimal
    issued_by: str
    issued_at: datetime
    #: The invoice a credit note corrects.
    corrects: str | None = None
    reason: str = ""
    currency: str = CURRENCY

    def __post_init__(self) -> None:
        # The invariant a reader checks: the lines add up to the net, VAT on the net.
        if sum((line.amount for line in self.lines), Decimal(0)) != self.net:
            raise InvalidValue(f"the lines of {self.number} do not add up to its net amount")
        if self.vat != cents(self.net * self.vat_rate / 100) or self.gross != self.net + self.vat:
            raise InvalidValue(f"the VAT or the total of {self.number} is not its net's")

    def ensure_editable(self) -> None:
        """Never: an issued invoice is what was sent."""
        day = self.issued_on.isoformat()
        if self.kind is DocumentKind.CREDIT_NOTE:
            raise NotAllowed(
                f"credit note {self.number} was issued on {day}: it cannot be changed",
                field="number",
            )
        raise NotAllowed(
            f"invoice {self.number} was issued on {day}: it cannot be changed; correct it "
            "with a credit note",
            field="number",
        )


@dataclass(frozen=True, slots=True)
class Draft:
    """What a month comes to, before it gets its number."""

    lines: tuple[InvoiceLine, ...]
    net: Decimal
    vat: Decimal
    gross: Decimal
    rule: VatRule


def _totals(lines: Sequence[InvoiceLine], rule: VatRule) -> tuple[Decimal, Decimal, Decimal]:
    net = sum((line.amount for line in lines), Decimal(0))
    vat = cents(net * rule.rate / 100)
    return net, vat, net + vat


def quantity_of(activity: Activity, items: Iterable[BillableItem]) -> Decimal:
    """The month's quantity of an activity. Repair labour is recorded in minutes and billed
    in hours, to the hundredth of an hour, once for the month."""
    total = sum((i.quantity for i in items if i.activity is activity), Decimal(0))
    if activity is Activity.REPAIR_HOURS:
        return cents(total / 60)
    return total


def price_month(items: Sequence[BillableItem], card: RateCard, rule: VatRule) -> Draft:
    """A line per activity done (quantity x the card's rate, to the cent), then what tops
    the month up to the card's minimum, then VAT on the net."""
    lines: list[InvoiceLine] = []
    for activity in PRICED:
        quantity = quantity_of(activity, items)
        if not quantity:
            continue
        price = card.rates.of(activity)
        lines.append(
            InvoiceLine(
                len(lines) + 1,
                activity,
                DESCRIPTIONS[activity],
                quantity,
                price,
                cents(quantity * price),
            )
        )
    subtotal = sum((line.amount for line in lines), Decimal(0))
    minimum = card.rates.monthly_minimum
    if subtotal < minimum:
        top_up = minimum - subtotal
        lines.append(
            InvoiceLine(
                len(lines) + 1,
                Activity.MINIMUM_TOP_UP,
                DESCRIPTIONS[Activity.MINIMUM_TOP_UP],
                Decimal(1),
                top_up,
                top_up,
            )
        )
    net, vat, gross = _totals(lines, rule)
    return Draft(tuple(lines), net, vat, gross, rule)


def invoice_of(
    draft: Draft,
    *,
    number: str,
    card: RateCard,
    month: Month,
    issued_on: date,
    by: str,
    at: datetime,
) -> Invoice:
    return Invoice(
        number=number,
        kind=DocumentKind.INVOICE,
        client_code=card.client_code,
        period=str(month),
        issued_on=issued_on,
        due_on=issued_on + timedelta(days=card.payment_days),
        seller=card.seller,
        buyer=card.buyer,
        lines=draft.lines,
        vat_rate=draft.rule.rate,
        vat_mention=draft.rule.mention,
        net=draft.net,
        vat=draft.vat,
        gross=draft.gross,
        issued_by=by,
        issued_at=at,
    )


def still_creditable(invoice: Invoice, credits: Iterable[Invoice]) -> Decimal:
    """The net of the invoice no credit note has corrected yet (credit notes are negative)."""
    return invoice.net + sum((c.net for c in credits), Decimal(0))


def credit_note(
    invoice: Invoice,
    credits: Sequence[Invoice],
    *,
    number: str,
    amount: Decimal | None,
    reason: str,
    issued_on: date,
    by: str,
    at: datetime,
) -> Invoice:
    """A credit note correcting ``invoice``: all of what is left of it (``amount`` None:
    its lines negated), or ``amount`` EUR of its net, at its VAT rate."""
    if invoice.kind is not DocumentKind.INVOICE:
        raise NotAllowed(f"{invoice.number} is a credit note: credit the invoice itself")
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidValue("a credit note needs its reason", field="reason")
    if len(reason) > 300:
        raise InvalidValue("a credit note's reason is at most 300 characters", field="reason")
    left = still_creditable(invoice, credits)
    if left <= 0:
        raise NotAllowed(f"invoice {invoice.number} is already credited in full", field="number")
    if amount is None and credits:
        amount = left
    if amount is None:
        lines = tuple(
            InvoiceLine(
                line.line_no,
                line.activity,
                line.description,
                -line.quantity,
                line.unit_price,
                -line.amount,
            )
            for line in invoice.lines
        )
    else:
        if not amount.is_finite() or amount <= 0 or amount != cents(amount):
            raise InvalidValue(
                f"credit of {amount} EUR: a positive amount in cents", field="amount"
            )
        if amount > left:
            raise NotAllowed(
                f"invoice {invoice.number} has {left} EUR left to credit, not {amount}",
                field="amount",
            )
        description = f"Correction of / Avoir sur {invoice.number}: {reason}"
        lines = (InvoiceLine(1, None, description, Decimal(-1), amount, -amount),)
    rule = VatRule(invoice.vat_rate, invoice.vat_mention)
    net, vat, gross = _totals(lines, rule)
    return Invoice(
        number=number,
        kind=DocumentKind.CREDIT_NOTE,
        client_code=invoice.client_code,
        period=invoice.period,
        issued_on=issued_on,
        due_on=issued_on,
        seller=invoice.seller,
        buyer=invoice.buyer,
        lines=lines,
        vat_rate=invoice.vat_rate,
        vat_mention=invoice.vat_mention,
        net=net,
        vat=vat,
        gross=gross,
        issued_by=by,
        issued_at=at,
        corrects=invoice.number,
        reason=reason,
    )


#: What French and EU law asks an invoice to say that Revalo does not record: said on the
#: documents page, so that the provider adds it to its rate card's parties or its papers.
NOT_RECORDED = (
    "late-payment penalty rate and the EUR 40 recovery indemnity (code de commerce "
    "art. L441-10, D441-5): not recorded; printed as the legal default",
    "the seller's legal form and share capital (code de commerce art. R123-238): in the "
    "seller's name as written on its rate card",
    "the delivery address, where it differs from the buyer's: not recorded",
)
