"""Credentials and the audit: the lock-out after failed logins, API tokens, audit entries."""

from __future__ import annotations

import enum
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from revalo.domain.errors import InvalidValue

DEFAULT_LOGIN_ATTEMPTS = 5
DEFAULT_LOCKOUT_MINUTES = 15


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """After ``max_failures`` failed logins in a row, the login is refused for ``minutes``."""

    max_failures: int = DEFAULT_LOGIN_ATTEMPTS
    minutes: int = DEFAULT_LOCKOUT_MINUTES

    def __post_init__(self) -> None:
        if self.max_failures < 1:
            raise InvalidValue("the number of failed logins before a lock-out must be >= 1")
        if self.minutes < 1:
            raise InvalidValue("a lock-out lasts at least one minute")

    def locked_until(self, at: datetime) -> datetime:
        return at + timedelta(minutes=self.minutes)


#: A token's last use is written at most this often.
TOUCH_EVERY = timedelta(minutes=1)
#: What starts every API token, so that a leaked one is recognised (by secret scanners too).
TOKEN_MARK = "rvl_"
TOKEN_PREFIX_LENGTH = len(TOKEN_MARK) + 8


def new_token_secret() -> str:
    """A new token: 256 random bits, URL-safe, after the mark."""
    return TOKEN_MARK + secrets.token_urlsafe(32)


def hash_token(secret: str) -> str:
    """What is stored of a token. A token is random and long: one SHA-256 suffices (unlike a
    password, it cannot be guessed from a dictionary)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(eq=False)
class ApiToken:
    """A token for an integration or a scanner. Only a hash of the secret is kept; its
    first characters (the prefix) are kept too, to tell tokens apart in a list."""

    user_id: int
    name: str
    token_hash: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        self.name = self.name.strip()
        if not self.name or len(self.name) > 100:
            raise InvalidValue("a token needs a name of 1 to 100 characters", field="name")

    def needs_touch(self, at: datetime) -> bool:
        """Whether its last use is worth writing (at most once a minute: a scanner uses a
        token for every scan)."""
        return self.last_used_at is None or self.last_used_at < at - TOUCH_EVERY

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def revoke(self, at: datetime) -> None:
        if self.revoked_at is not None:
            raise InvalidValue(f"token {self.id} ({self.name}) is revoked already", field="id")
        self.revoked_at = at


class AuditOutcome(enum.StrEnum):
    ALLOWED = "allowed"
    REFUSED = "refused"
    LOGIN = "login"
    FAILED_LOGIN = "failed_login"


@dataclass(eq=False)
class AuditEntry:
    """Who did or tried what, when, on what, and how it ended."""

    at: datetime
    actor: str
    action: str
    outcome: AuditOutcome
    target: str = ""
    detail: str = ""
    user_id: int | None = None
    id: int | None = None


#: How long a web session lasts after its login: a working day.
DEFAULT_SESSION_HOURS = 12


@dataclass(eq=False)
class WebSession:
    """A person signed in with a browser. The cookie holds a random secret of which only a
    hash is kept; the session's CSRF token goes into every form and cookie-authenticated
    write, and a request without it is refused."""

    user_id: int
    secret_hash: str
    csrf_token: str
    created_at: datetime
    expires_at: datetime
    ended_at: datetime | None = None
    id: int | None = None

    def is_open(self, at: datetime) -> bool:
        return self.ended_at is None and at < self.expires_at


def new_session_secret() -> str:
    return secrets.token_urlsafe(32)
