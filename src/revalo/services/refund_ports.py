"""What the refunds' use cases need from the outside: one repository, on the unit of work
as ``uow.refunds``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from revalo.domain.after_sales import RefundCase
from revalo.domain.refunds import Refund


@dataclass(frozen=True, slots=True)
class CaseFilter:
    #: Only the cases still owing something (True), only the settled ones (False).
    open: bool | None = None
    client_code: str | None = None
    #: Only the cases whose notice is on or after this day.
    notified_from: date | None = None
    limit: int = 5_000


@dataclass(frozen=True, slots=True)
class RefundRow:
    """One payment back as finance books it, with the return it settles."""

    refund: Refund
    customer_code: str
    client_code: str | None
    order_ref: str
    outcome: str
    paid: str


class RefundRepository(Protocol):
    def add_case(self, case: RefundCase) -> None: ...
    def case(self, return_number: str) -> RefundCase | None:
        """The case with its refunds (the caller locks the return first when it changes it)."""
        ...

    def add_refund(self, case: RefundCase, refund: Refund, at: datetime) -> None:
        """Store a refund ``case.record`` accepted (recorded ``at``), and the day the case
        settled."""
        ...

    def save_dates(self, case: RefundCase) -> None:
        """Store the case's withdrawal dates again (goods received, proof of sending)."""
        ...

    def cases(self, flt: CaseFilter) -> Sequence[RefundCase]:
        """By deadline, then return number."""
        ...

    def refunds_between(
        self, start: date, end: date, *, client_code: str | None = None
    ) -> Sequence[RefundRow]:
        """The refunds paid from ``start`` (inclusive) to ``end`` (exclusive), by day."""
        ...
