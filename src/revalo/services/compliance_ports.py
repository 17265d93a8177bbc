"""What the compliance reports need of storage: the WEEE units summed by what they became,
the unsold units discarded, and the destructions refused (kept as they were asked)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from revalo.domain.espr import DestructionRefusal, DiscardRow
from revalo.domain.weee import Facility, WeeeRow


@dataclass(frozen=True, slots=True)
class ComplianceFilter:
    #: Units received (WEEE) or discarded (ESPR) from this time (included) ...
    since: datetime
    #: ... to this one (excluded).
    until: datetime
    #: Only the units collected in this country (WEEE).
    country: str | None = None
    #: Only this client's goods.
    client_code: str | None = None


class ComplianceRepository(Protocol):
    def weee_rows(self, flt: ComplianceFilter) -> Sequence[WeeeRow]:
        """The WEEE units received in the period, summed by country of collection, category,
        state and facility."""
        ...

    def facilities(self, codes: Sequence[str]) -> Sequence[Facility]: ...

    def discard_rows(self, flt: ComplianceFilter) -> Sequence[DiscardRow]:
        """The unsold units (a consumer's withdrawal) that left in the period, summed by
        product type, final state and last inspection."""
        ...

    def refusals(self, flt: ComplianceFilter) -> Sequence[DestructionRefusal]: ...

    def add_refusal(self, refusal: DestructionRefusal) -> None: ...
