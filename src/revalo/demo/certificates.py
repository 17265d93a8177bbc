"""The demo's treatment certificates: every recycler of the network keeps one, issued three
years ago; the first one's expires in 20 days, so that its page and
``revalo certificates expiring`` show the warning to renew it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.people import User
from revalo.services import facilities
from revalo.services.ports import UnitOfWork

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
