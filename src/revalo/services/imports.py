"""Import return requests from CSV: check every row first, then import all or nothing.

Checking reads the file in one pass (``services/import_rows.py``), then looks up what its
rows name in one go, so that 100,000 lines are checked without a query per row. The import
then has the return policy decide every return in Python, as ``request_return`` does
(``services/import_decisions.py``), with no transaction open, and writes them all in one
short transaction of a few statements of many rows each (``services/import_ports.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from revalo.domain.errors import InvalidValue
from revalo.domain.people import Permission, User
from revalo.domain.policy import ReturnPolicy
from revalo.domain.returns import ReturnState
from revalo.domain.values import as_utc, utcnow
from revalo.services.csv_records import Records
from revalo.services.guard import needs
from revalo.services.import_checks import RowError, check_references
from revalo.services.import_decisions import decide_returns, ensure_unchanged, new_returns
from revalo.services.import_ports import ImportReferences, NewReturn
from revalo.services.import_rows import (
    COLUMNS,
    REQUIRED_COLUMNS,
    FileRows,
    PlannedReturn,
    Progress,
)
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.returns import PolicyVerdict

#: Returns written per statement (their lines in another): few statements for any file,
#: and only so many rows held at once for writing.
WRITE_CHUNK = 5_000
#: What a file naming nothing refers to.
NO_REFERENCES = ImportReferences({}, {}, {}, (), frozenset())

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
    #: What the rows name, as the check read it: what the import's decisions stand on.
    references: ImportReferences = field(default_factory=lambda: NO_REFERENCES)

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

    def count(self, rma: NewReturn) -> None:
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
    named, refs, reference_errors = rows.named, NO_REFERENCES, []
    if named:
        with uow.read_only() as reading:
            refs = reading.return_imports.references(
                skus=named.skus,
                customers=named.customers.keys(),
                clients=named.clients,
                order_refs=named.orders.keys(),
                day=now.astimezone(UTC).date(),
            )
        reference_errors = check_references(
            named,
            customers=refs.customers,
            skus=refs.products,
            imported_refs=refs.imported,
            clients=refs.clients,
            owners={sku: terms.client_code for sku, terms in refs.products.items()},
        )
    # Sorted by line and column; the errors of one line and column in the order of the checks.
    errors = rows.form_errors + reference_errors + rows.order_errors + rows.plan_errors
    return CheckResult(
        list(rows.plans.values()),
        sorted(errors, key=_order),
        rows.count,
        separator=records.separator,
        references=refs,
    )


def _order(e: RowError) -> tuple[int, int]:
    return e.line, COLUMNS.index(e.column) if e.column in COLUMNS else -1


# -- importing --------------------------------------------------------------------------------
@needs(Permission.IMPORT_RETURNS)
def import_returns(
    uow: UnitOfWork,
    policy: ReturnPolicy,
    checked: CheckResult,
    *,
    by: User,
    dry_run: bool = False,
    on_progress: Progress | None = None,
    on_store: Callable[[UnitOfWork, ImportSummary], None] | None = None,
) -> ImportSummary:
    """Request every planned return at once: all are written, or none.

    The policy decides every return first, with no transaction open, from what the check
    read; then one short transaction checks that none of that changed and writes them all.
    A dry run writes as well, then rolls back: its summary says exactly what the import
    would do (policy decisions and numbers included) and nothing is kept. ``on_store`` is
    called in the transaction that writes them, before it commits (not on a dry run).
    """
    if not checked.ok:
        raise InvalidValue(f"{len(checked.errors)} bad row(s): nothing is imported")
    verdicts = decide_returns(policy, checked.returns, checked.references)
    return _write(
        uow, checked, verdicts, dry_run=dry_run, on_progress=on_progress, on_store=on_store
    )


@retried
def _write(
    uow: UnitOfWork,
    checked: CheckResult,
    verdicts: list[PolicyVerdict],
    *,
    dry_run: bool,
    on_progress: Progress | None,
    on_store: Callable[[UnitOfWork, ImportSummary], None] | None = None,
) -> ImportSummary:
    plans, read = checked.returns, checked.references
    summary = ImportSummary()
    with uow:
        store = uow.return_imports
        store.hold()
        now = store.references(
            skus=read.products.keys(),
            customers=read.customers.keys(),
            clients=read.clients.keys(),
            order_refs=[p.order_ref for p in plans],
        )
        ensure_unchanged(read, now)
        numbers = uow.sequences.reserve("rma", len(plans))
        for start in range(0, len(plans), WRITE_CHUNK):
            end = start + WRITE_CHUNK
            chunk = list(new_returns(plans[start:end], verdicts[start:end], numbers[start:end]))
            store.add(chunk)
            for rma in chunk:
                summary.count(rma)
            if on_progress:
                on_progress(len(chunk))
        if not dry_run:
            if on_store is not None:
                on_store(uow, summary)
            uow.commit()
            summary.committed = True
    return summary
