"""What every ``revalo`` command shares: choosing the database, opening the application,
and turning expected failures into one line on stderr and an exit code."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from revalo.domain.errors import DomainError, PermissionDenied
from revalo.domain.people import User
from revalo.entrypoints.cli_messages import error_line
from revalo.services.import_checks import RowError

if TYPE_CHECKING:
    from revalo.bootstrap import App
    from revalo.settings import Settings

# The application (SQLAlchemy, the engines, the web stack) is imported by the commands that
# use it, when they run: `revalo --help` and a mistyped option answer at once.

DbPath = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite database file.", dir_okay=False, show_default=False),
]
DbUrl = Annotated[
    str | None,
    typer.Option(
        "--url",
        help="Database URL: sqlite:///FILE or postgresql://user@host:5432/db "
        "(default: REVALO_DATABASE_URL, else sqlite:///revalo.db).",
        show_default=False,
    ),
]
AsLogin = Annotated[
    str | None,
    typer.Option(
        "--as",
        help="Act as this user (default: the database's first administrator).",
        show_default=False,
    ),
]
BACKENDS = ("sqlite", "postgresql")


class CliError(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


#: The width of what is written to a file or a pipe (no terminal to measure): wide enough
#: that no table cuts a code or a number.
PIPED_WIDTH = 200


def out() -> Console:
    """Where a command writes: the terminal's width, or ``PIPED_WIDTH`` (or ``COLUMNS``)
    when the output is a file or a pipe."""
    console = Console(highlight=False)
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        console = Console(highlight=False, width=PIPED_WIDTH)
    return console


def fail(message: str, code: int) -> NoReturn:
    """One line on stderr, in the environment's language, and the exit code."""
    line = error_line(message)
    Console(stderr=True, highlight=False).print(line, markup=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def reported() -> Iterator[None]:
    """Turn every expected failure into one line on stderr and an exit code."""
    import sqlalchemy as sa

    from revalo.adapters.db_check import UnusableDatabase
    from revalo.services.ports import DatabaseBusy

    try:
        yield
    except CliError as exc:
        fail(exc.message, exc.code)
    except PermissionDenied as exc:
        fail(f"{exc.message}; act as a user who may, with --as LOGIN", 1)
    except DomainError as exc:
        fail(exc.message, 1)
    except DatabaseBusy as exc:
        fail(f"{exc.message} (REVALO_LOCK_TIMEOUT): nothing was changed; try again", 1)
    except UnusableDatabase as exc:
        fail(exc.message, 1)
    except sa.exc.ArgumentError as exc:
        fail(f"not a database URL Revalo can use: {exc}", 2)
    except sa.exc.DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else exc
        fail(f"database error: {reason}", 1)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}", 2)


def settings_for(db: Path | None, url: str | None, *, must_exist: bool) -> Settings:
    """The settings on the database named by ``--db``, ``--url`` or the environment. With
    ``must_exist``, an SQLite file that does not exist is refused: only ``db upgrade`` and
    the demo create one, never a typing mistake."""
    import sqlalchemy as sa

    from revalo.adapters.db import normalise_url, sqlite_url
    from revalo.adapters.db_check import sqlite_file
    from revalo.settings import Settings

    if db is not None and url is not None:
        raise CliError("give --db or --url, not both", 2)
    settings = Settings.from_env(sqlite_url(db) if db is not None else url)
    backend = sa.engine.make_url(normalise_url(settings.database_url)).get_backend_name()
    if backend not in BACKENDS:
        raise CliError(f"unknown database {backend!r}: use sqlite:///FILE or postgresql://...", 2)
    path = sqlite_file(settings.database_url)
    if path is not None:
        if not path.parent.is_dir():
            raise CliError(f"{path.parent}: no such directory", 2)
        if must_exist and not path.is_file():
            raise CliError(
                f"{path}: no such database: create it with `revalo db upgrade --db {path}` "
                "(or build the demo with `revalo demo`)",
                2,
            )
    return settings


@contextmanager
def driver() -> Iterator[None]:
    """The PostgreSQL driver is an optional dependency: say how to install it."""
    try:
        yield
    except ImportError as exc:
        if not (exc.name or "").startswith("psycopg"):
            raise
        raise CliError(
            "the PostgreSQL driver is missing: pip install 'revalo[postgres]'", 2
        ) from exc


def shown(settings: Settings) -> str:
    import sqlalchemy as sa

    return sa.engine.make_url(settings.database_url).render_as_string(hide_password=True)


@contextmanager
def open_app(db: Path | None, url: str | None) -> Iterator[App]:
    """The application on a database whose schema is up to date."""
    import sqlalchemy as sa

    from revalo.adapters.schema_revision import head_revision
    from revalo.bootstrap import bootstrap

    settings = settings_for(db, url, must_exist=True)
    with driver():
        rv = bootstrap(settings)
    try:
        inspector = sa.inspect(rv.engine)
        upgrade = f"run `revalo db upgrade` on {shown(settings)} first"
        if not inspector.has_table("return_requests"):
            raise CliError(f"the database has no Revalo tables: {upgrade}")
        if inspector.has_table("alembic_version"):
            with rv.engine.connect() as conn:
                version = conn.scalar(sa.text("SELECT version_num FROM alembic_version"))
            if version != head_revision():
                raise CliError(f"the database schema is out of date ({version}): {upgrade}")
        yield rv
    finally:
        rv.close()


def acting(rv: App, login: str | None) -> User:
    """The user a command acts as: ``--as LOGIN``, else the first administrator."""
    from revalo.services import users

    if login:
        user = users.get_user(rv.uow(), login)
        if not user.active:
            raise CliError(f"user {user.login} is deactivated: it cannot act")
        return user
    admin = users.first_administrator(rv.uow())
    if admin is None:
        raise CliError(
            "the database has no administrator yet: add one first with "
            "`revalo users add NAME --login LOGIN --role administrator`"
        )
    return admin


def parse_day(text: str, option: str = "--date") -> date:
    """A day typed as YYYY-MM-DD; anything else is refused naming the option."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise CliError(f"{option} {text!r}: not a date (YYYY-MM-DD)", 2) from exc


DayOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="The day it is for (default: today).",
        show_default=False,
    ),
]


@contextmanager
def replacing(file: Path) -> Iterator[Path]:
    """Where to write what will become ``file``: beside it, renamed over it at the end, so
    that a failed export leaves no half-written file behind and an older one as it was."""
    if file.is_dir() or not file.parent.is_dir():
        raise CliError(f"{file}: not a file in an existing directory", 2)
    part = file.with_name(f".{file.name}.part")
    try:
        yield part
        part.replace(file)
    finally:
        part.unlink(missing_ok=True)


def euros(text: str, option: str) -> Decimal:
    """An amount in EUR typed on the command line ("129.90" or "129,90")."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise CliError(f"{option} {text!r}: not an amount in EUR (e.g. 129.90)", 2) from None
    if not value.is_finite():
        raise CliError(f"{option} {text!r}: not an amount in EUR (e.g. 129.90)", 2)
    return value


def refused_rows(file: Path, errors: Sequence[RowError]) -> CliError:
    """Print each bad row of an imported ``file`` and give the error that ends the command
    (nothing of the file was imported)."""
    for e in errors:
        column = f" ({e.column})" if e.column else ""
        out().print(f"{file}:{e.line}{column}: {e.message}", markup=False)
    return CliError(f"{file}: {len({e.line for e in errors})} bad line(s): nothing was imported")
