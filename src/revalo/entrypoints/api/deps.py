"""Dependencies every route goes through: the application, a unit of work, the current user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, cast

from fastapi import Depends, Request

from revalo.bootstrap import App
from revalo.services.ports import UnitOfWork
from revalo.services.transport import Transport


@dataclass(frozen=True, slots=True)
class User:
    """Who makes a change: recorded as the actor of every event and decision."""

    name: str


def get_app(request: Request) -> App:
    app: App | None = getattr(request.app.state, "revalo", None)
    if app is None:
        raise RuntimeError("the API is not started: its lifespan builds the application")
    return app


AppDep = Annotated[App, Depends(get_app)]


def get_uow(app: AppDep) -> UnitOfWork:
    """A fresh unit of work: each use case opens and closes its own transaction in it."""
    # The SQLAlchemy unit of work implements the port, but mypy reads the port's repository
    # attributes as settable, hence invariant, and refuses the narrower adapter types.
    return cast(UnitOfWork, app.uow())


UowDep = Annotated[UnitOfWork, Depends(get_uow)]


def get_read_uow(app: AppDep) -> UnitOfWork:
    """A fresh read-only unit of work, for the routes that only read (every GET): on
    SQLite it never waits for a writer, and the database refuses a write made through it."""
    return cast(UnitOfWork, app.read_uow())


ReadUowDep = Annotated[UnitOfWork, Depends(get_read_uow)]


def get_transport(app: AppDep) -> Transport:
    """Rate cards, distances and the GS1 prefix the application was started with."""
    return app.transport


TransportDep = Annotated[Transport, Depends(get_transport)]


def get_current_user(app: AppDep) -> User:
    """The single local operator named in the settings, until users and roles exist."""
    return User(name=app.settings.operator)


CurrentUser = Annotated[User, Depends(get_current_user)]
