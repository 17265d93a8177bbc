"""Clients of a logistics provider, and whose goods each product, return and unit is.

Rows that exist before this revision are the provider's own goods (no client).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_OWNED = ("products", "return_requests", "units")


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_clients")),
    )
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in _OWNED:
        fk = op.f(f"fk_{table}_client_code_clients")
        if sqlite:
            # SQLite adds a column with its reference in place; a batch would copy the
            # table, which its foreign keys forbid once other rows refer to it.
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN client_code VARCHAR(40) "
                f"CONSTRAINT {fk} REFERENCES clients (code)"
            )
        else:
            op.add_column(table, sa.Column("client_code", sa.String(length=40), nullable=True))
            op.create_foreign_key(fk, table, "clients", ["client_code"], ["code"])
        op.create_index(op.f(f"ix_{table}_client_code"), table, ["client_code"], unique=False)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(_OWNED):
        op.drop_index(op.f(f"ix_{table}_client_code"), table_name=table)
        if not sqlite:  # SQLite's copy of the table leaves the column's reference behind
            op.drop_constraint(op.f(f"fk_{table}_client_code_clients"), table, "foreignkey")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("client_code")
    op.drop_table("clients")
