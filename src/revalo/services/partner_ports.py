"""What the partners' terms and disputes need of the storage (implemented in adapters)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from revalo.domain.partner_disputes import Dispute, DisputeState
from revalo.domain.partner_terms import PartnerTerms


@dataclass(frozen=True, slots=True)
class DisputeQuery:
    """Which disputes a list asks for (None: any), and its page."""

    sites: frozenset[str] | None = None
    state: DisputeState | None = None
    since: datetime | None = None
    before: datetime | None = None
    limit: int = 50
    offset: int = 0


class PartnerRepository(Protocol):
    def hold_terms(self, site_code: str) -> None:
        """Make another change of this site's terms wait until this transaction ends."""
        ...

    def terms(self, site_codes: Iterable[str] | None = None) -> Sequence[PartnerTerms]: ...
    def add_terms(self, terms: PartnerTerms) -> PartnerTerms:
        """Add a version of the site's terms, numbered after the latest."""
        ...

    def new_prices(self, unit_ids: Iterable[int]) -> dict[int, Decimal]: ...
    def add_dispute(self, d: Dispute) -> Dispute: ...
    def dispute(self, dispute_id: int) -> Dispute | None: ...
    def settle(self, d: Dispute) -> bool:
        """Write the settlement of a dispute still open; False when it was settled first."""
        ...

    def disputes(self, q: DisputeQuery) -> tuple[list[Dispute], int]: ...
    def disputes_between(
        self, sites: Iterable[str], since: datetime, before: datetime
    ) -> list[Dispute]: ...
