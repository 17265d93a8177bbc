"""The rows of a file of returns: the form of each value, and the returns they make (the
rows sharing an order reference are one return with several lines).

A file is read in one pass (``FileRows.read``): each row is checked and added to its
return as it comes, and only what the rest of the check needs is kept of it (its line in
the lists of the lines naming each customer, product and order). Nothing of the database
is asked here: ``services/imports.py`` looks up what the rows name afterwards, in one go.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from revalo.domain.returns import ReturnReason
from revalo.services.csv_records import SEPARATOR_NAMES, SEPARATORS
from revalo.services.import_checks import NamedLines, OrderHeads, RowError, RowRefs, parse_when
from revalo.services.returns import LineRequest

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


class FileRows:
    """What one pass over the records of a file gathers: the planned returns, each error of
    form, of dates, of serials repeated and of rows of one order that disagree, and the
    lines naming each customer, product and order (checked against the database after)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        #: Rows read, the header apart.
        self.count = 0
        self.plans: dict[str, PlannedReturn] = {}
        self.named = NamedLines()
        self.form_errors: list[RowError] = []
        self.order_errors: list[RowError] = []
        self.plan_errors: list[RowError] = []
        self._heads = OrderHeads()
        #: The line of each serial, by SKU.
        self._serials: dict[str, dict[str, int]] = {}
        self._texts: dict[str, str] = {}

    def _same(self, text: str) -> str:
        """One string for each value repeated down the file (codes, dates): a file of
        100,000 rows names a few thousand customers and products."""
        return self._texts.setdefault(text, text)

    def read(
        self, records: Iterable[tuple[int, list[str]]], on_progress: Progress | None = None
    ) -> None:
        it = iter(records)
        first = next(it, None)
        if first is None:
            self.form_errors.append(RowError(1, None, "the file is empty: it needs a header row"))
            return
        header_line, header = first
        self.form_errors += check_header(header)
        if self.form_errors:
            return
        names = [h.strip().lower() for h in header]
        line, reported = header_line, header_line
        for line, record in it:
            self.count += 1
            if on_progress and self.count % PROGRESS_EVERY == 0:
                on_progress(line - reported)
                reported = line
            if len(record) != len(names):
                msg = f"has {len(record)} fields where the header has {len(names)}"
                self.form_errors.append(RowError(line, None, msg))
                continue
            values = dict(zip(names, record, strict=True))
            same = self._same
            refs = RowRefs(
                line,
                values["order_ref"].strip(),
                same(values["customer_code"].strip().upper()),
                same(values["sku"].strip().upper()),
                same(values["delivered_at"].strip()),
                same(values.get("requested_at", "").strip()),
                same(values.get("client", "").strip().upper()),
            )
            self.named.add(refs)
            self.order_errors += self._heads.differences(refs)
            row, problems = parse_row(line, values)
            self.form_errors += problems
            if row is not None:
                self._plan(row)
        if self.count == 0:
            self.form_errors.append(RowError(1, None, "the file has a header but no rows"))
        if on_progress and self.count % PROGRESS_EVERY:
            on_progress(line - reported)

    def _plan(self, row: ReturnRow) -> None:
        """Add a well-formed row to its return; check its dates against now, and its serial
        against the rows before."""

        def bad(column: str, message: str) -> None:
            self.plan_errors.append(RowError(row.line, column, message))

        requested = row.requested_at or self.now
        if row.requested_at and row.requested_at > self.now:
            bad("requested_at", "requested_at is in the future")
        if row.delivered_at and row.delivered_at > requested:
            later = "after requested_at" if row.requested_at else "in the future"
            bad("delivered_at", f"delivered_at is {later}")
        sku = self._same(row.sku)
        if row.serial:
            seen = self._serials.setdefault(sku, {}).setdefault(row.serial, row.line)
            if seen != row.line:
                bad("serial", f"serial {row.serial!r} of {sku} is already on line {seen}")
        plan = self.plans.get(row.order_ref)
        if plan is None:
            plan = PlannedReturn(
                row.order_ref,
                self._same(row.customer_code),
                row.delivered_at,
                requested,
                client_code=self._same(row.client_code) if row.client_code else None,
            )
            self.plans[row.order_ref] = plan
        plan.lines.append(LineRequest(sku, row.quantity, row.reason, row.serial, row.comment))
        plan.file_lines.append(row.line)
