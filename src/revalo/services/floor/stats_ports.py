"""What the floor's performance figures need from the outside: one repository, on the unit
of work as ``uow.floor_stats``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from revalo.domain.floor.performance import DoneTask, Stay


class FloorStatsRepository(Protocol):
    def done_tasks(
        self, site_code: str | None, since: datetime, until: datetime
    ) -> Sequence[DoneTask]:
        """The tasks done in [since, until), with their unit's receipt."""
        ...

    def stays(self, site_code: str | None, since: datetime, until: datetime) -> Sequence[Stay]:
        """The units' stays in a site's zones (by the ledger's moves) that overlap
        [since, until)."""
        ...
