"""The partners' terms, read and written with SQL Core and converted explicitly; and the
prices as new of the units a partner was handed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import locking
from revalo.adapters.orm import products, units
from revalo.adapters.orm_partners import partner_terms
from revalo.domain.partner_terms import PartnerTerms

_T = partner_terms.c
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
