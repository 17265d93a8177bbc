"""What the capacity plan's use cases need from the outside: one repository, on the unit of
work as ``uow.capacity_plans``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from revalo.domain.capacity_plans import ChannelDemand, SiteCapacity
from revalo.domain.disposition_batches import DispositionBatch
from revalo.domain.work_orders import WorkOrderKind


@dataclass(frozen=True, slots=True)
class WorkBooked:
    """Work orders made at a site in a period, of one kind, for units of one category."""

    site_code: str
    kind: WorkOrderKind
    category: str
    count: int


@dataclass(frozen=True, slots=True)
class SalesBooked:
    """Units decided for sale on a channel in a period (their decision still standing)."""

    channel: str
    category: str
    count: int


class CapacityPlanRepository(Protocol):
    def hold(self, key: str) -> None:
        """Other writers of ``key`` wait until this transaction ends: a new version reads
        the last one committed."""
        ...

    def latest_capacity(self, site_code: str, week: date) -> SiteCapacity | None: ...

    def add_capacity(self, capacity: SiteCapacity) -> None:
        """Insert a new version (its ``version`` the next of its site and week)."""
        ...

    def capacities(
        self, *, week: date | None = None, site_code: str | None = None, history: bool = False
    ) -> Sequence[SiteCapacity]:
        """The latest version of each site's week (every version with ``history``)."""
        ...

    def latest_demand(self, channel: str, category: str, week: date) -> ChannelDemand | None: ...

    def add_demand(self, demand: ChannelDemand) -> None: ...

    def demands(
        self, *, week: date | None = None, channel: str | None = None, history: bool = False
    ) -> Sequence[ChannelDemand]: ...

    def work_booked(self, start: datetime, end: datetime) -> Sequence[WorkBooked]:
        """Work orders made in [start, end) that were not cancelled."""
        ...

    def sales_booked(self, start: datetime, end: datetime) -> Sequence[SalesBooked]:
        """Units decided in [start, end) for a channel, by decisions not overridden since."""
        ...


class DispositionBatchRepository(Protocol):
    def add(self, batch: DispositionBatch) -> None:
        """Store a preview; its ``id`` is set."""
        ...

    def get(self, batch_id: int, *, lock: bool = False) -> DispositionBatch | None:
        """The batch, its row locked with ``lock``."""
        ...

    def latest(self) -> DispositionBatch | None:
        """The batch previewed last."""
        ...

    def committed(self, *, before: int | None = None, limit: int = 60) -> list[DispositionBatch]:
        """The batches committed (previewed before batch ``before``, if given), the last
        committed first, at most ``limit``."""
        ...

    def mark_committed(self, batch: DispositionBatch) -> None:
        """Store its state, committer and time, and its plan (the overrides in it)."""
        ...
