"""Work orders: test, clean, data wipe, repair, refurbish, harvest; done at a site, with
labour and parts.

While an order is in progress its technician records what was done, as often as needed:
the labour of each sitting, the results, the parts fitted. A data wipe that is done keeps
its certificate of sanitisation (NIST SP 800-88): the method, the tool, the verification,
and the certificate's number.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from revalo.domain.errors import InvalidTransition, InvalidValue
from revalo.domain.states import ensure_transition


class WorkOrderKind(enum.StrEnum):
    TEST = "test"
    CLEAN = "clean"
    DATA_WIPE = "data_wipe"
    REPAIR = "repair"
    REFURBISH = "refurbish"
    #: Dismantled into parts that go into stock (domain/parts.py).
    HARVEST = "harvest"


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

#: A month of one person's working time: more labour on one record is a typing mistake.
MAX_LABOUR_MINUTES = 31 * 24 * 60
#: Longest part reference kept (a part number, or its name).
MAX_PART_REFERENCE = 100
#: Most pieces of one part on one line: more is a typing mistake.
MAX_PART_QUANTITY = 1000


def _cost(value: Decimal, what: str, field: str) -> Decimal:
    amount = Decimal(value)
    if not amount.is_finite():
        raise InvalidValue(f"{what} must be an amount in EUR", field=field)
    if amount < 0:
        raise InvalidValue(f"{what} must not be negative", field=field)
    return amount.quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class PartUsed:
    """A part fitted to the unit: its reference, how many, and what one costs (EUR)."""

    reference: str
    quantity: int = 1
    unit_cost: Decimal = Decimal("0")

    def __post_init__(self) -> None:
        reference = self.reference.strip()
        if not reference:
            raise InvalidValue("a part needs its reference", field="parts")
        if len(reference) > MAX_PART_REFERENCE:
            raise InvalidValue(
                f"a part's reference has at most {MAX_PART_REFERENCE} characters", field="parts"
            )
        if not 1 <= self.quantity <= MAX_PART_QUANTITY:
            raise InvalidValue(
                f"part {reference}: the quantity must be between 1 and {MAX_PART_QUANTITY}",
                field="parts",
            )
        object.__setattr__(self, "reference", reference)
        cost = _cost(self.unit_cost, f"part {reference}: the cost", "parts")
        object.__setattr__(self, "unit_cost", cost)

    @property
    def cost(self) -> Decimal:
        return self.quantity * self.unit_cost


def format_certificate(order_id: int) -> str:
    """The number of the certificate of sanitisation of a data wipe: SAN and the digits of
    its work order's number (WO00000012 certifies as SAN00000012), so that each wipe has
    one, and finds its order again."""
    return f"SAN{order_id:08d}"


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
    #: What the parts cost, EUR: the parts listed and any other cost given at the finish.
    parts_cost: Decimal = Decimal("0")
    notes: str = ""
    parts: tuple[PartUsed, ...] = field(default_factory=tuple)
    # Certificate of sanitisation fields (NIST SP 800-88), for data wipes.
    wipe_method: WipeMethod | None = None
    wipe_tool: str = ""
    wipe_verified: bool = False
    #: The certificate's number, issued when the wipe is done (None before, and for other
    #: kinds of work).
    wipe_certificate: str | None = None

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

    def _tally(
        self, labour_minutes: int, parts_cost: Decimal, notes: str, parts: Sequence[PartUsed]
    ) -> tuple[int, Decimal, str, tuple[PartUsed, ...]]:
        """The order's labour, parts cost, notes and parts with these added (nothing is
        changed: a refused value leaves the order as it was)."""
        if labour_minutes < 0:
            raise InvalidValue("labour minutes must not be negative", field="labour_minutes")
        extra = _cost(parts_cost, "parts cost", "parts_cost")
        listed = sum((p.cost for p in parts), Decimal("0"))
        text = "\n".join(n for n in (self.notes, notes.strip()) if n)
        return (
            self.labour_minutes + labour_minutes,
            self.parts_cost + extra + listed,
            text,
            (*self.parts, *parts),
        )

    def _apply(self, tally: tuple[int, Decimal, str, tuple[PartUsed, ...]]) -> None:
        self.labour_minutes, self.parts_cost, self.notes, self.parts = tally

    def record(
        self, *, labour_minutes: int = 0, notes: str = "", parts: Sequence[PartUsed] = ()
    ) -> None:
        """Record a sitting of work on an order in progress: its minutes, its results, the
        parts fitted; each adds to what was recorded before."""
        if self.state is not _W.IN_PROGRESS:
            raise InvalidTransition(
                f"Work order {self.number} is {self.state.value}: work is recorded only on an "
                "order in progress"
            )
        if not (labour_minutes or notes.strip() or parts):
            raise InvalidValue(
                "record the minutes worked, the results or a part used", field="labour_minutes"
            )
        self._apply(self._tally(labour_minutes, Decimal("0"), notes, parts))

    def finish(
        self,
        *,
        succeeded: bool,
        at: datetime,
        labour_minutes: int,
        parts_cost: Decimal = Decimal("0"),
        notes: str = "",
        parts: Sequence[PartUsed] = (),
        wipe_method: WipeMethod | None = None,
        wipe_tool: str = "",
        wipe_verified: bool = False,
    ) -> None:
        """Close the order as done or failed, with the last of its labour, parts and notes
        (added to what was recorded). A data wipe done is given its certificate's number."""
        tally = self._tally(labour_minutes, parts_cost, notes, parts)
        certified = wipe_method is not None and wipe_tool.strip() != "" and wipe_verified
        if succeeded and self.kind is WorkOrderKind.DATA_WIPE and not certified:
            raise InvalidValue(
                "a data wipe is done only with its method, tool and a verified result "
                "(certificate of sanitisation, NIST SP 800-88)",
                field="wipe_method",
            )
        self._to(_W.DONE if succeeded else _W.FAILED)
        self.completed_at = at
        self._apply(tally)
        self.wipe_method = wipe_method
        self.wipe_tool = wipe_tool.strip()
        self.wipe_verified = wipe_verified
        if succeeded and self.kind is WorkOrderKind.DATA_WIPE:
            self.wipe_certificate = format_certificate(self.id)

    def cancel(self, *, at: datetime, reason: str) -> None:
        self._to(_W.CANCELLED)
        self.completed_at = at
        self.notes = "\n".join(n for n in (self.notes, reason) if n)
