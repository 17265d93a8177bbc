"""A partner's payments and the units they paid for, with SQL Core: the units a partner may
pay for (handed over to it for good, outside a lot), and the payments it made."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.orm import products, units
from revalo.adapters.orm_lots import lot_units
from revalo.adapters.orm_partners import partner_payment_lines, partner_payments
from revalo.domain.partner_payments import PartnerPayment, PayableUnit, PaymentLine
from revalo.domain.units import UnitState

_U = units.c
_P = partner_payments.c
_L = partner_payment_lines.c
#: The states of a unit handed over to a partner that pays for it: taken by a resale
#: partner, credited by its vendor, bought by a recycler (a sale or a donation is not).
PAYABLE = (UnitState.SENT_TO_PARTNER, UnitState.RETURNED_TO_VENDOR, UnitState.RECYCLED)


class SqlPartnerPaymentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def payable(self, site_code: str, codes: Iterable[str]) -> list[tuple[str, str, PayableUnit]]:
        """The units handed over to the site that these scans name (LPN or serial), each as
        (LPN, serial, unit), with the payment that paid for it already if any."""
        names = sorted(set(codes))
        stmt = (
            sa.select(_U.id, _U.lpn, _U.serial, products.c.new_price, _L.payment_id)
            .select_from(units)
            .outerjoin(products, products.c.sku == _U.sku)
            .outerjoin(partner_payment_lines, _L.unit_id == _U.id)
            .where(
                _U.destination_site == site_code,
                _U.state.in_([s.value for s in PAYABLE]),
                _U.id.not_in(sa.select(lot_units.c.unit_id)),
                _U.lpn.in_(names) | _U.serial.in_(names),
            )
        )
        return [
            (r.lpn, r.serial or "", PayableUnit(int(r.id), r.lpn, r.new_price, r.payment_id))
            for r in self.session.execute(stmt)
        ]

    def add(self, payment: PartnerPayment) -> PartnerPayment:
        values = {
            "site_code": payment.site_code,
            "reference": payment.reference,
            "amount_eur": payment.amount,
            "paid_on": payment.paid_on,
            "recorded_by": payment.recorded_by,
            "recorded_at": payment.recorded_at,
        }
        new_id = self.session.execute(
            sa.insert(partner_payments).values(**values).returning(_P.id)
        ).scalar_one()
        self.session.execute(
            sa.insert(partner_payment_lines),
            [
                {"unit_id": x.unit_id, "payment_id": new_id, "amount_eur": x.amount}
                for x in payment.lines
            ],
        )
        return dataclasses.replace(payment, id=int(new_id))

    def payments(
        self, site_code: str, *, limit: int = 50, offset: int = 0
    ) -> tuple[list[PartnerPayment], int]:
        """The site's payments, the latest paid first, and how many there are."""
        where = _P.site_code == site_code
        count = self.session.scalar(
            sa.select(sa.func.count()).select_from(partner_payments).where(where)
        )
        rows = list(
            self.session.execute(
                sa.select(partner_payments)
                .where(where)
                .order_by(_P.paid_on.desc(), _P.id.desc())
                .limit(limit)
                .offset(offset)
            )
        )
        lines = self._lines([int(r.id) for r in rows])
        return [_payment(r, lines.get(int(r.id), ())) for r in rows], int(count or 0)

    def _lines(self, payment_ids: list[int]) -> dict[int, tuple[PaymentLine, ...]]:
        if not payment_ids:
            return {}
        stmt = (
            sa.select(_L.payment_id, _L.unit_id, _U.lpn, _L.amount_eur)
            .join(units, _U.id == _L.unit_id)
            .where(_L.payment_id.in_(payment_ids))
            .order_by(_U.lpn)
        )
        found: dict[int, list[PaymentLine]] = {}
        for r in self.session.execute(stmt):
            found.setdefault(int(r.payment_id), []).append(
                PaymentLine(int(r.unit_id), r.lpn, r.amount_eur)
            )
        return {k: tuple(v) for k, v in found.items()}


def _payment(r: Any, lines: tuple[PaymentLine, ...]) -> PartnerPayment:
    return PartnerPayment(
        id=int(r.id),
        site_code=r.site_code,
        reference=r.reference,
        amount=r.amount_eur,
        paid_on=r.paid_on,
        recorded_by=r.recorded_by,
        recorded_at=r.recorded_at,
        lines=lines,
    )
