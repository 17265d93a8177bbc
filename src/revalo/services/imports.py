"""Import return requests from CSV: check every row first, then import all or nothing.

Checking is pure (rows in, errors or planned returns out) apart from one lookup of the
known customers, products and order references, so that 100,000 lines are checked
without a query per row. The import then drives every return through the same use case
as the API (``request_return``, the return policy applies) inside one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from revalo.domain.errors import AlreadyExists, DomainError, InvalidValue
from revalo.domain.people import Permission, User
from revalo.domain.policy import ReturnPolicy
from revalo.domain.returns import ReturnReason, ReturnRequest, ReturnState
from revalo.domain.values import as_utc, utcnow
from revalo.services.csv_records import (
    SEPARATOR_NAMES,
    SEPARATORS,
    Records,
)
from revalo.services.guard import needs
from revalo.services.import_checks import (
    RowError,
    RowRefs,
    check_orders,
    check_references,
    parse_when,
)
from revalo.services.ports import UnitOfWork
from revalo.services.returns import LineRequest, request_return

COLUMNS = (
    "order_ref",
    "customer_code",
    "delivered_at",
    "requested_at",
    "sku",
    "quantity",
    "reason",
    "serial",
    "comment",
    "client",
)
REQUIRED_COLUMNS = ("order_ref", "customer_code", "delivered_at", "sku", "quantity", "reason")
MAX_QUANTITY = 10_000
#: Lengths the database keeps (return_requests.order_ref, return_lines.serial).
MAX_ORDER_REF, MAX_SERIAL = 60, 40
#: Progress is reported every so many rows: often enough for a bar, rarely enough to be free.
PROGRESS_EVERY = 1_000

_QUANTITY = re.compile(r"^[0-9]+$")
_REASONS = ", ".join(r.value for r in ReturnReason)

Progress = Callable[[int], None]


class BatchUnitOfWork(UnitOfWork, Protocol):
    def batch(self, *, isolate_failures: bool = True) -> AbstractContextManager[None]: ...


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """A row whose values have the right form (references not checked yet)."""

    line: int
    order_ref: str
    customer_code: str
    delivered_at: datetime | None
    requested_at: datetime | None
    sku: str
    quantity: int
    reason: ReturnReason
    serial: str | None
    comment: str
    client_code: str | None = None


@dataclass(slots=True)
class PlannedReturn:
    """The rows sharing an order reference: one return request with several lines."""

    order_ref: str
    customer_code: str
    delivered_at: datetime | None
    requested_at: datetime
    lines: list[LineRequest] = field(default_factory=list)
    file_lines: list[int] = field(default_factory=list)
    client_code: str | None = None


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


# -- reading ----------------------------------------------------------------------------------
def check_header(header: list[str]) -> list[RowError]:
    names = [h.strip().lower() for h in header]
    errors = []
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        errors.append(RowError(1, None, f"missing column(s): {', '.join(missing)}"))
    unknown = [h for h in names if h not in COLUMNS]
    if unknown:
        mixed = sorted({SEPARATOR_NAMES[c] for h in unknown for c in SEPARATORS if c in h})
        hint = f" (the header also holds {' and '.join(mixed)}: use one separator)" if mixed else ""
        errors.append(
            RowError(
                1,
                None,
                f"unknown column(s): {', '.join(unknown)}; known: {', '.join(COLUMNS)}{hint}",
            )
        )
    repeated = sorted({h for h in names if names.count(h) > 1})
    if repeated:
        errors.append(RowError(1, None, f"repeated column(s): {', '.join(repeated)}"))
    return errors


def parse_row(line: int, values: dict[str, str]) -> tuple[ReturnRow | None, list[RowError]]:
    """Check the form of every value of one row; all its problems are reported at once."""
    errors: list[RowError] = []

    def bad(column: str, message: str) -> None:
        errors.append(RowError(line, column, message))

    def required(column: str) -> str:
        v = values.get(column, "").strip()
        if not v:
            bad(column, f"{column} is empty")
        return v

    order_ref, customer, sku = required("order_ref"), required("customer_code"), required("sku")
    if len(order_ref) > MAX_ORDER_REF:
        bad("order_ref", f"order_ref is longer than {MAX_ORDER_REF} characters")
    dates: dict[str, datetime | None] = {}
    for column in ("delivered_at", "requested_at"):
        text = values.get(column, "").strip()
        try:
            dates[column] = parse_when(text) if text else None
        except (ValueError, OverflowError):
            bad(column, f"{column} {text!r} is not an ISO date (2024-03-31) or date and time")
    quantity_text = required("quantity")
    quantity = int(quantity_text) if _QUANTITY.match(quantity_text) else 0
    if quantity_text and not 1 <= quantity <= MAX_QUANTITY:
        bad(
            "quantity",
            f"quantity {quantity_text!r} must be a whole number from 1 to {MAX_QUANTITY}",
        )
    reason_text = required("reason")
    reason = None
    if reason_text:
        try:
            reason = ReturnReason(reason_text.lower())
        except ValueError:
            bad("reason", f"reason {reason_text!r} is not one of: {_REASONS}")
    serial = values.get("serial", "").strip() or None
    if serial and len(serial) > MAX_SERIAL:
        bad("serial", f"serial is longer than {MAX_SERIAL} characters")
    if serial and quantity > 1:
        bad("quantity", f"a line with serial {serial!r} is for exactly one unit, not {quantity}")
    if errors or reason is None:
        return None, errors
    row = ReturnRow(
        line=line,
        order_ref=order_ref,
        customer_code=customer.upper(),
        delivered_at=dates["delivered_at"],
        requested_at=dates["requested_at"],
        sku=sku.upper(),
        quantity=quantity,
        reason=reason,
        serial=serial,
        comment=values.get("comment", "").strip(),
        client_code=values.get("client", "").strip().upper() or None,
    )
    return row, []


def parse_records(
    records: Iterable[tuple[int, list[str]]], on_progress: Progress | None = None
) -> tuple[list[ReturnRow], list[RowRefs], list[RowError], int]:
    """Header and rows of a file: the well-formed rows, what every row refers to (checked
    even on rows with other problems, so that each row's problems are all reported at once),
    and every error of form."""
    it = iter(records)
    first = next(it, None)
    if first is None:
        return [], [], [RowError(1, None, "the file is empty: it needs a header row")], 0
    header_line, header = first
    errors = check_header(header)
    if errors:
        return [], [], errors, 0
    names = [h.strip().lower() for h in header]
    rows: list[ReturnRow] = []
    refs: list[RowRefs] = []
    count, line, reported = 0, header_line, header_line
    for line, record in it:
        count += 1
        if on_progress and count % PROGRESS_EVERY == 0:
            on_progress(line - reported)
            reported = line
        if len(record) != len(names):
            msg = f"has {len(record)} fields where the header has {len(names)}"
            errors.append(RowError(line, None, msg))
            continue
        values = dict(zip(names, record, strict=True))
        refs.append(
            RowRefs(
                line,
                values["order_ref"].strip(),
                values["customer_code"].strip().upper(),
                values["sku"].strip().upper(),
                values["delivered_at"].strip(),
                values.get("requested_at", "").strip(),
                values.get("client", "").strip().upper(),
            )
        )
        row, problems = parse_row(line, values)
        errors.extend(problems)
        if row is not None:
            rows.append(row)
    if count == 0:
        errors.append(RowError(1, None, "the file has a header but no rows"))
    if on_progress and count % PROGRESS_EVERY:
        on_progress(line - reported)
    return rows, refs, errors, count


def plan_returns(
    rows: Iterable[ReturnRow], *, now: datetime
) -> tuple[list[PlannedReturn], list[RowError]]:
    """Group rows into returns; check dates against now, and serials repeated in the file."""
    plans: dict[str, PlannedReturn] = {}
    serials: dict[tuple[str, str], int] = {}
    errors: list[RowError] = []
    for row in rows:

        def bad(column: str, message: str, line: int = row.line) -> None:
            errors.append(RowError(line, column, message))

        requested = row.requested_at or now
        if row.requested_at and row.requested_at > now:
            bad("requested_at", "requested_at is in the future")
        if row.delivered_at and row.delivered_at > requested:
            later = "after requested_at" if row.requested_at else "in the future"
            bad("delivered_at", f"delivered_at is {later}")
        if row.serial:
            seen = serials.setdefault((row.sku, row.serial), row.line)
            if seen != row.line:
                bad("serial", f"serial {row.serial!r} of {row.sku} is already on line {seen}")
        plan = plans.get(row.order_ref)
        if plan is None:
            plan = PlannedReturn(
                row.order_ref,
                row.customer_code,
                row.delivered_at,
                requested,
                client_code=row.client_code,
            )
            plans[row.order_ref] = plan
        plan.lines.append(LineRequest(row.sku, row.quantity, row.reason, row.serial, row.comment))
        plan.file_lines.append(row.line)
    return list(plans.values()), errors


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
    rows, refs, errors, count = parse_records(records, on_progress)
    if refs:
        with uow.read_only() as reading:
            customers = reading.customers.existing_codes({r.customer_code for r in refs})
            owners = {p.sku: p.client_code for p in reading.products.all()}
            clients = {c.code: c.active for c in reading.clients.list()}
            imported = reading.returns.existing_order_refs({r.order_ref for r in refs} - {""})
        errors += check_references(
            refs,
            customers=customers,
            skus=set(owners),
            imported_refs=imported,
            clients=clients,
            owners=owners,
        )
        errors += check_orders(refs)
    plans, problems = plan_returns(rows, now=now)
    return CheckResult(
        plans, sorted(errors + problems, key=_order), count, separator=records.separator
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
