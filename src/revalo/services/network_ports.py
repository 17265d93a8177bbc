"""What the network planner reads from the history: the units received per customer region
in a period, what they weigh, and how many went on to repair, refurbishment or recycling."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RegionHistory:
    """Units received in the period from the customers of one city; ``lat``/``lon`` their
    mean position; ``repair`` ... units of them later sent to a site of that kind."""

    country: str
    city: str
    units: int
    lat: float
    lon: float
    kg: float
    m3: float
    repair: int
    refurbishment: int
    recycling: int


class NetworkHistory(Protocol):
    def received_by_region(self, start: datetime, end: datetime) -> Sequence[RegionHistory]: ...
