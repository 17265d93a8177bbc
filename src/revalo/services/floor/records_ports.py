"""What the cycle counts and the safety records need from the outside: two repositories,
on the unit of work as ``uow.counts`` and ``uow.safety``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from revalo.domain.floor.counts import BinCount, CountFigures, CountState
from revalo.domain.floor.safety import Briefing, Incident
from revalo.domain.floor.tasks import FloorTask


class CountRepository(Protocol):
    def add(self, count: BinCount) -> None: ...
    def get(self, count_id: int, *, lock: bool = False) -> BinCount | None: ...
    def for_task(self, task_id: int) -> BinCount | None: ...
    def list(
        self,
        *,
        site_code: str | None = None,
        state: CountState | None = None,
        since: datetime | None = None,
        limit: int = 200,
    ) -> Sequence[BinCount]:
        """The newest first."""
        ...

    def figures(self, *, site_code: str | None, since: datetime) -> Sequence[CountFigures]:
        """What each count since ``since`` found, for the accuracy."""
        ...

    def last_counted(self, site_code: str) -> dict[str, datetime]:
        """When each of the site's bins was last counted (bins never counted left out)."""
        ...

    def awaiting(self, bin_code: str) -> BinCount | None:
        """The bin's count that awaits approval, if any."""
        ...

    def live_task(self, bin_code: str) -> FloorTask | None:
        """The bin's count task not yet done or cancelled, if any."""
        ...


class SafetyRepository(Protocol):
    def add_incident(self, incident: Incident) -> None: ...
    def add_briefing(self, briefing: Briefing) -> None: ...
    def incidents(
        self, *, site_code: str | None, since: datetime | None, until: datetime | None
    ) -> Sequence[Incident]:
        """The newest first."""
        ...

    def briefings(
        self, *, site_code: str | None, since: datetime | None, until: datetime | None
    ) -> Sequence[Briefing]:
        """The newest first."""
        ...

    def last_lost_time(self, site_code: str, until: datetime) -> datetime | None:
        """When the site's last lost-time accident up to ``until`` happened."""
        ...
