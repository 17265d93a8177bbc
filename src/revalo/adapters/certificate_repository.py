"""The certificates on SQLAlchemy Core: rows converted to the domain's classes and back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.orm_certificates import (
    facility_certificates,
    transporter_receipts,
    wiped_media,
)
from revalo.domain.certificates import WipedMedium
from revalo.domain.facilities import FacilityCertificate
from revalo.domain.transporter_receipts import TransporterReceipt

_M = wiped_media.c
_F = facility_certificates.c
_T = transporter_receipts.c


def _row(thing: WipedMedium | FacilityCertificate | TransporterReceipt) -> dict[str, object]:
    row = asdict(thing)
    row.pop("id")
    if isinstance(thing, FacilityCertificate):
        row["operations"] = " ".join(thing.operations)
    return row


class SqlCertificateRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_medium(self, medium: WipedMedium) -> None:
        stmt = sa.insert(wiped_media).values(**_row(medium)).returning(_M.id)
        medium.id = self.session.execute(stmt).scalar_one()

    def media(self, order_ids: Sequence[int]) -> Mapping[int, Sequence[WipedMedium]]:
        if not order_ids:
            return {}
        stmt = (
            sa.select(wiped_media)
            .where(_M.work_order_id.in_(sorted(set(order_ids))))
            .order_by(_M.work_order_id, _M.position)
        )
        found: dict[int, list[WipedMedium]] = {}
        for r in self.session.execute(stmt).mappings():
            found.setdefault(r["work_order_id"], []).append(WipedMedium(**r))
        return found

    def add_facility_certificate(self, certificate: FacilityCertificate) -> None:
        stmt = sa.insert(facility_certificates).values(**_row(certificate)).returning(_F.id)
        certificate.id = self.session.execute(stmt).scalar_one()

    def facility_certificates(self, site_code: str | None = None) -> Sequence[FacilityCertificate]:
        stmt = sa.select(facility_certificates).order_by(_F.expires_on, _F.site_code, _F.id)
        if site_code is not None:
            stmt = stmt.where(_F.site_code == site_code)
        return [
            FacilityCertificate(**{**r, "operations": tuple(r["operations"].split())})
            for r in self.session.execute(stmt).mappings()
        ]

    def add_transporter_receipt(self, receipt: TransporterReceipt) -> None:
        stmt = sa.insert(transporter_receipts).values(**_row(receipt)).returning(_T.id)
        receipt.id = self.session.execute(stmt).scalar_one()

    def transporter_receipts(self, carrier: str | None = None) -> Sequence[TransporterReceipt]:
        stmt = sa.select(transporter_receipts).order_by(_T.carrier, _T.valid_until, _T.id)
        if carrier is not None:
            stmt = stmt.where(_T.carrier == carrier)
        return [TransporterReceipt(**r) for r in self.session.execute(stmt).mappings()]

    def consignment_units(self, consignment_id: int) -> Sequence[int]:
        c = orm.unit_legs.c
        stmt = sa.select(c.unit_id).where(c.consignment_id == consignment_id).order_by(c.unit_id)
        return list(self.session.scalars(stmt))
