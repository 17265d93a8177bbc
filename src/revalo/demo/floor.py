"""What the desks of the network share while the scenario plays: the unit of work, the
agenda, chance, the calendar, the network and its staff; and the units on their way."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from revalo.demo.agenda import Agenda
from revalo.demo.calendar import Calendar
from revalo.demo.grading import Grading
from revalo.demo.network import Network
from revalo.demo.plan import PlannedUnit
from revalo.domain.disposition import DispositionRoute
from revalo.domain.people import User
from revalo.domain.work_orders import WorkOrder
from revalo.domain.work_orders import WorkOrderKind as WK
from revalo.services.ports import UnitOfWork

MANAGER = "c.moreau"  # the flow manager who reviews returns and decides dispositions
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


class BatchingUnitOfWork(UnitOfWork, Protocol):
    def batch(self, *, isolate_failures: bool = True) -> AbstractContextManager[None]:
        """Run the use cases called inside in one transaction."""
        ...


@dataclass(eq=False)
class SimUnit:
    """A returned item as the scenario follows it."""

    plan: PlannedUnit
    hub: str
    rma: str | None
    lpn: str = ""
    site: str = ""
    clock: datetime = _EPOCH  # the time of the unit's last step
    grading: Grading | None = None
    orders: list[WorkOrder] = field(default_factory=list)
    destination: str | None = None
    route: DispositionRoute | None = None
    failed: WK | None = None
    unidentified: bool = False


@dataclass(eq=False)
class Floor:
    uow: BatchingUnitOfWork
    agenda: Agenda
    rng: random.Random
    cal: Calendar
    net: Network
    #: Each site's staff, in the order of their part (see ``team.HUB_ROLES``).
    staff: dict[str, list[User]]
    #: The flow manager, the shops' integrations..., by login.
    people: dict[str, User]
    _documents: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def who(self, site: str, role: int) -> User:
        people = self.staff[site]
        return people[role % len(people)]

    @property
    def manager(self) -> User:
        return self.people[MANAGER]

    def document(self, prefix: str) -> str:
        """A new number for a transport order, delivery note or sales order."""
        return f"{prefix}{next(self._documents):08d}"
