"""The floor's performance figures read on SQLAlchemy: the tasks done and the units' stays
in each zone, from the ledger's moves (the next move of the same unit ends a stay)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.domain.floor.performance import DoneTask, Stay
from revalo.domain.floor.tasks import TaskState
from revalo.domain.values import as_utc


class SqlFloorStatsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def done_tasks(
        self, site_code: str | None, since: datetime, until: datetime
    ) -> Sequence[DoneTask]:
        t, u = orm.floor_tasks.c, orm.units.c
        stmt = (
            sa.select(
                t.kind,
                t.site_code,
                t.assignee,
                t.started_at,
                t.done_at,
                t.unit_lpn,
                t.detail,
                u.received_at,
            )
            .outerjoin(orm.units, u.lpn == t.unit_lpn)
            .where(t.state == TaskState.DONE, t.done_at >= since, t.done_at < until)
            .where(t.assignee.is_not(None))
            .order_by(t.done_at, t.id)
        )
        if site_code:
            stmt = stmt.where(t.site_code == site_code.upper())
        out = []
        for r in self.session.execute(stmt):
            detail = r.detail or {}
            units = int(detail.get("units", "1" if r.unit_lpn else "0"))
            out.append(
                DoneTask(
                    kind=r.kind.value,
                    site_code=r.site_code,
                    login=r.assignee,
                    started_at=as_utc(r.started_at) if r.started_at else None,
                    done_at=as_utc(r.done_at),
                    units=units,
                    received_at=as_utc(r.received_at) if r.received_at else None,
                )
            )
        return out

    def stays(self, site_code: str | None, since: datetime, until: datetime) -> Sequence[Stay]:
        m, loc = orm.stock_moves.c, orm.locations.c
        left = (
            sa.func.lead(m.moved_at, type_=m.moved_at.type)
            .over(partition_by=m.unit_id, order_by=(m.moved_at, m.id))
            .label("left_at")
        )
        moves = sa.select(m.to_location, m.moved_at, left).subquery()
        stmt = (
            sa.select(loc.site_code, loc.kind, moves.c.moved_at, moves.c.left_at)
            .join(orm.locations, loc.code == moves.c.to_location)
            .where(moves.c.moved_at < until)
            .where(sa.or_(moves.c.left_at.is_(None), moves.c.left_at >= since))
        )
        if site_code:
            stmt = stmt.where(loc.site_code == site_code.upper())
        return [
            Stay(
                r.site_code,
                r.kind.value,
                as_utc(r.moved_at),
                as_utc(r.left_at) if r.left_at else None,
            )
            for r in self.session.execute(stmt)
        ]
