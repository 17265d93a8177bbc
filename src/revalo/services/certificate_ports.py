"""What the certificate use cases need of storage: the media wiped on data-wipe orders, the
treatment facilities' certificates and the transporters' receipts, on the unit of work as
``uow.certificates``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from revalo.domain.certificates import WipedMedium
from revalo.domain.facilities import FacilityCertificate
from revalo.domain.transporter_receipts import TransporterReceipt


class CertificateRepository(Protocol):
    def add_medium(self, medium: WipedMedium) -> None: ...

    def media(self, order_ids: Sequence[int]) -> Mapping[int, Sequence[WipedMedium]]:
        """The media recorded on each of these orders, in their order."""
        ...

    def add_facility_certificate(self, certificate: FacilityCertificate) -> None:
        """The same number twice at one site fails the transaction (a unique key)."""
        ...

    def facility_certificates(self, site_code: str | None = None) -> Sequence[FacilityCertificate]:
        """Those of one site (of every site when None), by expiry."""
        ...

    def add_transporter_receipt(self, receipt: TransporterReceipt) -> None:
        """The same number twice for one carrier fails the transaction (a unique key)."""
        ...

    def transporter_receipts(self, carrier: str | None = None) -> Sequence[TransporterReceipt]:
        """Those of one carrier (of every carrier when None), by carrier and validity."""
        ...

    def consignment_units(self, consignment_id: int) -> Sequence[int]:
        """The units a consignment carried, by id."""
        ...
