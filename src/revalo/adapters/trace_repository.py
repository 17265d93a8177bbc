"""The unit events as EPCIS needs them, read with SQLAlchemy Core (a query reads many, and
changes none), and the partners' EPCIS events already applied."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.domain.epcis_mapping import TracedEvent
from revalo.domain.events import EventType, UnitEvent
from revalo.domain.journey import CONSIGNMENT_PREFIX
from revalo.services.epcis_ports import TraceFilter

_EV = orm.unit_events.c
_U = orm.units.c


class SqlTraceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def events(self, flt: TraceFilter, *, limit: int, offset: int) -> Sequence[TracedEvent]:
        stmt = sa.select(
            *(getattr(_EV, c) for c in _EVENT_COLUMNS), _U.gtin, _U.serial, _U.rma_number
        ).join(orm.units, _U.id == _EV.unit_id)
        if flt.since is not None:
            stmt = stmt.where(_EV.occurred_at >= flt.since)
        if flt.until is not None:
            stmt = stmt.where(_EV.occurred_at < flt.until)
        if flt.lpn:
            stmt = stmt.where(_EV.lpn == flt.lpn)
        if flt.site_code:
            stmt = stmt.where(_EV.site_code == flt.site_code)
        if flt.types is not None:
            stmt = stmt.where(_EV.type.in_(sorted(flt.types)))
        if flt.client_code:
            stmt = stmt.where(_U.client_code == flt.client_code)
        if flt.seen_at is not None:
            seen = sorted(flt.seen_at)
            stmt = stmt.where(sa.or_(_U.site_code.in_(seen), _U.destination_site.in_(seen)))
        stmt = stmt.order_by(_EV.occurred_at, _EV.id).limit(limit).offset(offset)
        rows = self.session.execute(stmt).all()
        ssccs = self._ssccs(r.document for r in rows if r.type in _PACKED)
        return [
            TracedEvent(
                UnitEvent(**{c: getattr(r, c) for c in _EVENT_COLUMNS}),
                gtin=r.gtin,
                serial=r.serial,
                rma_number=r.rma_number,
                sscc=ssccs.get(r.document),
            )
            for r in rows
        ]

    def _ssccs(self, documents: Any) -> dict[str, str]:
        ids = {
            int(d.removeprefix(CONSIGNMENT_PREFIX)): d
            for d in documents
            if d.startswith(CONSIGNMENT_PREFIX) and d.removeprefix(CONSIGNMENT_PREFIX).isdigit()
        }
        if not ids:
            return {}
        c = orm.consignments.c
        rows = self.session.execute(
            sa.select(c.id, c.sscc).where(c.id.in_(sorted(ids)), c.sscc.is_not(None))
        )
        return {ids[i]: sscc for i, sscc in rows}

    def glns(self) -> Mapping[str, str]:
        s = orm.sites.c
        rows = self.session.execute(sa.select(s.code, s.gln).where(s.gln.is_not(None)))
        return {code: gln for code, gln in rows}

    def site_of_gln(self, gln: str) -> str | None:
        s = orm.sites.c
        return self.session.scalar(sa.select(s.code).where(s.gln == gln))

    def captured(self, event_id: str, unit_id: int) -> bool:
        c = orm.epcis_captures.c
        found = sa.select(c.event_id).where(c.event_id == event_id, c.unit_id == unit_id)
        return self.session.scalar(found) is not None

    def add_capture(
        self, event_id: str, *, unit_id: int, at: datetime, by: str, outcome: str
    ) -> None:
        self.session.execute(
            sa.insert(orm.epcis_captures).values(
                event_id=event_id,
                unit_id=unit_id,
                captured_at=at,
                captured_by=by,
                outcome=outcome[: orm.OUTCOME_LENGTH],
            )
        )


#: The events that put a unit into a consignment.
_PACKED = frozenset({EventType.SHIPPED, EventType.DISPATCHED})
_EVENT_COLUMNS = (
    "id",
    "unit_id",
    "lpn",
    "type",
    "occurred_at",
    "actor",
    "site_code",
    "location_code",
    "state",
    "reason",
    "document",
    "detail",
)
