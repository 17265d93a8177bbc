"""Notifications that are never lost: the e-mails to the customer written to the outbox in
the transaction of the change they tell (a return authorised, received, refunded or
cancelled), in the customer's language from the templates (``config/notifications.toml``),
and the sender that hands them to the mail server, retried with a growing delay, each
message leased while it is sent so that a worker that dies loses nothing.
"""

from __future__ import annotations

import threading
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from revalo.domain.notifications import (
    DeliveryState,
    NotificationKind,
    OutboxMessage,
    language_for,
)
from revalo.domain.people import Permission, User
from revalo.domain.returns import ReturnRequest
from revalo.services.common import found, when
from revalo.services.guard import reads
from revalo.services.notification_ports import DeliveryFailed, Email, Mailer
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import ensure_sees_return

Templates = Mapping[str, Mapping[str, Mapping[str, str]]]


@lru_cache(maxsize=4)
def templates(path: Path | None = None) -> Templates:
    """The subjects and bodies by language and kind (the shipped file unless another)."""
    if path is None:
        text = resources.files("revalo.config").joinpath("notifications.toml").read_text("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return tomllib.loads(text)


def _hub(uow: UnitOfWork, code: str | None) -> str:
    site = uow.sites.get(code) if code else None
    return f"{site.name}, {site.city} ({site.country})" if site else (code or "")


def notify(
    uow: UnitOfWork,
    kind: NotificationKind,
    rma: ReturnRequest,
    at: datetime,
    **values: str,
) -> OutboxMessage | None:
    """Write the e-mail telling the customer of ``rma`` about ``kind`` to the outbox, inside
    the caller's transaction; None when the customer has no e-mail address."""
    customer = found(uow.customers.get(rma.customer_code), f"no customer {rma.customer_code}")
    if not customer.email:
        return None
    lang = language_for(customer.country)
    text = templates()[lang]
    items = ", ".join(f"{ln.quantity} x {ln.sku}" for ln in rma.lines)
    fill = {
        "name": customer.name,
        "number": rma.number,
        "order": rma.order_ref or rma.number,
        "hub": _hub(uow, rma.destination_site),
        "items": items,
        **values,
    }
    if "how" in values:
        fill["how"] = text["how"].get(values["how"], values["how"])
    message = OutboxMessage(
        kind=kind,
        return_number=rma.number,
        recipient=customer.email,
        language=lang,
        subject=text[kind.value]["subject"].format(**fill),
        body=text[kind.value]["body"].format(**fill),
        created_at=at,
        next_attempt_at=at,
    )
    uow.outbox.add(message)
    return message


# -- sending ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SendReport:
    sent: int = 0
    failed: int = 0
    #: The last failure's reason ("" when none failed).
    error: str = ""


def _email(m: OutboxMessage) -> Email:
    return Email(m.recipient, m.subject, m.body, m.language, f"<outbox-{m.id}@revalo>")


def _take(uow: UnitOfWork, message_id: int, now: datetime) -> OutboxMessage | None:
    """Lease the message to send it, unless another worker took it or sent it meanwhile."""
    with uow:
        message = uow.outbox.get(message_id, lock=True)
        if message is None or not message.due(now):
            return None
        message.lease(now)
        uow.outbox.save(message)
        uow.commit()
    return message


def _settle(uow: UnitOfWork, message_id: int, now: datetime, error: str | None) -> None:
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


def send_due(
    uow: UnitOfWork, mailer: Mailer, *, now: datetime | None = None, limit: int = 100
) -> SendReport:
    """Send the messages whose next attempt has come: each leased, handed to the mail
    server, then marked sent; a failure sets the next attempt after a growing delay."""
    t = when(now)
    with uow:
        ids = list(uow.outbox.due(t, limit=limit))
    sent = failed = 0
    error = ""
    for message_id in ids:
        message = _take(uow, message_id, t)
        if message is None:
            continue
        try:
            mailer.send(_email(message))
        except DeliveryFailed as exc:
            failed, error = failed + 1, str(exc)
            _settle(uow, message_id, t, error)
            continue
        _settle(uow, message_id, t, None)
        sent += 1
    return SendReport(sent, failed, error)


def run_sender(
    new_uow: Callable[[], UnitOfWork],
    mailer: Mailer,
    stop: threading.Event,
    *,
    interval_s: float = 30.0,
    on_round: Callable[[SendReport], None] | None = None,
) -> None:
    """Send what is due every ``interval_s`` seconds until ``stop`` is set."""
    while not stop.is_set():
        try:
            report = send_due(new_uow(), mailer)
        except Exception as exc:  # a busy or lost database: the next round tries again
            report = SendReport(error=f"the outbox could not be read: {exc}")
        if on_round is not None:
            on_round(report)
        stop.wait(interval_s)


# -- reading ---------------------------------------------------------------------------------
@reads(Permission.VIEW_RETURNS)
def return_notifications(uow: UnitOfWork, number: str, *, by: User) -> list[OutboxMessage]:
    """The e-mails written for a return, oldest first, with their delivery."""
    with uow:
        rma = found(uow.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.VIEW_RETURNS)
        return list(uow.outbox.for_return(rma.number))
