"""Billing: the clients' rate cards (versions from a day), invoices and credit notes with
their lines and the activities they priced, one billing run per client and month, and the
gap-free numbering of each series per year.

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _party(prefix: str) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column(f"{prefix}_name", sa.String(length=200), nullable=False),
        sa.Column(f"{prefix}_address", sa.String(length=400), nullable=False),
        sa.Column(f"{prefix}_country", sa.String(length=2), nullable=False),
        sa.Column(f"{prefix}_vat_number", sa.String(length=20), nullable=False),
        sa.Column(f"{prefix}_company_id", sa.String(length=100), nullable=False),
    ]


def _decimal(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length=24), nullable=False)


def upgrade() -> None:
    op.create_table(
        "rate_cards",
        sa.Column("client_code", sa.String(length=40), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        *(
            _decimal(n)
            for n in (
                "return_received",
                "unit_graded",
                "data_wipe",
                "repair_hour",
                "storage_unit_day",
                "outbound_consignment",
                "monthly_minimum",
            )
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("payment_days", sa.Integer(), nullable=False),
        *_party("seller"),
        *_party("buyer"),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_code"], ["clients.code"], name=op.f("fk_rate_cards_client_code_clients")
        ),
        sa.PrimaryKeyConstraint("client_code", "valid_from", name=op.f("pk_rate_cards")),
    )
    op.create_table(
        "invoices",
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("client_code", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        *_party("seller"),
        *_party("buyer"),
        _decimal("vat_rate"),
        sa.Column("vat_mention", sa.String(length=200), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.Column("vat", sa.BigInteger(), nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("corrects", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_code"], ["clients.code"], name=op.f("fk_invoices_client_code_clients")
        ),
        sa.ForeignKeyConstraint(
            ["corrects"], ["invoices.number"], name=op.f("fk_invoices_corrects_invoices")
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_invoices")),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoices_client_code"), ["client_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_corrects"), ["corrects"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_period"), ["period"], unique=False)
    op.create_table(
        "invoice_lines",
        sa.Column("invoice_number", sa.String(length=20), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("activity", sa.String(length=32), nullable=True),
        sa.Column("description", sa.String(length=400), nullable=False),
        _decimal("quantity"),
        _decimal("unit_price"),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_number"],
            ["invoices.number"],
            name=op.f("fk_invoice_lines_invoice_number_invoices"),
        ),
        sa.PrimaryKeyConstraint("invoice_number", "line_no", name=op.f("pk_invoice_lines")),
    )
    op.create_table(
        "invoice_items",
        sa.Column("id", _ID, nullable=False),
        sa.Column("invoice_number", sa.String(length=20), nullable=False),
        sa.Column("activity", sa.String(length=32), nullable=False),
        sa.Column("ref", sa.String(length=60), nullable=False),
        sa.Column("lpn", sa.String(length=20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        _decimal("quantity"),
        sa.ForeignKeyConstraint(
            ["invoice_number"],
            ["invoices.number"],
            name=op.f("fk_invoice_items_invoice_number_invoices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_items")),
    )
    with op.batch_alter_table("invoice_items", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invoice_items_invoice_number"), ["invoice_number"], unique=False
        )
    op.create_table(
        "billing_runs",
        sa.Column("client_code", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("invoice_number", sa.String(length=20), nullable=False),
        sa.Column("run_by", sa.String(length=64), nullable=False),
        sa.Column("run_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_code"], ["clients.code"], name=op.f("fk_billing_runs_client_code_clients")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_number"],
            ["invoices.number"],
            name=op.f("fk_billing_runs_invoice_number_invoices"),
        ),
        sa.PrimaryKeyConstraint("client_code", "period", name=op.f("pk_billing_runs")),
        sa.UniqueConstraint("invoice_number", name=op.f("uq_billing_runs_invoice_number")),
    )
    op.create_table(
        "invoice_counters",
        sa.Column("series", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", "year", name=op.f("pk_invoice_counters")),
    )


def downgrade() -> None:
    op.drop_table("invoice_counters")
    op.drop_table("billing_runs")
    with op.batch_alter_table("invoice_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_items_invoice_number"))
    op.drop_table("invoice_items")
    op.drop_table("invoice_lines")
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoices_period"))
        batch_op.drop_index(batch_op.f("ix_invoices_kind"))
        batch_op.drop_index(batch_op.f("ix_invoices_corrects"))
        batch_op.drop_index(batch_op.f("ix_invoices_client_code"))
    op.drop_table("invoices")
    op.drop_table("rate_cards")
