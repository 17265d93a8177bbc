"""Web sessions: a person signs in with a login and password, works with a session cookie,
and signs out. Finding the user of a request only reads (on SQLite it never waits for a
writer); only a refusal is written, to the audit trail."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from revalo.domain.credentials import (
    AuditOutcome,
    LockoutPolicy,
    WebSession,
    hash_token,
    new_session_secret,
)
from revalo.domain.errors import NotAuthenticated
from revalo.domain.people import User
from revalo.services.access import authenticate, note
from revalo.services.common import when
from revalo.services.people_ports import PasswordHasher
from revalo.services.ports import UnitOfWork

SESSION_ENDED = "the session has ended: sign in again"


@dataclass(frozen=True, slots=True)
class SignedIn:
    user: User
    session: WebSession
    #: What the cookie holds: shown to the browser once, never stored.
    secret: str


def sign_in(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    policy: LockoutPolicy,
    login: str,
    password: str,
    *,
    hours: float,
    at: datetime | None = None,
) -> SignedIn:
    """Check the login and password (the lock-out applies) and open a session."""
    t = when(at)
    user = authenticate(uow, hasher, policy, login, password, at=t)
    secret = new_session_secret()
    assert user.id is not None
    session = WebSession(
        user_id=user.id,
        secret_hash=hash_token(secret),
        csrf_token=secrets.token_urlsafe(32),
        created_at=t,
        expires_at=t + timedelta(hours=hours),
    )
    with uow:
        uow.sessions.add(session)
        uow.commit()
    return SignedIn(user, session, secret)


def session_user(
    reader: UnitOfWork, secret: str, *, at: datetime | None = None
) -> tuple[User, WebSession]:
    """The user of a session cookie, and the session; an unknown, ended or expired session,
    or a deactivated user, is refused."""
    t = when(at)
    with reader:
        held = reader.sessions.by_hash(hash_token(secret.strip())) if secret.strip() else None
    session, user = held if held is not None else (None, None)
    if session is None or user is None or not session.is_open(t) or not user.active:
        raise NotAuthenticated(SESSION_ENDED, field="session")
    return user, session


def sign_out(
    uow: UnitOfWork, user: User, session: WebSession, *, at: datetime | None = None
) -> None:
    t = when(at)
    assert session.id is not None
    with uow:
        uow.sessions.end(session.id, t)
        note(uow, user, "logout", AuditOutcome.ALLOWED, t)
        uow.commit()
