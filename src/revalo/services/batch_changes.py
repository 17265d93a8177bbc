"""What changed since the last plan: the units of a batch whose route or destination differs
from the last committed plan that held them, and the units no committed plan held (new
since). Read from the stored batches."""

from __future__ import annotations

from typing import Any

from revalo.domain.disposition_batches import DispositionBatch, PlannedDecision
from revalo.services.ports import UnitOfWork


def changes_since(
    uow: UnitOfWork, plan: list[PlannedDecision], *, before: int | None = None
) -> list[dict[str, Any]]:
    """Each unit of ``plan`` that moved from the last committed plan holding it (``was_*``
    its route and destination there, ``batch_id`` that batch) or is new (``batch_id``
    None), in the plan's order. Call inside an open unit of work."""
    wanted = {d.lpn for d in plan}
    last: dict[str, tuple[int, PlannedDecision]] = {}
    batches: list[DispositionBatch] = uow.disposition_batches.committed(before=before)
    for b in batches:
        assert b.id is not None
        for d in b.plan:
            if d.lpn in wanted and d.lpn not in last:
                last[d.lpn] = (b.id, d)
        if len(last) == len(wanted):
            break
    changes: list[dict[str, Any]] = []
    for d in plan:
        held = last.get(d.lpn)
        if held is not None and (held[1].route, held[1].destination) == (d.route, d.destination):
            continue
        changes.append(
            {
                "lpn": d.lpn, "route": d.route, "destination": d.destination,
                "batch_id": held[0] if held else None,
                "was_route": held[1].route if held else None,
                "was_destination": held[1].destination if held else None,
            }
        )  # fmt: skip
    return changes
