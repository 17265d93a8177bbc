"""A disposition batch decided in two steps: a preview (the engine's plan for the units it
read, with the baselines' figures beside it), then its commit, once, by the preview's id —
refused when the units changed since."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


class BatchState(enum.StrEnum):
    PREVIEW = "preview"
    COMMITTED = "committed"


@dataclass(frozen=True, slots=True)
class PlannedDecision:
    """One unit's decision in a preview (``route`` None: the unit is held, no capacity)."""

    lpn: str
    route: str | None
    destination: str | None = None
    channel: str | None = None
    #: The engine's expected net recovery (None: a person's route the engine did not offer).
    net_eur: float | None = 0.0
    reason: str = ""
    #: The routes the engine found open to the unit (``ROUTE[@SITE][:CHANNEL]``) and the net
    #: recovery of each, best first.
    offered: tuple[tuple[str, float], ...] = ()
    #: Who chose this route instead of the engine's plan (the reason is theirs).
    overridden_by: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "lpn": self.lpn, "route": self.route, "destination": self.destination,
            "channel": self.channel, "net_eur": self.net_eur, "reason": self.reason,
            "offered": [list(o) for o in self.offered], "overridden_by": self.overridden_by,
        }  # fmt: skip

    @classmethod
    def of(cls, raw: dict[str, Any]) -> PlannedDecision:
        return cls(
            raw["lpn"], raw["route"], raw.get("destination"), raw.get("channel"),
            None if raw.get("net_eur", 0.0) is None else float(raw.get("net_eur", 0.0)),
            raw.get("reason", ""), tuple((str(c), float(n)) for c, n in raw.get("offered", ())),
            raw.get("overridden_by"),
        )  # fmt: skip


@dataclass(eq=False)
class DispositionBatch:
    day: date
    site_code: str | None
    made_by: str
    made_at: datetime
    #: What the preview read of each unit ("site|inspected at"), to find what changed since.
    units_read: dict[str, str]
    plan: list[PlannedDecision]
    #: Net recovery and objective of the optimiser and of each baseline, the solver's
    #: status and gap, capacity use.
    figures: dict[str, Any] = field(default_factory=dict)
    state: BatchState = BatchState.PREVIEW
    committed_by: str | None = None
    committed_at: datetime | None = None
    id: int | None = None
