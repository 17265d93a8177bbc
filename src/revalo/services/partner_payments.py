"""A partner's payments in the use cases: a resale partner, a recycler or a vendor records
what it paid for the units handed over to it for good (or finance records it from the
partner's statement), each unit once, and reads its payments. Each unit's share is added to
what it brought (its proceeds, an event on its timeline), so that the partner's record
counts it as the payments it already counts.

The units are locked in LPN order before they are checked unpaid, so that two payments
naming one unit at once take turns: the second is told which payment paid for it (the
table's key on the unit is the last guard)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from revalo.domain.errors import Conflict, InvalidValue
from revalo.domain.partner_payments import (
    MAX_PAYMENT_UNITS,
    PartnerPayment,
    PayableUnit,
    PaymentLine,
    check_reference,
    due_by_share,
    format_payment,
    split,
)
from revalo.domain.partner_terms import in_force
from revalo.domain.people import Permission, User
from revalo.services.common import get_unit, record, unit_names, when
from revalo.services.guard import needs, reads, record_done
from revalo.services.partner_terms import partner_site
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import sites_for


def _codes(codes: Sequence[str]) -> list[str]:
    names = unit_names(codes, field="codes", how="its LPN or its serial")
    if len(names) > MAX_PAYMENT_UNITS:
        raise InvalidValue(
            f"a payment covers at most {MAX_PAYMENT_UNITS} units, not {len(names)}", field="codes"
        )
    return names


def _payable(uow: UnitOfWork, site: str, names: list[str]) -> list[PayableUnit]:
    """The units the scans name, in the order named; a scan that names none is refused."""
    rows = uow.partner_payments.payable(site, names)
    by_lpn = {lpn: u for lpn, _, u in rows}
    by_serial = {serial: u for _, serial, u in rows if serial}
    chosen = []
    for name in names:
        unit = by_lpn.get(name) or by_serial.get(name)
        if unit is None:
            raise InvalidValue(
                f"{name} is no unit handed over to {site} for good outside a lot (a lot is "
                "paid with its invoice, a donation is a gift)",
                field="codes",
            )
        if unit.paid_by is not None:
            raise Conflict(
                f"unit {unit.lpn} was paid for already, by payment {format_payment(unit.paid_by)}"
            )
        chosen.append(unit)
    return chosen


def _lines(
    uow: UnitOfWork, site: str, units: list[PayableUnit], amount: Decimal | None, day: date
) -> tuple[PaymentLine, ...]:
    if amount is not None:
        return split(amount, units)
    terms = in_force(uow.partners.terms([site]), day)
    share = terms.price_share if terms is not None else None
    lines = due_by_share(share, units) if share is not None else ()
    if sum((x.amount for x in lines), Decimal(0)) <= 0:
        raise InvalidValue(
            f"no price share agreed with {site} on {day.isoformat()} gives what these units "
            "are paid: give the amount paid",
            field="amount",
        )
    return lines


@needs(Permission.RECORD_PAYMENTS)
@retried
def record_payment(
    uow: UnitOfWork,
    *,
    site_code: str,
    codes: Sequence[str],
    reference: str,
    by: User,
    amount: Decimal | None = None,
    paid_on: date | None = None,
    at: datetime | None = None,
) -> PartnerPayment:
    """A partner's payment for units handed over to it (named by LPN or serial), each paid
    for once: of ``amount``, shared in proportion to their prices as new, or, without it,
    at the price share of the partner's terms in force on the day paid."""
    t = when(at)
    day = paid_on or t.date()
    if day > t.date():
        raise InvalidValue(
            f"a payment is recorded once paid, not on {day.isoformat()}", field="paid_on"
        )
    ref = check_reference(reference)
    names = _codes(codes)
    site = site_code.strip().upper()
    with uow:
        partner_site(uow, site)
        sites_for(by, site, Permission.RECORD_PAYMENTS)
        found = _payable(uow, site, names)
        locked = {u.lpn: get_unit(uow, u.lpn, lock=True) for u in sorted(found, key=_lpn)}
        units = _payable(uow, site, names)  # checked again once locked: paid meanwhile?
        lines = _lines(uow, site, units, amount, day)
        for line in lines:
            change = locked[line.lpn].record_proceeds(
                amount=line.amount,
                at=t,
                actor=by.login,
                document=ref,
                reason=f"paid by {site} ({ref})",
            )
            record(uow, change)
        total = sum((x.amount for x in lines), Decimal(0))
        made = uow.partner_payments.add(
            PartnerPayment(0, site, ref, total, day, by.login, t, lines)
        )
        record_done(uow, by, "record_payment", made.number, detail=f"{site} {total}")
        uow.commit()
    return made


def _lpn(unit: PayableUnit) -> str:
    return unit.lpn


@reads(Permission.VIEW_PARTNERS)
def payments(
    uow: UnitOfWork, *, by: User, site_code: str, limit: int = 50, offset: int = 0
) -> tuple[list[PartnerPayment], int]:
    """A partner site's payments, the latest paid first (a partner: its own)."""
    site = site_code.strip().upper()
    with uow:
        partner_site(uow, site)
        sites_for(by, site, Permission.VIEW_PARTNERS)
        return uow.partner_payments.payments(site, limit=limit, offset=offset)
