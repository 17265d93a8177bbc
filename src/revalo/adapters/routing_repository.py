"""The routings of regions to hubs on SQLAlchemy Core."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm_routing import routing_rules, routings
from revalo.domain.routing import Routing

_R, _L = routings.c, routing_rules.c


def _routing(r: Any, rules: dict[str, str] | None = None) -> Routing:
    return Routing(r.valid_from, r.note, r.adopted_by, r.adopted_at, rules or {}, int(r.id))


class SqlRoutingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, routing: Routing) -> Routing:
        values = {
            "valid_from": routing.valid_from,
            "note": routing.note,
            "adopted_by": routing.adopted_by,
            "adopted_at": routing.adopted_at,
        }
        new_id = int(
            self.session.execute(sa.insert(routings).values(**values).returning(_R.id)).scalar_one()
        )
        rows = [
            {"routing_id": new_id, "region": k, "hub_code": v} for k, v in routing.rules.items()
        ]
        self.session.execute(sa.insert(routing_rules), rows)
        return dataclasses.replace(routing, id=new_id)

    @staticmethod
    def _latest_id(day: date) -> sa.ScalarSelect[Any]:
        return (
            sa.select(_R.id)
            .where(_R.valid_from <= day)
            .order_by(_R.valid_from.desc(), _R.id.desc())
            .limit(1)
            .scalar_subquery()
        )

    def _latest(self, day: date) -> Any:
        stmt = sa.select(routings).where(_R.id == self._latest_id(day))
        return self.session.execute(stmt).first()

    def in_force(self, day: date) -> Routing | None:
        row = self._latest(day)
        if row is None:
            return None
        stmt = sa.select(_L.region, _L.hub_code).where(_L.routing_id == row.id)
        return _routing(row, {r.region: r.hub_code for r in self.session.execute(stmt)})

    def hub_for(self, region: str, day: date) -> str | None:
        # One statement, with a routing or none: it runs at every authorisation.
        stmt = sa.select(_L.hub_code).where(
            _L.routing_id == self._latest_id(day), _L.region == region
        )
        found = self.session.scalar(stmt)
        return None if found is None else str(found)

    def history(self, *, limit: int, offset: int) -> tuple[Sequence[Routing], int]:
        total = self.session.scalar(sa.select(sa.func.count()).select_from(routings))
        stmt = sa.select(routings).order_by(_R.valid_from.desc(), _R.id.desc())
        rows = self.session.execute(stmt.limit(limit).offset(offset)).all()
        return [_routing(r) for r in rows], int(total or 0)

    def counts(self, ids: Sequence[int]) -> dict[int, int]:
        if not ids:
            return {}
        stmt = (
            sa.select(_L.routing_id, sa.func.count())
            .where(_L.routing_id.in_(list(ids)))
            .group_by(_L.routing_id)
        )
        return {int(k): int(n) for k, n in self.session.execute(stmt)}
