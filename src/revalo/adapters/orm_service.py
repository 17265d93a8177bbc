"""Customer service's tables: notes and contacts with the customer, exceptions to the
policy, the satisfaction surveys, and the clients' webhook endpoints."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, metadata
from revalo.adapters.orm import _enum as enum_column
from revalo.domain.returns import ReturnState
from revalo.domain.service_desk import ContactChannel

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

#: Append-only: a note is never changed nor removed.
service_notes = sa.Table(
    "service_notes",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), nullable=False, index=True),
    sa.Column("channel", enum_column(ContactChannel), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("written_by", sa.String(64), nullable=False),
    sa.Column("written_at", UtcDateTime, nullable=False),
)

policy_exceptions = sa.Table(
    "policy_exceptions",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), nullable=False, index=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("authorised_by", sa.String(64), nullable=False),
    sa.Column("authorised_at", UtcDateTime, nullable=False),
    sa.Column("policy_state", enum_column(ReturnState), nullable=False),
    sa.Column("policy_reason", sa.Text, nullable=False),
)

#: One a return: the survey sent with the refund, found by its token's hash.
surveys = sa.Table(
    "surveys",
    metadata,
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("invited_at", UtcDateTime, nullable=False),
    sa.Column("score", sa.SmallInteger),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("answered_at", UtcDateTime, index=True),
    sa.Column("changed_at", UtcDateTime),
)

webhook_endpoints = sa.Table(
    "webhook_endpoints",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("client_code", sa.ForeignKey("clients.code"), nullable=False, index=True),
    sa.Column("url", sa.String(500), nullable=False),
    sa.Column("secret", sa.String(100), nullable=False),
    #: The events subscribed, comma-separated.
    sa.Column("events", sa.String(300), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)
