"""What a partner was handed over (units sent to it for good, or in a lot it bought and that
was shipped), which of them it accepted by scan and which it resold, with SQL Core."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm import products, units
from revalo.adapters.orm_lots import lot_units, lots
from revalo.adapters.orm_partners import partner_receipts, partner_resales
from revalo.domain.deliveries import HandedUnit
from revalo.domain.lots import LotState
from revalo.domain.partner_resales import Resale
from revalo.domain.units import UnitState

_U = units.c
_R = partner_receipts.c
_S = partner_resales.c
#: The states of a unit handed over to a partner for good (a donation has its own receipt).
HANDED = (UnitState.SOLD, UnitState.SENT_TO_PARTNER, UnitState.RETURNED_TO_VENDOR)


def _handed(site_code: str) -> sa.Select[Any]:
    """The units handed over to ``site_code``, with their lot's number when in one."""
    in_lot = (
        sa.select(lot_units.c.unit_id, lots.c.id.label("lot_id"))
        .join(lots, lots.c.id == lot_units.c.lot_id)
        .where(lots.c.buyer_site == site_code, lots.c.state == LotState.SHIPPED)
        .subquery()
    )
    sent = _U.destination_site == site_code
    sent = sent & _U.state.in_([s.value for s in HANDED])
    return (
        sa.select(
            _U.id,
            _U.lpn,
            _U.serial,
            _U.sku,
            products.c.name,
            in_lot.c.lot_id,
            _R.received_by,
            _R.received_at,
            _S.sold_on,
            _S.price_eur,
        )
        .select_from(units)
        .outerjoin(products, products.c.sku == _U.sku)
        .outerjoin(in_lot, in_lot.c.unit_id == _U.id)
        .outerjoin(partner_receipts, _R.unit_id == _U.id)
        .outerjoin(partner_resales, _S.unit_id == _U.id)
        .where(sent | in_lot.c.lot_id.is_not(None))
    )


def _unit(r: Any) -> HandedUnit:
    lot = f"LOT{int(r.lot_id):08d}" if r.lot_id is not None else None
    return HandedUnit(
        int(r.id),
        r.lpn,
        r.serial,
        r.sku,
        r.name or "",
        lot,
        r.received_by,
        r.received_at,
        r.sold_on,
        r.price_eur,
    )


class SqlDeliveryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def handed(self, site_code: str, *, limit: int = 500) -> list[HandedUnit]:
        """The units handed over to the site, those not accepted yet first, then the newest."""
        stmt = _handed(site_code).order_by(_R.received_at.is_not(None), _U.id.desc()).limit(limit)
        return [_unit(r) for r in self.session.execute(stmt)]

    def find(self, site_code: str, code: str) -> HandedUnit | None:
        """The unit handed over to the site that this scan names (its LPN or its serial)."""
        stmt = _handed(site_code).where((_U.lpn == code) | (_U.serial == code)).limit(2)
        rows = list(self.session.execute(stmt))
        return _unit(rows[0]) if len(rows) == 1 else None

    def accept(self, unit_id: int, site_code: str, by: str, at: datetime) -> None:
        self.session.execute(
            sa.insert(partner_receipts).values(
                unit_id=unit_id, site_code=site_code, received_by=by, received_at=at
            )
        )

    def add_resale(self, resale: Resale) -> None:
        self.session.execute(
            sa.insert(partner_resales).values(
                unit_id=resale.unit_id,
                site_code=resale.site_code,
                sold_on=resale.sold_on,
                price_eur=resale.price,
                receipt=resale.receipt,
                recorded_by=resale.recorded_by,
                recorded_at=resale.recorded_at,
            )
        )

    def resales(
        self, site_code: str, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[Resale], int]:
        """The site's resales, the latest first, and how many there are."""
        where = _S.site_code == site_code
        count = self.session.scalar(
            sa.select(sa.func.count()).select_from(partner_resales).where(where)
        )
        stmt = (
            sa.select(partner_resales, _U.lpn)
            .join(units, _U.id == _S.unit_id)
            .where(where)
            .order_by(_S.sold_on.desc(), _U.lpn)
            .limit(limit)
            .offset(offset)
        )
        return [_resale(r) for r in self.session.execute(stmt)], int(count or 0)


def _resale(r: Any) -> Resale:
    return Resale(
        int(r.unit_id),
        r.lpn,
        r.site_code,
        r.sold_on,
        r.price_eur,
        r.receipt,
        r.recorded_by,
        r.recorded_at,
    )
