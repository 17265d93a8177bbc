"""The compliance reports' queries (SQLAlchemy Core): the database sums the units by what
the reports tell apart, so that a handful of rows come back, never the units themselves;
and the destructions refused, kept as they were asked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.orm_compliance import destruction_refusals
from revalo.domain.catalog import CustomerKind
from revalo.domain.espr import DISCARDED, DestructionRefusal, DiscardRow
from revalo.domain.events import EventType
from revalo.domain.returns import ReturnReason
from revalo.domain.units import UnitState
from revalo.domain.weee import HANDED_ON, Facility, WeeeRow
from revalo.services.compliance_ports import ComplianceFilter

_U = orm.units.c
_P = orm.products.c
_EV = orm.unit_events.c
_R = orm.return_requests.c
_CU = orm.customers.c
_F = destruction_refusals.c
#: Prepared for re-use where the unit was: its own site is the facility.
_IN_HOUSE = (UnitState.RESTOCKED, UnitState.LISTED, UnitState.SOLD)


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


class SqlComplianceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _client(self, flt: ComplianceFilter) -> list[Any]:
        return [] if flt.client_code is None else [_U.client_code == flt.client_code]

    def weee_rows(self, flt: ComplianceFilter) -> Sequence[WeeeRow]:
        site = orm.sites.alias("received_at_site")
        country = sa.func.coalesce(_CU.country, site.c.country).label("country")
        facility = sa.case(
            (_U.state.in_(sorted(HANDED_ON)), _U.destination_site),
            (_U.state.in_(_IN_HOUSE), _U.site_code),
            else_=sa.null(),
        ).label("facility")
        stmt = (
            sa.select(
                country,
                _P.weee_category,
                _U.state,
                facility,
                sa.func.count(),
                sa.func.sum(_P.weight_kg),
            )
            .select_from(orm.units)
            .join(orm.products, _P.sku == _U.sku)
            .join(
                orm.unit_events,
                sa.and_(_EV.unit_id == _U.id, _EV.type == EventType.RECEIVED),
            )
            .join(site, site.c.code == _EV.site_code)
            .outerjoin(orm.return_requests, _R.number == _U.rma_number)
            .outerjoin(orm.customers, _CU.code == _R.customer_code)
            .where(
                _P.weee_category.is_not(None),
                _U.received_at >= flt.since,
                _U.received_at < flt.until,
                *self._client(flt),
            )
            .group_by(country, _P.weee_category, _U.state, facility)
        )
        if flt.country:
            stmt = stmt.where(sa.func.coalesce(_CU.country, site.c.country) == flt.country)
        return [
            WeeeRow(c, int(k), UnitState(_value(s)), f, int(n), float(kg or 0.0))
            for c, k, s, f, n, kg in self.session.execute(stmt)
        ]

    def facilities(self, codes: Sequence[str]) -> Sequence[Facility]:
        if not codes:
            return []
        s = orm.sites.c
        stmt = sa.select(s.code, s.name, s.country, s.city, s.kind, s.weee_certified).where(
            s.code.in_(sorted(set(codes)))
        )
        return [
            Facility(code, name, country, city, str(_value(kind)), bool(cert))
            for code, name, country, city, kind, cert in self.session.execute(stmt)
        ]

    def discard_rows(self, flt: ComplianceFilter) -> Sequence[DiscardRow]:
        i = orm.inspections.c
        ln = orm.return_lines.c
        latest = (
            sa.select(sa.func.max(i.id).label("id"), i.unit_id)
            .group_by(i.unit_id)
            .subquery("latest_inspection")
        )
        last = orm.inspections.alias("last_inspection")
        grade = last.c.functional_grade
        hazardous = sa.func.coalesce(last.c.hazardous, sa.false())
        stmt = (
            sa.select(
                _P.category,
                _U.state,
                hazardous,
                grade,
                sa.func.count(),
                sa.func.sum(_P.weight_kg),
            )
            .select_from(orm.units)
            .join(orm.products, _P.sku == _U.sku)
            .join(orm.return_requests, _R.number == _U.rma_number)
            .join(orm.return_lines, sa.and_(ln.rma_id == _R.id, ln.line_no == _U.rma_line_no))
            .join(orm.customers, _CU.code == _R.customer_code)
            .join(
                orm.unit_events,
                sa.and_(_EV.unit_id == _U.id, _EV.type == EventType.DISPATCHED),
            )
            .outerjoin(latest, latest.c.unit_id == _U.id)
            .outerjoin(last, last.c.id == latest.c.id)
            .where(
                ln.reason == ReturnReason.WITHDRAWAL,
                _CU.kind == CustomerKind.CONSUMER,
                _U.state.in_(sorted(DISCARDED)),
                _EV.occurred_at >= flt.since,
                _EV.occurred_at < flt.until,
                *self._client(flt),
            )
            .group_by(_P.category, _U.state, hazardous, grade)
        )
        return [
            DiscardRow(
                t,
                UnitState(_value(s)),
                bool(h),
                None if g is None else str(_value(g)),
                int(n),
                float(kg or 0.0),
            )
            for t, s, h, g, n, kg in self.session.execute(stmt)
        ]

    def refusals(self, flt: ComplianceFilter) -> Sequence[DestructionRefusal]:
        stmt = sa.select(destruction_refusals).where(
            _F.refused_at >= flt.since, _F.refused_at < flt.until
        )
        if flt.client_code is not None:
            stmt = stmt.where(_F.client_code == flt.client_code)
        return [
            DestructionRefusal(
                unit_id=r.unit_id,
                lpn=r.lpn,
                sku=r.sku,
                product_type=r.product_type,
                kg=r.weight_kg,
                refused_at=r.refused_at,
                actor=r.actor,
                law=r.law,
                reason=r.reason,
                client_code=r.client_code,
                id=r.id,
            )
            for r in self.session.execute(stmt.order_by(_F.refused_at, _F.id))
        ]

    def add_refusal(self, refusal: DestructionRefusal) -> None:
        refusal.id = self.session.execute(
            sa.insert(destruction_refusals)
            .values(
                unit_id=refusal.unit_id,
                lpn=refusal.lpn,
                sku=refusal.sku,
                product_type=refusal.product_type,
                weight_kg=refusal.kg,
                refused_at=refusal.refused_at,
                actor=refusal.actor,
                law=refusal.law,
                reason=refusal.reason,
                client_code=refusal.client_code,
            )
            .returning(_F.id)
        ).scalar_one()
