"""Donations to charities: the units donated to a charity that it has not acknowledged yet,
its acknowledgment of them (one owner's units at a time, each unit once), their value at
cost price given by the owner's finance, and the data of the charity's tax receipt. A
charity's user sees and acknowledges its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.donations import DonatedUnit, Donation, Receipt, new_donation, receipt_of
from revalo.domain.errors import Conflict, InvalidValue, NotFound
from revalo.domain.people import Permission, User
from revalo.domain.values import utcnow
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import sites_for

#: The longest page of a list of donations.
MAX_LIMIT = 200


def _charity(uow: UnitOfWork, code: str) -> Site:
    site = uow.sites.get(code.strip().upper())
    if site is None or site.kind is not SiteKind.CHARITY:
        raise NotFound(f"no charity {code.strip().upper()}", field="site_code")
    return site


@reads(Permission.VIEW_PARTNERS)
def waiting(uow: UnitOfWork, *, by: User, site_code: str) -> list[DonatedUnit]:
    """The units donated to the charity that it has not acknowledged yet."""
    code = site_code.strip().upper()
    sites_for(by, code, Permission.VIEW_PARTNERS)
    with uow:
        _charity(uow, code)
        return uow.donations.waiting(code)


@needs(Permission.ACKNOWLEDGE_DONATIONS)
@retried
def acknowledge(
    uow: UnitOfWork, *, site_code: str, lpns: Sequence[str], note: str = "", by: User
) -> Donation:
    """The charity acknowledges these units donated to it: each must have been donated to
    it and not acknowledged yet; all of one owner. Two acknowledgments of one unit at once:
    one takes it, the other is told it is taken (nothing of it written)."""
    code = site_code.strip().upper()
    sites_for(by, code, Permission.ACKNOWLEDGE_DONATIONS)
    asked = [x.strip().upper() for x in lpns if x.strip()]
    if len(set(asked)) != len(asked):
        raise InvalidValue("a unit is given twice", field="lpns")
    with uow:
        _charity(uow, code)
        found = {u.lpn: u for u in uow.donations.waiting(code, asked)}
        missing = [x for x in asked if x not in found]
        if missing:
            first = missing[0]
            unit = uow.units.by_lpn(first)
            taken = uow.donations.acknowledged([unit.id]) if unit is not None else {}
            if unit is not None and unit.id in taken:
                raise Conflict(f"unit {first} is on donation {taken[unit.id]} already")
            raise InvalidValue(f"unit {first} was not donated to {code}", field="lpns")
        d = new_donation(code, [found[x] for x in asked], note=note, by=by.login, at=utcnow())
        uow.donations.add(d)
        record_done(uow, by, "acknowledge_donation", d.number, detail=f"{code} {len(d.units)}")
        uow.commit()
    return d


@needs(Permission.VALUE_DONATIONS)
def value(uow: UnitOfWork, donation_id: int, *, value_eur: Decimal | str, by: User) -> Donation:
    """Give a donation its value at the cost price of its units (for goods in stock, their
    value in stock), once."""
    try:
        amount = Decimal(str(value_eur).strip().replace(",", "."))
    except ArithmeticError:
        raise InvalidValue(f"{value_eur!r} is not an amount in EUR", field="value") from None
    with uow:
        d = _found(uow.donations.get(donation_id), donation_id)
        d.value(amount, by=by.login, at=utcnow())
        if not uow.donations.set_value(d):
            raise Conflict(f"donation {d.number} was valued by someone else meanwhile")
        record_done(uow, by, "value_donation", d.number, detail=f"{d.value_eur} EUR")
        uow.commit()
    return d


def _found(d: Donation | None, donation_id: int) -> Donation:
    if d is None:
        raise NotFound(f"no donation {donation_id}", field="donation_id")
    return d


@reads(Permission.VIEW_PARTNERS)
def list_donations(
    uow: UnitOfWork, *, by: User, site_code: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Donation], int]:
    """The donations acknowledged, newest first (a charity: its own)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidValue(f"limit must be 1 to {MAX_LIMIT}", field="limit")
    if offset < 0:
        raise InvalidValue("offset must be zero or more", field="offset")
    sites = sites_for(
        by, site_code.strip().upper() if site_code else None, Permission.VIEW_PARTNERS
    )
    with uow:
        return uow.donations.list(sites, limit=limit, offset=offset)


@dataclass(frozen=True, slots=True)
class DonationView:
    donation: Donation
    receipt: Receipt


def _receipt(uow: UnitOfWork, d: Donation) -> Receipt:
    """The data of the donation's tax receipt (inside a unit of work)."""
    charity = _charity(uow, d.site_code)
    if d.client_code is not None:
        client = uow.clients.get(d.client_code)
        donor, country = (client.name if client else d.client_code), None
    else:
        site = uow.sites.get(d.from_site)
        donor = f"{site.name} ({site.code})" if site else d.from_site
        country = site.country if site else None
    before = Decimal(0)
    if d.valued_at is not None:
        year = datetime(d.valued_at.year, 1, 1, tzinfo=UTC)
        before = uow.donations.given(d.client_code, d.from_site, year, d.valued_at)
    return receipt_of(
        d, charity=charity.name, charity_country=charity.country, donor=donor,
        donor_country=country, given_before=before,
    )  # fmt: skip


@reads(Permission.VIEW_PARTNERS)
def donation(uow: UnitOfWork, donation_id: int, *, by: User) -> DonationView:
    """A donation with the data of its tax receipt."""
    with uow:
        d = _found(uow.donations.get(donation_id), donation_id)
        sites_for(by, d.site_code, Permission.VIEW_PARTNERS)
        return DonationView(d, _receipt(uow, d))


@reads(Permission.VIEW_PARTNERS)
def receipts(uow: UnitOfWork, found: Sequence[Donation], *, by: User) -> dict[int, Receipt]:
    """The receipts of donations already read (a page of them), in one unit of work, by
    donation id."""
    with uow:
        for d in found:
            sites_for(by, d.site_code, Permission.VIEW_PARTNERS)
        return {d.id or 0: _receipt(uow, d) for d in found}
