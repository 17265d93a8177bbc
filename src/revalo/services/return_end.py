"""A return that ends: closed when its units have all left the parallel stock and what it
owes back is settled (by hand, or by the sweep of the returns that may close), cancelled by
customer service before anything is received. The return is locked while it changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from revalo.domain.after_sales import RefundCase
from revalo.domain.notifications import NotificationKind
from revalo.domain.people import Permission, User
from revalo.domain.return_end import (
    cancel_blocker,
    closing_blockers,
    ensure_can_cancel,
    ensure_can_close,
)
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.domain.units import ReturnedUnit
from revalo.services.common import found, when
from revalo.services.guard import needs, reads, record_done
from revalo.services.notifications import notify
from revalo.services.ports import ReturnFilter, UnitFilter, UnitOfWork
from revalo.services.refunds import lock_return
from revalo.services.retry import retried


def _units(uow: UnitOfWork, rma: ReturnRequest) -> list[ReturnedUnit]:
    return list(uow.units.list(UnitFilter(rma_number=rma.number), limit=10_000, offset=0).items)


@needs(Permission.CLOSE_RETURN)
@retried
def close_return(
    uow: UnitOfWork, number: str, *, by: User, at: datetime | None = None
) -> ReturnRequest:
    """Close the return, or say what keeps it open."""
    with uow:
        rma = lock_return(uow, number)
        ensure_can_close(rma, _units(uow, rma), uow.refunds.case(rma.number))
        rma.close()
        record_done(uow, by, "close_return", rma.number)
        uow.commit()
    return rma


@needs(Permission.CLOSE_RETURN)
def close_finished(uow: UnitOfWork, *, by: User, at: datetime | None = None) -> list[str]:
    """Close every received return that may close; the numbers closed."""
    with uow:
        received = uow.returns.list(
            ReturnFilter(state=ReturnState.RECEIVED), limit=100_000, offset=0
        ).items
        numbers = [r.number for r in received]
    closed = []
    for number in numbers:
        with uow:
            rma = lock_return(uow, number)
            if closing_blockers(rma, _units(uow, rma), uow.refunds.case(rma.number)):
                continue
            rma.close()
            record_done(uow, by, "close_return", rma.number)
            uow.commit()
        closed.append(number)
    return closed


@needs(Permission.CANCEL_RETURN)
@retried
def cancel_return(
    uow: UnitOfWork, number: str, *, reason: str, by: User, at: datetime | None = None
) -> ReturnRequest:
    """Cancel a return not yet received, with the reason the customer reads."""
    with uow:
        rma = lock_return(uow, number)
        ensure_can_cancel(rma, uow.refunds.case(rma.number), reason)
        rma.cancel(by=by.login, reason=reason.strip(), at=when(at))
        record_done(uow, by, "cancel_return", rma.number, detail=reason.strip()[:200])
        notify(uow, NotificationKind.RETURN_CANCELLED, rma, when(at), reason=reason.strip())
        uow.commit()
    return rma


@dataclass(frozen=True, slots=True)
class ReturnEnd:
    """What the return's page shows of how it may end."""

    may_close: bool
    may_cancel: bool
    #: What keeps it open (a received return), or why it may not be cancelled.
    blockers: list[str]


@reads(Permission.VIEW_RETURNS)
def how_it_ends(uow: UnitOfWork, number: str, *, by: User) -> ReturnEnd:
    with uow:
        rma = found(uow.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        case: RefundCase | None = uow.refunds.case(rma.number)
        if rma.state is ReturnState.RECEIVED:
            blockers = closing_blockers(rma, _units(uow, rma), case)
            return ReturnEnd(not blockers, False, blockers)
        blocker = cancel_blocker(rma, case)
        return ReturnEnd(False, blocker is None, [] if blocker is None else [blocker])
