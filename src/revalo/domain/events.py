"""Unit events: every change of a unit's state or place, with what, when, where, who, why.

A unit's timeline, the stock ledger, the costs and the EPCIS 2.0 events
(``domain/epcis_mapping.py``) derive from them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class EventType(enum.StrEnum):
    RECEIVED = "received"
    QUARANTINED = "quarantined"
    RELEASED = "released"
    MOVED = "moved"
    INSPECTED = "inspected"
    DISPOSITION_RECORDED = "disposition_recorded"
    WORK_STARTED = "work_started"
    #: A sitting of work on a unit: its minutes, results and parts (state and place unchanged).
    WORK_RECORDED = "work_recorded"
    WORK_COMPLETED = "work_completed"
    WORK_FAILED = "work_failed"
    READY = "ready"
    SHIPPED = "shipped"
    ARRIVED = "arrived"
    LISTED = "listed"
    DISPATCHED = "dispatched"
    #: Money the unit brought after it left: a partner's payment, a vendor's credit.
    PROCEEDS_RECORDED = "proceeds_recorded"
    #: What a partner reported of a unit at its site (an EPCIS event it sent), as it said it.
    REPORTED = "reported"


@dataclass(eq=False)
class UnitEvent:
    unit_id: int
    lpn: str
    type: EventType
    occurred_at: datetime
    actor: str
    site_code: str | None
    location_code: str | None
    state: str
    reason: str = ""
    document: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
