"""``revalo users ...`` and ``revalo tokens ...``: the people who use Revalo and their API
tokens.

These commands work on the database directly, so they act as its first administrator (or
as the user named by ``--as``). A fresh database takes its first administrator this way.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from revalo.domain.errors import DomainError
from revalo.domain.people import Language, Permission, Role, User, parse_role
from revalo.entrypoints.cli_common import (
    AsLogin,
    CliError,
    DbPath,
    DbUrl,
    acting,
    open_app,
    out,
    reported,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

if TYPE_CHECKING:
    from revalo.bootstrap import App

users_app = typer.Typer(help="The people who use Revalo, and their roles.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens for integrations and scanners.", no_args_is_help=True)

PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from the standard input.")
]
#: Which option of ``users add`` a refused value came from.
_OPTION_OF_FIELD = {
    "login": "--login",
    "roles": "--role",
    "partner_sites": "--partner",
    "client_code": "--client",
}


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.add_typer(tokens_app, name="tokens")


@contextmanager
def _naming_the_option() -> Iterator[None]:
    try:
        yield
    except DomainError as exc:
        option = _OPTION_OF_FIELD.get(exc.field or "")
        raise CliError(f"{option}: {exc.message}" if option else exc.message) from exc


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line.strip():
            raise CliError("--password-stdin: no password on the standard input", 2)
        return line.rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


def at_a_terminal() -> bool:
    return sys.stdin.isatty()


def ensure_first_administrator(rv: App) -> None:
    """A database without any administrator asks for its first one (at a terminal), so that
    somebody can sign in; elsewhere it is refused with the command that adds one."""
    from revalo.services import users
    from revalo.services.users import UserDraft

    if users.first_administrator(rv.uow()) is not None:
        return
    if not at_a_terminal():
        raise CliError(
            "the database has no administrator yet, so nobody could sign in: add one with "
            "`revalo users add NAME --login LOGIN --role administrator` first"
        )
    out().print(said("The database has no administrator yet: who is its first one?"))
    with _naming_the_option():
        name: str = typer.prompt("Full name")
        draft = UserDraft(
            login=typer.prompt("Login"), name=name, roles=frozenset({Role.ADMINISTRATOR})
        )
        users.check_draft(rv.uow(), draft)
        user = users.add_first_administrator(rv.uow(), rv.passwords, draft, _password(False))
    out().print(said(f"Added the administrator {user.login}: sign in with it at /login."))


def _when(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M}" if at else "-"


@users_app.command("add")
def add_user(
    name: Annotated[str, typer.Argument(help="The person's full name.")],
    login: Annotated[str, typer.Option(help="What they log in with.", show_default=False)],
    role: Annotated[
        list[str],
        typer.Option(
            metavar="ROLE",
            help="A role (repeat for several): " + ", ".join(r.value for r in Role) + ".",
            show_default=False,
        ),
    ],
    partner: Annotated[
        list[str] | None,
        typer.Option(metavar="SITE", help="A partner user's site (repeat for several)."),
    ] = None,
    client: Annotated[
        str | None, typer.Option(metavar="CODE", help="A client user's client code.")
    ] = None,
    language: Annotated[Language, typer.Option(help="Language of the pages.")] = Language.FR,
    password_stdin: PasswordStdin = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Add a user with their roles; the password is asked twice (hidden), or read from the
    standard input. On a fresh database, the first user must be an administrator."""
    from revalo.services import users
    from revalo.services.users import UserDraft

    with reported(), open_app(db, url) as rv:
        with _naming_the_option():
            draft = UserDraft(
                login=login,
                name=name,
                roles=frozenset(parse_role(r) for r in role),
                language=language,
                partner_sites=frozenset(partner or ()),
                client_code=client,
            )
            first = users.first_administrator(rv.uow()) is None and as_login is None
            if first and Role.ADMINISTRATOR not in draft.roles:
                raise CliError(
                    "the database has no administrator yet: the first user needs "
                    "--role administrator"
                )
            by = None if first else acting(rv, as_login)
            users.check_draft(rv.uow(), draft)
            password = _password(password_stdin)
            if by is None:
                user = users.add_first_administrator(rv.uow(), rv.passwords, draft, password)
            else:
                user = users.add_user(rv.uow(), rv.passwords, by, draft, password)
        scope = _scope(user)
        out().print(
            f"Added user {user.login} ({user.name}): {', '.join(sorted(user.roles))}"
            + (f" {scope}" if scope else "")
            + ".",
            markup=False,
        )


