"""The port of the portal's records: orders, the returns started from the portal, their
links, keep-it figures and damage photos."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from revalo.domain.keep_it import KeepChoice, KeepItFigures
from revalo.domain.portal import CustomerOrder, PortalReturn


@dataclass(frozen=True, slots=True)
class KeepItOffer:
    """The keep-it figures of one return line (per unit), and the customer's choice."""

    return_number: str
    line_no: int
    figures: KeepItFigures
    units: int
    choice: KeepChoice | None = None
    chosen_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Photo:
    id: int
    return_number: str
    line_no: int
    media_type: str
    size: int
    sha256: str
    uploaded_at: datetime


@dataclass(frozen=True, slots=True)
class KeepItSavings:
    """What the units customers kept spared: EUR (against bringing them back), road
    kilometres and kg CO2e of the trips back."""

    units: int
    eur: Decimal
    km: Decimal
    co2_kg: Decimal


class PortalRepository(Protocol):
    def add_order(self, order: CustomerOrder) -> None: ...
    # lock: the order's row is locked until the transaction ends (a return is started).
    def order(self, order_ref: str, *, lock: bool = False) -> CustomerOrder | None: ...
    def return_of_order(self, order_ref: str) -> str | None: ...
    def add_return(self, choice: PortalReturn) -> None: ...
    def portal_return(self, number: str) -> PortalReturn | None: ...
    def add_link(self, number: str, hashed: str, *, by: str, at: datetime) -> None: ...
    def number_of_link(self, hashed: str) -> str | None: ...
    def save_offer(self, offer: KeepItOffer, *, at: datetime) -> None: ...
    def offers(self, number: str) -> Sequence[KeepItOffer]: ...
    def choose(self, number: str, line_no: int, choice: KeepChoice, *, at: datetime) -> None: ...
    def add_photo(
        self, number: str, line_no: int, media_type: str, content: bytes, *, at: datetime
    ) -> Photo: ...
    def photos(self, number: str) -> Sequence[Photo]: ...
    def photo_content(self, number: str, photo_id: int) -> tuple[str, bytes] | None: ...
    def savings(self, client: str | None = None) -> KeepItSavings:
        """Over the returns of ``client`` (None: all)."""
        ...
