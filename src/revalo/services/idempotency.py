"""The port of idempotent requests: a client's key, what it was sent with, and the answer
it got, kept for a while so that a retry gets the first answer instead of a second run.

The store, not the caller, decides who runs a request: claiming a key is one insert under
a primary key, so two concurrent requests with the same key never both run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """The first answer to a request: given again, as it was, to every retry."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass(frozen=True, slots=True)
class KeyedRequest:
    """A request sent with a key: its route, and a digest of its route and body."""

    key: str
    fingerprint: str
    method: str
    path: str


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """A key already claimed: the request that has it, and its answer once there is one
    (``None`` while that request is still being processed)."""

    request: KeyedRequest
    created_at: datetime
    answer: StoredAnswer | None


class IdempotencyStore(Protocol):
    def claim(
        self, request: KeyedRequest, *, now: datetime, expired_before: datetime
    ) -> KeyRecord | None:
        """Claim the request's key, forgetting every key created before ``expired_before``.
        ``None``: claimed, run the request; else the record of whoever has the key."""
        ...

    def get(self, key: str) -> KeyRecord | None: ...

    def finish(self, key: str, answer: StoredAnswer) -> None:
        """Keep the answer of the request that claimed ``key``."""
        ...

    def release(self, key: str) -> None:
        """Forget a key whose request was not applied, so that a retry runs it."""
        ...
