"""The partners' terms and disputes, read and written with SQL Core and converted
explicitly; and the prices as new of the units a partner was handed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import locking
from revalo.adapters.orm import products, units
from revalo.adapters.orm_partners import partner_disputes, partner_terms
from revalo.domain.partner_disputes import Dispute, DisputeKind, DisputeState
from revalo.domain.partner_terms import PartnerTerms
from revalo.services.partner_ports import DisputeQuery

_T = partner_terms.c
_D = partner_disputes.c
#: Unit ids per query of their prices (well under every database's bound parameters).
_CHUNK = 500


def _share(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


def _terms(row: Any) -> PartnerTerms:
    return PartnerTerms(
        row.site_code, row.valid_from, _share(row.price_share), row.turnaround_days,
        _share(row.first_time_right), row.note, row.set_by, row.set_at, int(row.version),
        int(row.id),
    )  # fmt: skip


def _dispute(row: Any) -> Dispute:
    return Dispute(
        row.site_code, DisputeKind(row.kind), row.text, row.amount_eur, row.opened_by,
        row.opened_at, bool(row.by_partner), row.unit_id, DisputeState(row.state),
        row.settled_by, row.settled_at, row.settlement_note, row.credit_eur, int(row.id),
        row.lpn,
    )  # fmt: skip


def _with_lpn() -> sa.Select[Any]:
    """The disputes with their unit's LPN."""
    joined = partner_disputes.outerjoin(units, units.c.id == _D.unit_id)
    return sa.select(partner_disputes, units.c.lpn).select_from(joined)


def _where(q: DisputeQuery) -> list[Any]:
    where: list[Any] = []
    if q.sites is not None:
        where.append(_D.site_code.in_(sorted(q.sites)))
    if q.state is not None:
        where.append(_D.state == q.state.value)
    if q.since is not None:
        where.append(_D.opened_at >= q.since)
    if q.before is not None:
        where.append(_D.opened_at < q.before)
    return where


class SqlPartnerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def hold_terms(self, site_code: str) -> None:
        """Make another change of this site's terms wait until this transaction ends."""
        locking.hold(self.session, f"partner_terms {site_code}")

    def terms(self, site_codes: Iterable[str] | None = None) -> Sequence[PartnerTerms]:
        """Every version of the terms (of these sites), by site then version."""
        stmt = sa.select(partner_terms).order_by(_T.site_code, _T.version)
        if site_codes is not None:
            stmt = stmt.where(_T.site_code.in_(sorted(set(site_codes))))
        return [_terms(r) for r in self.session.execute(stmt)]

    def add_terms(self, terms: PartnerTerms) -> PartnerTerms:
        """Add a version of the site's terms, numbered after the latest."""
        latest = self.session.scalar(
            sa.select(sa.func.max(_T.version)).where(_T.site_code == terms.site_code)
        )
        terms.version = int(latest or 0) + 1
        share = str(terms.price_share) if terms.price_share is not None else None
        ftr = str(terms.first_time_right) if terms.first_time_right is not None else None
        values = {
            "site_code": terms.site_code, "version": terms.version,
            "valid_from": terms.valid_from, "price_share": share,
            "turnaround_days": terms.turnaround_days, "first_time_right": ftr,
            "note": terms.note, "set_by": terms.set_by, "set_at": terms.set_at,
        }  # fmt: skip
        stmt = sa.insert(partner_terms).values(**values).returning(_T.id)
        terms.id = int(self.session.execute(stmt).scalar_one())
        return terms

    def new_prices(self, unit_ids: Iterable[int]) -> dict[int, Decimal]:
        """The price as new of each unit's product (units without a product are left out)."""
        ids = sorted(set(unit_ids))
        prices: dict[int, Decimal] = {}
        for i in range(0, len(ids), _CHUNK):
            stmt = (
                sa.select(units.c.id, products.c.new_price)
                .join(products, products.c.sku == units.c.sku)
                .where(units.c.id.in_(ids[i : i + _CHUNK]))
            )
            prices.update({int(r.id): Decimal(r.new_price) for r in self.session.execute(stmt)})
        return prices

    def add_dispute(self, d: Dispute) -> Dispute:
        values = {
            "site_code": d.site_code, "unit_id": d.unit_id, "kind": d.kind.value,
            "text": d.text, "amount_eur": d.amount_eur, "opened_by": d.opened_by,
            "opened_at": d.opened_at, "by_partner": d.by_partner, "state": d.state.value,
            "settlement_note": d.settlement_note,
        }  # fmt: skip
        stmt = sa.insert(partner_disputes).values(**values).returning(_D.id)
        d.id = int(self.session.execute(stmt).scalar_one())
        return d

    def dispute(self, dispute_id: int) -> Dispute | None:
        row = self.session.execute(_with_lpn().where(_D.id == dispute_id)).first()
        return _dispute(row) if row else None

    def settle(self, d: Dispute) -> bool:
        """Write the settlement of a dispute that is still open; False when another request
        settled it first (at READ COMMITTED the update waits for it, then finds it closed)."""
        values = {
            "state": d.state.value, "settled_by": d.settled_by, "settled_at": d.settled_at,
            "settlement_note": d.settlement_note, "credit_eur": d.credit_eur,
        }  # fmt: skip
        open_one = (_D.id == d.id) & (_D.state == DisputeState.OPEN.value)
        done = self.session.execute(sa.update(partner_disputes).where(open_one).values(**values))
        return int(getattr(done, "rowcount", 0) or 0) == 1

    def disputes(self, q: DisputeQuery) -> tuple[list[Dispute], int]:
        """The disputes asked, newest first (a page of them), and how many there are."""
        where = _where(q)
        count = self.session.scalar(
            sa.select(sa.func.count()).select_from(partner_disputes).where(*where)
        )
        stmt = (
            _with_lpn().where(*where)
            .order_by(_D.opened_at.desc(), _D.id.desc()).limit(q.limit).offset(q.offset)
        )  # fmt: skip
        return [_dispute(r) for r in self.session.execute(stmt)], int(count or 0)

    def disputes_between(
        self, sites: Iterable[str], since: datetime, before: datetime
    ) -> list[Dispute]:
        """Every dispute of these sites opened in the period."""
        stmt = _with_lpn().where(
            _D.site_code.in_(sorted(set(sites))), _D.opened_at >= since, _D.opened_at < before
        )
        return [_dispute(r) for r in self.session.execute(stmt)]
