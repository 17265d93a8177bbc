"""What the EPCIS use cases need of storage: the unit events with what their EPCIS form
needs, the sites' GLNs, and the partners' events already applied."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from revalo.domain.epcis_mapping import TracedEvent
from revalo.domain.events import EventType


@dataclass(frozen=True, slots=True)
class TraceFilter:
    since: datetime | None = None
    until: datetime | None = None
    lpn: str | None = None
    site_code: str | None = None
    #: Only these event types (None: all).
    types: frozenset[EventType] | None = None
    #: Only the events of this client's units (a client user's).
    client_code: str | None = None
    #: Only the events of the units at these sites or on their way to one (a partner's).
    seen_at: frozenset[str] | None = None


class TraceRepository(Protocol):
    def events(self, flt: TraceFilter, *, limit: int, offset: int) -> Sequence[TracedEvent]:
        """By time, then by event id."""
        ...

    def glns(self) -> Mapping[str, str]:
        """The GLN of each site that has one."""
        ...

    def site_of_gln(self, gln: str) -> str | None: ...

    def captured(self, event_id: str, unit_id: int) -> bool: ...

    def add_capture(
        self, event_id: str, *, unit_id: int, at: datetime, by: str, outcome: str
    ) -> None:
        """Kept with the change it made; the same event for the same unit captured twice at
        the same time fails the second transaction (the primary key)."""
        ...
