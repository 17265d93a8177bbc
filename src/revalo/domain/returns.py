"""Return requests (RMA): lines, reason codes and their state machine."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from revalo.domain.catalog import check_code
from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.states import can_transition, ensure_transition


class ReturnReason(enum.StrEnum):
    """Why the customer sends the product back."""

    WITHDRAWAL = "withdrawal"  # changed their mind, within the legal withdrawal period
    DEFECTIVE = "defective"  # lack of conformity: legal guarantee
    DAMAGED_IN_TRANSIT = "damaged_in_transit"
    WRONG_ITEM = "wrong_item"
    NOT_AS_DESCRIBED = "not_as_described"
    END_OF_LEASE = "end_of_lease"  # B2B: off-lease equipment coming back
    WARRANTY_REPAIR = "warranty_repair"
    OTHER = "other"


class ReturnState(enum.StrEnum):
    REQUESTED = "requested"
    AUTHORISED = "authorised"
    REJECTED = "rejected"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    CLOSED = "closed"
    CANCELLED = "cancelled"


_R = ReturnState
RETURN_TRANSITIONS: dict[ReturnState, frozenset[ReturnState]] = {
    _R.REQUESTED: frozenset({_R.AUTHORISED, _R.REJECTED, _R.CANCELLED}),
    _R.AUTHORISED: frozenset({_R.IN_TRANSIT, _R.RECEIVED, _R.CANCELLED}),
    _R.IN_TRANSIT: frozenset({_R.RECEIVED}),
    _R.RECEIVED: frozenset({_R.CLOSED}),
    _R.REJECTED: frozenset(),
    _R.CLOSED: frozenset(),
    _R.CANCELLED: frozenset(),
}

#: States in which units of the return are expected at a site.
EXPECTING_STATES = frozenset({_R.AUTHORISED, _R.IN_TRANSIT})


@dataclass(eq=False)
class ReturnLine:
    line_no: int
    sku: str
    quantity: int
    reason: ReturnReason
    serial: str | None = None
    comment: str = ""
    received_quantity: int = 0
    #: The customer keeps the goods (a refund without return): no unit is expected.
    kept: bool = False
    id: int | None = None

    def __post_init__(self) -> None:
        if self.quantity < 1:
            raise InvalidValue(
                f"line {self.line_no}: quantity must be at least 1", field="quantity"
            )
        if self.serial is not None:
            self.serial = self.serial.strip() or None
        if self.serial and self.quantity != 1:
            raise InvalidValue(
                f"line {self.line_no}: a line with a serial number is for exactly one unit",
                field="quantity",
            )

    @property
    def outstanding(self) -> int:
        return 0 if self.kept else self.quantity - self.received_quantity


@dataclass(eq=False)
class ReturnRequest:
    """A return merchandise authorisation: what a customer asked to send back, and why."""

    number: str
    customer_code: str
    requested_at: datetime
    delivered_at: datetime | None
    lines: list[ReturnLine] = field(default_factory=list)
    state: ReturnState = ReturnState.REQUESTED
    destination_site: str | None = None
    decided_by: str | None = None
    decision_reason: str = ""
    decided_at: datetime | None = None
    order_ref: str = ""
    id: int | None = None
    #: The client the return belongs to (None: the provider's own goods); never changed.
    client_code: str | None = None

    def __post_init__(self) -> None:
        if self.client_code is not None:
            self.client_code = check_code(self.client_code, "client code")
        if not self.lines:
            raise InvalidValue("a return needs at least one line", field="lines")
        numbers = [ln.line_no for ln in self.lines]
        if len(set(numbers)) != len(numbers):
            raise InvalidValue("line numbers must be unique within a return", field="lines")
        if self.delivered_at is not None and self.delivered_at > self.requested_at:
            raise InvalidValue("the delivery date is after the request date", field="delivered_at")

    # -- guards -----------------------------------------------------------------------------
    def can_authorise(self) -> bool:
        return can_transition(self.state, _R.AUTHORISED, RETURN_TRANSITIONS)

    def ensure_can_authorise(self) -> None:
        ensure_transition(f"Return {self.number}", self.state, _R.AUTHORISED, RETURN_TRANSITIONS)

    def can_reject(self) -> bool:
        return can_transition(self.state, _R.REJECTED, RETURN_TRANSITIONS)

    def ensure_can_reject(self) -> None:
        ensure_transition(f"Return {self.number}", self.state, _R.REJECTED, RETURN_TRANSITIONS)

    @property
    def expects_units(self) -> bool:
        return self.state in EXPECTING_STATES

    # -- steps ------------------------------------------------------------------------------
    def _decide(self, target: ReturnState, by: str, reason: str, at: datetime) -> None:
        ensure_transition(f"Return {self.number}", self.state, target, RETURN_TRANSITIONS)
        self.state = target
        self.decided_by = by
        self.decision_reason = reason
        self.decided_at = at

    def authorise(self, *, by: str, reason: str, at: datetime, destination_site: str) -> None:
        self._decide(_R.AUTHORISED, by, reason, at)
        self.destination_site = destination_site

    def reject(self, *, by: str, reason: str, at: datetime) -> None:
        if not reason.strip():
            raise InvalidValue("a rejection needs a reason the customer can read", field="reason")
        self._decide(_R.REJECTED, by, reason, at)

    def cancel(self, *, by: str, reason: str, at: datetime) -> None:
        self._decide(_R.CANCELLED, by, reason, at)

    def mark_in_transit(self) -> None:
        ensure_transition(f"Return {self.number}", self.state, _R.IN_TRANSIT, RETURN_TRANSITIONS)
        self.state = _R.IN_TRANSIT

    def line(self, line_no: int) -> ReturnLine:
        for ln in self.lines:
            if ln.line_no == line_no:
                return ln
        raise NotFound(f"return {self.number} has no line {line_no}")

    def match_line(self, sku: str, serial: str | None) -> ReturnLine | None:
        """The line a received unit belongs to: its serial first, else an open line of its SKU
        that names no serial."""
        if serial:
            for ln in self.lines:
                if ln.serial == serial and ln.sku == sku and ln.outstanding > 0:
                    return ln
        for ln in self.lines:
            if ln.sku == sku and ln.serial is None and ln.outstanding > 0:
                return ln
        return None

    def record_receipt(self, line: ReturnLine) -> None:
        """Count one unit received on ``line``; the return is received when nothing is left."""
        if not self.expects_units:
            raise InvalidValue(f"return {self.number} is {self.state.value}: no unit expected")
        line.received_quantity += 1
        if all(ln.outstanding <= 0 for ln in self.lines):
            self.state = _R.RECEIVED

    def keep(self, line_no: int) -> None:
        """The customer keeps the goods of ``line_no`` (refunded without return): the line
        expects no unit; a return whose every line is kept or received is received."""
        if not self.expects_units:
            raise InvalidValue(f"return {self.number} is {self.state.value}: no unit expected")
        line = self.line(line_no)
        if line.received_quantity:
            raise InvalidValue(f"line {line_no} of {self.number} has units received already")
        line.kept = True
        if all(ln.outstanding <= 0 for ln in self.lines):
            self.state = _R.RECEIVED

    def close(self) -> None:
        ensure_transition(f"Return {self.number}", self.state, _R.CLOSED, RETURN_TRANSITIONS)
        self.state = _R.CLOSED
