"""Webhooks through the outbox: a change writes one message a subscribed endpoint of the
return's client in its own transaction, and the sender posts each one signed
(``domain.webhooks``), retried with the e-mails' back-off until the endpoint takes it."""

from __future__ import annotations

import json
import time
from datetime import datetime

from revalo.domain.notifications import Channel, NotificationKind, OutboxMessage
from revalo.domain.returns import ReturnRequest
from revalo.domain.webhooks import DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signature
from revalo.services.outbox_sending import SendReport, send_round
from revalo.services.ports import UnitOfWork
from revalo.services.service_ports import Delivery, WebhookFailed, WebhookPoster


def payload(kind: NotificationKind, rma: ReturnRequest, at: datetime, **values: str) -> str:
    """The event's JSON: what happened to which return, when."""
    event = {
        "id": f"evt_{rma.number}_{kind.value}_{int(at.timestamp())}",
        "type": kind.value,
        "created": at.isoformat(),
        "data": {
            "return": rma.number,
            "order_ref": rma.order_ref,
            "client": rma.client_code,
            "state": rma.state.value,
            # The survey's link is the customer's alone: it opens their answer.
            **{k: str(v) for k, v in values.items() if k != "survey"},
        },
    }
    return json.dumps(event, sort_keys=True, separators=(",", ":"))


def write_webhooks(
    uow: UnitOfWork, kind: NotificationKind, rma: ReturnRequest, at: datetime, **values: str
) -> list[OutboxMessage]:
    """Inside the change's transaction: a message for each endpoint of the return's client
    subscribed to ``kind``."""
    if rma.client_code is None:
        return []
    written = []
    body = payload(kind, rma, at, **values)
    for endpoint in uow.webhooks.for_client(rma.client_code):
        if not endpoint.wants(kind):
            continue
        message = OutboxMessage(
            kind=kind,
            return_number=rma.number,
            recipient=endpoint.url,
            language="",
            subject=kind.value,
            body=body,
            created_at=at,
            next_attempt_at=at,
            channel=Channel.WEBHOOK,
            endpoint_id=endpoint.id,
        )
        uow.outbox.add(message)
        written.append(message)
    return written


def send_webhooks_due(
    uow: UnitOfWork, poster: WebhookPoster, *, now: datetime | None = None, limit: int = 100
) -> SendReport:
    """Post the webhook messages whose next attempt has come, each signed at the moment it
    is sent; a failure (down, timed out, not 2xx) is tried again later."""

    def deliver(message: OutboxMessage) -> None:
        with uow:
            endpoint = uow.webhooks.get(message.endpoint_id or 0)
        if endpoint is None or not endpoint.active:
            raise WebhookFailed(f"the endpoint {message.recipient} is no longer active")
        body = message.body.encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: signature(endpoint.secret, int(time.time()), body),
            DELIVERY_HEADER: f"outbox-{message.id}",
            EVENT_HEADER: message.kind.value,
        }
        poster.post(Delivery(endpoint.url, body, headers))

    return send_round(uow, Channel.WEBHOOK, deliver, WebhookFailed, now=now, limit=limit)
