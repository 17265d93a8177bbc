"""The repository of clients (the firms whose goods the provider handles)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import locking, orm
from revalo.domain.clients import Client
from revalo.domain.errors import AlreadyExists

_CHUNK = 500


def of_client_units(unit_id: sa.ColumnElement[Any], client_code: str | None) -> list[Any]:
    """The condition that a row (of units, or of what happened to units) is about one of
    the client's units; none when ``client_code`` is None: all units."""
    if client_code is None:
        return []
    u = orm.units.c
    return [unit_id.in_(sa.select(u.id).where(u.client_code == client_code))]


class SqlClientRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, client: Client) -> None:
        # Two people adding the same code at once: the primary key decides, and the loser
        # is told as plainly as when the code was found taken.
        try:
            with self.session.begin_nested():
                self.session.add(client)
                self.session.flush()
        except sa.exc.IntegrityError:
            raise AlreadyExists(f"client {client.code} exists already", field="code") from None

    def get(self, code: str, *, lock: bool = False) -> Client | None:
        return locking.get(self.session, Client, code, lock=lock)

    def list(self, *, active: bool | None = None) -> Sequence[Client]:
        c = orm.clients.c
        stmt = sa.select(Client).order_by(c.code)
        if active is not None:
            stmt = stmt.where(c.active == active)
        return list(self.session.scalars(stmt))

    def existing_codes(self, codes: set[str], *, active: bool | None = None) -> set[str]:
        c = orm.clients.c
        found: set[str] = set()
        items = sorted(codes)
        for i in range(0, len(items), _CHUNK):
            stmt = sa.select(c.code).where(c.code.in_(items[i : i + _CHUNK]))
            if active is not None:
                stmt = stmt.where(c.active == active)
            found.update(self.session.scalars(stmt))
        return found
