"""Work orders: test, clean, data wipe, repair, refurbish; done at a site, with labour and parts."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.errors import InvalidValue
from revalo.domain.states import ensure_transition


class WorkOrderKind(enum.StrEnum):
    TEST = "test"
    CLEAN = "clean"
    DATA_WIPE = "data_wipe"
    REPAIR = "repair"
    REFURBISH = "refurbish"


class WorkOrderState(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class WipeMethod(enum.StrEnum):
    """Media sanitisation methods of NIST SP 800-88."""

    CLEAR = "clear"
    PURGE = "purge"
    DESTROY = "destroy"


_W = WorkOrderState
WORK_ORDER_TRANSITIONS: dict[WorkOrderState, frozenset[WorkOrderState]] = {
    _W.OPEN: frozenset({_W.IN_PROGRESS, _W.CANCELLED}),
    _W.IN_PROGRESS: frozenset({_W.DONE, _W.FAILED, _W.CANCELLED}),
    _W.DONE: frozenset(),
    _W.FAILED: frozenset(),
    _W.CANCELLED: frozenset(),
}
OPEN_STATES = frozenset({_W.OPEN, _W.IN_PROGRESS})


@dataclass(eq=False)
class WorkOrder:
    id: int
    unit_id: int
    kind: WorkOrderKind
    site_code: str
    created_at: datetime
    state: WorkOrderState = WorkOrderState.OPEN
    operator: str = ""
    started_at: datetime | None = None
    completed_at: datetime | None = None
    labour_minutes: int = 0
    parts_cost: Decimal = Decimal("0")
    notes: str = ""
    # Certificate of sanitisation fields (NIST SP 800-88), for data wipes.
    wipe_method: WipeMethod | None = None
    wipe_tool: str = ""
    wipe_verified: bool = False

    @property
    def number(self) -> str:
        return f"WO{self.id:08d}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def _to(self, target: WorkOrderState) -> None:
        ensure_transition(f"Work order {self.number}", self.state, target, WORK_ORDER_TRANSITIONS)
        self.state = target

    def start(self, *, operator: str, at: datetime) -> None:
        if not operator.strip():
            raise InvalidValue("starting a work order needs the operator's name", field="operator")
        self._to(_W.IN_PROGRESS)
        self.operator = operator
        self.started_at = at

    def finish(
        self,
        *,
        succeeded: bool,
        at: datetime,
        labour_minutes: int,
        parts_cost: Decimal,
        notes: str = "",
        wipe_method: WipeMethod | None = None,
        wipe_tool: str = "",
        wipe_verified: bool = False,
    ) -> None:
        if labour_minutes < 0:
            raise InvalidValue("labour minutes must not be negative", field="labour_minutes")
        if parts_cost < 0:
            raise InvalidValue("parts cost must not be negative", field="parts_cost")
        certified = wipe_method is not None and wipe_tool.strip() != "" and wipe_verified
        if succeeded and self.kind is WorkOrderKind.DATA_WIPE and not certified:
            raise InvalidValue(
                "a data wipe is done only with its method, tool and a verified result "
                "(certificate of sanitisation, NIST SP 800-88)",
                field="wipe_method",
            )
        self._to(_W.DONE if succeeded else _W.FAILED)
        self.completed_at = at
        self.labour_minutes = labour_minutes
        self.parts_cost = parts_cost
        self.notes = notes
        self.wipe_method = wipe_method
        self.wipe_tool = wipe_tool
        self.wipe_verified = wipe_verified

    def cancel(self, *, at: datetime, reason: str) -> None:
        self._to(_W.CANCELLED)
        self.completed_at = at
        self.notes = reason
