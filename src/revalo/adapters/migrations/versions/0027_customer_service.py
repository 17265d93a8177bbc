"""Customer service: notes and contacts, exceptions to the policy, satisfaction surveys,
the clients' webhook endpoints; the outbox carries webhooks and attachments too.

Revision ID: 0027
Revises: 0026
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "service_notes",
        sa.Column("id", _ID, nullable=False),
        sa.Column("rma_id", sa.BigInteger(), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_by", sa.String(length=64), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rma_id"], ["return_requests.id"], name=op.f("fk_service_notes_rma_id_return_requests")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_notes")),
    )
    op.create_index(op.f("ix_service_notes_rma_id"), "service_notes", ["rma_id"])
    op.create_table(
        "policy_exceptions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("rma_id", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("authorised_by", sa.String(length=64), nullable=False),
        sa.Column("authorised_at", sa.DateTime(), nullable=False),
        sa.Column("policy_state", sa.String(length=32), nullable=False),
        sa.Column("policy_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rma_id"],
            ["return_requests.id"],
            name=op.f("fk_policy_exceptions_rma_id_return_requests"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_exceptions")),
    )
    op.create_index(op.f("ix_policy_exceptions_rma_id"), "policy_exceptions", ["rma_id"])
    op.create_table(
        "surveys",
        sa.Column("rma_id", sa.BigInteger(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("invited_at", sa.DateTime(), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["rma_id"], ["return_requests.id"], name=op.f("fk_surveys_rma_id_return_requests")
        ),
        sa.PrimaryKeyConstraint("rma_id", name=op.f("pk_surveys")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_surveys_token_hash")),
    )
    op.create_index(op.f("ix_surveys_answered_at"), "surveys", ["answered_at"])
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", _ID, nullable=False),
        sa.Column("client_code", sa.String(length=40), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("secret", sa.String(length=100), nullable=False),
        sa.Column("events", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_code"], ["clients.code"], name=op.f("fk_webhook_endpoints_client_code_clients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_endpoints")),
    )
    op.create_index(op.f("ix_webhook_endpoints_client_code"), "webhook_endpoints", ["client_code"])
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("channel", sa.String(length=32), nullable=False, server_default="email")
        )
        batch_op.add_column(sa.Column("endpoint_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("attachment", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("attachment_name", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("attachment_name")
        batch_op.drop_column("attachment")
        batch_op.drop_column("endpoint_id")
        batch_op.drop_column("channel")
    op.drop_index(op.f("ix_webhook_endpoints_client_code"), table_name="webhook_endpoints")
    op.drop_table("webhook_endpoints")
    op.drop_index(op.f("ix_surveys_answered_at"), table_name="surveys")
    op.drop_table("surveys")
    op.drop_index(op.f("ix_policy_exceptions_rma_id"), table_name="policy_exceptions")
    op.drop_table("policy_exceptions")
    op.drop_index(op.f("ix_service_notes_rma_id"), table_name="service_notes")
    op.drop_table("service_notes")
