"""A delivery accepted by its partner: each unit handed over to a partner for good (sent to
it, or in a B2B lot it bought) is scanned in once at the partner's, so that both sides know
what arrived; a unit missing or not as described becomes a dispute. An outlet or a resale
partner then records when it resold each (``partner_resales``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class HandedUnit:
    unit_id: int
    lpn: str
    serial: str | None
    sku: str | None
    name: str
    #: The lot it was sold in (None: sent on its own).
    lot: str | None
    received_by: str | None
    received_at: datetime | None
    #: Its resale by the partner, once recorded.
    resold_on: date | None = None
    resale_price: Decimal | None = None

    @property
    def accepted(self) -> bool:
        return self.received_at is not None
