"""The people who use Revalo: adding them, changing their roles, deactivating them, their
passwords. Done by an administrator (a user may set their own password); a fresh database
gets its first administrator without one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from revalo.domain.catalog import SiteKind
from revalo.domain.credentials import AuditOutcome
from revalo.domain.errors import AlreadyExists, InvalidValue, NotAllowed, NotFound
from revalo.domain.people import Language, Permission, Role, User, check_login, check_password
from revalo.services.access import authorise, find_user, note
from revalo.services.common import get_site, when
from revalo.services.people_ports import PasswordHasher
from revalo.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class UserDraft:
    """Who to add: everything but the password."""

    login: str
    name: str
    roles: frozenset[Role]
    language: Language = Language.FR
    partner_sites: frozenset[str] = frozenset()
    client_code: str | None = None


def _check_partner_sites(uow: UnitOfWork, user: User) -> None:
    for code in sorted(user.partner_sites):
        site = get_site(uow, code, "partner_sites")
        if site.kind is SiteKind.RETURNS_HUB:
            raise InvalidValue(
                f"{site.code} is a returns hub of the network, not a partner's site",
                field="partner_sites",
            )


def _administrators(uow: UnitOfWork) -> list[User]:
    return [u for u in uow.users.all() if u.active and Role.ADMINISTRATOR in u.roles]


def _user_of(draft: UserDraft, at: datetime) -> User:
    return User(
        login=draft.login,
        name=draft.name,
        roles=draft.roles,
        language=draft.language,
        partner_sites=draft.partner_sites,
        client_code=draft.client_code,
        created_at=at,
    )


def _check_client(uow: UnitOfWork, user: User) -> None:
    if user.client_code is not None and uow.clients.get(user.client_code) is None:
        raise NotFound(f"no client with code {user.client_code!r}", field="client_code")


def _check_new(uow: UnitOfWork, user: User) -> None:
    if uow.users.by_login(user.login) is not None:
        raise AlreadyExists(f"the login {user.login!r} is taken", field="login")
    _check_partner_sites(uow, user)
    _check_client(uow, user)


def check_draft(uow: UnitOfWork, draft: UserDraft) -> None:
    """Raise what adding this user would refuse (before a password is asked for it)."""
    user = _user_of(draft, when(None))
    with uow:
        _check_new(uow, user)


def _add(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    by: User | None,
    draft: UserDraft,
    password: str,
    at: datetime,
) -> User:
    user = _user_of(draft, at)
    check_password(password, user.login)
    hashed = hasher.hash(password)
    with uow:
        if by is None and _administrators(uow):
            raise NotAllowed("the database has an administrator: act as one to add users")
        _check_new(uow, user)
        user.password_hash = hashed
        uow.users.add(user)
        roles = ", ".join(sorted(user.roles))
        note(
            uow,
            by or user,
            "add_user",
            AuditOutcome.ALLOWED,
            at,
            target=user.login,
            detail=f"roles: {roles}",
        )
        uow.commit()
    return user


def first_administrator(uow: UnitOfWork) -> User | None:
    """The oldest active administrator: who a command on a local database acts as."""
    with uow:
        admins = _administrators(uow)
    return min(admins, key=lambda u: u.id or 0) if admins else None


def add_first_administrator(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    draft: UserDraft,
    password: str,
    *,
    at: datetime | None = None,
) -> User:
    """The first user of a fresh database, who can then add the others."""
    if Role.ADMINISTRATOR not in draft.roles:
        raise InvalidValue(
            "the database has no administrator yet: the first user needs the administrator role",
            field="roles",
        )
    return _add(uow, hasher, None, draft, password, when(at))


def add_user(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    by: User,
    draft: UserDraft,
    password: str,
    *,
    at: datetime | None = None,
) -> User:
    t = when(at)
    authorise(uow, by, Permission.MANAGE_USERS, target=draft.login, at=t)
    return _add(uow, hasher, by, draft, password, t)


def get_user(uow: UnitOfWork, login: str) -> User:
    with uow:
        return find_user(uow, login)


def list_users(uow: UnitOfWork, by: User) -> list[User]:
    authorise(uow, by, Permission.MANAGE_USERS, target="users")
    with uow:
        return list(uow.users.all())


def _ensure_an_administrator_stays(uow: UnitOfWork, user: User) -> None:
    if not any(u.id != user.id for u in _administrators(uow)):
        raise NotAllowed(f"{user.login} is the last active administrator: make another one first")


def update_user(
    uow: UnitOfWork,
    by: User,
    login: str,
    *,
    name: str | None = None,
    language: Language | None = None,
    roles: frozenset[Role] | None = None,
    partner_sites: frozenset[str] | None = None,
    client_code: str | None = None,
    at: datetime | None = None,
) -> User:
    """Change a user's name, language or roles (with the partner sites and client code
    that go with them: given with the roles, or kept)."""
    t = when(at)
    authorise(uow, by, Permission.MANAGE_USERS, target=login, at=t)
    with uow:
        user = find_user(uow, login)
        changes = []
        if name is not None:
            if not name.strip():
                raise InvalidValue("a user needs a name", field="name")
            user.name = name.strip()
            changes.append(f"name: {user.name}")
        if language is not None:
            user.language = language
            changes.append(f"language: {language.value}")
        if roles is not None or partner_sites is not None or client_code is not None:
            was_admin = Role.ADMINISTRATOR in user.roles
            # New roles come with their own sites and client (or none); without new roles,
            # what is not given is kept.
            kept = roles is None
            user.change_roles(
                user.roles if roles is None else roles,
                (user.partner_sites if kept else frozenset())
                if partner_sites is None
                else partner_sites,
                (user.client_code if kept else None) if client_code is None else client_code,
            )
            _check_partner_sites(uow, user)
            _check_client(uow, user)
            if was_admin and Role.ADMINISTRATOR not in user.roles and user.active:
                _ensure_an_administrator_stays(uow, user)
            changes.append(f"roles: {', '.join(sorted(user.roles))}")
        note(
            uow,
            by,
            "update_user",
            AuditOutcome.ALLOWED,
            t,
            target=user.login,
            detail="; ".join(changes),
        )
        uow.commit()
    return user


def deactivate_user(uow: UnitOfWork, by: User, login: str, *, at: datetime | None = None) -> User:
    """The user can no longer log in nor use their tokens; their name stays on what they did."""
    t = when(at)
    authorise(uow, by, Permission.MANAGE_USERS, target=login, at=t)
    with uow:
        user = find_user(uow, login)
        if not user.active:
            raise NotAllowed(f"user {user.login} is deactivated already")
        if Role.ADMINISTRATOR in user.roles:
            _ensure_an_administrator_stays(uow, user)
        user.active = False
        assert user.id is not None
        uow.sessions.end_all(user.id, t)
        note(uow, by, "deactivate_user", AuditOutcome.ALLOWED, t, target=user.login)
        uow.commit()
    return user


def set_password(
    uow: UnitOfWork,
    hasher: PasswordHasher,
    by: User,
    login: str,
    password: str,
    *,
    at: datetime | None = None,
) -> None:
    """A new password for oneself, or for anybody by an administrator; it unlocks the login."""
    t = when(at)
    key = check_login(login)
    if key != by.login:
        authorise(uow, by, Permission.MANAGE_USERS, target=key, at=t)
    check_password(password, key)
    hashed = hasher.hash(password)
    with uow:
        user = find_user(uow, key)
        user.password_hash, user.failed_logins, user.locked_until = hashed, 0, None
        assert user.id is not None
        uow.sessions.end_all(user.id, t)
        note(uow, by, "set_password", AuditOutcome.ALLOWED, t, target=user.login)
        uow.commit()
