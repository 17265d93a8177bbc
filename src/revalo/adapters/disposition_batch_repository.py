"""The disposition batches previewed and committed, read and written with SQL Core."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm_capacity_plans import disposition_batches
from revalo.domain.disposition_batches import BatchState, DispositionBatch, PlannedDecision

_B = disposition_batches.c


def _batch(row: Any) -> DispositionBatch:
    return DispositionBatch(
        row.day, row.site_code, row.made_by, row.made_at, dict(row.units_read),
        [PlannedDecision.of(p) for p in row.plan], dict(row.figures), BatchState(row.state),
        row.committed_by, row.committed_at, int(row.id),
    )  # fmt: skip


class SqlDispositionBatchRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, batch: DispositionBatch) -> None:
        new_id = self.session.execute(
            sa.insert(disposition_batches).returning(_B.id).values(
                day=batch.day, site_code=batch.site_code, state=batch.state.value,
                made_by=batch.made_by, made_at=batch.made_at, units_read=batch.units_read,
                plan=[p.as_json() for p in batch.plan], figures=batch.figures,
            )
        ).scalar_one()  # fmt: skip
        batch.id = int(new_id)
        self.session.flush()

    def get(self, batch_id: int, *, lock: bool = False) -> DispositionBatch | None:
        stmt = sa.select(disposition_batches).where(_B.id == batch_id)
        if lock and self.session.get_bind().dialect.name != "sqlite":
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).first()
        return _batch(row) if row else None

    def latest(self) -> DispositionBatch | None:
        stmt = sa.select(disposition_batches).order_by(_B.id.desc()).limit(1)
        row = self.session.execute(stmt).first()
        return _batch(row) if row else None

    def committed(self, *, before: int | None = None, limit: int = 60) -> list[DispositionBatch]:
        stmt = sa.select(disposition_batches).where(_B.state == BatchState.COMMITTED.value)
        if before is not None:
            stmt = stmt.where(_B.id < before)
        stmt = stmt.order_by(_B.committed_at.desc(), _B.id.desc()).limit(limit)
        return [_batch(row) for row in self.session.execute(stmt)]

    def mark_committed(self, batch: DispositionBatch) -> None:
        self.session.execute(
            sa.update(disposition_batches)
            .where(_B.id == batch.id)
            .values(
                state=batch.state.value,
                committed_by=batch.committed_by,
                committed_at=batch.committed_at,
                plan=[p.as_json() for p in batch.plan],
            )
        )
        self.session.flush()
