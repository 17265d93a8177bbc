"""The donations, read and written with SQL Core and converted explicitly; and the units
donated to a charity that it has not acknowledged yet."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm import products, units
from revalo.adapters.orm_donations import donation_units, donations
from revalo.domain.donations import DonatedUnit, Donation
from revalo.domain.units import UnitState

_D = donations.c
_U = units.c


def _donated(row: Any) -> DonatedUnit:
    grade = f"{row.functional_grade or '-'}/{row.cosmetic_grade or '-'}"
    return DonatedUnit(
        int(row.id), row.lpn, row.sku, row.name or "", grade, row.client_code, row.site_code
    )


def _units() -> sa.Select[Any]:
    return sa.select(
        _U.id, _U.lpn, _U.sku, products.c.name, _U.functional_grade, _U.cosmetic_grade,
        _U.client_code, _U.site_code,
    ).select_from(units.outerjoin(products, products.c.sku == _U.sku))  # fmt: skip


class SqlDonationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def waiting(self, site_code: str, lpns: Iterable[str] | None = None) -> list[DonatedUnit]:
        """The units donated to ``site_code`` and not acknowledged yet (of these LPNs)."""
        taken = sa.select(donation_units.c.unit_id)
        stmt = _units().where(
            _U.state == UnitState.DONATED.value, _U.destination_site == site_code,
            _U.id.not_in(taken),
        )  # fmt: skip
        if lpns is not None:
            stmt = stmt.where(_U.lpn.in_(sorted(set(lpns))))
        return [_donated(r) for r in self.session.execute(stmt.order_by(_U.id))]

    def acknowledged(self, unit_ids: Iterable[int]) -> dict[int, str]:
        """The donation number of each of these units acknowledged already."""
        stmt = sa.select(donation_units.c.unit_id, donation_units.c.donation_id).where(
            donation_units.c.unit_id.in_(sorted(set(unit_ids)))
        )
        return {int(u): f"DON{int(d):06d}" for u, d in self.session.execute(stmt)}

    def add(self, d: Donation) -> Donation:
        values = {
            "site_code": d.site_code, "acknowledged_by": d.acknowledged_by,
            "acknowledged_at": d.acknowledged_at, "note": d.note,
        }  # fmt: skip
        d.id = int(
            self.session.execute(
                sa.insert(donations).values(**values).returning(_D.id)
            ).scalar_one()
        )
        rows = [{"donation_id": d.id, "unit_id": u.unit_id} for u in d.units]
        self.session.execute(sa.insert(donation_units), rows)
        return d

    def _of(self, rows: list[Any]) -> list[Donation]:
        ids = [int(r.id) for r in rows]
        lines: dict[int, list[DonatedUnit]] = {i: [] for i in ids}
        if ids:
            stmt = (
                _units().add_columns(donation_units.c.donation_id)
                .join(donation_units, donation_units.c.unit_id == _U.id)
                .where(donation_units.c.donation_id.in_(ids)).order_by(_U.id)
            )  # fmt: skip
            for r in self.session.execute(stmt):
                lines[int(r.donation_id)].append(_donated(r))
        return [
            Donation(
                r.site_code,
                lines[int(r.id)],
                r.acknowledged_by,
                r.acknowledged_at,
                r.note,
                r.value_eur,
                r.valued_by,
                r.valued_at,
                int(r.id),
            )
            for r in rows
        ]

    def get(self, donation_id: int) -> Donation | None:
        rows = list(self.session.execute(sa.select(donations).where(_D.id == donation_id)))
        found = self._of(rows)
        return found[0] if found else None

    def list(
        self, sites: frozenset[str] | None, *, limit: int, offset: int
    ) -> tuple[list[Donation], int]:
        where = [_D.site_code.in_(sorted(sites))] if sites is not None else []
        count = self.session.scalar(sa.select(sa.func.count()).select_from(donations).where(*where))
        stmt = (
            sa.select(donations).where(*where)
            .order_by(_D.acknowledged_at.desc(), _D.id.desc()).limit(limit).offset(offset)
        )  # fmt: skip
        return self._of(list(self.session.execute(stmt))), int(count or 0)

    def set_value(self, d: Donation) -> bool:
        """Write the value of a donation not valued yet; False when another request valued
        it first."""
        done = self.session.execute(
            sa.update(donations)
            .where((_D.id == d.id) & _D.value_eur.is_(None))
            .values(value_eur=d.value_eur, valued_by=d.valued_by, valued_at=d.valued_at)
        )
        return int(getattr(done, "rowcount", 0) or 0) == 1

    def given(
        self, client_code: str | None, from_site: str, since: datetime, before: datetime
    ) -> Decimal:
        """What one owner's donations valued in the period add up to (EUR); a donation's
        units have one owner (a client, or the provider's site that gave them)."""
        stmt = (
            sa.select(_D.id, _D.value_eur, _U.client_code, _U.site_code)
            .select_from(donations)
            .join(donation_units, donation_units.c.donation_id == _D.id)
            .join(units, _U.id == donation_units.c.unit_id)
            .where(_D.valued_at >= since, _D.valued_at < before)
            .distinct()
        )
        total = Decimal(0)
        seen: set[int] = set()
        for r in self.session.execute(stmt):
            same = (
                r.client_code == client_code
                if client_code
                else (r.client_code is None and r.site_code == from_site)
            )
            if same and int(r.id) not in seen and r.value_eur is not None:
                seen.add(int(r.id))
                total += r.value_eur
        return total
