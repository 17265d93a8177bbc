"""The treatment facilities' certificates: recorded, listed with those expiring, and
checked whenever a unit is decided for or sent to a recycler."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from revalo.domain.catalog import SiteKind
from revalo.domain.errors import InvalidValue
from revalo.domain.facilities import (
    CertificateStatus,
    FacilityCertificate,
    ensure_in_force,
    expiring,
)
from revalo.domain.people import Permission, User
from revalo.services.common import get_site, when
from revalo.services.guard import needs, reads
from revalo.services.ports import UnitOfWork


@needs(Permission.MANAGE_SITES)
def record_facility_certificate(
    uow: UnitOfWork,
    site_code: str,
    *,
    by: User,
    number: str,
    scope: str,
    issuer: str,
    issued_on: date,
    expires_on: date,
    operations: Sequence[str] = (),
    at: datetime | None = None,
) -> FacilityCertificate:
    """Keep a treatment facility's certificate (a recycler's) with the treatment operations
    its permit allows; a number is kept once."""
    with uow:
        site = get_site(uow, site_code)
        if site.kind is not SiteKind.RECYCLER:
            raise InvalidValue(
                f"{site.code} is a {site.kind.value}: treatment certificates are a recycler's",
                field="site_code",
            )
        certificate = FacilityCertificate(
            site_code=site.code,
            number=number,
            scope=scope,
            issuer=issuer,
            issued_on=issued_on,
            expires_on=expires_on,
            operations=tuple(operations),
            recorded_by=by.login,
            recorded_at=when(at),
        )
        held = uow.certificates.facility_certificates(site.code)
        if any(c.number == certificate.number for c in held):
            raise InvalidValue(
                f"{site.code} has the certificate {certificate.number} already", field="number"
            )
        uow.certificates.add_facility_certificate(certificate)
        uow.commit()
    return certificate


@reads(Permission.VIEW_CATALOGUE)
def site_certificates(
    uow: UnitOfWork, site_code: str, *, by: User, on: date | None = None
) -> list[tuple[FacilityCertificate, CertificateStatus]]:
    """A site's certificates, by expiry, each with its status on ``on`` (today)."""
    day = on or when(None).date()
    with uow:
        site = get_site(uow, site_code)
        return [(c, c.status_on(day)) for c in uow.certificates.facility_certificates(site.code)]


@reads(Permission.VIEW_CATALOGUE)
def expiring_certificates(
    uow: UnitOfWork, *, by: User, on: date | None = None
) -> list[tuple[FacilityCertificate, CertificateStatus]]:
    """The facilities whose latest certificate has expired or expires within 30 days."""
    with uow:
        return expiring(uow.certificates.facility_certificates(), on or when(None).date())


def ensure_destination_certified(uow: UnitOfWork, site_code: str | None, at: datetime) -> None:
    """Refuse a recycler whose certificates on record are none in force on that day
    (inside the caller's unit of work)."""
    if site_code is None:
        return
    site = uow.sites.get(site_code)
    if site is None or site.kind is not SiteKind.RECYCLER:
        return
    certificates: Sequence[FacilityCertificate] = uow.certificates.facility_certificates(site.code)
    ensure_in_force(site.code, certificates, at.date())
