"""Sending the outbox: a round takes the messages of one channel whose time has come, each
leased (its next attempt set a few minutes ahead, so that a worker that dies while sending
leaves it to another round), delivered, then marked sent or given its next attempt after
a growing delay. The e-mails and the webhooks are sent by the same rounds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from revalo.domain.notifications import Channel, DeliveryState, OutboxMessage
from revalo.services.common import when
from revalo.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class SendReport:
    sent: int = 0
    failed: int = 0
    #: The last failure's reason ("" when none failed).
    error: str = ""


def take(uow: UnitOfWork, message_id: int, now: datetime) -> OutboxMessage | None:
    """Lease the message to send it, unless another worker took it or sent it meanwhile."""
    with uow:
        message = uow.outbox.get(message_id, lock=True)
        if message is None or not message.due(now):
            return None
        message.lease(now)
        uow.outbox.save(message)
        uow.commit()
    return message


def settle(uow: UnitOfWork, message_id: int, now: datetime, error: str | None) -> None:
    with uow:
        message = uow.outbox.get(message_id, lock=True)
        if message is None or message.state is DeliveryState.SENT:
            return
        if error is None:
            message.delivered(now)
        else:
            message.failed(now, error)
        uow.outbox.save(message)
        uow.commit()


def send_round(
    uow: UnitOfWork,
    channel: Channel,
    deliver: Callable[[OutboxMessage], None],
    failure: type[Exception],
    *,
    now: datetime | None = None,
    limit: int = 100,
) -> SendReport:
    """Send the messages of ``channel`` whose next attempt has come: each leased, handed
    to ``deliver``, then marked sent; a ``failure`` sets the next attempt after a growing
    delay."""
    t = when(now)
    with uow:
        ids = list(uow.outbox.due(t, limit=limit, channel=channel))
    sent = failed = 0
    error = ""
    for message_id in ids:
        message = take(uow, message_id, t)
        if message is None:
            continue
        try:
            deliver(message)
        except failure as exc:
            failed, error = failed + 1, str(exc)
            settle(uow, message_id, t, error)
            continue
        settle(uow, message_id, t, None)
        sent += 1
    return SendReport(sent, failed, error)
