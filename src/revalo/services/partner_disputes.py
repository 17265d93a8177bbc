"""Disputes with the partners: opened by the partner (about what it received or was paid)
or by the company (about what the partner did), about a unit that went to the partner or
about the partner as a whole; settled once, by someone other than the one who opened it.
A partner opens and reads its own sites' disputes only."""

from __future__ import annotations

from decimal import Decimal

from revalo.domain.errors import Conflict, InvalidValue, NotFound
from revalo.domain.partner_disputes import Dispute, DisputeState, amount, new_dispute
from revalo.domain.partner_records import SeenEvent, concerns
from revalo.domain.people import Permission, User
from revalo.domain.values import utcnow
from revalo.services.common import get_unit
from revalo.services.guard import needs, reads, record_done
from revalo.services.partner_ports import DisputeQuery
from revalo.services.partner_terms import partner_site
from revalo.services.partners import lot_buyers
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import sites_for

#: The longest page of a list of disputes.
MAX_LIMIT = 500


def _concerns(uow: UnitOfWork, unit_id: int, code: str) -> bool:
    seen = [
        SeenEvent(e.unit_id, e.type, e.occurred_at, e.site_code, e.detail)
        for e in uow.events.for_unit(unit_id)
    ]
    return concerns(seen, code, lot_buyers(uow, seen))


@needs(Permission.OPEN_DISPUTES)
def open_dispute(
    uow: UnitOfWork,
    *,
    site_code: str,
    kind: str,
    text: str,
    lpn: str | None = None,
    amount_eur: Decimal | str | None = None,
    by: User,
) -> Dispute:
    """Open a dispute with a partner site, about one of the units that went to it (``lpn``)
    or about the partner as a whole."""
    code = site_code.strip().upper()
    sites_for(by, code, Permission.OPEN_DISPUTES)
    d = new_dispute(
        code, kind, text, amount_eur=amount_eur, by=by.login, at=utcnow(),
        by_partner=by.visible_sites is not None,
    )  # fmt: skip
    with uow:
        partner_site(uow, code)
        if lpn and lpn.strip():
            unit = get_unit(uow, lpn.strip().upper())
            if not _concerns(uow, unit.id, code):
                raise InvalidValue(f"unit {unit.lpn} never went to {code}", field="lpn")
            d.unit_id, d.lpn = unit.id, unit.lpn
        uow.partners.add_dispute(d)
        record_done(uow, by, "open_dispute", d.number, detail=code)
        uow.commit()
    return d


@needs(Permission.SETTLE_DISPUTES)
def settle_dispute(
    uow: UnitOfWork,
    dispute_id: int,
    *,
    accept: bool,
    note: str = "",
    credit_eur: Decimal | str | None = None,
    by: User,
) -> Dispute:
    """Accept a dispute (with the credit agreed: by default what it claimed) or reject it
    (with the reason). Two people settling one dispute at once: one settles it, the other
    is told it is settled already (409)."""
    credit = amount(credit_eur, "credit")
    with uow:
        d = _found(uow.partners.dispute(dispute_id), dispute_id)
        d.settle(accept=accept, by=by.login, at=utcnow(), note=note, credit=credit)
        if not uow.partners.settle(d):
            raise Conflict(f"dispute {d.number} was settled by someone else meanwhile")
        action = "accept_dispute" if accept else "reject_dispute"
        credited = f" {d.credit_eur} EUR" if d.credit_eur is not None else ""
        record_done(uow, by, action, d.number, detail=f"{d.site_code}{credited}")
        uow.commit()
    return d


def _found(d: Dispute | None, dispute_id: int) -> Dispute:
    if d is None:
        raise NotFound(f"no dispute {dispute_id}", field="dispute_id")
    return d


@reads(Permission.VIEW_PARTNERS)
def list_disputes(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    state: DisputeState | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Dispute], int]:
    """The disputes, newest first (of a site, in a state), a page of them, and how many there
    are (a partner: its own sites')."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidValue(f"limit must be 1 to {MAX_LIMIT}", field="limit")
    if offset < 0:
        raise InvalidValue("offset must be zero or more", field="offset")
    code = site_code.strip().upper() if site_code else None
    sites = sites_for(by, code, Permission.VIEW_PARTNERS)
    with uow:
        return uow.partners.disputes(DisputeQuery(sites, state, limit=limit, offset=offset))


@reads(Permission.VIEW_PARTNERS)
def get_dispute(uow: UnitOfWork, dispute_id: int, *, by: User) -> Dispute:
    with uow:
        d = _found(uow.partners.dispute(dispute_id), dispute_id)
    sites_for(by, d.site_code, Permission.VIEW_PARTNERS)
    return d
