"""What billing needs from the outside: the rate cards, invoices and runs (``uow.billing``)
and the activities recorded for a client (``uow.billable``, read from the events, work
orders, consignments and units themselves: no second bookkeeping)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from revalo.domain.billing import BillableItem, RateCard
from revalo.domain.invoices import DocumentKind, Invoice


@dataclass(frozen=True, slots=True)
class InvoiceFilter:
    client_code: str | None = None
    kind: DocumentKind | None = None
    period: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class BillingRun:
    client_code: str
    period: str
    invoice_number: str
    run_by: str


class BillingRepository(Protocol):
    def add_card(self, card: RateCard) -> None: ...
    def cards(self, client_code: str | None = None) -> Sequence[RateCard]:
        """Every version, by client then day."""
        ...

    def next_number(self, kind: DocumentKind, year: int) -> int:
        """The next number of the kind's series for the year, its counter row locked until
        the transaction ends: a rollback gives it back, so the series has no gap."""
        ...

    def run(self, client_code: str, period: str) -> BillingRun | None: ...
    def add_invoice(
        self, invoice: Invoice, items: Sequence[BillableItem], run: BillingRun | None
    ) -> None:
        """Store an issued document, the activities it prices, and the run that made it."""
        ...

    def invoice(self, number: str) -> Invoice | None: ...
    def invoices(self, flt: InvoiceFilter) -> tuple[Sequence[Invoice], int]:
        """A page of documents, the latest first, and how many there are in all."""
        ...

    def credits_of(self, number: str) -> Sequence[Invoice]: ...
    def items(self, number: str) -> Sequence[BillableItem]:
        """The activities an invoice priced, as they were when it was issued."""
        ...


class BillableActivities(Protocol):
    def for_month(self, client_code: str, start: date, end: date) -> Sequence[BillableItem]:
        """What was done for the client from ``start`` (inclusive) to ``end`` (exclusive),
        each item naming the record it comes from."""
        ...
