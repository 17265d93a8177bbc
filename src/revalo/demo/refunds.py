"""The demo's refunds: what each consumer's return owes back, paid by customer service a
few days after the goods came in (a few late, a few in part with the reason, some as an
exchange or store credit), the last days' still owed, and some proofs of sending for the
returns still on their way; then a few returns still awaited cancelled, and those done
closed. Through the use cases, at the demo's dates."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from revalo.domain.after_sales import METHODS, Outcome
from revalo.domain.catalog import CustomerKind
from revalo.domain.people import User
from revalo.domain.refunds import PartialReason, RefundMethod
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.services import refunds, return_end
from revalo.services.ports import BatchUnitOfWork, ReturnFilter

#: How the demo's consumers want their money back (shares of the returns).
OUTCOMES = ((Outcome.REFUND, 0.8), (Outcome.EXCHANGE, 0.12), (Outcome.STORE_CREDIT, 0.08))
#: Returns paid back in part because of a diminished value (2011/83/EU art. 14(2)).
PARTIAL_SHARE = 0.06
#: Returns refunded after the deadline.
LATE_SHARE = 0.05
PROOF_SHARE = 0.3
AT_NOON = time(12, tzinfo=UTC)


def _at(day: date) -> datetime:
    return datetime.combine(day, AT_NOON)


def _consumer_returns(uow: BatchUnitOfWork) -> list[tuple[ReturnRequest, Decimal]]:
    """The consumers' returns decided and not rejected, with what was paid for them (the
    products' new prices)."""
    with uow:
        found, offset = [], 0
        while True:
            page = uow.returns.list(ReturnFilter(), limit=1_000, offset=offset)
            found += page.items
            offset += len(page.items)
            if not page.items or offset >= page.total:
                break
        kinds = {c: uow.customers.get(c) for c in {r.customer_code for r in found}}
        prices = {
            ln.sku: p.new_price
            for r in found
            for ln in r.lines
            if (p := uow.products.get(ln.sku)) is not None
        }
    chosen = [
        (r, sum((prices[ln.sku] * ln.quantity for ln in r.lines), Decimal("0")))
        for r in found
        if r.state not in refunds.OWING_NOTHING
        and r.state is not ReturnState.REQUESTED
        and (c := kinds.get(r.customer_code)) is not None
        and c.kind is CustomerKind.CONSUMER
    ]
    return sorted(chosen, key=lambda pair: pair[0].number)


def set_up_refunds(uow: BatchUnitOfWork, service: User, last: date, rng: random.Random) -> int:
    """A refund case for each consumer return decided, and its refunds; the cases made."""
    made = 0
    with uow.batch(isolate_failures=False):
        for rma, paid in _consumer_returns(uow):
            if paid <= 0:
                continue
            outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
            notice = rma.requested_at.date()
            case = refunds.open_refund(
                uow, rma.number, paid=paid, outcome=outcome, by=service, at=_at(notice)
            )
            made += 1
            back = case.withdrawal.goods_received_on
            if back is None:
                if rng.random() < PROOF_SHARE and notice + timedelta(days=2) <= last:
                    day = notice + timedelta(days=2)
                    refunds.record_proof_of_sending(
                        uow, rma.number, on=day, by=service, at=_at(day)
                    )
                continue
            if rng.random() < LATE_SHARE:
                day = case.deadline + timedelta(days=rng.randint(1, 5))
            else:
                day = min(back + timedelta(days=rng.randint(1, 6)), case.deadline)
            if day > last:
                continue
            ways = sorted(METHODS[outcome], key=lambda m: m is not RefundMethod.ORIGINAL_PAYMENT)
            method = ways[0 if rng.random() < 0.85 else -1]
            if rng.random() < PARTIAL_SHARE:
                amount = (paid * Decimal("0.8")).quantize(Decimal("0.01"))
                reason: PartialReason | None = PartialReason.DIMINISHED_VALUE
                note = "scratches beyond handling"
            else:
                amount, reason, note = paid, None, ""
            refunds.record_refund(
                uow,
                rma.number,
                amount=amount,
                method=method,
                paid_on=day,
                partial_reason=reason,
                note=note,
                by=service,
                at=_at(day),
            )
        _end_some(uow, service, last, rng)
    return made


#: Authorised returns the customer gave up on before sending them.
CANCELLED_SHARE = 0.05
#: What customer service notes when a customer keeps the item.
CANCEL_REASON = "the customer keeps the item"


def _end_some(uow: BatchUnitOfWork, service: User, last: date, rng: random.Random) -> None:
    """A few returns still awaited cancelled by customer service, and every received return
    whose units have left and whose refund is settled closed."""
    with uow:
        waiting = uow.returns.list(
            ReturnFilter(state=ReturnState.AUTHORISED), limit=100_000, offset=0
        ).items
        numbers = sorted(
            r.number for r in waiting if not any(ln.received_quantity for ln in r.lines)
        )
    for number in numbers:
        if rng.random() < CANCELLED_SHARE:
            return_end.cancel_return(uow, number, reason=CANCEL_REASON, by=service, at=_at(last))
    return_end.close_finished(uow, by=service, at=_at(last))
