"""Access: who is at the screen (a login and password, or an API token), whether their roles
allow a use case, and the audit trail of both.

``authorise`` is asked before a use case opens its own unit of work: a refusal is written
to the audit trail in a transaction of its own, so that it stays when the use case does not
run. A login checks the password outside any transaction (Argon2 is slow on purpose, and a
write lock must not wait for it); the count of failed logins is then added in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from revalo.domain.credentials import (
    TOKEN_PREFIX_LENGTH,
    ApiToken,
    AuditEntry,
    AuditOutcome,
    LockoutPolicy,
    hash_token,
    new_token_secret,
)
from revalo.domain.errors import NotAuthenticated, NotFound, PermissionDenied
from revalo.domain.people import (
    Permission,
    User,
    check_login,
    ensure_can,
    ensure_sees_client,
    ensure_sees_site,
)
from revalo.services.common import when
from revalo.services.people_ports import AuditFilter, PasswordHasher
from revalo.services.ports import DatabaseBusy, Page, UnitOfWork

WRONG_LOGIN = "wrong login or password"


def note(
    uow: UnitOfWork,
    by: User | None,
    action: str,
    outcome: AuditOutcome,
    at: datetime,
    *,
    target: str = "",
    detail: str = "",
    login: str = "",
) -> None:
    """Add an entry to the audit trail, in the caller's transaction."""
    uow.audit.add(
        AuditEntry(
            at=at,
            actor=by.login if by else login[:64],
            user_id=by.id if by else None,
            action=action,
            outcome=outcome,
            target=target[:200],
            detail=detail,
        )
    )


# -- permissions ------------------------------------------------------------------------------
def authorise(
    uow: UnitOfWork,
    user: User,
    permission: Permission,
    *,
    target: str = "",
    site_code: str | None = None,
    client_code: str | None = None,
    at: datetime | None = None,
) -> None:
    """Nothing when the user may; else the refusal is written to the audit trail and
    PermissionDenied raised. With ``site_code`` or ``client_code``, the goods must also be
    at one of a partner's sites, or a client's own."""
    try:
        ensure_can(user, permission)
        if site_code is not None:
            ensure_sees_site(user, permission, site_code)
        if client_code is not None:
            ensure_sees_client(user, permission, client_code)
    except PermissionDenied as exc:
        note_refusal(uow, user, exc, target=target, at=at)
        raise


def note_refusal(
    uow: UnitOfWork,
    user: User,
    exc: PermissionDenied,
    *,
    target: str = "",
    at: datetime | None = None,
) -> None:
    """Write a refusal to the audit trail in a transaction of its own, once: a refusal
    already written (``exc.audited``) is not written again. Call it outside any open unit
    of work (on SQLite's single writer connection it would wait for itself)."""
    if exc.audited:
        return
    with uow:
        note(
            uow,
            user,
            exc.permission,
            AuditOutcome.REFUSED,
            when(at),
            target=target,
            detail=exc.message,
        )
        uow.commit()
    exc.audited = True


# -- logins -----------------------------------------------------------------------------------
def authenticate(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    policy: LockoutPolicy,
    login: str,
    password: str,
    *,
    at: datetime | None = None,
) -> User:
    """The user with this login and password. Wrong ones, an unknown login and a
    deactivated user get the same answer; a locked login is refused without a check."""
    t = when(at)
    key = login.strip().lower()
    with uow:
        user = uow.users.by_login(key) if key else None
    if user is not None and user.active and user.is_locked(t):
        assert user.locked_until is not None
        with uow:
            note(uow, user, "login", AuditOutcome.FAILED_LOGIN, t, detail="locked")
            uow.commit()
        raise NotAuthenticated(
            f"too many failed logins: {user.login} is locked until "
            f"{user.locked_until:%Y-%m-%d %H:%M} UTC",
            field="login",
        )
    stored = user.password_hash if user is not None and user.active else ""
    matches, new_hash = hasher.verify(password, stored)
    with uow:
        if user is None or not matches:
            detail = "unknown login" if user is None else "wrong password"
            if user is not None and user.active:
                assert user.id is not None
                count = uow.users.count_failed_login(user.id, t, policy)
                detail = f"wrong password ({count} in a row)"
            elif user is not None:
                detail = "deactivated user"
            note(uow, user, "login", AuditOutcome.FAILED_LOGIN, t, login=key, detail=detail)
            uow.commit()
            raise NotAuthenticated(WRONG_LOGIN, field="login")
        assert user.id is not None
        fresh = uow.users.get(user.id)
        assert fresh is not None
        if new_hash is not None:
            fresh.password_hash = new_hash
        uow.users.clear_failed_logins(user.id)
        note(uow, fresh, "login", AuditOutcome.LOGIN, t)
        uow.commit()
    fresh.failed_logins, fresh.locked_until = 0, None
    return fresh


# -- API tokens -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NewToken:
    token: ApiToken
    #: The token itself: shown once, never stored.
    secret: str


