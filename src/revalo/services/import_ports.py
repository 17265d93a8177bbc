"""What an import of returns needs from the outside: the bulk reads of what a file names and
the bulk write of its returns. The unit of work of ``services.ports`` carries the store."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from revalo.domain.catalog import CustomerKind
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.domain.values import GeoPoint


@dataclass(frozen=True, slots=True)
class ProductTerms:
    """What an import relies on of a product: the policy's inputs and whose goods it is."""

    category: str
    new_price: Decimal
    client_code: str | None


@dataclass(frozen=True, slots=True)
class Place:
    country: str
    lat: float
    lon: float

    @property
    def point(self) -> GeoPoint:
        return GeoPoint(self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class CustomerPlace(Place):
    """What an import relies on of a customer: the policy's inputs and where they live."""

    kind: CustomerKind
    city: str = ""


@dataclass(frozen=True, slots=True)
class HubPlace(Place):
    """A returns hub, where an authorised return is sent (the customer's nearest)."""

    code: str


@dataclass(frozen=True, slots=True)
class ImportReferences:
    """What the rows of an import name, as the database held it when read: the products,
    customers and clients that exist among those named (by code), every returns hub, and
    the order references named that were imported already."""

    products: dict[str, ProductTerms]
    customers: dict[str, CustomerPlace]
    #: Whether each client named is active.
    clients: dict[str, bool]
    hubs: tuple[HubPlace, ...]
    imported: frozenset[str]
    #: The hub of each customer named whose region the routing in force names (when the
    #: references were read for a day).
    routed: dict[str, str] = field(default_factory=dict)


class NewLine(Protocol):
    """A line of a new return; it is numbered by its place in the return, from 1."""

    @property
    def sku(self) -> str: ...
    @property
    def quantity(self) -> int: ...
    @property
    def reason(self) -> ReturnReason: ...
    @property
    def serial(self) -> str | None: ...
    @property
    def comment(self) -> str: ...


@dataclass(frozen=True, slots=True)
class NewReturn:
    """A return request decided already, to store as it is: the rows ``request_return``
    stores for the same request."""

    id: int
    number: str
    customer_code: str
    requested_at: datetime
    delivered_at: datetime | None
    state: ReturnState
    destination_site: str | None
    decided_by: str | None
    decision_reason: str
    decided_at: datetime | None
    order_ref: str
    client_code: str | None
    lines: Sequence[NewLine]


class ReturnImportStore(Protocol):
    """Reads and writes of a whole file of returns in a few statements, whatever its size."""

    def references(
        self,
        *,
        skus: Collection[str],
        customers: Collection[str],
        clients: Collection[str],
        order_refs: Collection[str],
        day: date | None = None,
    ) -> ImportReferences:
        """What the rows name; with ``day``, also the hub the routing in force that day
        gives each customer's region."""
        ...

    def hold(self) -> None:
        """Make any other import wait before it writes until this transaction ends, so that
        the order references read as free stay free (on SQLite the write lock does it)."""
        ...

    def add(self, returns: Sequence[NewReturn]) -> None:
        """Store these returns and their lines."""
        ...
