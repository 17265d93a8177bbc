"""The billing tables (rate cards, invoices and credit notes with their lines and the
activities they priced, the runs, the numbering of each series per year), on the same
metadata as the others. The repository converts rows to the domain's frozen values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from revalo.adapters.orm import Money, UtcDateTime, metadata
from revalo.adapters.orm import _enum as enum_column
from revalo.domain.billing import Activity
from revalo.domain.invoices import DocumentKind


class ExactDecimal(sa.TypeDecorator[Decimal]):
    """A rate, a quantity or a VAT rate kept exactly as its decimal text (rates have up to
    four decimals, quantities of hours two; SQLite has no exact decimal type)."""

    impl = sa.String(24)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: str | None, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


def _party(prefix: str) -> list[sa.Column[Any]]:
    return [
        sa.Column(f"{prefix}_name", sa.String(200), nullable=False),
        sa.Column(f"{prefix}_address", sa.String(400), nullable=False),
        sa.Column(f"{prefix}_country", sa.String(2), nullable=False),
        sa.Column(f"{prefix}_vat_number", sa.String(20), nullable=False),
        sa.Column(f"{prefix}_company_id", sa.String(100), nullable=False),
    ]


#: The versions of each client's prices; a version is never changed, a new one replaces it.
rate_cards = sa.Table(
    "rate_cards",
    metadata,
    sa.Column("client_code", sa.ForeignKey("clients.code"), primary_key=True),
    sa.Column("valid_from", sa.Date, primary_key=True),
    sa.Column("return_received", ExactDecimal, nullable=False),
    sa.Column("unit_graded", ExactDecimal, nullable=False),
    sa.Column("data_wipe", ExactDecimal, nullable=False),
    sa.Column("repair_hour", ExactDecimal, nullable=False),
    sa.Column("storage_unit_day", ExactDecimal, nullable=False),
    sa.Column("outbound_consignment", ExactDecimal, nullable=False),
    sa.Column("monthly_minimum", ExactDecimal, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("payment_days", sa.Integer, nullable=False),
    *_party("seller"),
    *_party("buyer"),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

#: Invoices and credit notes as issued.
invoices = sa.Table(
    "invoices",
    metadata,
    sa.Column("number", sa.String(20), primary_key=True),
    sa.Column("kind", enum_column(DocumentKind), nullable=False, index=True),
    sa.Column("client_code", sa.ForeignKey("clients.code"), nullable=False, index=True),
    sa.Column("period", sa.String(7), nullable=False, index=True),
    sa.Column("issued_on", sa.Date, nullable=False),
    sa.Column("due_on", sa.Date, nullable=False),
    *_party("seller"),
    *_party("buyer"),
    sa.Column("vat_rate", ExactDecimal, nullable=False),
    sa.Column("vat_mention", sa.String(200), nullable=False),
    sa.Column("net", Money, nullable=False),
    sa.Column("vat", Money, nullable=False),
    sa.Column("gross", Money, nullable=False),
    sa.Column("currency", sa.String(3), nullable=False),
    sa.Column("corrects", sa.ForeignKey("invoices.number"), index=True),
    sa.Column("reason", sa.String(300), nullable=False),
    sa.Column("issued_by", sa.String(64), nullable=False),
    sa.Column("issued_at", UtcDateTime, nullable=False),
)

invoice_lines = sa.Table(
    "invoice_lines",
    metadata,
    sa.Column("invoice_number", sa.ForeignKey("invoices.number"), primary_key=True),
    sa.Column("line_no", sa.Integer, primary_key=True),
    sa.Column("activity", enum_column(Activity)),
    sa.Column("description", sa.String(400), nullable=False),
    sa.Column("quantity", ExactDecimal, nullable=False),
    sa.Column("unit_price", ExactDecimal, nullable=False),
    sa.Column("amount", Money, nullable=False),
)

#: The activities an invoice priced, each naming its record, as they were when it was issued.
invoice_items = sa.Table(
    "invoice_items",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("invoice_number", sa.ForeignKey("invoices.number"), nullable=False, index=True),
    sa.Column("activity", enum_column(Activity), nullable=False),
    sa.Column("ref", sa.String(60), nullable=False),
    sa.Column("lpn", sa.String(20), nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("quantity", ExactDecimal, nullable=False),
)

#: One run per client and month: what makes a second run change nothing.
billing_runs = sa.Table(
    "billing_runs",
    metadata,
    sa.Column("client_code", sa.ForeignKey("clients.code"), primary_key=True),
    sa.Column("period", sa.String(7), primary_key=True),
    sa.Column("invoice_number", sa.ForeignKey("invoices.number"), nullable=False, unique=True),
    sa.Column("run_by", sa.String(64), nullable=False),
    sa.Column("run_at", UtcDateTime, nullable=False),
)

#: The last number given in each series and year, taken under the row's lock.
invoice_counters = sa.Table(
    "invoice_counters",
    metadata,
    sa.Column("series", sa.String(8), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("last", sa.Integer, nullable=False),
)
