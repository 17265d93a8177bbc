"""Tasks on the floor, and what each needs of the person who does it.

What a task needs is data, one rule table (``RULES``): every rule whose condition holds
adds its equipment, qualifications and PPE. A task is assigned or started only by a member
who holds every one, valid on the day; the refusal names what is missing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from revalo.domain.errors import InvalidTransition, NotAllowed
from revalo.domain.floor.bins import Bin, BinKind, Item
from revalo.domain.floor.team import Need, PpeKind, TeamMember
from revalo.domain.floor.team import QualificationKind as Q

#: Racking beams above this height (m) are reached with a reach truck only.
RACKING_TRUCK_HEIGHT_M = 1.2
#: Items above this mass (kg) are carried with a truck (a counterbalance truck).
TRUCK_MASS_KG = 25.0


class TaskKind(enum.StrEnum):
    PUT_AWAY = "put_away"
    TO_WORKSHOP = "to_workshop"
    PICK = "pick"
    LOAD = "load"
    COUNT = "count"


class TaskState(enum.StrEnum):
    OPEN = "open"
    ASSIGNED = "assigned"
    STARTED = "started"
    DONE = "done"
    CANCELLED = "cancelled"


class Priority(enum.IntEnum):
    URGENT = 1
    HIGH = 2
    NORMAL = 3


@dataclass(frozen=True, slots=True)
class Requirements:
    equipment: frozenset[str] = frozenset()
    needs: frozenset[Need] = frozenset()
    ppe: frozenset[PpeKind] = frozenset()

    def __or__(self, other: Requirements) -> Requirements:
        return Requirements(
            self.equipment | other.equipment, self.needs | other.needs, self.ppe | other.ppe
        )


_DRIVER = frozenset({Need(Q.DRIVING_AUTHORISATION), Need(Q.MEDICAL_FITNESS)})


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    applies: Callable[[Item | None, Bin | None], bool]
    then: Requirements


def _high_racking(item: Item | None, bin: Bin | None) -> bool:
    return (
        bin is not None
        and bin.kind is BinKind.PALLET_RACKING
        and bin.height_m > RACKING_TRUCK_HEIGHT_M
    )


def _heavy(item: Item | None, bin: Bin | None) -> bool:
    return item is not None and item.mass_kg > TRUCK_MASS_KG and not _high_racking(item, bin)


RULES: tuple[Rule, ...] = (
    Rule(
        "on the floor",
        lambda i, b: True,
        Requirements(ppe=frozenset({PpeKind.HI_VIS_VEST, PpeKind.SAFETY_SHOES})),
    ),
    Rule(
        f"pallet racking above {RACKING_TRUCK_HEIGHT_M:g} m",
        _high_racking,
        Requirements(
            frozenset({"reach_truck"}),
            _DRIVER | {Need(Q.CACES_R489, "5")},
            frozenset({PpeKind.HELMET}),
        ),
    ),
    Rule(
        f"over {TRUCK_MASS_KG:g} kg",
        _heavy,
        Requirements(frozenset({"counterbalance_truck"}), _DRIVER | {Need(Q.CACES_R489, "3")}),
    ),
    Rule(
        "damaged lithium battery",
        lambda i, b: i is not None and i.damaged_lithium,
        Requirements(needs=frozenset({Need(Q.DG_AWARENESS)}), ppe=frozenset({PpeKind.GLOVES})),
    ),
)


def requirements_for(item: Item | None, bin: Bin | None) -> Requirements:
    out = Requirements()
    for rule in RULES:
        if rule.applies(item, bin):
            out = out | rule.then
    return out


@dataclass(eq=False)
class FloorTask:
    kind: TaskKind
    site_code: str
    zone: str
    created_at: datetime
    priority: int = Priority.NORMAL
    state: TaskState = TaskState.OPEN
    unit_lpn: str | None = None
    #: Where the unit is when the task is made: the task is overtaken once it is elsewhere.
    from_location: str | None = None
    #: Where the unit is to go (a bin code; empty: proposed when the task is started).
    bin_code: str = ""
    equipment: frozenset[str] = frozenset()
    needs: frozenset[Need] = frozenset()
    ppe: frozenset[PpeKind] = frozenset()
    assignee: str | None = None
    assigned_by: str | None = None
    started_at: datetime | None = None
    done_at: datetime | None = None
    note: str = ""
    detail: dict[str, str] = field(default_factory=dict)
    id: int | None = None

    def require(self, req: Requirements) -> None:
        self.equipment, self.needs, self.ppe = req.equipment, req.needs, req.ppe

    def ensure_qualified(self, member: TeamMember, day: date) -> None:
        lacking = member.missing(self.needs, self.ppe, day)
        if lacking:
            raise NotAllowed(
                f"{member.user_login} may not do task {self.id} ({self.kind.value}): "
                + "; ".join(lacking),
                field="assignee",
            )

    def assign(self, member: TeamMember, *, by: str, day: date) -> None:
        if self.state not in (TaskState.OPEN, TaskState.ASSIGNED):
            raise InvalidTransition(f"task {self.id} is {self.state.value}: it cannot be assigned")
        if member.site_code != self.site_code:
            raise NotAllowed(
                f"{member.user_login} works at {member.site_code}, task {self.id} is at "
                f"{self.site_code}",
                field="assignee",
            )
        self.ensure_qualified(member, day)
        self.assignee, self.assigned_by, self.state = member.user_login, by, TaskState.ASSIGNED

    def start(self, member: TeamMember, at: datetime) -> None:
        if self.state is TaskState.ASSIGNED and self.assignee != member.user_login:
            raise NotAllowed(f"task {self.id} is assigned to {self.assignee}", field="assignee")
        if self.state not in (TaskState.OPEN, TaskState.ASSIGNED):
            raise InvalidTransition(f"task {self.id} is {self.state.value}: it cannot be started")
        if member.site_code != self.site_code:
            raise NotAllowed(f"{member.user_login} works at {member.site_code}", field="assignee")
        self.ensure_qualified(member, at.date())
        self.assignee, self.state, self.started_at = member.user_login, TaskState.STARTED, at

    def finish(self, login: str, at: datetime) -> None:
        if self.state is not TaskState.STARTED or self.assignee != login:
            raise InvalidTransition(
                f"task {self.id} is {self.state.value}"
                + (f" by {self.assignee}" if self.assignee else "")
                + f": {login} cannot finish it"
            )
        self.state, self.done_at = TaskState.DONE, at

    def cancel(self, at: datetime, why: str) -> None:
        self.state, self.done_at, self.note = TaskState.CANCELLED, at, why
