"""A delivery accepted by its partner: each unit handed over to a partner for good (sent to
it, or in a B2B lot it bought) is scanned in once at the partner's, so that both sides know
what arrived; a unit missing or not as described becomes a dispute."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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

    @property
    def accepted(self) -> bool:
        return self.received_at is not None
