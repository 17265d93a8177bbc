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
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from revalo.domain.notifications import (
    Channel,
    NotificationKind,
    OutboxMessage,
    language_for,
)
from revalo.domain.people import Permission, User
from revalo.domain.portal import new_token, token_hash
from revalo.domain.returns import ReturnRequest
from revalo.services import webhook_outbox as hooks
from revalo.services.common import found
from revalo.services.guard import reads
from revalo.services.notification_ports import DeliveryFailed, Email, Mailer
from revalo.services.outbox_sending import SendReport, send_round
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import ensure_sees_return
from revalo.services.service_ports import WebhookPoster

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
    *,
    attachment: tuple[str, bytes] | None = None,
    **values: str,
) -> OutboxMessage | None:
    """Write the e-mail telling the customer of ``rma`` about ``kind`` to the outbox, inside
    the caller's transaction, and a webhook message to each endpoint of the return's client
    that subscribed to it; the e-mail, None when neither the customer nor their order has
    an e-mail address. A portal link's ``token`` goes into the e-mail only, never to a
    webhook."""
    token = values.pop("token", None)
    customer = found(uow.customers.get(rma.customer_code), f"no customer {rma.customer_code}")
    if rma.client_code is not None and kind is not NotificationKind.LABEL:
        hooks.write_webhooks(uow, kind, rma, at, **values)
    recipient = customer.email or _order_email(uow, rma)
    if not recipient:
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
        "survey": "",
        "follow": "",
        **values,
    }
    if kind is NotificationKind.RETURN_AUTHORISED:
        fill["follow"] = _follow(uow, rma, at, text["follow"], token)
    if "how" in values:
        fill["how"] = text["how"].get(values["how"], values["how"])
    if values.get("survey"):
        fill["survey"] = text["survey"]["line"].format(link=values["survey"])
    message = OutboxMessage(
        kind=kind,
        return_number=rma.number,
        recipient=recipient,
        language=lang,
        subject=text[kind.value]["subject"].format(**fill),
        body=text[kind.value]["body"].format(**fill),
        created_at=at,
        next_attempt_at=at,
        attachment=attachment[1] if attachment else None,
        attachment_name=attachment[0] if attachment else "",
    )
    uow.outbox.add(message)
    return message


def _order_email(uow: UnitOfWork, rma: ReturnRequest) -> str:
    """The e-mail given with the shop's order, for a customer whose record has none."""
    order = uow.portal.order(rma.order_ref) if rma.order_ref else None
    return order.email if order is not None else ""


def _follow(
    uow: UnitOfWork, rma: ReturnRequest, at: datetime, text: Mapping[str, str], token: str | None
) -> str:
    """The way to the label: a return made on the portal gets a link of its own (``token``
    when the caller has just made one), through which the customer prints the label or shows
    its QR code; any other return's label comes from the shop."""
    if uow.portal.portal_return(rma.number) is None:
        return text["shop"]
    if token is None:
        token = new_token()
        uow.portal.add_link(rma.number, token_hash(token), by="notifications", at=at)
    return text["portal"].format(link=f"{links_base()}/portal/r/{token}")


def links_base() -> str:
    """The public address of this server, that the e-mails' links lead to."""
    return str(templates()["links"]["base"]).rstrip("/")


# -- sending ---------------------------------------------------------------------------------
def _email(m: OutboxMessage) -> Email:
    return Email(
        m.recipient,
        m.subject,
        m.body,
        m.language,
        f"<outbox-{m.id}@revalo>",
        m.attachment,
        m.attachment_name,
    )


def send_due(
    uow: UnitOfWork, mailer: Mailer, *, now: datetime | None = None, limit: int = 100
) -> SendReport:
    """Send the e-mails whose next attempt has come (``send_round`` over the e-mails)."""
    return send_round(
        uow, Channel.EMAIL, lambda m: mailer.send(_email(m)), DeliveryFailed, now=now, limit=limit
    )


def run_sender(
    new_uow: Callable[[], UnitOfWork],
    mailer: Mailer | None,
    stop: threading.Event,
    *,
    interval_s: float = 30.0,
    on_round: Callable[[SendReport], None] | None = None,
    poster: WebhookPoster | None = None,
) -> None:
    """Send what is due every ``interval_s`` seconds until ``stop`` is set: the e-mails
    when a mailer is given, the webhooks when a poster is."""
    while not stop.is_set():
        for send in _senders(mailer, poster):
            try:
                report = send(new_uow())
            except Exception as exc:  # a busy or lost database: the next round tries again
                report = SendReport(error=f"the outbox could not be read: {exc}")
            if on_round is not None:
                on_round(report)
        stop.wait(interval_s)


def _senders(
    mailer: Mailer | None, poster: WebhookPoster | None
) -> list[Callable[[UnitOfWork], SendReport]]:
    senders: list[Callable[[UnitOfWork], SendReport]] = []
    if mailer is not None:
        senders.append(lambda uow: send_due(uow, mailer))
    if poster is not None:
        senders.append(lambda uow: hooks.send_webhooks_due(uow, poster))
    return senders


# -- reading ---------------------------------------------------------------------------------
@reads(Permission.VIEW_RETURNS)
def return_notifications(uow: UnitOfWork, number: str, *, by: User) -> list[OutboxMessage]:
    """The e-mails written for a return, oldest first, with their delivery."""
    with uow:
        rma = found(uow.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.VIEW_RETURNS)
        return list(uow.outbox.for_return(rma.number))
