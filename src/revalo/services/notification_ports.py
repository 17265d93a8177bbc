"""What the notifications need from the outside: the outbox (``uow.outbox``) and a mailer
that hands an e-mail to a mail server."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from revalo.domain.notifications import Channel, DeliveryState, OutboxMessage


class OutboxRepository(Protocol):
    def add(self, message: OutboxMessage) -> None: ...
    def get(self, message_id: int, *, lock: bool = False) -> OutboxMessage | None: ...
    def save(self, message: OutboxMessage) -> None:
        """Store its delivery state, attempts, next attempt and last error again."""
        ...

    def due(self, now: datetime, *, limit: int, channel: Channel = Channel.EMAIL) -> Sequence[int]:
        """The ids of the messages of ``channel`` waiting to be sent whose next attempt has
        come, oldest first."""
        ...

    def for_return(self, return_number: str) -> Sequence[OutboxMessage]: ...
    def counts(self, channel: Channel | None = None) -> dict[DeliveryState, int]: ...


@dataclass(frozen=True, slots=True)
class Email:
    to: str
    subject: str
    body: str
    language: str
    #: The same for every attempt: a mail server or the customer's client sees a message
    #: sent twice (a worker that died after sending) as one.
    message_id: str
    #: A file sent with it (the label's PDF) and its name.
    attachment: bytes | None = None
    attachment_name: str = ""


class DeliveryFailed(Exception):
    """The mail server did not take the message (down, refused, timed out)."""


class Mailer(Protocol):
    def send(self, email: Email) -> None:
        """Hand the e-mail to the mail server; ``DeliveryFailed`` when it did not take it."""
        ...
