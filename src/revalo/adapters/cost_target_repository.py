"""The cost targets, read and written with SQL Core and converted explicitly."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm_costs import cost_targets
from revalo.domain.cost_targets import CostTarget, TargetMetric, TargetScope

_T = cost_targets.c


def _target(row: Any) -> CostTarget:
    return CostTarget(
        TargetMetric(row.metric), TargetScope(row.scope), row.code, Decimal(row.value),
        row.set_by, row.set_at, int(row.id),
    )  # fmt: skip


class SqlCostTargetRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(
        self, metric: TargetMetric, scope: TargetScope, code: str, *, lock: bool = False
    ) -> CostTarget | None:
        stmt = sa.select(cost_targets).where(
            _T.metric == metric.value, _T.scope == scope.value, _T.code == code
        )
        if lock and self.session.get_bind().dialect.name != "sqlite":
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).first()
        return _target(row) if row else None

    def put(self, target: CostTarget) -> None:
        """Insert the target, or replace the value of the one of its metric and scope."""
        values = {
            "value": str(target.value), "set_by": target.set_by, "set_at": target.set_at,
        }  # fmt: skip
        if target.id is None:
            key = {"metric": target.metric.value, "scope": target.scope.value, "code": target.code}
            self.session.execute(sa.insert(cost_targets).values(**key, **values))
        else:
            self.session.execute(sa.update(cost_targets).where(_T.id == target.id).values(**values))
        self.session.flush()

    def remove(self, target: CostTarget) -> None:
        self.session.execute(sa.delete(cost_targets).where(_T.id == target.id))
        self.session.flush()

    def list(self) -> Sequence[CostTarget]:
        stmt = sa.select(cost_targets).order_by(_T.metric, _T.scope, _T.code)
        return [_target(r) for r in self.session.execute(stmt)]
