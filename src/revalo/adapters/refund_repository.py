"""The refund cases on SQLAlchemy Core: rows converted to the domain's values and back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.orm_after_sales import refund_cases, refunds
from revalo.domain.after_sales import RefundCase
from revalo.domain.refunds import Refund, Withdrawal
from revalo.domain.returns import ReturnState
from revalo.services.refund_ports import CaseFilter, RefundRow

_C, _R, _RMA = refund_cases.c, refunds.c, orm.return_requests.c


def _case_select() -> sa.Select[Any]:
    return sa.select(
        refund_cases, _RMA.number, _RMA.customer_code, _RMA.client_code, _RMA.order_ref
    ).join(orm.return_requests, _RMA.id == _C.rma_id)


def _refund(number: str, r: Any) -> Refund:
    return Refund(
        return_id=number,
        amount=r.amount,
        method=r.method,
        paid_on=r.paid_on,
        by=r.recorded_by,
        partial_reason=r.partial_reason,
        note=r.note,
    )


class SqlRefundRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        #: The returns' ids by number, as the cases loaded or stored in this session say.
        self._ids: dict[str, int] = {}

    def _rma_id(self, number: str) -> int:
        known = self._ids.get(number)
        if known is not None:
            return known
        found = self.session.scalar(sa.select(_RMA.id).where(_RMA.number == number))
        if found is None:
            raise LookupError(f"no return {number}")
        self._ids[number] = int(found)
        return int(found)

    def add_case(self, case: RefundCase) -> None:
        w = case.withdrawal
        self.session.execute(
            refund_cases.insert().values(
                rma_id=self._rma_id(case.return_number),
                paid=case.paid,
                outcome=case.outcome,
                notified_on=w.notified_on,
                goods_received_on=w.goods_received_on,
                proof_of_sending_on=w.proof_of_sending_on,
                deadline=case.deadline,
                settled_on=case.settled_on,
                opened_by=case.opened_by,
                opened_at=case.opened_at,
            )
        )
        for refund in case.refunds:
            self._insert(case, refund, case.opened_at)

    def _insert(self, case: RefundCase, refund: Refund, at: datetime) -> None:
        self.session.execute(
            refunds.insert().values(
                rma_id=self._rma_id(case.return_number),
                amount=refund.amount,
                method=refund.method,
                paid_on=refund.paid_on,
                recorded_by=refund.by,
                partial_reason=refund.partial_reason,
                note=refund.note,
                recorded_at=at,
            )
        )

    def add_refund(self, case: RefundCase, refund: Refund, at: datetime) -> None:
        self._insert(case, refund, at)
        self._update(case, settled_on=case.settled_on)

    def save_dates(self, case: RefundCase) -> None:
        w = case.withdrawal
        self._update(
            case,
            goods_received_on=w.goods_received_on,
            proof_of_sending_on=w.proof_of_sending_on,
        )

    def _update(self, case: RefundCase, **values: Any) -> None:
        rma_id = self._rma_id(case.return_number)
        self.session.execute(refund_cases.update().where(_C.rma_id == rma_id).values(**values))

    def case(self, return_number: str) -> RefundCase | None:
        found = self._cases(_case_select().where(_RMA.number == return_number))
        return found[0] if found else None

    def cases(self, flt: CaseFilter) -> Sequence[RefundCase]:
        stmt = _case_select()
        if flt.open is not None:
            stmt = stmt.where(_C.settled_on.is_(None) if flt.open else _C.settled_on.is_not(None))
        if flt.open:
            # A cancelled return owes nothing back any more.
            stmt = stmt.where(_RMA.state != ReturnState.CANCELLED)
        if flt.client_code:
            stmt = stmt.where(_RMA.client_code == flt.client_code)
        if flt.notified_from is not None:
            stmt = stmt.where(_C.notified_on >= flt.notified_from)
        return self._cases(stmt.order_by(_C.deadline, _RMA.number).limit(flt.limit))

    def _cases(self, stmt: sa.Select[Any]) -> list[RefundCase]:
        rows = self.session.execute(stmt).all()
        paid_back: dict[int, list[Refund]] = defaultdict(list)
        ids = [r.rma_id for r in rows]
        numbers = {r.rma_id: r.number for r in rows}
        self._ids.update((n, i) for i, n in numbers.items())
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            query = sa.select(refunds).where(_R.rma_id.in_(chunk)).order_by(_R.paid_on, _R.id)
            for r in self.session.execute(query):
                paid_back[r.rma_id].append(_refund(numbers[r.rma_id], r))
        return [
            RefundCase(
                return_number=r.number,
                paid=r.paid,
                outcome=r.outcome,
                withdrawal=Withdrawal(r.notified_on, r.goods_received_on, r.proof_of_sending_on),
                opened_by=r.opened_by,
                opened_at=r.opened_at,
                refunds=paid_back[r.rma_id],
                customer_code=r.customer_code,
                client_code=r.client_code,
            )
            for r in rows
        ]

    def refunds_between(
        self, start: date, end: date, *, client_code: str | None = None
    ) -> Sequence[RefundRow]:
        stmt = (
            sa.select(
                refunds,
                _RMA.number,
                _RMA.customer_code,
                _RMA.client_code,
                _RMA.order_ref,
                _C.outcome,
                _C.paid,
            )
            .join(refund_cases, _C.rma_id == _R.rma_id)
            .join(orm.return_requests, _RMA.id == _R.rma_id)
            .where(_R.paid_on >= start, _R.paid_on < end)
        )
        if client_code:
            stmt = stmt.where(_RMA.client_code == client_code)
        stmt = stmt.order_by(_R.paid_on, _R.id)
        return [
            RefundRow(
                refund=_refund(r.number, r),
                customer_code=r.customer_code,
                client_code=r.client_code,
                order_ref=r.order_ref,
                outcome=r.outcome.value,
                paid=str(r.paid),
            )
            for r in self.session.execute(stmt)
        ]