def _scope(user: User) -> str:
    if user.visible_sites is not None:
        return "at " + ", ".join(sorted(user.visible_sites))
    return f"for {user.bound_client}" if user.bound_client else ""


@users_app.command("list")
def list_users(as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """The users, with their roles and whether they are active."""
    from revalo.services import users

    with reported(), open_app(db, url) as rv:
        found = users.list_users(rv.uow(), acting(rv, as_login))
        now = datetime.now().astimezone()
        table = Table(title=f"{len(found)} user(s)")
        for column in ("login", "name", "roles", "sites or client", "language", "state"):
            table.add_column(column)
        for u in found:
            state = "active" if u.active else "deactivated"
            if u.active and u.is_locked(now):
                state = f"locked until {_when(u.locked_until)}"
            table.add_row(
                u.login,
                u.name,
                ", ".join(sorted(u.roles)),
                _scope(u),
                u.language.value,
                state,
            )
        out().print(table)


@users_app.command("deactivate")
def deactivate_user(
    login: Annotated[str, typer.Argument(help="The user's login.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Deactivate a user: no more logins nor tokens; their name stays on what they did."""
    from revalo.services import users

    with reported(), open_app(db, url) as rv:
        user = users.deactivate_user(rv.uow(), acting(rv, as_login), login)
        out().print(said(f"Deactivated user {user.login} ({user.name})."), markup=False)


@users_app.command("password")
def set_password(
    login: Annotated[str, typer.Argument(help="The user's login.")],
    password_stdin: PasswordStdin = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Set a user's password (one's own, or anybody's as an administrator); it unlocks a
    login locked after failed logins."""
    from revalo.services import users

    with reported(), open_app(db, url) as rv:
        by = acting(rv, as_login)
        user = users.get_user(rv.uow(), login)
        with _naming_the_option():
            users.set_password(rv.uow(), rv.passwords, by, user.login, _password(password_stdin))
        out().print(said(f"New password set for {user.login} ({user.name})."), markup=False)


@tokens_app.command("create")
def create_token(
    name: Annotated[str, typer.Argument(help="What the token is for, e.g. 'scanner 3'.")],
    user: Annotated[
        str | None,
        typer.Option(metavar="LOGIN", help="Whose token (default: the acting user's)."),
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Create an API token and print it, once: only a hash of it is kept."""
    from revalo.services import access, users

    with reported(), open_app(db, url) as rv:
        by = acting(rv, as_login)
        new = access.create_token(rv.uow(), by, name, for_login=user)
        owner = users.get_user(rv.uow(), user) if user else by
        out().print(
            f"Token {new.token.id} ({new.token.name}) for {owner.login}. It is shown only "
            "now: keep it, and send it as `Authorization: Bearer TOKEN`.",
            markup=False,
            soft_wrap=True,
        )
        typer.echo(new.secret)


@tokens_app.command("list")
def list_tokens(
    user: Annotated[
        str | None, typer.Option(metavar="LOGIN", help="Only this user's tokens.")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The API tokens (everybody's for an administrator, else the acting user's own)."""
    from revalo.services import access

    with reported(), open_app(db, url) as rv:
        by = acting(rv, as_login)
        everybody = user is None and by.can(Permission.MANAGE_TOKENS)
        found = access.list_tokens(rv.uow(), by, for_login=user, everybody=everybody)
        table = Table(title=f"{len(found)} token(s)")
        for column in ("id", "user", "name", "starts with", "created", "last used", "revoked"):
            table.add_column(column)
        for t in found:
            tok = t.token
            table.add_row(
                str(tok.id),
                t.login,
                tok.name,
                f"{tok.prefix}...",
                _when(tok.created_at),
                _when(tok.last_used_at),
                _when(tok.revoked_at) if tok.revoked else "",
            )
        out().print(table)


@tokens_app.command("revoke")
def revoke_token(
    id: Annotated[int, typer.Argument(metavar="ID", help="The token's id (tokens list).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Revoke an API token: it is refused from now on."""
    from revalo.services import access

    with reported(), open_app(db, url) as rv:
        token = access.revoke_token(rv.uow(), acting(rv, as_login), id)
        out().print(said(f"Revoked token {token.id} ({token.name})."), markup=False)
