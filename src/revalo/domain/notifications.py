"""Notifications to the customer that are never lost: each is a message of the outbox,
written in the same transaction as the change it tells (a return authorised, received,
refunded), then sent by a worker, retried with a growing delay until the mail server takes
it. A message being sent is leased: its next attempt is set a few minutes ahead first, so
that a worker that dies while sending leaves it to be sent again, never dropped.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta


class NotificationKind(enum.StrEnum):
    RETURN_AUTHORISED = "return_authorised"
    RETURN_RECEIVED = "return_received"
    REFUNDED = "refunded"
    RETURN_CANCELLED = "return_cancelled"
    #: The return's parcel label, sent (again) by customer service.
    LABEL = "label"


class Channel(enum.StrEnum):
    """Where a message of the outbox goes: the customer's mailbox, or a client's system."""

    EMAIL = "email"
    WEBHOOK = "webhook"


class DeliveryState(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"


#: The first retry's delay; each failure doubles it, up to ``MAX_DELAY``.
FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=6)
#: How long a worker holds a message it is sending before another may take it.
LEASE = timedelta(minutes=5)
#: The countries whose customers are written to in French; the others in English.
FRENCH_COUNTRIES = frozenset({"FR", "BE", "LU", "MC"})


def language_for(country: str) -> str:
    return "fr" if country.upper() in FRENCH_COUNTRIES else "en"


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: 1, 2, 4... minutes, 6 hours at most."""
    doubled: timedelta = FIRST_DELAY * (2 ** min(max(attempts, 1) - 1, 20))
    return min(doubled, MAX_DELAY)


@dataclass(eq=False)
class OutboxMessage:
    """One e-mail to a customer about one of their returns."""

    kind: NotificationKind
    return_number: str
    recipient: str
    language: str
    subject: str
    body: str
    created_at: datetime
    next_attempt_at: datetime
    state: DeliveryState = DeliveryState.PENDING
    attempts: int = 0
    sent_at: datetime | None = None
    last_error: str = ""
    id: int | None = None
    channel: Channel = Channel.EMAIL
    #: The webhook endpoint it is posted to (``channel`` webhook).
    endpoint_id: int | None = None
    #: A file sent with the e-mail (the label's PDF), and its name.
    attachment: bytes | None = None
    attachment_name: str = ""

    def due(self, now: datetime) -> bool:
        return self.state is DeliveryState.PENDING and self.next_attempt_at <= now

    def lease(self, now: datetime) -> None:
        """A worker takes it to send: another may take it again only after the lease."""
        self.attempts += 1
        self.next_attempt_at = now + LEASE

    def delivered(self, now: datetime) -> None:
        self.state = DeliveryState.SENT
        self.sent_at = now
        self.last_error = ""

    def failed(self, now: datetime, error: str) -> None:
        self.next_attempt_at = now + retry_delay(self.attempts)
        self.last_error = error[:500]
