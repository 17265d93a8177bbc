"""Billing's promises, checked in SQL (part of ``invariants.check_ledger``): one invoice per
client and month, each document's lines adding up to its net and its total to net plus
VAT, and each series numbered without a gap in its year."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm_billing import invoice_lines, invoices
from revalo.domain.invoices import DocumentKind

_I, _L = invoices.c, invoice_lines.c


def invoices_per_month() -> sa.Select[tuple[str, str, int]]:
    """Clients with more than one invoice for one month (client, month, invoices)."""
    n = sa.func.count()
    return (
        sa.select(_I.client_code, _I.period, n)
        .where(_I.kind == DocumentKind.INVOICE)
        .group_by(_I.client_code, _I.period)
        .having(n > 1)
        .order_by(_I.client_code, _I.period)
    )


def totals_off() -> sa.Select[tuple[str, int, int, int, int]]:
    """Documents whose lines do not add up to the net, or whose total is not net + VAT
    (number, net, lines, VAT, total; in cents)."""
    sums = (
        sa.select(_L.invoice_number, sa.func.sum(_L.amount).label("lines"))
        .group_by(_L.invoice_number)
        .subquery()
    )
    lines = sa.func.coalesce(sums.c.lines, 0)
    return (
        sa.select(_I.number, _I.net, lines, _I.vat, _I.gross)
        .outerjoin(sums, sums.c.invoice_number == _I.number)
        .where(sa.or_(lines != _I.net, _I.gross != _I.net + _I.vat))
        .order_by(_I.number)
    )


def numbering_gaps() -> sa.Select[tuple[str, int, int]]:
    """Series and years whose numbers are not exactly 1..n (series-year, documents, last)."""
    series = sa.func.substr(_I.number, 1, sa.func.length(_I.number) - 6)
    last = sa.func.max(
        sa.cast(sa.func.substr(_I.number, sa.func.length(_I.number) - 4), sa.Integer)
    )
    n = sa.func.count()
    return sa.select(series, n, last).group_by(series).having(n != last).order_by(series)
