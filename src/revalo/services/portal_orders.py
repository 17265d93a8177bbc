"""The shop's delivered orders, that customers return from on the portal: recorded one at a
time (the API, the command) or imported from a CSV file of their lines, all or nothing.

A file has one row per order line; the rows of one order repeat its head (customer, e-mail,
postcode, days, client), which must agree. Every problem is named by its line: a bad value,
an order recorded already, a customer, product or client that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from revalo.domain.errors import AlreadyExists, DomainError, InvalidValue
from revalo.domain.people import Permission, User
from revalo.domain.portal import CustomerOrder, OrderLine
from revalo.services.clients import owner_for_new
from revalo.services.common import found
from revalo.services.csv_records import named, read_table
from revalo.services.guard import needs, reads, record_done
from revalo.services.import_checks import RowError, parse_when
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried

COLUMNS = (
    "order_ref",
    "customer_code",
    "email",
    "postcode",
    "placed_at",
    "delivered_at",
    "line_no",
    "sku",
    "quantity",
    "unit_price",
    "serial",
    "client_code",
)
REQUIRED = ("order_ref", "customer_code", "placed_at", "line_no", "sku", "quantity", "unit_price")
#: What the rows of one order repeat, and must agree on.
HEAD = ("customer_code", "email", "postcode", "placed_at", "delivered_at", "client_code")


class BadOrderRows(InvalidValue):
    """Rows of an order file that cannot be imported: every one named, nothing imported."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(
            f"{len(errors)} bad row(s), nothing is imported: {named(errors)}", field="csv"
        )
        self.errors = errors


def check_order(uow: UnitOfWork, order: CustomerOrder) -> None:
    """Refuse an order that cannot be recorded: its customer, client or a product unknown,
    no way for its customer to prove it, or recorded already. Inside an open unit of work."""
    found(
        uow.customers.get(order.customer_code),
        f"no customer with code {order.customer_code!r}",
        "customer_code",
    )
    order.client_code = owner_for_new(uow, order.client_code)
    if not order.email and not order.postcode:
        raise InvalidValue("an order needs its e-mail or postcode", field="email")
    for ln in order.lines:
        found(uow.products.get(ln.sku), f"no product with SKU {ln.sku!r}", "sku")
    if uow.portal.order(order.order_ref) is not None:
        raise AlreadyExists(f"order {order.order_ref} is recorded already", field="order_ref")


@needs(Permission.MANAGE_CUSTOMERS)
@retried
def record_order(uow: UnitOfWork, order: CustomerOrder, *, by: User) -> CustomerOrder:
    """Record an order the shop delivered, so that its customer may return from it."""
    with uow:
        check_order(uow, order)
        uow.portal.add_order(order)
        uow.commit()
    return order


@reads(Permission.MANAGE_CUSTOMERS)
def get_order(uow: UnitOfWork, order_ref: str, *, by: User) -> CustomerOrder:
    """A recorded order by its reference."""
    with uow.read_only() as reading:
        ref = order_ref.strip().upper()
        return found(reading.portal.order(ref), f"no order {ref!r}", "order_ref")


@dataclass(frozen=True, slots=True)
class _Row:
    order_ref: str
    head: tuple[str, ...]
    line: OrderLine


def _whole(text: str, column: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise InvalidValue(f"{column} {text!r} must be a whole number", field=column) from None


def _row(values: dict[str, str]) -> _Row:
    ref = values.get("order_ref", "").strip().upper()
    if not ref:
        raise InvalidValue("an order needs its reference", field="order_ref")
    if not values.get("placed_at", "").strip():
        raise InvalidValue("a line needs the day its order was placed", field="placed_at")
    for column in ("placed_at", "delivered_at"):
        text = values.get(column, "").strip()
        if text:
            try:
                parse_when(text)
            except ValueError:
                raise InvalidValue(
                    f"{column} {text!r} is not a date (YYYY-MM-DD or ISO 8601)", field=column
                ) from None
    price_text = values.get("unit_price", "").strip().replace(",", ".")
    try:
        price = Decimal(price_text).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise InvalidValue(
            f"unit_price {price_text!r} is not an amount in EUR", field="unit_price"
        ) from None
    sku = values.get("sku", "").strip().upper()
    if not sku:
        raise InvalidValue("a line needs its SKU", field="sku")
    line = OrderLine(
        _whole(values.get("line_no", ""), "line_no"),
        sku,
        _whole(values.get("quantity", ""), "quantity"),
        price,
        values.get("serial", "").strip() or None,
    )
    head = tuple(values.get(c, "").strip() for c in HEAD)
    return _Row(ref, head, line)


def _order(ref: str, head: tuple[str, ...], lines: list[OrderLine]) -> CustomerOrder:
    values = dict(zip(HEAD, head, strict=True))
    return CustomerOrder(
        ref,
        values["customer_code"].upper(),
        values["email"],
        values["postcode"],
        parse_when(values["placed_at"]),
        parse_when(values["delivered_at"]) if values["delivered_at"] else None,
        lines,
        values["client_code"].upper() or None,
    )


def read_orders(lines: Iterable[str]) -> tuple[list[tuple[int, CustomerOrder]], list[RowError]]:
    """The orders of a file, each with the line it starts on, and every problem of its rows."""
    rows, errors = read_table(lines, COLUMNS, REQUIRED, _row, "order line")
    heads: dict[str, tuple[int, tuple[str, ...]]] = {}
    grouped: dict[str, list[OrderLine]] = {}
    seen: dict[tuple[str, int], int] = {}
    for line, row in rows:
        first, head = heads.setdefault(row.order_ref, (line, row.head))
        if head != row.head:
            differ = [c for c, a, b in zip(HEAD, head, row.head, strict=True) if a != b]
            errors.append(
                RowError(line, differ[0], f"order {row.order_ref} says otherwise on line {first}")
            )
            continue
        key = (row.order_ref, row.line.line_no)
        if key in seen:
            errors.append(
                RowError(line, "line_no", f"line {key[1]} of {key[0]} is on line {seen[key]}")
            )
            continue
        seen[key] = line
        grouped.setdefault(row.order_ref, []).append(row.line)
    orders: list[tuple[int, CustomerOrder]] = []
    for ref, (first, head) in heads.items():
        if ref in grouped:
            try:
                orders.append((first, _order(ref, head, grouped[ref])))
            except DomainError as exc:
                errors.append(RowError(first, exc.field, exc.message))
    return orders, errors


@needs(Permission.MANAGE_CUSTOMERS)
@retried
def import_orders(uow: UnitOfWork, lines: Sequence[str], *, by: User) -> list[CustomerOrder]:
    """Every order of the file (its text lines) is recorded, or none: each bad row is
    named."""
    with uow:
        orders, errors = read_orders(lines)
        for line, order in orders:
            try:
                check_order(uow, order)
            except DomainError as exc:
                errors.append(RowError(line, exc.field, exc.message))
        if errors:
            raise BadOrderRows(sorted(errors, key=lambda e: e.line))
        for _, order in orders:
            uow.portal.add_order(order)
        record_done(uow, by, "import_orders", "orders", detail=f"{len(orders)} orders")
        uow.commit()
    return [order for _, order in orders]
