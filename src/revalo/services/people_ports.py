"""What the access services need from the outside: the people's repositories and a
password hasher. The unit of work of ``services.ports`` carries the repositories."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from revalo.domain.credentials import (
    ApiToken,
    AuditEntry,
    AuditOutcome,
    LockoutPolicy,
    WebSession,
)
from revalo.domain.people import User
from revalo.services.ports import Page


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, password: str, hashed: str) -> tuple[bool, str | None]:
        """Whether the password matches, and a new hash to store when the stored one was
        made with weaker parameters. An empty ``hashed`` never matches, and takes as long."""
        ...


class UserRepository(Protocol):
    def add(self, user: User) -> None:
        """Raises AlreadyExists when the login is taken (checked by the database too)."""
        ...

    def get(self, user_id: int) -> User | None: ...
    def by_login(self, login: str) -> User | None: ...
    def all(self) -> Sequence[User]: ...

    def count_failed_login(self, user_id: int, at: datetime, policy: LockoutPolicy) -> int:
        """Add one failed login in the database itself (exact under concurrent attempts),
        lock the login when it reaches the policy's limit; the count after it."""
        ...

    def clear_failed_logins(self, user_id: int) -> None: ...


class TokenRepository(Protocol):
    def add(self, token: ApiToken) -> None: ...
    def get(self, token_id: int, *, lock: bool = False) -> ApiToken | None: ...
    def by_hash(self, token_hash: str) -> tuple[ApiToken, User] | None:
        """The token whose secret hashes to ``token_hash``, and its user."""
        ...

    def for_user(self, user_id: int | None) -> Sequence[ApiToken]:
        """The tokens of one user, or of everybody (None), newest first."""
        ...

    def touch(self, token_id: int, at: datetime) -> None:
        """Note that the token was used (at most once a minute: a scanner uses it often)."""
        ...


class SessionRepository(Protocol):
    def add(self, web_session: WebSession) -> None: ...
    def by_hash(self, secret_hash: str) -> tuple[WebSession, User] | None:
        """The web session whose secret hashes to ``secret_hash``, and its user."""
        ...

    def end(self, session_id: int, at: datetime) -> None: ...
    def end_all(self, user_id: int, at: datetime) -> int:
        """End every open session of a user (deactivated, or a new password); how many."""
        ...


@dataclass(frozen=True, slots=True)
class AuditFilter:
    actor: str | None = None
    outcome: AuditOutcome | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None


class AuditRepository(Protocol):
    def add(self, entry: AuditEntry) -> None: ...
    def list(self, flt: AuditFilter, *, limit: int, offset: int) -> Page[AuditEntry]:
        """Newest first."""
        ...
