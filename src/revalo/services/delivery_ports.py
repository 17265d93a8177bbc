"""What the partners' deliveries need of the storage (implemented in adapters)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from revalo.domain.deliveries import HandedUnit


class DeliveryRepository(Protocol):
    def handed(self, site_code: str, *, limit: int = 500) -> list[HandedUnit]: ...
    def find(self, site_code: str, code: str) -> HandedUnit | None:
        """The unit handed over to the site that this scan names (its LPN or serial)."""
        ...

    def accept(self, unit_id: int, site_code: str, by: str, at: datetime) -> None: ...
