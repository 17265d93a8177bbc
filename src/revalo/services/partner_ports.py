"""What the partners' terms need of the storage (implemented in adapters)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Protocol

from revalo.domain.partner_terms import PartnerTerms


class PartnerRepository(Protocol):
    def hold_terms(self, site_code: str) -> None:
        """Make another change of this site's terms wait until this transaction ends."""
        ...

    def terms(self, site_codes: Iterable[str] | None = None) -> Sequence[PartnerTerms]: ...
    def add_terms(self, terms: PartnerTerms) -> PartnerTerms:
        """Add a version of the site's terms, numbered after the latest."""
        ...

    def new_prices(self, unit_ids: Iterable[int]) -> dict[int, Decimal]: ...
