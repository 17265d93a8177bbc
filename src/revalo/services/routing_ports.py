"""What the routing use cases need from the outside: one repository, on the unit of work as
``uow.routing``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from revalo.domain.routing import Routing


class RoutingRepository(Protocol):
    def add(self, routing: Routing) -> Routing:
        """Store a new routing with its rules; it comes back with its id."""
        ...

    def in_force(self, day: date) -> Routing | None:
        """The routing in force on ``day`` with its rules: the latest adopted from that day
        or before (of two from the same day, the later adopted)."""
        ...

    def hub_for(self, region: str, day: date) -> str | None:
        """The hub the routing in force on ``day`` sends ``region`` to (None: no routing,
        or it does not name the region)."""
        ...

    def history(self, *, limit: int, offset: int) -> tuple[Sequence[Routing], int]:
        """The routings adopted, the latest first, without their rules (``rules`` holds
        none), and how many there are."""
        ...

    def counts(self, ids: Sequence[int]) -> dict[int, int]:
        """How many regions each of these routings names."""
        ...
