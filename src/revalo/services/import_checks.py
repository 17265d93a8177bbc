"""Checking the rows of a return import against what is known: customers, products and
clients that exist, orders imported already, and the rows of one order agreeing (see
``services/imports.py``, which reads the file and imports it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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


def parse_when(text: str) -> datetime:
    """An ISO 8601 date (midnight UTC) or date and time (UTC when no offset is given)."""
    if len(text) <= 10:
        d = date.fromisoformat(text)
        return datetime(d.year, d.month, d.day, tzinfo=UTC)
    return as_utc(datetime.fromisoformat(text))


def check_references(
    refs: Iterable[RowRefs],
    *,
    customers: set[str],
    skus: set[str],
    imported_refs: set[str],
    clients: dict[str, bool] | None = None,
    owners: dict[str, str | None] | None = None,
) -> list[RowError]:
    """Customers, products and clients that do not exist, inactive clients, products of
    another client than the row's, orders that were imported already. ``clients``: whether
    each client is active; ``owners``: the client of each product."""
    errors = []
    clients, owners = clients or {}, owners or {}
    for r in refs:
        if r.customer_code and r.customer_code not in customers:
            errors.append(
                RowError(r.line, "customer_code", f"no customer with code {r.customer_code!r}")
            )
        if r.sku and r.sku not in skus:
            errors.append(RowError(r.line, "sku", f"no product with SKU {r.sku!r}"))
        if r.client and r.client not in clients:
            errors.append(RowError(r.line, "client", f"no client with code {r.client!r}"))
        elif r.client and not clients[r.client]:
            errors.append(RowError(r.line, "client", f"client {r.client} is inactive"))
        owner = owners.get(r.sku)
        if owner is not None and owner != (r.client or None):
            msg = f"product {r.sku} belongs to {owner_label(owner)}, not to " + owner_label(
                r.client or None
            )
            errors.append(RowError(r.line, "sku", msg))
        if r.order_ref and r.order_ref in imported_refs:
            msg = f"order_ref {r.order_ref!r} was imported already"
            errors.append(RowError(r.line, "order_ref", msg))
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


def check_orders(refs: Iterable[RowRefs]) -> list[RowError]:
    """The rows of one order are one return: they must agree on its customer and dates."""
    first: dict[str, RowRefs] = {}
    errors = []
    for r in refs:
        head = first.setdefault(r.order_ref, r)
        if head is r or not r.order_ref:
            continue
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
