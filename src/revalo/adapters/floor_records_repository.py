"""The cycle counts' and the safety records' repositories on SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import locking, orm
from revalo.adapters import orm_floor_records as t
from revalo.domain.floor.counts import BinCount, CountFigures, CountState
from revalo.domain.floor.safety import Briefing, Incident, Severity
from revalo.domain.floor.tasks import FloorTask, TaskKind, TaskState

_LIVE = (TaskState.OPEN, TaskState.ASSIGNED, TaskState.STARTED)


class SqlCountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, count: BinCount) -> None:
        self.session.add(count)
        self.session.flush()

    def get(self, count_id: int, *, lock: bool = False) -> BinCount | None:
        return locking.get(self.session, BinCount, count_id, lock=lock)

    def for_task(self, task_id: int) -> BinCount | None:
        stmt = sa.select(BinCount).where(t.bin_counts.c.task_id == task_id)
        return self.session.scalars(stmt).first()

    def list(
        self,
        *,
        site_code: str | None = None,
        state: CountState | None = None,
        since: datetime | None = None,
        limit: int = 200,
    ) -> Sequence[BinCount]:
        c = t.bin_counts.c
        stmt = sa.select(BinCount)
        if site_code:
            stmt = stmt.where(c.site_code == site_code.upper())
        if state is not None:
            stmt = stmt.where(c.state == state)
        if since is not None:
            stmt = stmt.where(c.counted_at >= since)
        stmt = stmt.order_by(c.counted_at.desc(), c.id.desc()).limit(limit)
        return list(self.session.scalars(stmt))

    def figures(self, *, site_code: str | None, since: datetime) -> Sequence[CountFigures]:
        c = t.bin_counts.c
        stmt = sa.select(c.site_code, c.counted_at, c.on_ledger, c.counted, c.matched).where(
            c.counted_at >= since
        )
        if site_code:
            stmt = stmt.where(c.site_code == site_code.upper())
        return [CountFigures(*row) for row in self.session.execute(stmt.order_by(c.counted_at))]

    def last_counted(self, site_code: str) -> dict[str, datetime]:
        c = t.bin_counts.c
        stmt = (
            sa.select(c.bin_code, sa.func.max(c.counted_at).label("at"))
            .where(c.site_code == site_code.upper())
            .group_by(c.bin_code)
        )
        return {code: at for code, at in self.session.execute(stmt)}

    def awaiting(self, bin_code: str) -> BinCount | None:
        c = t.bin_counts.c
        stmt = sa.select(BinCount).where(
            c.bin_code == bin_code, c.state == CountState.AWAITING_APPROVAL
        )
        return self.session.scalars(stmt.order_by(c.id)).first()

    def live_task(self, bin_code: str) -> FloorTask | None:
        f = orm.floor_tasks.c
        stmt = sa.select(FloorTask).where(
            f.kind == TaskKind.COUNT, f.bin_code == bin_code, f.state.in_(_LIVE)
        )
        return self.session.scalars(stmt.order_by(f.id)).first()


class SqlSafetyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_incident(self, incident: Incident) -> None:
        self.session.add(incident)
        self.session.flush()

    def add_briefing(self, briefing: Briefing) -> None:
        self.session.add(briefing)
        self.session.flush()

    def incidents(
        self, *, site_code: str | None, since: datetime | None, until: datetime | None
    ) -> Sequence[Incident]:
        i = t.incidents.c
        stmt = sa.select(Incident)
        if site_code:
            stmt = stmt.where(i.site_code == site_code.upper())
        if since is not None:
            stmt = stmt.where(i.occurred_at >= since)
        if until is not None:
            stmt = stmt.where(i.occurred_at < until)
        return list(self.session.scalars(stmt.order_by(i.occurred_at.desc(), i.id.desc())))

    def briefings(
        self, *, site_code: str | None, since: datetime | None, until: datetime | None
    ) -> Sequence[Briefing]:
        b = t.briefings.c
        stmt = sa.select(Briefing)
        if site_code:
            stmt = stmt.where(b.site_code == site_code.upper())
        if since is not None:
            stmt = stmt.where(b.held_at >= since)
        if until is not None:
            stmt = stmt.where(b.held_at < until)
        return list(self.session.scalars(stmt.order_by(b.held_at.desc(), b.id.desc())))

    def last_lost_time(self, site_code: str, until: datetime) -> datetime | None:
        i = t.incidents.c
        stmt = (
            sa.select(i.occurred_at)
            .where(
                i.site_code == site_code.upper(),
                i.severity == Severity.LOST_TIME,
                i.occurred_at < until,
            )
            .order_by(i.occurred_at.desc())
            .limit(1)
        )
        return self.session.scalar(stmt)
