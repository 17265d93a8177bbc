"""A partner working in its own system: the repair centre of the demo's partner login
(REP-FR-IT) reports what it does to Revalo as GS1 EPCIS 2.0 documents, as a partner's system
would send them to ``POST /api/v1/epcis/capture``: each unit's receipt, and each repair or
test begun and done, with its minutes, parts and notes. Each document is checked against
GS1's schema and captured whole (``services/epcis.capture``). The centre's other work
(cleaning, a data wipe and its certificate) it records in Revalo's pages, like any site."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from revalo.adapters.epcis_schema import schema_errors
from revalo.demo.floor import Floor, SimUnit
from revalo.demo.team import PARTNER_SITE
from revalo.domain import epcis as ep
from revalo.domain.epcis import REVALO_NS
from revalo.domain.epcis_mapping import unit_epc
from revalo.domain.work_orders import WorkOrderKind
from revalo.services import epcis

#: The partner whose system reports to Revalo.
REPORTING_SITE = PARTNER_SITE
#: The CBV business step of each kind of work the partner reports.
STEPS = {
    WorkOrderKind.REPAIR: "repairing",
    WorkOrderKind.REFURBISH: "repairing",
    WorkOrderKind.TEST: "inspecting",
}
_NAMESPACE = uuid.UUID("6f1d3c2e-5b7a-4e0b-9c1d-2a3b4c5d6e7f")


@dataclass(frozen=True, slots=True)
class Done:
    """A piece of work finished, as the partner reports it."""

    succeeded: bool
    minutes: int
    parts_cost: Decimal
    notes: str


class PartnerSystem:
    """Sends the partner's events, one small document each, as its system would."""

    def __init__(self, floor: Floor) -> None:
        self.f = floor
        self.sent = 0

    def reports(self, site: str, kind: WorkOrderKind | None = None) -> bool:
        """Whether the partner's system reports this step (else it is done in Revalo)."""
        return site == REPORTING_SITE and (kind is None or kind in STEPS)

    def arrived(self, unit: SimUnit, at: datetime) -> None:
        self._send(unit, "receiving", "in_progress", at)

    def started(self, unit: SimUnit, kind: WorkOrderKind, at: datetime) -> None:
        self._send(unit, STEPS[kind], "in_progress", at)

    def finished(self, unit: SimUnit, kind: WorkOrderKind, done: Done, at: datetime) -> None:
        extra: dict[str, Any] = {"revalo:labourMinutes": done.minutes}
        if done.parts_cost:
            extra["revalo:partsCostEur"] = f"{done.parts_cost:.2f}"
        if done.notes:
            extra["revalo:notes"] = done.notes
        status = "conformant" if done.succeeded else "non_conformant"
        self._send(unit, STEPS[kind], status, at, extra)

    def _send(
        self,
        unit: SimUnit,
        step: str,
        disposition: str,
        at: datetime,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.sent += 1
        event = {
            "type": "ObjectEvent",
            "eventID": f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{unit.lpn}/{self.sent}')}",
            "eventTime": ep.format_time(at),
            "eventTimeZoneOffset": "+01:00",
            "action": "OBSERVE",
            "epcList": [unit_epc(unit.lpn, None, None)],
            "bizStep": step,
            "disposition": disposition,
            "readPoint": {"id": f"{REVALO_NS}site:{REPORTING_SITE}"},
            "bizLocation": {"id": f"{REVALO_NS}site:{REPORTING_SITE}"},
            **(extra or {}),
        }
        document = {
            "@context": ep.CONTEXT,
            "type": "EPCISDocument",
            "schemaVersion": "2.0",
            "creationDate": ep.format_time(at),
            "epcisBody": {"eventList": [event]},
        }
        f = self.f
        f.agenda.call(
            epcis.capture,
            f.uow,
            document,
            by=f.who(REPORTING_SITE, 0),
            schema_errors=schema_errors,
            at=at,
        )
