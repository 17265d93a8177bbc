"""Billing's pages: ``/billing`` (the invoices and credit notes, the rate cards, the forms
to run a month and to add a version of a rate card) and one document with its lines, its
credit notes and the form to correct it. A client user sees its own only; another
client's document is not found. The same use cases as the API's."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.billing import RATE_NAMES, Rates
from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import billing, billing_rates
from revalo.services.billing_ports import InvoiceFilter

router = APIRouter(route_class=WebRoute, include_in_schema=False)
MOST = Decimal("100000")


@router.get("/billing", dependencies=[need(Permission.VIEW_INVOICES)], response_class=HTMLResponse)
def billing_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The invoices and credit notes (the latest 200), the rate cards, and the forms."""
    invoices, count = billing.list_invoices(uow, InvoiceFilter(limit=200), by=user)
    ctx = {
        "invoices": invoices,
        "count": count,
        "cards": billing_rates.rate_cards(uow, by=user),
        "rate_names": RATE_NAMES,
        "client_view": user.bound_client is not None,
        "may_run": user.can(Permission.RUN_BILLING),
        "may_edit": user.can(Permission.MANAGE_RATE_CARDS),
    }
    return page(request, "billing.html", ctx, nav="billing")


@router.get(
    "/billing/invoices/{invoice_number}",
    dependencies=[need(Permission.VIEW_INVOICES)],
    response_class=HTMLResponse,
)
def invoice_page(
    request: Request, invoice_number: str, uow: ReadUowDep, user: CurrentUser
) -> HTMLResponse:
    """One document: both parties, its lines and totals, its credit notes, the downloads."""
    view = billing.get_invoice(uow, invoice_number[:20], by=user)
    ctx = {
        "view": view,
        "inv": view.invoice,
        "may_credit": user.can(Permission.CREDIT_INVOICES) and view.creditable > 0,
    }
    return page(request, "invoice.html", ctx, nav="billing")


def _attempt(request: Request, back: str, run: Callable[[], str], key: str) -> Response:
    """Run the use case; back to ``back`` with what it did, or why it refused (``run``
    gives the number it made, or ``key`` and the number after a tab)."""
    try:
        number = run()
        if "\t" in number:
            key, number = number.split("\t")
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect(back, flash=in_language(exc.message, language(request)))
    return redirect(back, flash=translator(language(request))(key, number=number))


@router.post("/billing/run", dependencies=[need(Permission.RUN_BILLING)], response_model=None)
def run_form(request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data, errors = forms.fields(form), Errors()
    client = forms.code(data, "client_code", errors)
    month = forms.text(data, "month", errors, max_length=7, required=True)
    if errors or client is None:
        return redirect("/billing", flash="; ".join(errors.values()))

    def run() -> str:
        outcome = billing.run_billing(uow, client, month, by=user)
        number = outcome.invoice.number
        return number if outcome.created else f"billing.ran_before\t{number}"

    return _attempt(request, "/billing", run, "billing.ran")


@router.post(
    "/billing/rate-cards", dependencies=[need(Permission.MANAGE_RATE_CARDS)], response_model=None
)
def card_form(request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data, errors = forms.fields(form), Errors()
    client = forms.code(data, "client_code", errors)
    valid_from = forms.day(data, "valid_from", errors)
    amounts = {n: forms.amount(data, n, errors, high=MOST) for n in RATE_NAMES}
    if errors or client is None or valid_from is None:
        return redirect("/billing#cards", flash="; ".join(errors.values()) or "valid_from")
    rates = {n: v for n, v in amounts.items() if v is not None}

    def add() -> str:
        card = billing_rates.add_rate_card(
            uow, client, valid_from=valid_from.date(), rates=Rates(**rates), by=user
        )
        return f"{card.client_code} {card.valid_from.isoformat()}"

    return _attempt(request, "/billing#cards", add, "billing.card_added_short")


@router.post(
    "/billing/invoices/{number}/credit",
    dependencies=[need(Permission.CREDIT_INVOICES)],
    response_model=None,
)
def credit_form(
    request: Request, number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    amount = forms.amount(data, "amount", errors, high=Decimal("100000000"))
    reason = forms.text(data, "reason", errors, max_length=300, required=True)
    back = f"/billing/invoices/{number[:20]}"
    if errors:
        return redirect(back, flash="; ".join(errors.values()))

    def credit() -> str:
        note = billing.credit_invoice(uow, number[:20], reason=reason, amount=amount, by=user)
        return note.number

    return _attempt(request, back, credit, "billing.credited")
