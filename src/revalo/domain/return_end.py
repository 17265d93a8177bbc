"""How a return ends: closed once every unit it brought has left the parallel stock and
what it owes back (a refund, an exchange, store credit) is settled; cancelled by customer
service, with the reason, while nothing of it has been received. Each answers what stands
in the way, in words a person understands."""

from __future__ import annotations

from collections.abc import Sequence

from revalo.domain.after_sales import RefundCase
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.domain.units import ReturnedUnit

#: How many units a refusal names, at most.
NAMED = 5


def closing_blockers(
    rma: ReturnRequest, units: Sequence[ReturnedUnit], case: RefundCase | None
) -> list[str]:
    """What keeps the return open; none: it may close."""
    if rma.state is not ReturnState.RECEIVED:
        return [f"return {rma.number} is {rma.state.value}: only a received return closes"]
    found: list[str] = []
    staying = sorted(u.lpn for u in units if not u.is_final)
    if staying:
        named = ", ".join(staying[:NAMED]) + (", ..." if len(staying) > NAMED else "")
        found.append(f"{len(staying)} unit(s) still in the parallel stock: {named}")
    if case is not None and not case.settled:
        found.append(f"its {case.outcome.value} is not settled: {case.outstanding} EUR still owed")
    return found


def ensure_can_close(
    rma: ReturnRequest, units: Sequence[ReturnedUnit], case: RefundCase | None
) -> None:
    blockers = closing_blockers(rma, units, case)
    if blockers:
        raise NotAllowed(blockers[0])


def cancel_blocker(rma: ReturnRequest, case: RefundCase | None) -> str | None:
    """Why the return may not be cancelled; None: it may."""
    if any(ln.received_quantity for ln in rma.lines):
        return f"return {rma.number} has units received: it can no longer be cancelled"
    if rma.state not in (ReturnState.REQUESTED, ReturnState.AUTHORISED):
        return f"return {rma.number} is {rma.state.value}: only one not yet received is cancelled"
    if case is not None and case.refunds:
        return f"return {rma.number} has refunds recorded: it can no longer be cancelled"
    return None


def ensure_can_cancel(rma: ReturnRequest, case: RefundCase | None, reason: str) -> None:
    blocker = cancel_blocker(rma, case)
    if blocker is not None:
        raise NotAllowed(blocker)
    if not reason.strip():
        raise InvalidValue("a cancellation needs a reason the customer can read", field="reason")
