"""What the resale use cases need from the outside: one repository, on the unit of work as
``uow.listings``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from revalo.domain.resale import Listing, ListingStatus


@dataclass(frozen=True, slots=True)
class ListingFilter:
    channel: str | None = None
    status: ListingStatus | None = None
    category: str | None = None
    grade: str | None = None
    lpn: str | None = None
    #: Only the listings sold on or after / before these moments.
    sold_from: datetime | None = None
    sold_before: datetime | None = None


@dataclass(frozen=True, slots=True)
class SoldShare:
    """One listing sold: where, what, at which sale grade, for how much against its price as
    new, and how many days after the unit came back (the value model's decay counts them)."""

    channel: str
    category: str
    grade: str
    price: Decimal
    new_price: Decimal
    age_days: float


class ListingRepository(Protocol):
    def add(self, listing: Listing) -> None:
        """Store a new listing and give it its id."""
        ...

    def get(self, listing_id: int) -> Listing | None:
        """The listing with its price history (the caller locks its unit first when it
        changes it: the unit's row is the listing's lock)."""
        ...

    def open_for_unit(self, unit_id: int) -> Listing | None: ...
    def save(self, listing: Listing) -> None: ...
    def list(self, flt: ListingFilter, *, limit: int, offset: int) -> tuple[Sequence[Listing], int]:
        """A page of listings, newest first, and how many match."""
        ...

    def sold_shares(self) -> Sequence[SoldShare]:
        """Every listing sold, with its product's price as new (one query)."""
        ...
