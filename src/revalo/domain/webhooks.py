"""Webhooks: a client's systems told of its returns' changes, signed so that they can trust
what they receive.

Each client may have endpoints (a URL, a secret, the events it wants). A change writes one
message a subscribed endpoint to the outbox, in the change's transaction; the sender posts
it and retries it with the e-mails' back-off until the endpoint answers 2xx.

The signature follows the scheme Stripe documents for its own webhooks ("Verify webhook
signatures manually", https://docs.stripe.com/webhooks#verify-manually): the header
``Revalo-Signature: t=<unix seconds>,v1=<hex>`` where ``<hex>`` is the HMAC-SHA256, keyed
with the endpoint's secret, of ``<t>.<body>``; the receiver recomputes it, compares in
constant time, and refuses a timestamp more than ``TOLERANCE`` away from its clock (Stripe's
libraries default to the same 300 s), which stops a recorded request from being replayed.
``Revalo-Delivery`` is the same for every attempt of one message: a receiver that saw it
already (the worker died after the post) ignores it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from revalo.domain.errors import InvalidValue
from revalo.domain.notifications import NotificationKind

SIGNATURE_HEADER = "Revalo-Signature"
DELIVERY_HEADER = "Revalo-Delivery"
EVENT_HEADER = "Revalo-Event"
TOLERANCE = timedelta(minutes=5)
MAX_URL = 500


def new_secret() -> str:
    """A secret to share with the endpoint: 256 random bits."""
    return "whsec_" + secrets.token_urlsafe(32)


def check_url(url: str) -> str:
    kept = url.strip()
    parts = urlsplit(kept)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidValue(f"A webhook URL is http(s)://host/path, not {kept!r}.", field="url")
    if len(kept) > MAX_URL:
        raise InvalidValue(f"A webhook URL is at most {MAX_URL} characters.", field="url")
    return kept


def parse_events(names: Iterable[str]) -> frozenset[NotificationKind]:
    kinds = set()
    for name in names:
        try:
            kinds.add(NotificationKind(name.strip().lower()))
        except ValueError:
            valid = ", ".join(k.value for k in NotificationKind)
            raise InvalidValue(f"No event {name!r}: one of {valid}.", field="events") from None
    if not kinds:
        raise InvalidValue("An endpoint subscribes to at least one event.", field="events")
    return frozenset(kinds)


@dataclass(frozen=True, slots=True)
class WebhookEndpoint:
    client_code: str
    url: str
    secret: str
    events: frozenset[NotificationKind]
    created_by: str
    created_at: datetime
    active: bool = True
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", check_url(self.url))
        if not self.events:
            raise InvalidValue("An endpoint subscribes to at least one event.", field="events")

    def wants(self, kind: NotificationKind) -> bool:
        return self.active and kind in self.events


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The ``Revalo-Signature`` header's value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes, *, now: int) -> bool:
    """What a receiver does: the header's timestamp is recent and its v1 matches."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        t = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(now - t) > TOLERANCE.total_seconds():
        return False
    expected = signature(secret, t, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts.get("v1", ""))
