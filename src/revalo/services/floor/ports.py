"""What the floor's use cases need from the outside: one repository, on the unit of work as
``uow.floor``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from revalo.domain.floor.bins import Bin, Fill
from revalo.domain.floor.tasks import FloorTask, TaskState
from revalo.domain.floor.team import TeamMember


@dataclass(frozen=True, slots=True)
class TaskFilter:
    site_code: str | None = None
    states: frozenset[TaskState] = field(default_factory=frozenset)
    assignee: str | None = None
    #: Only the tasks nobody holds yet (open) or held by this login.
    free_or: str | None = None
    #: Only the tasks whose unit is still where the task found it.
    current: bool = False
    limit: int = 200


class FloorRepository(Protocol):
    def add_bin(self, bin: Bin) -> None:
        """The bin and its location of the ledger (same code)."""
        ...

    def bin(self, code: str, *, lock: bool = False) -> Bin | None: ...
    def bins(self, site_code: str, *, zone: str | None = None) -> Sequence[Bin]: ...

    def has_bins(self, site_code: str) -> bool:
        """Whether the site has any bin (one indexed probe, for the flow's hot paths)."""
        ...

    def existing_locations(self, codes: set[str]) -> set[str]: ...
    def fills(self, codes: Sequence[str]) -> dict[str, Fill]:
        """What the ledger puts in each bin now (bins holding nothing are left out)."""
        ...

    def add_member(self, member: TeamMember) -> None: ...
    def member(self, login: str) -> TeamMember | None: ...
    def members(self, *, site_code: str | None = None) -> Sequence[TeamMember]: ...
    def add_task(self, task: FloorTask) -> None: ...
    def task(self, task_id: int, *, lock: bool = False) -> FloorTask | None: ...
    def tasks(self, flt: TaskFilter) -> Sequence[FloorTask]:
        """By priority, then the longest waiting first."""
        ...

    def open_task_for(self, lpn: str) -> FloorTask | None:
        """The task not yet done or cancelled that moves this unit, if any."""
        ...
