"""Import return requests from CSV: check every row first, then import all or nothing.

Checking reads the file in one pass (``services/import_rows.py``), then looks up what its
rows name in one go, so that 100,000 lines are checked without a query per row. The import then drives every return through the same use case
as the API (``request_return``, the return policy applies) inside one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from revalo.domain.errors import AlreadyExists, DomainError, InvalidValue
from revalo.domain.people import Permission, User
from revalo.domain.policy import ReturnPolicy
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.domain.values import as_utc, utcnow
from revalo.services.csv_records import Records
from revalo.services.guard import needs
from revalo.services.import_checks import RowError, check_references
from revalo.services.import_rows import (
    COLUMNS,
    REQUIRED_COLUMNS,
    FileRows,
    PlannedReturn,
    Progress,
)
from revalo.services.ports import BatchUnitOfWork, UnitOfWork
from revalo.services.returns import request_return

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "CheckResult",
    "ImportSummary",
    "InvalidValue",
    "PlannedReturn",
    "RowError",
    "check_returns",
    "import_returns",
]


@dataclass(frozen=True, slots=True)
class CheckResult:
    returns: list[PlannedReturn]
    errors: list[RowError]
    rows: int
    #: The separator the file uses (a comma, a semicolon or a tab).
    separator: str = ","

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def line_count(self) -> int:
        return sum(len(r.lines) for r in self.returns)

    @property
    def unit_count(self) -> int:
        return sum(ln.quantity for r in self.returns for ln in r.lines)


@dataclass(slots=True)
class ImportSummary:
    returns: int = 0
    lines: int = 0
    units: int = 0
    by_state: dict[ReturnState, int] = field(default_factory=dict)
    first_number: str | None = None
    last_number: str | None = None
    committed: bool = False

    def count(self, rma: ReturnRequest) -> None:
        self.returns += 1
        self.lines += len(rma.lines)
        self.units += sum(ln.quantity for ln in rma.lines)
        self.by_state[rma.state] = self.by_state.get(rma.state, 0) + 1
        self.first_number = self.first_number or rma.number
        self.last_number = rma.number


# -- checking ---------------------------------------------------------------------------------
def check_returns(
    uow: UnitOfWork,
    lines: Iterable[str],
    *,
    now: datetime | None = None,
    on_progress: Progress | None = None,
) -> CheckResult:
    """Read and check a whole file. ``lines`` are its text lines with their line ends: the
    file opened with ``newline=""``, or ``decode_lines`` over the file opened in binary.
    What the rows name is looked up in one read-only unit of work: no lock is held."""
    now = as_utc(now) if now else utcnow()
    records = Records(lines)
    rows = FileRows(now)
    rows.read(records, on_progress)
    named, reference_errors = rows.named, []
    if named:
        with uow.read_only() as reading:
            customers = reading.customers.existing_codes(set(named.customers))
            owners = {p.sku: p.client_code for p in reading.products.all()}
            clients = {c.code: c.active for c in reading.clients.list()}
            imported = reading.returns.existing_order_refs(set(named.orders))
        reference_errors = check_references(
            named,
            customers=customers,
            skus=set(owners),
            imported_refs=imported,
            clients=clients,
            owners=owners,
        )
    # Sorted by line and column; the errors of one line and column in the order of the checks.
    errors = rows.form_errors + reference_errors + rows.order_errors + rows.plan_errors
    return CheckResult(
        list(rows.plans.values()),
        sorted(errors, key=_order),
        rows.count,
        separator=records.separator,
    )


def _order(e: RowError) -> tuple[int, int]:
    return e.line, COLUMNS.index(e.column) if e.column in COLUMNS else -1


# -- importing --------------------------------------------------------------------------------
class _Rehearsal(Exception):
    """Raised to roll back a dry run once every return went through."""


@needs(Permission.IMPORT_RETURNS)
def import_returns(
    uow: BatchUnitOfWork,
    policy: ReturnPolicy,
    checked: CheckResult,
    *,
    by: User,
    dry_run: bool = False,
    on_progress: Progress | None = None,
) -> ImportSummary:
    """Request every planned return in one transaction: all are written, or none.

    A dry run goes through every use case as well, then rolls back: its summary says
    exactly what the import would do (policy decisions included) and nothing is kept.
    """
    if not checked.ok:
        raise InvalidValue(f"{len(checked.errors)} bad row(s): nothing is imported")
    summary = ImportSummary()
    try:
        # All or nothing: a failed return fails the whole import, so no savepoint per return.
        with uow.batch(isolate_failures=False):
            _import_all(uow, policy, checked.returns, by, summary, on_progress)
            if dry_run:
                raise _Rehearsal
    except _Rehearsal:
        return summary
    summary.committed = True
    return summary


def _import_all(
    uow: BatchUnitOfWork,
    policy: ReturnPolicy,
    plans: list[PlannedReturn],
    by: User,
    summary: ImportSummary,
    on_progress: Progress | None,
) -> None:
    # Checked again inside the transaction: another import may have landed since the check.
    with uow:
        clash = uow.returns.existing_order_refs({p.order_ref for p in plans})
        # The session keeps loaded objects only while something refers to them: holding the
        # catalogue here spares every use case from loading it again.
        held: list[object] = [*uow.products.all(), *uow.sites.list(), *uow.clients.list()]
        held += [uow.customers.get(c) for c in {p.customer_code for p in plans}]
    if clash:
        refs = ", ".join(sorted(clash)[:5])
        raise AlreadyExists(f"order_ref imported meanwhile: {refs}", field="order_ref")
    pending = 0
    for plan in plans:
        try:
            rma = request_return(
                uow,
                policy,
                customer_code=plan.customer_code,
                lines=plan.lines,
                delivered_at=plan.delivered_at,
                requested_at=plan.requested_at,
                order_ref=plan.order_ref,
                by=by,
                client_code=plan.client_code,
            )
        except DomainError as exc:
            where = f"line {plan.file_lines[0]} (order {plan.order_ref!r})"
            raise type(exc)(f"{where}: {exc.message}", field=exc.field) from exc
        summary.count(rma)
        pending += 1
        if on_progress and (pending == 100 or summary.returns == len(plans)):
            on_progress(pending)
            pending = 0