@dataclass(frozen=True, slots=True)
class TokenListing:
    token: ApiToken
    login: str


def find_user(uow: UnitOfWork, login: str) -> User:
    """The user with this login, in the caller's transaction."""
    user = uow.users.by_login(check_login(login))
    if user is None:
        raise NotFound(f"no user with login {login!r}", field="login")
    return user


def _ensure_own_or_manager(uow: UnitOfWork, by: User, owner: User, at: datetime) -> None:
    if owner.id != by.id:
        authorise(uow, by, Permission.MANAGE_TOKENS, target=owner.login, at=at)


def _note_token(
    uow: UnitOfWork, by: User, action: str, token: ApiToken, owner: User, at: datetime
) -> None:
    detail = f"token {token.id} ({token.name}, {token.prefix}...)"
    note(uow, by, action, AuditOutcome.ALLOWED, at, target=owner.login, detail=detail)


def create_token(
    uow: UnitOfWork,
    by: User,
    name: str,
    *,
    for_login: str | None = None,
    at: datetime | None = None,
) -> NewToken:
    """A new API token for ``by``, or for another user (an administrator's)."""
    t = when(at)
    with uow:
        owner = find_user(uow, for_login) if for_login else by
    _ensure_own_or_manager(uow, by, owner, t)
    if not owner.active:
        raise PermissionDenied(
            f"user {owner.login} is deactivated: no token can be made for it",
            permission=Permission.MANAGE_TOKENS.value,
        )
    secret = new_token_secret()
    assert owner.id is not None
    token = ApiToken(
        user_id=owner.id,
        name=name,
        token_hash=hash_token(secret),
        prefix=secret[:TOKEN_PREFIX_LENGTH],
        created_at=t,
    )
    with uow:
        uow.tokens.add(token)
        _note_token(uow, by, "create_token", token, owner, t)
        uow.commit()
    return NewToken(token, secret)


def list_tokens(
    uow: UnitOfWork, by: User, *, for_login: str | None = None, everybody: bool = False
) -> list[TokenListing]:
    """``by``'s own tokens; another user's, or everybody's, for an administrator."""
    with uow:
        owner = find_user(uow, for_login) if for_login else by
    if everybody or owner.id != by.id:
        authorise(uow, by, Permission.MANAGE_TOKENS, target=for_login or "everybody")
    with uow:
        tokens = uow.tokens.for_user(None if everybody else owner.id)
        logins = {u.id: u.login for u in uow.users.all()}
    return [TokenListing(tok, logins.get(tok.user_id, "?")) for tok in tokens]


def revoke_token(
    uow: UnitOfWork, by: User, token_id: int, *, at: datetime | None = None
) -> ApiToken:
    """Revoke one of ``by``'s tokens, or anybody's for an administrator."""
    t = when(at)
    with uow:
        token = uow.tokens.get(token_id)
        owner = uow.users.get(token.user_id) if token is not None else None
    if token is None or owner is None:
        raise NotFound(f"no API token {token_id}", field="id")
    _ensure_own_or_manager(uow, by, owner, t)
    with uow:
        # Locked and read again: of two revokes at once, the second finds it revoked.
        token = uow.tokens.get(token_id, lock=True)
        assert token is not None
        token.revoke(t)
        _note_token(uow, by, "revoke_token", token, owner, t)
        uow.commit()
    return token


def authenticate_token(uow: UnitOfWork, secret: str, *, at: datetime | None = None) -> User:
    """The user of a bearer token; an unknown or revoked token, or a deactivated user, is
    refused (and the attempt written to the audit trail). A token in use is only read (on
    SQLite a scanner's request never waits for a writer), its last use written once a
    minute at most."""
    t = when(at)
    secret = secret.strip()
    reader = uow.read_only()
    with reader:
        held = reader.tokens.by_hash(hash_token(secret)) if secret else None
    token, user = held if held is not None else (None, None)
    if token is None or user is None or token.revoked or not user.active:
        why = (
            "unknown token"
            if token is None or user is None
            else f"revoked token {token.id}"
            if token.revoked
            else f"token {token.id} of a deactivated user"
        )
        with uow:
            note(uow, user, "token", AuditOutcome.FAILED_LOGIN, t, detail=why)
            uow.commit()
        raise NotAuthenticated("the API token is unknown or revoked", field="authorization")
    if token.needs_touch(t):
        assert token.id is not None
        try:
            with uow:
                uow.tokens.touch(token.id, t)
                uow.commit()
        except DatabaseBusy:
            pass  # the last use is a hint: a busy database does not refuse the request
    return user


# -- the audit trail --------------------------------------------------------------------------
def audit_trail(
    uow: UnitOfWork,
    by: User,
    flt: AuditFilter | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
) -> Page[AuditEntry]:
    """What was done and tried, newest first: for an administrator."""
    authorise(uow, by, Permission.VIEW_AUDIT)
    with uow:
        return uow.audit.list(flt or AuditFilter(), limit=limit, offset=offset)
