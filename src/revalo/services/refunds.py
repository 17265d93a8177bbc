"""Refunds with their deadline: what a return owes back, the dates that set the deadline
(art. 13 of 2011/83/EU), the refunds, exchanges and store credit paid back, the list of
what is due and late, the dashboard's figures and the finance export.

Each change locks the return first (its row is the case's lock): two agents refunding the
same return at once take turns, and the second sees what the first paid back. The use cases
take the return's number and the user, so that the customer portal can call them too.
"""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from revalo.domain.after_sales import Outcome, RefundCase, check_paid
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.notifications import NotificationKind
from revalo.domain.people import Permission, User
from revalo.domain.refunds import DeadlineState, PartialReason, Refund, RefundMethod, Withdrawal
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.services import satisfaction
from revalo.services.common import found, when
from revalo.services.guard import needs, reads, record_done
from revalo.services.notifications import notify
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.refund_ports import CaseFilter
from revalo.services.retry import retried

#: Returns that owe nothing back.
OWING_NOTHING = frozenset({ReturnState.REJECTED, ReturnState.CANCELLED})
#: The order of the customer-service list: what is late first.
URGENCY = (
    DeadlineState.LATE,
    DeadlineState.DUE_SOON,
    DeadlineState.DUE,
    DeadlineState.WAITING_FOR_GOODS,
)
EXPORT_COLUMNS = (
    "paid_on",
    "return_number",
    "order_ref",
    "customer",
    "client",
    "outcome",
    "method",
    "amount",
    "currency",
    "paid_for_the_order",
    "partial_reason",
    "note",
    "recorded_by",
)
#: The longest export at once (a year and a day, for a leap year's books).
EXPORT_MAX_DAYS = 367


def lock_return(uow: UnitOfWork, number: str) -> ReturnRequest:
    """The return, locked until the use case ends (its refund case changes)."""
    return found(
        uow.returns.get(number.strip().upper(), lock=True), f"no return {number!r}", "number"
    )


def get_case(uow: UnitOfWork, number: str) -> RefundCase:
    return found(
        uow.refunds.case(number),
        f"return {number} has no refund case: record what the customer paid first",
        "number",
    )


def received_on(uow: UnitOfWork, rma: ReturnRequest, fallback: date) -> date:
    """The day the last unit of a received return came in."""
    units = uow.units.list(UnitFilter(rma_number=rma.number), limit=10_000, offset=0).items
    days = [u.received_at.date() for u in units if u.received_at is not None]
    return max(days) if days else fallback


@needs(Permission.RECORD_REFUND)
@retried
def open_refund(
    uow: UnitOfWork,
    number: str,
    *,
    paid: Decimal,
    outcome: Outcome,
    by: User,
    notified_on: date | None = None,
    at: datetime | None = None,
) -> RefundCase:
    """Record what the customer paid for the returned goods and what they want back. The
    withdrawal notice is the day the return was asked for unless another day is given; a
    return already received has its goods-received day from its units."""
    t = when(at)
    with uow:
        rma = lock_return(uow, number)
        if rma.state in OWING_NOTHING:
            raise NotAllowed(f"return {rma.number} is {rma.state.value}: it owes nothing back")
        if uow.refunds.case(rma.number) is not None:
            raise NotAllowed(f"return {rma.number} has its refund case already")
        notice = notified_on or rma.requested_at.date()
        if notice > t.date():
            raise InvalidValue(
                f"The withdrawal notice {notice} is in the future.", field="notified_on"
            )
        case = RefundCase(
            return_number=rma.number,
            paid=check_paid(paid),
            outcome=outcome,
            withdrawal=Withdrawal(notice),
            opened_by=by.login,
            opened_at=t,
            customer_code=rma.customer_code,
            client_code=rma.client_code,
        )
        if rma.state in (ReturnState.RECEIVED, ReturnState.CLOSED):
            case.goods_received(received_on(uow, rma, t.date()))
        uow.refunds.add_case(case)
        detail = f"{paid} EUR paid, outcome {outcome.value}"
        record_done(uow, by, "open_refund", rma.number, detail=detail)
        uow.commit()
    return case


@needs(Permission.RECORD_REFUND)
@retried
def record_proof_of_sending(
    uow: UnitOfWork, number: str, *, on: date, by: User, at: datetime | None = None
) -> RefundCase:
    """The customer showed they sent the goods back (a carrier's receipt): from that day
    the trader may no longer withhold the refund (art. 13(3))."""
    t = when(at)
    with uow:
        rma = lock_return(uow, number)
        case = get_case(uow, rma.number)
        case.proof_of_sending(on, today=t.date())
        uow.refunds.save_dates(case)
        record_done(uow, by, "proof_of_sending", rma.number, detail=f"sent on {on}")
        uow.commit()
    return case


