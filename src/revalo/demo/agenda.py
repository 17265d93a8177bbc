"""The order of a simulated day: phases at their hours, crews working through the steps,
and the agenda of what happens on which day."""

from __future__ import annotations

import enum
import heapq
import itertools
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Any, ParamSpec, Protocol, TypeVar

from revalo.demo.calendar import Calendar

P = ParamSpec("P")
T = TypeVar("T")


class Phase(enum.IntEnum):
    """The order of the day; each phase starts at its hour (UTC)."""

    REQUEST = 0  # customers ask at any hour of the day
    ARRIVE = 1
    RELEASE = 2
    REVIEW = 3
    INSPECT = 4
    DECIDE = 5
    WORK = 6
    PICKUP = 7
    SHIP = 8
    DISPATCH = 9
    SELL = 10


_HOUR = {
    Phase.REQUEST: 7.0,
    Phase.ARRIVE: 7.0,
    Phase.RELEASE: 8.5,
    Phase.REVIEW: 9.0,
    Phase.INSPECT: 9.5,
    Phase.DECIDE: 11.5,
    Phase.WORK: 13.0,
    Phase.PICKUP: 15.0,
    Phase.SHIP: 16.0,
    Phase.DISPATCH: 17.0,
    Phase.SELL: 19.0,
}
#: People at a site on each phase, and the minutes a step usually takes them (the demo's
#: assumption). Reviews and decisions are the flow manager's; sales are online.
_CREW: dict[Phase, tuple[int, float]] = {
    Phase.REQUEST: (1, 0.0),
    Phase.ARRIVE: (2, 0.5),
    Phase.RELEASE: (1, 5.0),
    Phase.REVIEW: (1, 5.0),
    Phase.INSPECT: (8, 10.0),
    Phase.DECIDE: (2, 1.0),
    Phase.WORK: (8, 20.0),
    Phase.PICKUP: (1, 0.0),
    Phase.SHIP: (4, 2.0),
    Phase.DISPATCH: (4, 2.0),
    Phase.SELL: (1, 0.25),
}


class Clocked(Protocol):
    clock: datetime  # the time of its last step


class Agenda:
    def __init__(self, calendar: Calendar) -> None:
        self.cal = calendar
        self.day = 0
        self.current = Phase.REQUEST
        self._days: dict[int, list[tuple[int, int, Callable[[Any], None], Any]]] = {}
        self._seq = itertools.count()
        self._busy: defaultdict[tuple[Phase, str | None], float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def later(self, day: int, phase: Phase, action: Callable[[Any], None], arg: Any) -> None:
        """Do ``action(arg)`` on that day and phase; nothing happens after the last day."""
        if day < self.day or (day == self.day and phase < self.current):
            raise AssertionError("the scenario cannot schedule a step in the past")
        if day < self.cal.days:
            heapq.heappush(self._days.setdefault(day, []), (phase, next(self._seq), action, arg))

    def at(
        self,
        phase: Phase,
        unit: Clocked | None = None,
        *,
        site: str | None = None,
        minutes: float | None = None,
    ) -> datetime:
        """When a step is done. From the phase's hour a site's crew works through the day's
        steps one after the other, several people side by side; a unit's own steps follow
        each other."""
        crew, usual = _CREW[phase]
        took = usual if minutes is None else minutes
        start = self.cal.at(self.day, minutes=_HOUR[phase] * 60 + self._busy[phase, site])
        self._busy[phase, site] += took / crew
        if unit is not None:
            start = max(start, unit.clock + timedelta(minutes=1))
        done = start + timedelta(minutes=took)
        if unit is not None:
            unit.clock = done
        return done

    def call(self, use_case: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a use case, counting the calls and the time spent in each."""
        started = time.perf_counter()
        try:
            return use_case(*args, **kwargs)
        finally:
            name = use_case.__name__
            self.calls[name] += 1
            self.seconds[name] += time.perf_counter() - started

    def play(
        self,
        batch: Callable[[], AbstractContextManager[None]],
        on_day: Callable[[int], None] | None = None,
        after_day: Callable[[int], None] | None = None,
        before_day: Callable[[int], None] | None = None,
    ) -> None:
        """Play every day in order, each inside one ``batch()``; ``before_day(day)`` and
        ``after_day(day)`` run outside the day's batch, for what opens its own (the floor's
        bins, the disposition batch)."""
        for day in range(self.cal.days):
            self.day, self.current = day, Phase.REQUEST
            self._busy.clear()
            if before_day:
                before_day(day)
            with batch():
                queue = self._days.setdefault(day, [])
                while queue:
                    phase, _, action, arg = heapq.heappop(queue)
                    self.current = Phase(phase)
                    action(arg)
                del self._days[day]
            if after_day:
                after_day(day)
            if on_day:
                on_day(day + 1)
