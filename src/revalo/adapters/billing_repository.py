"""Rate cards, invoices and billing runs on SQLAlchemy Core: rows converted to the domain's
frozen values and back. Nothing here updates or deletes an invoice: there is no way to.

Invoice numbers are not taken from the counters of ``adapters/counters.py``: those take
numbers in blocks ahead and never give back a number a rolled-back transaction took, which
leaves gaps. An invoice series must have none (CGI art. 242 nonies A: "un numéro unique
basé sur une séquence chronologique et continue"), so each series and year is a row locked
by the transaction that numbers a document, and a rollback gives its number back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from revalo.adapters.orm_billing import (
    billing_runs,
    invoice_counters,
    invoice_items,
    invoice_lines,
    invoices,
    rate_cards,
)
from revalo.domain.billing import RATE_NAMES, BillableItem, Party, RateCard, Rates
from revalo.domain.invoices import PREFIX, DocumentKind, Invoice, InvoiceLine
from revalo.services.billing_ports import BillingRun, InvoiceFilter

_PARTY_FIELDS = ("name", "address", "country", "vat_number", "company_id")
_I, _L = invoices.c, invoice_lines.c


def _party_values(prefix: str, party: Party) -> dict[str, Any]:
    return {f"{prefix}_{f}": getattr(party, f) for f in _PARTY_FIELDS}


def _party(prefix: str, row: Any) -> Party:
    return Party(**{f: getattr(row, f"{prefix}_{f}") for f in _PARTY_FIELDS})


def _card(row: Any) -> RateCard:
    return RateCard(
        client_code=row.client_code,
        valid_from=row.valid_from,
        rates=Rates(**{n: getattr(row, n) for n in RATE_NAMES}),
        seller=_party("seller", row),
        buyer=_party("buyer", row),
        payment_days=row.payment_days,
        created_by=row.created_by,
        created_at=row.created_at,
        currency=row.currency,
    )


class SqlBillingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- rate cards -----------------------------------------------------------------------
    def add_card(self, card: RateCard) -> None:
        self.session.execute(
            rate_cards.insert().values(
                client_code=card.client_code,
                valid_from=card.valid_from,
                **{n: getattr(card.rates, n) for n in RATE_NAMES},
                currency=card.currency,
                payment_days=card.payment_days,
                **_party_values("seller", card.seller),
                **_party_values("buyer", card.buyer),
                created_by=card.created_by,
                created_at=card.created_at,
            )
        )

    def cards(self, client_code: str | None = None) -> Sequence[RateCard]:
        stmt = sa.select(rate_cards).order_by(rate_cards.c.client_code, rate_cards.c.valid_from)
        if client_code:
            stmt = stmt.where(rate_cards.c.client_code == client_code)
        return [_card(r) for r in self.session.execute(stmt)]

    # -- numbering ------------------------------------------------------------------------
    def next_number(self, kind: DocumentKind, year: int) -> int:
        series, c = PREFIX[kind], invoice_counters.c
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        self.session.execute(
            insert(invoice_counters)
            .values(series=series, year=year, last=0)
            .on_conflict_do_nothing(index_elements=["series", "year"])
        )
        where = (c.series == series) & (c.year == year)
        last = self.session.scalar(sa.select(c.last).where(where).with_for_update())
        number = int(last or 0) + 1
        self.session.execute(invoice_counters.update().where(where).values(last=number))
        return number

    # -- runs and documents ---------------------------------------------------------------
    def run(self, client_code: str, period: str) -> BillingRun | None:
        c = billing_runs.c
        row = self.session.execute(
            sa.select(billing_runs).where(c.client_code == client_code, c.period == period)
        ).first()
        if row is None:
            return None
        return BillingRun(row.client_code, row.period, row.invoice_number, row.run_by)

    def add_invoice(
        self, invoice: Invoice, items: Sequence[BillableItem], run: BillingRun | None
    ) -> None:
        self.session.execute(
            invoices.insert().values(
                number=invoice.number,
                kind=invoice.kind,
                client_code=invoice.client_code,
                period=invoice.period,
                issued_on=invoice.issued_on,
                due_on=invoice.due_on,
                **_party_values("seller", invoice.seller),
                **_party_values("buyer", invoice.buyer),
                vat_rate=invoice.vat_rate,
                vat_mention=invoice.vat_mention,
                net=invoice.net,
                vat=invoice.vat,
                gross=invoice.gross,
                currency=invoice.currency,
                corrects=invoice.corrects,
                reason=invoice.reason,
                issued_by=invoice.issued_by,
                issued_at=invoice.issued_at,
            )
        )
        self.session.execute(
            invoice_lines.insert(),
            [
                {
                    "invoice_number": invoice.number,
                    "line_no": line.line_no,
                    "activity": line.activity,
                    "description": line.description,
                    "quantity": line.quantity,
                    "unit_price": line.unit_price,
                    "amount": line.amount,
                }
                for line in invoice.lines
            ],
        )
        if items:
            self.session.execute(
                invoice_items.insert(),
                [
                    {
                        "invoice_number": invoice.number,
                        "activity": i.activity,
                        "ref": i.ref,
                        "lpn": i.lpn,
                        "on": i.on,
                        "quantity": i.quantity,
                    }
                    for i in items
                ],
            )
        if run is not None:
            self.session.execute(
                billing_runs.insert().values(
                    client_code=run.client_code,
                    period=run.period,
                    invoice_number=run.invoice_number,
                    run_by=run.run_by,
                    run_at=invoice.issued_at,
                )
            )

    def invoice(self, number: str) -> Invoice | None:
        found = self._load(sa.select(invoices).where(_I.number == number))
        return found[0] if found else None

    def invoices(self, flt: InvoiceFilter) -> tuple[Sequence[Invoice], int]:
        stmt = sa.select(invoices)
        if flt.client_code:
            stmt = stmt.where(_I.client_code == flt.client_code)
        if flt.kind is not None:
            stmt = stmt.where(_I.kind == flt.kind)
        if flt.period:
            stmt = stmt.where(_I.period == flt.period)
        count = self.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))
        page = stmt.order_by(_I.issued_at.desc(), _I.number.desc())
        return self._load(page.limit(flt.limit).offset(flt.offset)), int(count or 0)

    def credits_of(self, number: str) -> Sequence[Invoice]:
        return self._load(sa.select(invoices).where(_I.corrects == number).order_by(_I.number))

    def items(self, number: str) -> Sequence[BillableItem]:
        c = invoice_items.c
        rows = self.session.execute(
            sa.select(invoice_items).where(c.invoice_number == number).order_by(c.id)
        )
        return [BillableItem(r.activity, r.ref, r.on, r.quantity, r.lpn) for r in rows]

    def _load(self, stmt: sa.Select[Any]) -> list[Invoice]:
        rows = self.session.execute(stmt).all()
        lines: dict[str, list[InvoiceLine]] = {r.number: [] for r in rows}
        if rows:
            query = (
                sa.select(invoice_lines)
                .where(_L.invoice_number.in_(list(lines)))
                .order_by(_L.invoice_number, _L.line_no)
            )
            for r in self.session.execute(query):
                lines[r.invoice_number].append(
                    InvoiceLine(
                        r.line_no, r.activity, r.description, r.quantity, r.unit_price, r.amount
                    )
                )
        return [
            Invoice(
                number=r.number,
                kind=r.kind,
                client_code=r.client_code,
                period=r.period,
                issued_on=r.issued_on,
                due_on=r.due_on,
                seller=_party("seller", r),
                buyer=_party("buyer", r),
                lines=tuple(lines[r.number]),
                vat_rate=r.vat_rate,
                vat_mention=r.vat_mention,
                net=r.net,
                vat=r.vat,
                gross=r.gross,
                issued_by=r.issued_by,
                issued_at=r.issued_at,
                corrects=r.corrects,
                reason=r.reason,
                currency=r.currency,
            )
            for r in rows
        ]
