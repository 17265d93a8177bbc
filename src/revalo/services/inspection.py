"""Inspection and grading of a received unit."""

from __future__ import annotations

from datetime import datetime

from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.people import Permission, User
from revalo.services.common import get_unit, record, when
from revalo.services.floor.tasks import make_put_away_task
from revalo.services.guard import ensure_handles, needs
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried


@needs(Permission.INSPECT)
@retried
def inspect_unit(
    uow: UnitOfWork,
    lpn: str,
    *,
    functional_grade: FunctionalGrade,
    cosmetic_grade: CosmeticGrade,
    by: User,
    duration_s: int,
    checklist: dict[str, bool] | None = None,
    fault_codes: list[str] | None = None,
    hazardous: bool = False,
    notes: str = "",
    at: datetime | None = None,
) -> Inspection:
    with uow:
        unit = get_unit(uow, lpn, lock=True)
        ensure_handles(by, Permission.INSPECT, unit)
        inspection = Inspection(
            unit_id=unit.id,
            operator=by.login,
            inspected_at=when(at),
            functional_grade=functional_grade,
            cosmetic_grade=cosmetic_grade,
            duration_s=duration_s,
            checklist=dict(checklist or {}),
            fault_codes=list(fault_codes or []),
            hazardous=hazardous,
            notes=notes,
        )
        change = unit.record_inspection(inspection)
        uow.inspections.add(inspection)
        record(uow, change)
        # Graded, the unit waits in graded stock: a task to put it away into a bin there.
        make_put_away_task(uow, unit, inspection.inspected_at)
        uow.commit()
    return inspection
