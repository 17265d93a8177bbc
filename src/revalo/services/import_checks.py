"""Checking the rows of a return import against what is known: customers, products and
clients that exist, orders imported already, and the rows of one order agreeing (see
``services/import_rows.py``, which reads the file)."""

from __future__ import annotations

import functools
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from revalo.domain.clients import owner_label
from revalo.domain.values import as_utc


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of one row; line 1 is the header. ``column`` is None for the whole row."""

    line: int
    column: str | None
    message: str


@dataclass(frozen=True, slots=True)
class RowRefs:
    """What a row names, normalised: checked against the database in one go."""

    line: int
    order_ref: str
    customer_code: str
    sku: str
    delivered_at: str
    requested_at: str
    #: The client whose goods the order is ("": the provider's own).
    client: str = ""


@functools.lru_cache(maxsize=4096)
def parse_when(text: str) -> datetime:
    """An ISO 8601 date (midnight UTC) or date and time (UTC when no offset is given).
    A file repeats its dates: each is parsed once, and its rows share the one value."""
    if len(text) <= 10:
        d = date.fromisoformat(text)
        return datetime(d.year, d.month, d.day, tzinfo=UTC)
    return as_utc(datetime.fromisoformat(text))


@dataclass(slots=True)
class NamedLines:
    """The lines of a file that name each customer, each product (with the row's client,
    "" for the provider's own goods) and each order: what the database is asked about,
    once for the whole file, and where each answer is reported."""

    customers: dict[str, list[int]] = field(default_factory=dict)
    products: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    orders: dict[str, list[int]] = field(default_factory=dict)

    def add(self, r: RowRefs) -> None:
        if r.customer_code:
            self.customers.setdefault(r.customer_code, []).append(r.line)
        if r.sku or r.client:
            self.products.setdefault((r.sku, r.client), []).append(r.line)
        if r.order_ref:
            self.orders.setdefault(r.order_ref, []).append(r.line)

    @property
    def skus(self) -> set[str]:
        return {sku for sku, _ in self.products if sku}

    @property
    def clients(self) -> set[str]:
        return {client for _, client in self.products if client}

    def __bool__(self) -> bool:
        return bool(self.customers or self.products or self.orders)


def check_references(
    named: NamedLines,
    *,
    customers: Container[str],
    skus: Container[str],
    imported_refs: Container[str],
    clients: Mapping[str, bool] | None = None,
    owners: Mapping[str, str | None] | None = None,
) -> list[RowError]:
    """Customers, products and clients that do not exist, inactive clients, products of
    another client than the row's, orders that were imported already: an error on every
    line naming one. ``clients``: whether each client is active; ``owners``: the client of
    each product."""
    errors = []
    clients, owners = clients or {}, owners or {}
    for code, lines in named.customers.items():
        if code not in customers:
            errors += [
                RowError(n, "customer_code", f"no customer with code {code!r}") for n in lines
            ]
    for (sku, client), lines in named.products.items():
        problems = []
        if sku and sku not in skus:
            problems.append(("sku", f"no product with SKU {sku!r}"))
        if client and client not in clients:
            problems.append(("client", f"no client with code {client!r}"))
        elif client and not clients[client]:
            problems.append(("client", f"client {client} is inactive"))
        owner = owners.get(sku)
        if owner is not None and owner != (client or None):
            msg = f"product {sku} belongs to {owner_label(owner)}, not to " + owner_label(
                client or None
            )
            problems.append(("sku", msg))
        errors += [RowError(n, column, msg) for n in lines for column, msg in problems]
    for ref, lines in named.orders.items():
        if ref in imported_refs:
            msg = f"order_ref {ref!r} was imported already"
            errors += [RowError(n, "order_ref", msg) for n in lines]
    return errors


def _same_when(a: str, b: str) -> bool:
    """Two ways of writing one instant are the same; what does not parse is compared as text
    (its form is reported on its own)."""
    if a == b:
        return True
    try:
        return (parse_when(a) if a else None) == (parse_when(b) if b else None)
    except (ValueError, OverflowError):
        return a == b


class OrderHeads:
    """The rows of one order are one return: they must agree on its customer, client and
    dates. Each row is compared with the first row of its order as the file is read."""

    def __init__(self) -> None:
        self._first: dict[str, RowRefs] = {}

    def differences(self, r: RowRefs) -> list[RowError]:
        head = self._first.setdefault(r.order_ref, r)
        if head is r or not r.order_ref:
            return []
        errors = []
        for column, same in (
            ("customer_code", r.customer_code == head.customer_code),
            ("client", r.client == head.client),
            ("delivered_at", _same_when(r.delivered_at, head.delivered_at)),
            ("requested_at", _same_when(r.requested_at, head.requested_at)),
        ):
            if not same:
                msg = f"{column} differs from line {head.line} of order {r.order_ref!r}"
                errors.append(RowError(r.line, column, msg))
        return errors
