"""The demo's certificates: every recycler of the network keeps a treatment certificate,
issued three years ago (the first one's expires in 20 days, so that its page and
``revalo certificates expiring`` show the warning to renew it); every carrier keeps its
receipt as a waste transporter (the first one's also expires in 20 days); every data wipe
records the medium it wiped, so that it has its certificate of sanitisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.certificates import MediaKind
from revalo.domain.people import User
from revalo.domain.work_orders import WipeMethod, WorkOrder
from revalo.services import certificates, facilities, transporter_receipts
from revalo.services.ports import UnitOfWork
from revalo.services.transport import Transport

#: What the demo's certificates say (a demo's: no real body issued them).
SCOPE = "WEEE treatment, categories 1-6 (Directive 2012/19/EU art. 8), demo"
ISSUER = "Demo certification body"
EXPIRING_IN_DAYS = 20


def certify_recyclers(uow: UnitOfWork, sites: Sequence[Site], admin: User, today: date) -> None:
    recyclers = [s for s in sites if s.kind is SiteKind.RECYCLER]
    for i, site in enumerate(recyclers):
        expires = today + timedelta(days=EXPIRING_IN_DAYS if i == 0 else 2 * 365)
        facilities.record_facility_certificate(
            uow,
            site.code,
            by=admin,
            number=f"TRT-{site.code}-{today.year - 3}",
            scope=SCOPE,
            issuer=ISSUER,
            issued_on=today - timedelta(days=3 * 365),
            expires_on=expires,
        )


#: The départements of the demo's carriers' receipts, in the order of the rate cards.
DEPARTMENTS = ("69", "93", "59", "13", "69", "38", "75")


def certify_carriers(uow: UnitOfWork, transport: Transport, admin: User, today: date) -> None:
    """Each carrier's receipt as a waste transporter (a demo's number: no prefect gave it)."""
    for i, name in enumerate(transporter_receipts.carrier_names(transport)):
        days = EXPIRING_IN_DAYS if i == 0 else 4 * 365
        department = DEPARTMENTS[i % len(DEPARTMENTS)]
        transporter_receipts.record_transporter_receipt(
            uow,
            transport,
            name,
            by=admin,
            number=f"DEMO-{department}-{today.year - 1}-{i + 1:03d}",
            department=department,
            valid_until=today + timedelta(days=days),
        )


@dataclass(frozen=True, slots=True)
class DemoMedium:
    """The storage a demo product carries, as its wipe records it."""

    kind: MediaKind
    tool: str
    version: str


#: By product category; any other data-bearing product has an SSD.
MEDIA: dict[str, DemoMedium] = {
    "phone": DemoMedium(MediaKind.MOBILE, "factory reset of encrypted storage", "Android 14"),
    "tablet": DemoMedium(MediaKind.MOBILE, "factory reset of encrypted storage", "Android 14"),
    "copier": DemoMedium(MediaKind.HDD, "hdparm (ATA Secure Erase)", "9.65"),
    "printer": DemoMedium(MediaKind.HDD, "hdparm (ATA Secure Erase)", "9.65"),
    "tv": DemoMedium(MediaKind.FLASH, "factory reset, accounts removed", "firmware reset"),
}
SSD = DemoMedium(MediaKind.SSD, "nvme-cli sanitize (cryptographic erase)", "2.8")


def record_medium(uow: UnitOfWork, order: WorkOrder, category: str, by: User, at: datetime) -> None:
    """The one medium of a demo device, wiped and verified: its serial is made from the
    unit's work order (the demo's devices are simulated)."""
    medium = MEDIA.get(category, SSD)
    certificates.record_wiped_medium(
        uow,
        order.id,
        by=by,
        media_serial=f"DEMO-MEDIUM-{order.id:08d}",
        media_kind=medium.kind,
        method=WipeMethod.CLEAR if medium.kind is MediaKind.FLASH else WipeMethod.PURGE,
        tool=medium.tool,
        tool_version=medium.version,
        verification="full read-back of the medium",
        verified=True,
        at=at,
    )
