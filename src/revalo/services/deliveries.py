"""A partner's deliveries: the units handed over to it for good (sent to it, or in a B2B lot
it bought and that was shipped), and its acceptance of each by scan, once. A partner sees
and accepts its own sites' deliveries only."""

from __future__ import annotations

from datetime import datetime

from revalo.domain.deliveries import HandedUnit
from revalo.domain.errors import Conflict, InvalidValue
from revalo.domain.people import Permission, User
from revalo.services.common import when
from revalo.services.guard import needs, reads, record_done
from revalo.services.partner_terms import partner_site
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import sites_for


@reads(Permission.VIEW_PARTNERS)
def deliveries(uow: UnitOfWork, *, by: User, site_code: str) -> list[HandedUnit]:
    """The units handed over to the partner site, those not accepted yet first."""
    code = site_code.strip().upper()
    with uow:
        partner_site(uow, code)
        sites_for(by, code, Permission.VIEW_PARTNERS)
        return uow.deliveries.handed(code)


def handed_unit(uow: UnitOfWork, site: str, code: str) -> HandedUnit:
    """The unit handed over to the partner site that a scan (its LPN or serial) names; a
    scan that names none is refused by name. Inside the caller's unit of work."""
    scanned = code.strip().upper()
    if not scanned:
        raise InvalidValue("scan the unit's LPN or serial", field="code")
    unit = uow.deliveries.find(site, scanned)
    if unit is None:
        raise InvalidValue(
            f"{scanned} is no unit handed over to {site}: scan its LPN (a unit that did not "
            "come is a dispute)",
            field="code",
        )
    return unit


@needs(Permission.RECEIVE)
@retried
def accept(
    uow: UnitOfWork, *, site_code: str, code: str, by: User, at: datetime | None = None
) -> HandedUnit:
    """Accept a unit handed over to the partner site, scanned by its LPN or its serial.
    Two scans of one unit at once: one accepts it, the other is told it is accepted."""
    site = site_code.strip().upper()
    now = when(at)
    with uow:
        partner_site(uow, site)
        sites_for(by, site, Permission.RECEIVE)
        unit = handed_unit(uow, site, code)
        if unit.accepted:
            raise Conflict(f"unit {unit.lpn} was accepted already, by {unit.received_by}")
        uow.deliveries.accept(unit.unit_id, site, by.login, now)
        record_done(uow, by, "accept_delivery", unit.lpn, detail=site)
        uow.commit()
    return HandedUnit(
        unit.unit_id, unit.lpn, unit.serial, unit.sku, unit.name, unit.lot, by.login, now
    )
