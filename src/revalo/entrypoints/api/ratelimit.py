"""Rate limiting of the doors a password or a token is tried at (login, token requests).

A sliding window per client address and door, kept in the server's memory: it slows a
guesser down to a few tries a minute from one address, whatever logins they try, while
the lock-out in the database (``REVALO_LOGIN_ATTEMPTS``) protects each login whatever the
address. With several server processes each counts its own requests.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from fastapi import Request

from revalo.domain.errors import DomainError

#: Tries from one address at one door in a window.
DEFAULT_TRIES = 10
DEFAULT_WINDOW_S = 60.0
#: Addresses remembered at most (the oldest forgotten first): memory stays bounded.
MAX_KEYS = 10_000


class TooManyRequests(DomainError):
    """Answered 429 with Retry-After."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimiter:
    def __init__(
        self,
        tries: int = DEFAULT_TRIES,
        window_s: float = DEFAULT_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.tries, self.window_s, self.clock = tries, window_s, clock
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> None:
        """Count one try for ``key``; raise TooManyRequests when the window is full."""
        now = self.clock()
        with self._lock:
            times = self._seen.pop(key, None) or deque()
            while times and times[0] <= now - self.window_s:
                times.popleft()
            self._seen[key] = times  # the most recent keys last
            if len(self._seen) > MAX_KEYS:
                del self._seen[next(iter(self._seen))]
            if len(times) >= self.tries:
                wait = max(1, math.ceil(times[0] + self.window_s - now))
                raise TooManyRequests(
                    f"too many tries from this address: wait {wait} s", retry_after=wait
                )
            times.append(now)


def limiter_of(request: Request) -> RateLimiter:
    """The application's limiter (one per served app)."""
    state = request.app.state
    limiter: RateLimiter | None = getattr(state, "rate_limiter", None)
    if limiter is None:
        limiter = state.rate_limiter = RateLimiter()
    return limiter


def limit(request: Request, door: str) -> None:
    client = request.client.host if request.client is not None else "?"
    limiter_of(request).hit(f"{door}:{client}")
