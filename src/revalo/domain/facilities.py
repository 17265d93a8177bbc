"""The certificates of treatment facilities: what lets a recycler take WEEE and waste.

Only certified treatment facilities may treat WEEE (Directive 2012/19/EU art. 8); a
facility keeps its certificate's number, scope, issuer and expiry. Once a facility has a
certificate on record, a unit is sent there (decided for it, or dispatched) only while one
of them is in force; an expired one is refused, and each is flagged 30 days before it
expires so that it is renewed in time.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.waste_operations import operation_codes

#: A certificate is flagged this many days before it expires.
EXPIRY_WARNING_DAYS = 30
MAX_NUMBER = 60
MAX_SCOPE = 300
MAX_ISSUER = 200


class CertificateStatus(enum.StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"


def expiry_status(day: date, last_day: date) -> CertificateStatus:
    """A paper valid up to ``last_day`` included, seen on ``day``."""
    if day > last_day:
        return CertificateStatus.EXPIRED
    if day + timedelta(days=EXPIRY_WARNING_DAYS) >= last_day:
        return CertificateStatus.EXPIRING
    return CertificateStatus.VALID


def _text(value: str, reason: str, field: str, longest: int) -> str:
    text = " ".join(value.split())
    if not text:
        raise InvalidValue(f"a facility's certificate needs its {reason}", field=field)
    if len(text) > longest:
        raise InvalidValue(
            f"the certificate's {reason} has at most {longest} characters", field=field
        )
    return text


@dataclass(eq=False)
class FacilityCertificate:
    """A treatment facility's certificate (e.g. a WEEELABEX or an R2 certificate, an
    installation's permit): in force from ``issued_on`` up to ``expires_on`` included."""

    site_code: str
    number: str
    scope: str
    issuer: str
    issued_on: date
    expires_on: date
    recorded_by: str
    recorded_at: datetime
    id: int | None = None
    #: The treatment operations its permit allows (R1-R13, D1-D15, 2008/98/EC).
    operations: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.operations = operation_codes(self.operations)
        self.number = _text(self.number, "number", "number", MAX_NUMBER)
        self.scope = _text(self.scope, "scope", "scope", MAX_SCOPE)
        self.issuer = _text(self.issuer, "issuer", "issuer", MAX_ISSUER)
        if self.expires_on < self.issued_on:
            raise InvalidValue(
                f"certificate {self.number}: it expires ({self.expires_on}) before it is "
                f"issued ({self.issued_on})",
                field="expires_on",
            )

    def status_on(self, day: date) -> CertificateStatus:
        return expiry_status(day, self.expires_on)

    def in_force_on(self, day: date) -> bool:
        return self.issued_on <= day <= self.expires_on


def ensure_in_force(site_code: str, certificates: Sequence[FacilityCertificate], day: date) -> None:
    """Refuse a treatment facility whose certificates on record are none in force on
    ``day`` (a facility with none on record is judged by its certified flag alone)."""
    if not certificates or any(c.in_force_on(day) for c in certificates):
        return
    last = max(certificates, key=lambda c: c.expires_on)
    if last.expires_on < day:
        raise NotAllowed(
            f"the treatment certificate {last.number} of {site_code} expired on "
            f"{last.expires_on.isoformat()}: no unit is sent there until a certificate in "
            "force is recorded (Directive 2012/19/EU art. 8)",
        )
    raise NotAllowed(
        f"the treatment certificate {last.number} of {site_code} is in force only from "
        f"{last.issued_on.isoformat()}: no unit is sent there before",
    )


def expiring(
    certificates: Sequence[FacilityCertificate], day: date
) -> list[tuple[FacilityCertificate, CertificateStatus]]:
    """The certificates expired or expiring within EXPIRY_WARNING_DAYS, soonest first, and
    only the latest of each facility (an expired one renewed since is no warning)."""
    latest: dict[str, FacilityCertificate] = {}
    for c in certificates:
        if c.site_code not in latest or c.expires_on > latest[c.site_code].expires_on:
            latest[c.site_code] = c
    flagged = [(c, c.status_on(day)) for c in latest.values()]
    return sorted(
        ((c, s) for c, s in flagged if s is not CertificateStatus.VALID),
        key=lambda pair: (pair[0].expires_on, pair[0].site_code),
    )
