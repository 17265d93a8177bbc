"""A partner's resales in the use cases: an outlet or a resale partner (or finance, from
its statement) records that it sold again a unit handed over to it for good and accepted by
scan, on what day, for how much and under which receipt; each unit once. The resale is on
the unit's timeline (its journey ends there, reused) and beside the unit in the partner's
deliveries.

The unit is locked before it is checked not resold, so that two records of one unit's resale
at once take turns: the second is told when it was resold (the table's key on the unit is
the last guard)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from revalo.domain.errors import Conflict, InvalidValue
from revalo.domain.partner_resales import (
    RESALE_REPORT,
    RESELLER_KINDS,
    Resale,
    check_day,
    check_price,
    check_receipt,
)
from revalo.domain.people import Permission, User
from revalo.services.common import get_unit, record, when
from revalo.services.deliveries import handed_unit
from revalo.services.guard import needs, reads, record_done
from revalo.services.partner_terms import partner_site
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import sites_for


@needs(Permission.RECORD_RESALES)
@retried
def record_resale(
    uow: UnitOfWork,
    *,
    site_code: str,
    code: str,
    price: Decimal | str,
    by: User,
    sold_on: date | None = None,
    receipt: str = "",
    at: datetime | None = None,
) -> Resale:
    """The partner's resale of a unit handed over to it (scanned by its LPN or serial) and
    accepted by scan, for ``price`` EUR on ``sold_on`` (by default the day recorded)."""
    t = when(at)
    paid = check_price(price)
    ref = check_receipt(receipt)
    site = site_code.strip().upper()
    with uow:
        partner = partner_site(uow, site)
        sites_for(by, site, Permission.RECORD_RESALES)
        if partner.kind not in RESELLER_KINDS:
            raise InvalidValue(
                f"{site} does not resell what it is handed: an outlet or a resale partner "
                "records its resales",
                field="site_code",
            )
        found = handed_unit(uow, site, code)
        unit = get_unit(uow, found.lpn, lock=True)
        handed = handed_unit(uow, site, found.lpn)  # read again once locked: resold meanwhile?
        if handed.resold_on is not None:
            earlier = f"{handed.resale_price} EUR"
            raise Conflict(
                f"unit {handed.lpn} was resold already, on {handed.resold_on.isoformat()} for "
                f"{earlier}"
            )
        if handed.received_at is None:
            raise InvalidValue(
                f"unit {handed.lpn} was not accepted at {site} yet: accept it by scan before "
                "its resale",
                field="code",
            )
        day = check_day(sold_on or t.date(), handed.received_at.date(), t.date())
        resale = Resale(unit.id, unit.lpn, site, day, paid, ref, by.login, t)
        uow.deliveries.add_resale(resale)
        detail = {
            "report": RESALE_REPORT,
            "site": site,
            "sold_on": day.isoformat(),
            "price_eur": str(paid),
        }
        if ref:
            detail["receipt"] = ref
        reason = f"resold by {site} for {paid} EUR"
        record(uow, unit.report(at=t, actor=by.login, reason=reason, detail=detail))
        record_done(uow, by, "record_resale", unit.lpn, detail=f"{site} {paid}")
        uow.commit()
    return resale


@reads(Permission.VIEW_PARTNERS)
def resales(
    uow: UnitOfWork, *, by: User, site_code: str, limit: int = 50, offset: int = 0
) -> tuple[list[Resale], int]:
    """A partner site's resales, the latest first (a partner: its own)."""
    site = site_code.strip().upper()
    with uow:
        partner_site(uow, site)
        sites_for(by, site, Permission.VIEW_PARTNERS)
        return uow.deliveries.resales(site, limit=limit, offset=offset)
