"""Billing a logistics provider's clients: rate cards, monthly runs, invoices and credit
notes (PDF and CSV). A client user sees its own invoices and rate cards only; another
client's invoice is not found."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from starlette.responses import Response

from revalo.domain.invoices import DocumentKind
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.billing import (
    BillingRunCreate,
    BillingRunPublic,
    CreditNoteCreate,
    InvoiceDetailPublic,
    InvoicePublic,
    InvoicesPublic,
    RateCardCreate,
    RateCardPublic,
    RateCardsPublic,
    card_public,
    invoice_public,
)
from revalo.entrypoints.api.types import ClientCodeQuery, Limit, Offset
from revalo.services import billing, billing_rates
from revalo.services.billing_ports import InvoiceFilter

router = APIRouter(prefix="/billing", tags=["billing"])
NumberPath = Annotated[str, Path(min_length=3, max_length=20, description="INV-2025-00001")]
_CSV: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}
_PDF: dict[int | str, dict[str, Any]] = {200: {"content": {"application/pdf": {}}}}


def _file(body: str | bytes, media: str, name: str) -> Response:
    return Response(
        body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@router.get("/rate-cards", dependencies=[need(Permission.VIEW_INVOICES)])
def list_rate_cards(
    uow: ReadUowDep,
    user: CurrentUser,
    client_code: ClientCodeQuery = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> RateCardsPublic:
    """Every version of the rate cards, by client then day (a client: its own)."""
    cards = billing_rates.rate_cards(uow, client_code, by=user)
    return RateCardsPublic(
        data=[card_public(c) for c in cards[offset : offset + limit]], count=len(cards)
    )


@router.post(
    "/rate-cards",
    dependencies=[need(Permission.MANAGE_RATE_CARDS)],
    status_code=status.HTTP_201_CREATED,
)
def add_rate_card(body: RateCardCreate, uow: UowDep, user: CurrentUser) -> RateCardPublic:
    """A new version of a client's prices from a day; the seller, buyer and payment term
    are the previous version's. A version is never changed."""
    card = billing_rates.add_rate_card(
        uow,
        body.client_code,
        valid_from=body.valid_from,
        rates=body.rates.rates(),
        payment_days=body.payment_days,
        by=user,
    )
    return card_public(card)


@router.post("/runs", dependencies=[need(Permission.RUN_BILLING)])
def run_billing(
    body: BillingRunCreate, uow: UowDep, user: CurrentUser, response: Response
) -> BillingRunPublic:
    """Bill a client's month (over): 201 with the invoice issued, or 200 with the invoice
    of an earlier run (nothing changed)."""
    outcome = billing.run_billing(uow, body.client_code, body.month, by=user)
    response.status_code = status.HTTP_201_CREATED if outcome.created else status.HTTP_200_OK
    return BillingRunPublic(created=outcome.created, invoice=invoice_public(outcome.invoice))


@router.get("/invoices", dependencies=[need(Permission.VIEW_INVOICES)])
def list_invoices(
    uow: ReadUowDep,
    user: CurrentUser,
    client_code: ClientCodeQuery = None,
    kind: DocumentKind | None = None,
    month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> InvoicesPublic:
    """Invoices and credit notes, the latest first (a client: its own)."""
    found, count = billing.list_invoices(
        uow, InvoiceFilter(client_code, kind, month, limit, offset), by=user
    )
    return InvoicesPublic(data=[invoice_public(i) for i in found], count=count)


@router.get("/invoices/{number}", dependencies=[need(Permission.VIEW_INVOICES)])
def get_invoice(number: NumberPath, uow: ReadUowDep, user: CurrentUser) -> InvoiceDetailPublic:
    """One invoice or credit note, with the credit notes that correct it."""
    view = billing.get_invoice(uow, number, by=user)
    return InvoiceDetailPublic(
        **invoice_public(view.invoice).model_dump(),
        credit_notes=[c.number for c in view.credits],
        left_to_credit=view.creditable,
    )


@router.get(
    "/invoices/{number}/pdf",
    dependencies=[need(Permission.VIEW_INVOICES)],
    response_class=Response,
    responses=_PDF,
)
def invoice_pdf(number: NumberPath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The document as PDF, with the mentions of an invoice."""
    from revalo.adapters.invoice_pdf import render_invoice

    inv = billing.get_invoice(uow, number, by=user).invoice
    return _file(render_invoice(inv), "application/pdf", f"{inv.number}.pdf")


@router.get(
    "/invoices/{number}/lines",
    dependencies=[need(Permission.VIEW_INVOICES)],
    response_class=Response,
    responses=_CSV,
)
def invoice_lines(number: NumberPath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The document's lines as CSV (amounts in EUR without VAT)."""
    inv = billing.get_invoice(uow, number, by=user).invoice
    return _file(billing.lines_csv([inv]), "text/csv; charset=utf-8", f"{inv.number}.csv")


@router.get(
    "/invoices/{number}/items",
    dependencies=[need(Permission.VIEW_INVOICES)],
    response_class=Response,
    responses=_CSV,
)
def invoice_items(number: NumberPath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The activities the invoice priced as CSV, each with the record it comes from."""
    items = billing.invoice_items(uow, number, by=user)
    text = billing.items_csv(number.upper(), items)
    return _file(text, "text/csv; charset=utf-8", f"{number.upper()}-items.csv")


@router.post(
    "/invoices/{number}/credit-notes",
    dependencies=[need(Permission.CREDIT_INVOICES)],
    status_code=status.HTTP_201_CREATED,
)
def credit_invoice(
    number: NumberPath, body: CreditNoteCreate, uow: UowDep, user: CurrentUser
) -> InvoicePublic:
    """Correct an issued invoice with a credit note: of all that is left, or of an amount."""
    note = billing.credit_invoice(uow, number, reason=body.reason, amount=body.amount, by=user)
    return invoice_public(note)
