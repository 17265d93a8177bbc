"""Monthly billing of a logistics provider's clients: price what was done for a client in
a month with its rate card, once; the invoices and credit notes; what a client sees.

A run locks the client's row: two runs for one client take turns, and the second finds
the first's invoice and changes nothing (the table of runs has one row per client and
month, as a last guard). The number is taken under the lock of its series' counter row in
the same transaction, so the series has no gap (``SqlBillingRepository.next_number``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from revalo.domain.billing import BillableItem, Month, RateCard, card_for, vat_rule
from revalo.domain.clients import Client
from revalo.domain.errors import NotAllowed, NotFound
from revalo.domain.invoices import (
    DocumentKind,
    Draft,
    Invoice,
    credit_note,
    document_number,
    invoice_of,
    price_month,
    still_creditable,
)
from revalo.domain.people import Permission, User, ensure_sees_client
from revalo.domain.values import utcnow
from revalo.services.billing_ports import BillingRun, InvoiceFilter
from revalo.services.billing_rates import eu_countries, standard_rates
from revalo.services.common import found
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried

LINE_COLUMNS = (
    "number",
    "kind",
    "client",
    "period",
    "issued_on",
    "line_no",
    "activity",
    "description",
    "quantity",
    "unit_price",
    "amount",
    "vat_rate",
    "currency",
)
ITEM_COLUMNS = ("number", "activity", "ref", "lpn", "on", "quantity")


@dataclass(frozen=True, slots=True)
class RunOutcome:
    invoice: Invoice
    #: False: the month was billed already, and this run changed nothing.
    created: bool


@dataclass(frozen=True, slots=True)
class Preview:
    """What a month would come to, not stored."""

    items: tuple[BillableItem, ...]
    draft: Draft


def _lock_client(uow: UnitOfWork, code: str) -> Client:
    """The client, its row locked until the use case ends: its runs and credits take turns."""
    return found(
        uow.clients.get(code.strip().upper(), lock=True), f"no client {code!r}", "client_code"
    )


def _priced(uow: UnitOfWork, client: str, month: Month) -> tuple[Preview, RateCard]:
    card = card_for(list(uow.billing.cards(client)), month.start)
    if card is None:
        raise NotFound(
            f"client {client} has no rate card valid on {month.start.isoformat()}: load one "
            "first (revalo billing rates load)",
            field="client_code",
        )
    items = tuple(uow.billable.for_month(client, month.start, month.end))
    rule = vat_rule(card.seller, card.buyer, standard_rates(month.start), eu_countries())
    return Preview(items, price_month(items, card, rule)), card


@needs(Permission.RUN_BILLING)
@retried
def run_billing(
    uow: UnitOfWork, client_code: str, month: str, *, today: date | None = None, by: User
) -> RunOutcome:
    """Issue the client's invoice for a month that is over, priced from what was recorded;
    a second run for the same client and month gives the same invoice and writes nothing."""
    period = Month.parse(month)
    issued_on = today or utcnow().date()
    period.ensure_over(issued_on)
    with uow:
        client = _lock_client(uow, client_code)
        done = uow.billing.run(client.code, str(period))
        if done is not None:
            invoice = found(uow.billing.invoice(done.invoice_number), "no invoice", "number")
            return RunOutcome(invoice, created=False)
        preview, card = _priced(uow, client.code, period)
        if not preview.draft.lines:
            raise NotAllowed(
                f"nothing to bill client {client.code} for {period}: no activity recorded and "
                "no monthly minimum",
                field="month",
            )
        kind = DocumentKind.INVOICE
        number = document_number(
            kind, issued_on.year, uow.billing.next_number(kind, issued_on.year)
        )
        invoice = invoice_of(
            preview.draft,
            number=number,
            card=card,
            month=period,
            issued_on=issued_on,
            by=by.login,
            at=utcnow(),
        )
        run = BillingRun(client.code, str(period), number, by.login)
        uow.billing.add_invoice(invoice, preview.items, run)
        record_done(uow, by, "run_billing", number, detail=f"{client.code} {period}")
        uow.commit()
    return RunOutcome(invoice, created=True)


@reads(Permission.RUN_BILLING)
def preview_billing(uow: UnitOfWork, client_code: str, month: str, *, by: User) -> Preview:
    """What the month comes to so far, each activity with its record; nothing is stored."""
    period = Month.parse(month)
    with uow:
        client = found(uow.clients.get(client_code.strip().upper()), f"no client {client_code!r}")
        return _priced(uow, client.code, period)[0]


@needs(Permission.CREDIT_INVOICES)
@retried
def credit_invoice(
    uow: UnitOfWork,
    number: str,
    *,
    reason: str,
    amount: Decimal | None = None,
    today: date | None = None,
    by: User,
) -> Invoice:
    """A credit note correcting an issued invoice: in full (``amount`` None: what is left
    of it) or ``amount`` EUR of its net. The invoice itself stays as it was issued."""
    issued_on = today or utcnow().date()
    with uow:
        invoice = found(uow.billing.invoice(number.strip().upper()), f"no invoice {number!r}")
        _lock_client(uow, invoice.client_code)
        credits = uow.billing.credits_of(invoice.number)
        kind = DocumentKind.CREDIT_NOTE
        seq = uow.billing.next_number(kind, issued_on.year)
        note = credit_note(
            invoice,
            credits,
            number=document_number(kind, issued_on.year, seq),
            amount=amount,
            reason=reason,
            issued_on=issued_on,
            by=by.login,
            at=utcnow(),
        )
        uow.billing.add_invoice(note, (), None)
        record_done(uow, by, "credit_invoice", note.number, detail=f"corrects {invoice.number}")
        uow.commit()
    return note


def _scope(by: User, client_code: str | None) -> str | None:
    """The client a list is kept to: a client user's own (asking for another's is refused)."""
    code = client_code.strip().upper() if client_code else None
    if by.bound_client is not None:
        ensure_sees_client(by, Permission.VIEW_INVOICES, code or by.bound_client)
        return by.bound_client
    return code


@reads(Permission.VIEW_INVOICES)
def list_invoices(
    uow: UnitOfWork, flt: InvoiceFilter, *, by: User
) -> tuple[Sequence[Invoice], int]:
    """A page of invoices and credit notes, the latest first; a client sees its own."""
    code = _scope(by, flt.client_code)
    with uow:
        return uow.billing.invoices(
            InvoiceFilter(code, flt.kind, flt.period, flt.limit, flt.offset)
        )


@dataclass(frozen=True, slots=True)
class InvoiceView:
    invoice: Invoice
    credits: tuple[Invoice, ...]
    creditable: Decimal


@reads(Permission.VIEW_INVOICES)
def get_invoice(uow: UnitOfWork, number: str, *, by: User) -> InvoiceView:
    """One document with its credit notes; another client's is not found, for a client."""
    with uow:
        invoice = uow.billing.invoice(number.strip().upper())
        if invoice is None or not by.sees_client(invoice.client_code):
            raise NotFound(f"no invoice {number!r}", field="number")
        credits = tuple(uow.billing.credits_of(invoice.number))
    left = (
        still_creditable(invoice, credits) if invoice.kind is DocumentKind.INVOICE else Decimal(0)
    )
    return InvoiceView(invoice, credits, left)


@reads(Permission.VIEW_INVOICES)
def invoice_items(uow: UnitOfWork, number: str, *, by: User) -> Sequence[BillableItem]:
    """The activities an invoice priced, each naming its record."""
    view = get_invoice(uow, number, by=by)
    with uow:
        return uow.billing.items(view.invoice.number)


def lines_csv(invoices: Sequence[Invoice]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LINE_COLUMNS)
    for inv in invoices:
        for line in inv.lines:
            writer.writerow(
                [
                    inv.number,
                    inv.kind.value,
                    inv.client_code,
                    inv.period,
                    inv.issued_on.isoformat(),
                    line.line_no,
                    line.activity.value if line.activity else "",
                    line.description,
                    line.quantity,
                    line.unit_price,
                    line.amount,
                    inv.vat_rate,
                    inv.currency,
                ]
            )
    return out.getvalue()


def items_csv(number: str, items: Sequence[BillableItem]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ITEM_COLUMNS)
    for i in items:
        writer.writerow([number, i.activity.value, i.ref, i.lpn, i.on.isoformat(), i.quantity])
    return out.getvalue()
