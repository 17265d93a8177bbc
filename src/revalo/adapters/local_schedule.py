"""The embedded scheduler: a thread of the server that fires the scheduled runs at their
time of day (UTC). Each run submits its jobs with an idempotency key of its day, so that a
run fired twice (a restart, two server processes) leaves one job."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, time

log = logging.getLogger("revalo.jobs")
#: How often the clock is looked at, in seconds.
TICK_S = 20.0


class LocalScheduler:
    """Calls ``fire(name, day)`` once a day for each ``(name, at)`` of ``runs``, from the
    first time of day ``at`` reached after it started (a run missed while the server was
    stopped is fired at the start, the same day)."""

    def __init__(
        self,
        runs: list[tuple[str, time]],
        fire: Callable[[str, date], object],
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.runs, self.fire, self.now = runs, fire, now
        self.fired: dict[str, date] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="revalo-scheduler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def tick(self) -> list[str]:
        """Fire what is due now; the names fired."""
        now = self.now()
        done = []
        for name, at in self.runs:
            if now.time() >= at and self.fired.get(name) != now.date():
                self.fired[name] = now.date()
                try:
                    self.fire(name, now.date())
                except Exception:
                    log.exception("the scheduled run %s could not be submitted", name)
                done.append(name)
        return done

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.tick()
            self._stop.wait(TICK_S)

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
