"""People for the tests: users written straight into the database (no slow password hash
unless one is asked for) and their API tokens."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from revalo.bootstrap import App
from revalo.domain.people import Role, User
from revalo.services import access

#: Together these roles hold every permission: the tests' default user may do anything.
EVERY_ROLE_OF_THE_WAREHOUSE = frozenset({Role.ADMINISTRATOR, Role.FLOW_MANAGER, Role.FINANCE})
TEST_PASSWORD = "correct horse battery"


def add_person(
    app: App,
    login: str,
    roles: Iterable[Role] = EVERY_ROLE_OF_THE_WAREHOUSE,
    *,
    partner_sites: Iterable[str] = (),
    client_code: str | None = None,
    password: str | None = None,
) -> User:
    user = User(
        login=login,
        name=login.replace(".", " ").title(),
        roles=frozenset(roles),
        partner_sites=frozenset(partner_sites),
        client_code=client_code,
        password_hash=app.passwords.hash(password) if password else "",
    )
    uow = app.uow()
    with uow:
        uow.users.add(user)
        uow.commit()
    return user


def token_of(app: App, user: User) -> str:
    return access.create_token(app.uow(), user, "tests").secret


def bearer(
    app: App, login: str = "operator", roles: Iterable[Role] = EVERY_ROLE_OF_THE_WAREHOUSE
) -> dict[str, str]:
    """The Authorization header of a new user with these roles (the login must be new)."""
    return {"Authorization": f"Bearer {token_of(app, add_person(app, login, roles))}"}


@functools.cache
def person(login: str) -> User:
    """A user who may do everything, for a use case called straight from a test (not in
    the database: the services trust the user they are given; the entrypoints find it)."""
    return User(login=login, name=login.title(), roles=EVERY_ROLE_OF_THE_WAREHOUSE)
