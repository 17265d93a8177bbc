"""The outbox on SQLAlchemy Core: rows converted to the domain's messages and back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm_after_sales import outbox
from revalo.domain.notifications import Channel, DeliveryState, OutboxMessage

_O = outbox.c
_FIELDS = [c.name for c in outbox.columns if c.name != "id"]
#: What a delivery attempt changes.
_CHANGING = ("state", "attempts", "next_attempt_at", "sent_at", "last_error")


def _message(row: Any) -> OutboxMessage:
    values = {k: getattr(row, k) for k in (*_FIELDS, "id")}
    values["attachment_name"] = values["attachment_name"] or ""
    return OutboxMessage(**values)


class SqlOutboxRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, message: OutboxMessage) -> None:
        values = {k: getattr(message, k) for k in _FIELDS}
        values["attachment_name"] = message.attachment_name or None
        message.id = self.session.execute(
            outbox.insert().values(**values).returning(_O.id)
        ).scalar_one()

    def get(self, message_id: int, *, lock: bool = False) -> OutboxMessage | None:
        stmt = sa.select(outbox).where(_O.id == message_id)
        if lock and self.session.get_bind().dialect.name != "sqlite":
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).first()
        return _message(row) if row else None

    def save(self, message: OutboxMessage) -> None:
        values = {k: getattr(message, k) for k in _CHANGING}
        self.session.execute(outbox.update().where(_O.id == message.id).values(**values))

    def due(self, now: datetime, *, limit: int, channel: Channel = Channel.EMAIL) -> Sequence[int]:
        stmt = (
            sa.select(_O.id)
            .where(
                _O.state == DeliveryState.PENDING,
                _O.next_attempt_at <= now,
                _O.channel == channel,
            )
            .order_by(_O.next_attempt_at, _O.id)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def for_return(self, return_number: str) -> Sequence[OutboxMessage]:
        stmt = sa.select(outbox).where(_O.return_number == return_number).order_by(_O.id)
        return [_message(r) for r in self.session.execute(stmt)]

    def counts(self, channel: Channel | None = None) -> dict[DeliveryState, int]:
        stmt = sa.select(_O.state, sa.func.count()).group_by(_O.state)
        if channel is not None:
            stmt = stmt.where(_O.channel == channel)
        found = {DeliveryState(s): int(n) for s, n in self.session.execute(stmt)}
        return {s: found.get(s, 0) for s in DeliveryState}