@needs(Permission.RECORD_REFUND)
@retried
def record_refund(
    uow: UnitOfWork,
    number: str,
    *,
    amount: Decimal,
    method: RefundMethod,
    by: User,
    paid_on: date | None = None,
    partial_reason: PartialReason | None = None,
    note: str = "",
    at: datetime | None = None,
) -> RefundCase:
    """Pay back (a refund, the value of an exchange, or store credit) all that is owed, or
    a part of it with the reason; never more than was paid, whoever refunds at once."""
    t = when(at)
    with uow:
        rma = lock_return(uow, number)
        case = get_case(uow, rma.number)
        refund = Refund(
            return_id=rma.number,
            amount=amount,
            method=method,
            paid_on=paid_on or t.date(),
            by=by.login,
            partial_reason=partial_reason,
            note=note.strip(),
        )
        case.record(refund, today=t.date())
        uow.refunds.add_refund(case, refund, t)
        detail = f"{amount} EUR paid back by {method.value}"
        record_done(uow, by, "record_refund", rma.number, detail=detail)
        if case.settled:
            token = satisfaction.invite(uow, rma, t)
            survey = satisfaction.survey_link(token) if token else ""
            notify(
                uow,
                NotificationKind.REFUNDED,
                rma,
                t,
                amount=str(case.refunded),
                how=method,
                survey=survey,
            )
        uow.commit()
    return case


def note_goods_received(uow: UnitOfWork, rma: ReturnRequest, on: date) -> None:
    """Inside the receiving scan's transaction: the scan that completes the return dates
    the goods' receipt on its refund case, if it has one."""
    if rma.state is not ReturnState.RECEIVED:
        return
    case = uow.refunds.case(rma.number)
    if case is not None and case.withdrawal.goods_received_on is None:
        case.goods_received(on)
        uow.refunds.save_dates(case)


# -- reading ---------------------------------------------------------------------------------
@reads(Permission.VIEW_REFUNDS)
def refund_case(uow: UnitOfWork, number: str, *, by: User) -> RefundCase | None:
    """The return's refund case, None when none is recorded."""
    with uow:
        rma = found(uow.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        return uow.refunds.case(rma.number)


@dataclass(frozen=True, slots=True)
class DueRefund:
    case: RefundCase
    state: DeadlineState
    #: Days to the deadline (negative: late by that many).
    days_left: int


@reads(Permission.VIEW_REFUNDS)
def refunds_due(
    uow: UnitOfWork, *, by: User, today: date, client_code: str | None = None
) -> list[DueRefund]:
    """The refunds still owed: the late ones first, then due soon, due, and those waiting
    for the goods; each by deadline."""
    with uow:
        cases = uow.refunds.cases(CaseFilter(open=True, client_code=client_code))
    due = [DueRefund(c, c.state(today), (c.deadline - today).days) for c in cases]
    return sorted(due, key=lambda d: (URGENCY.index(d.state), d.case.deadline))


@dataclass(frozen=True, slots=True)
class RefundFigures:
    """The dashboard's refunds over a period (by withdrawal notice)."""

    cases: int
    settled: int
    #: Owed and past the deadline today.
    late_now: int
    #: Settled after the deadline.
    settled_late: int
    median_days: float | None
    p90_days: float | None

    @property
    def on_time_share(self) -> float | None:
        return (self.settled - self.settled_late) / self.settled if self.settled else None


@reads(Permission.VIEW_DASHBOARD)
def refund_figures(
    uow: UnitOfWork,
    *,
    by: User,
    today: date,
    days: int | None = None,
    client_code: str | None = None,
) -> RefundFigures:
    """Time to refund (notice to the refund that settled it) and the late refunds, for the
    cases notified within the last ``days`` (all when None); a client's user sees its own."""
    owner = by.bound_client or client_code
    since = today - timedelta(days=days) if days is not None else None
    with uow:
        cases = uow.refunds.cases(
            CaseFilter(client_code=owner, notified_from=since, limit=1_000_000)
        )
    took = sorted(d for c in cases if (d := c.days_to_refund) is not None)
    return RefundFigures(
        cases=len(cases),
        settled=len(took),
        late_now=sum(1 for c in cases if c.state(today) is DeadlineState.LATE),
        settled_late=sum(1 for c in cases if c.on_time is False),
        median_days=float(statistics.median(took)) if took else None,
        p90_days=_percentile(took, 0.9),
    )


def _percentile(values: list[int], q: float) -> float | None:
    """The nearest-rank percentile of sorted values."""
    if not values:
        return None
    rank = max(1, -(-len(values) * int(q * 100) // 100))
    return float(values[rank - 1])


def _cell(text: str) -> str:
    """A typed text as a spreadsheet shows it, never as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@reads(Permission.EXPORT_REFUNDS)
def export_refunds(
    uow: UnitOfWork, *, start: date, end: date, by: User, client_code: str | None = None
) -> str:
    """The refunds paid from ``start`` to ``end`` (exclusive) as CSV for accounting: one
    line a payment back, amounts in EUR with a point."""
    if end <= start:
        raise InvalidValue(f"the export's end {end} is not after its start {start}", field="end")
    if (end - start).days > EXPORT_MAX_DAYS:
        raise InvalidValue(
            f"an export covers at most {EXPORT_MAX_DAYS} days, not {(end - start).days}",
            field="end",
        )
    with uow:
        rows = uow.refunds.refunds_between(start, end, client_code=client_code)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        r = row.refund
        writer.writerow(
            [
                r.paid_on.isoformat(),
                r.return_id,
                _cell(row.order_ref),
                row.customer_code,
                row.client_code or "",
                row.outcome,
                r.method.value,
                f"{r.amount:.2f}",
                "EUR",
                row.paid,
                r.partial_reason.value if r.partial_reason else "",
                _cell(r.note),
                r.by,
            ]
        )
    return out.getvalue()
