"""What the donations need of the storage (implemented in adapters)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from revalo.domain.donations import DonatedUnit, Donation


class DonationRepository(Protocol):
    def waiting(self, site_code: str, lpns: Iterable[str] | None = None) -> list[DonatedUnit]:
        """The units donated to ``site_code`` and not acknowledged yet (of these LPNs)."""
        ...

    def acknowledged(self, unit_ids: Iterable[int]) -> dict[int, str]: ...
    def add(self, d: Donation) -> Donation: ...
    def get(self, donation_id: int) -> Donation | None: ...
    def list(
        self, sites: frozenset[str] | None, *, limit: int, offset: int
    ) -> tuple[list[Donation], int]: ...
    def set_value(self, d: Donation) -> bool:
        """Write the value of a donation not valued yet; False when it was valued first."""
        ...

    def given(
        self, client_code: str | None, from_site: str, since: datetime, before: datetime
    ) -> Decimal: ...
