"""Simulated time: days counted from the start of the scenario, working days, clock times.

Sites work Monday to Friday; customers ask for returns and buy online every day. Times are
UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from revalo.demo import figures as fig

#: The scenario starts on the first Monday after the holidays, when returns of gifts peak
#: (a start the tests may fix; the demo itself ends on the day before it is built).
DEFAULT_START = datetime(2025, 1, 6, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Calendar:
    start: datetime
    days: int

    @classmethod
    def ending(cls, last: date, weeks: int) -> Calendar:
        """About ``weeks`` weeks of days that end with ``last``, from a Monday: everything
        the scenario does lies before what people do in it afterwards."""
        first = last - timedelta(days=weeks * 7 - 1)
        monday = first - timedelta(days=first.weekday())
        start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
        return cls(start, (last - monday).days + 1)

    def __post_init__(self) -> None:
        if self.start.weekday() != 0:
            raise ValueError("the scenario starts on a Monday")

    def at(self, day: int, *, minutes: float = 0.0) -> datetime:
        return self.start + timedelta(days=day, minutes=minutes)

    @staticmethod
    def weekday(day: int) -> int:
        return day % 7

    def is_working(self, day: int) -> bool:
        return self.weekday(day) < 5

    def next_working_day(self, day: int) -> int:
        """``day`` itself when it is a working day, else the next one."""
        while not self.is_working(day):
            day += 1
        return day

    def working_day_after(self, day: int, n: int) -> int:
        """The n-th working day after ``day``."""
        for _ in range(n):
            day = self.next_working_day(day + 1)
        return day

    def request_weights(self) -> list[float]:
        """Relative number of return requests on each day of the scenario."""
        return [
            fig.WEEKDAY_SHAPE[self.weekday(d)] * (1 - fig.WEEKLY_DECAY) ** (d // 7)
            for d in range(self.days)
        ]
