"""What the partners' deliveries, resales and payments need of the storage (implemented in
adapters)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from revalo.domain.deliveries import HandedUnit
from revalo.domain.partner_payments import PartnerPayment, PayableUnit
from revalo.domain.partner_resales import Resale


class DeliveryRepository(Protocol):
    def handed(self, site_code: str, *, limit: int = 500) -> list[HandedUnit]: ...
    def find(self, site_code: str, code: str) -> HandedUnit | None:
        """The unit handed over to the site that this scan names (its LPN or serial)."""
        ...

    def accept(self, unit_id: int, site_code: str, by: str, at: datetime) -> None: ...
    def add_resale(self, resale: Resale) -> None: ...
    def resales(
        self, site_code: str, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[Resale], int]: ...


class PartnerPaymentRepository(Protocol):
    def payable(self, site_code: str, codes: Iterable[str]) -> list[tuple[str, str, PayableUnit]]:
        """The units handed over to the site for good, outside a lot, that these scans name:
        (LPN, serial, unit) each."""
        ...

    def add(self, payment: PartnerPayment) -> PartnerPayment: ...
    def payments(
        self, site_code: str, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[PartnerPayment], int]: ...
