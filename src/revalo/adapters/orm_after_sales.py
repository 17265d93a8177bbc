"""The after-sales tables (refund cases and their refunds, the outbox of e-mails), on the
same metadata as the others. The repositories convert their rows to the domain's values
explicitly: a refund is a frozen value, not a mapped object."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import Money, UtcDateTime, metadata
from revalo.adapters.orm import _enum as enum_column
from revalo.domain.after_sales import Outcome
from revalo.domain.notifications import Channel, DeliveryState, NotificationKind
from revalo.domain.refunds import PartialReason, RefundMethod

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

#: One a return at most: what the customer paid, the outcome and the deadline's dates.
refund_cases = sa.Table(
    "refund_cases",
    metadata,
    sa.Column("rma_id", sa.ForeignKey("return_requests.id"), primary_key=True),
    sa.Column("paid", Money, nullable=False),
    sa.Column("outcome", enum_column(Outcome), nullable=False),
    sa.Column("notified_on", sa.Date, nullable=False),
    sa.Column("goods_received_on", sa.Date),
    sa.Column("proof_of_sending_on", sa.Date),
    sa.Column("deadline", sa.Date, nullable=False, index=True),
    #: The day the refunds settled it; null while something is owed.
    sa.Column("settled_on", sa.Date, index=True),
    sa.Column("opened_by", sa.String(64), nullable=False),
    sa.Column("opened_at", UtcDateTime, nullable=False),
)

refunds = sa.Table(
    "refunds",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("rma_id", sa.ForeignKey("refund_cases.rma_id"), nullable=False, index=True),
    sa.Column("amount", Money, nullable=False),
    sa.Column("method", enum_column(RefundMethod), nullable=False),
    sa.Column("paid_on", sa.Date, nullable=False, index=True),
    sa.Column("recorded_by", sa.String(64), nullable=False),
    sa.Column("partial_reason", enum_column(PartialReason)),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("recorded_at", UtcDateTime, nullable=False),
)

#: The e-mails to customers, written with the change they tell and sent by a worker.
outbox = sa.Table(
    "outbox",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("kind", enum_column(NotificationKind), nullable=False),
    sa.Column("return_number", sa.String(20), nullable=False, index=True),
    sa.Column("recipient", sa.String(200), nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("subject", sa.String(300), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("state", enum_column(DeliveryState), nullable=False, index=True),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", UtcDateTime, nullable=False, index=True),
    sa.Column("sent_at", UtcDateTime),
    sa.Column("last_error", sa.Text, nullable=False),
    sa.Column("channel", enum_column(Channel), nullable=False, server_default="email"),
    sa.Column("endpoint_id", sa.BigInteger),
    sa.Column("attachment", sa.LargeBinary),
    #: Null when there is no attachment.
    sa.Column("attachment_name", sa.String(100)),
)
