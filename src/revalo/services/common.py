"""Helpers shared by the use cases."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from revalo.domain.catalog import Site
from revalo.domain.errors import NotFound
from revalo.domain.units import Change, ReturnedUnit
from revalo.domain.values import as_utc, utcnow
from revalo.services.ports import UnitOfWork

T = TypeVar("T")


def when(at: datetime | None) -> datetime:
    return as_utc(at) if at is not None else utcnow()


def found(value: T | None, message: str, field: str | None = None) -> T:
    if value is None:
        raise NotFound(message, field=field)
    return value


def record(uow: UnitOfWork, *changes: Change) -> None:
    """Store what a unit's step changed: its event, and its stock move if it moved."""
    for change in changes:
        uow.events.add(change.event)
        if change.move is not None:
            uow.ledger.add(change.move)


def get_unit(uow: UnitOfWork, lpn: str, *, lock: bool = False) -> ReturnedUnit:
    """The unit with that LPN; with ``lock``, locked until the use case ends (it changes it)."""
    return found(uow.units.by_lpn(lpn, lock=lock), f"no unit with LPN {lpn!r}", "lpn")


def get_site(uow: UnitOfWork, code: str, field: str = "site_code") -> Site:
    return found(uow.sites.get(code.strip().upper()), f"no site with code {code!r}", field)
