"""What the lots' and the parts' use cases need of persistence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from revalo.domain.lots import Lot, LotState, Offer
from revalo.domain.parts import HarvestedPart, PartMove, PartState


@dataclass(frozen=True, slots=True)
class LotFilter:
    #: The sites whose lots are listed (None: every site).
    sites: frozenset[str] | None = None
    state: LotState | None = None
    category: str | None = None
    #: Also the lots these ``sites`` made an offer on or bought (a partner's view).
    as_buyer: bool = False
    #: Also every open lot (a partner with a site that buys lots: they are offered to it).
    open_to_buyer: bool = False


@dataclass(frozen=True, slots=True)
class PartFilter:
    sites: frozenset[str] | None = None
    kind: str | None = None
    sku: str | None = None
    state: PartState | None = PartState.IN_STOCK
    donor_lpn: str | None = None


@dataclass(frozen=True, slots=True)
class PartStock:
    """How many parts of a kind are in stock at a site, and what they are worth."""

    site_code: str
    kind: str
    count: int
    value: Decimal


class LotRepository(Protocol):
    def add(self, lot: Lot) -> None:
        """Store a new lot and give it its number (its ``id``)."""
        ...

    def get(self, lot_id: int, *, lock: bool = False) -> Lot | None:
        """The lot with its units; with ``lock``, its row locked until the use case ends."""
        ...

    def save(self, lot: Lot) -> None:
        """Write the lot's state and its units as they are now."""
        ...

    def lot_of_unit(self, unit_id: int) -> int | None:
        """The lot a unit is in, if any (an open, sold or shipped one)."""
        ...

    def offers(self, lot_id: int) -> list[Offer]:
        """The lot's offers, oldest first."""
        ...

    def add_offer(self, offer: Offer) -> None: ...

    def save_offers(self, offers: Sequence[Offer]) -> None: ...

    def find(self, flt: LotFilter, *, limit: int, offset: int) -> tuple[list[Lot], int]:
        """Lots (without their units' detail loaded beyond the count), newest first, and
        how many match."""
        ...


class PartRepository(Protocol):
    def add(self, part: HarvestedPart) -> None:
        """Store a new part and give it its number (its ``id``)."""
        ...

    def get(self, part_id: int, *, lock: bool = False) -> HarvestedPart | None: ...

    def save(self, part: HarvestedPart) -> None: ...

    def move(self, move: PartMove) -> None:
        """Append a move to the parts' ledger."""
        ...

    def first_in_stock(
        self, *, site_code: str, kind: str, sku: str, lock: bool
    ) -> HarvestedPart | None:
        """The best part of ``kind`` harvested from product ``sku`` in stock at the site:
        the best grade, then the oldest; with ``lock``, locked (one another use case
        holds is skipped on PostgreSQL)."""
        ...

    def find(
        self, flt: PartFilter, *, limit: int, offset: int
    ) -> tuple[list[HarvestedPart], int]: ...

    def stock(self, sites: frozenset[str] | None) -> list[PartStock]:
        """Parts in stock per site and kind."""
        ...
