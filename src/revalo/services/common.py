"""Helpers shared by the use cases."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

from revalo.domain.catalog import Site
from revalo.domain.errors import InvalidValue, NotFound
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


def unit_names(codes: Iterable[str], *, field: str, how: str = "") -> list[str]:
    """The units a person named (LPNs, or serials where ``how`` says so), upper-cased, in
    their order; refused when none is named, or one is named twice."""
    names = [c.strip().upper() for c in codes if c.strip()]
    if not names:
        raise InvalidValue("name at least one unit" + (f": {how}" if how else ""), field=field)
    twice = sorted(name for name, n in Counter(names).items() if n > 1)
    if twice:
        raise InvalidValue(f"units named twice: {', '.join(twice)}", field=field)
    return names
