"""A stored plan of one day's collections in a region, and its one step: committing it.

The plan itself (routes and their stops, the pickups left for another day and why, the
collect-or-ship comparison) is kept as a JSON document in ``detail``; the totals a list
or a report needs are kept beside it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from revalo.domain.errors import InvalidValue
from revalo.domain.states import ensure_transition

PLAN_PREFIX = "COL"


def format_plan_ref(plan_id: int) -> str:
    return f"{PLAN_PREFIX}{plan_id:08d}"


#: Longest search a collection plan may ask for, in seconds (a server sets a lower maximum).
MAX_SEARCH_SECONDS = 600.0


class CollectionPlanStatus(enum.StrEnum):
    #: Planned, nothing booked yet: it may be planned again or committed.
    PLANNED = "planned"
    #: Committed: every collected pickup has its consignment and its return is in transit.
    COMMITTED = "committed"


_S = CollectionPlanStatus
PLAN_TRANSITIONS: dict[CollectionPlanStatus, frozenset[CollectionPlanStatus]] = {
    _S.PLANNED: frozenset({_S.COMMITTED}),
    _S.COMMITTED: frozenset(),
}


@dataclass(eq=False)
class CollectionPlanRecord:
    """One day's collections in a region (``"FR"`` or ``"BE,FR"``), as planned.

    ``cost`` in EUR, ``co2e_g`` in grams; ``collected`` and ``deferred`` count pickups
    (returns); ``seconds`` is the search's time limit, ``seed`` its seed.
    """

    id: int
    day: date
    region: str
    created_at: datetime
    seed: int
    seconds: float
    km: float
    cost: Decimal
    co2e_g: int
    collected: int
    deferred: int
    detail: dict[str, Any] = field(default_factory=dict)
    status: CollectionPlanStatus = CollectionPlanStatus.PLANNED
    committed_at: datetime | None = None
    committed_by: str | None = None

    def __post_init__(self) -> None:
        if not self.region.strip():
            raise InvalidValue("a plan needs a region", field="region")
        for name in ("km", "co2e_g", "collected", "deferred"):
            if getattr(self, name) < 0:
                raise InvalidValue(f"{name} must not be negative", field=name)
        if self.cost < 0:
            raise InvalidValue(f"cost {self.cost} EUR must not be negative", field="cost")

    @property
    def reference(self) -> str:
        return format_plan_ref(self.id)

    def ensure_can_commit(self) -> None:
        ensure_transition(
            f"Collection plan {self.reference}", self.status, _S.COMMITTED, PLAN_TRANSITIONS
        )

    def commit(self, *, by: str, at: datetime) -> None:
        """Mark the plan as carried out (its consignments are booked by the service)."""
        self.ensure_can_commit()
        self.status = _S.COMMITTED
        self.committed_by = by
        self.committed_at = at
