"""The jobs' settings, read from the environment when the application starts: the broker
of the Celery workers (none: the embedded thread pool), the queue, the time limit, and the
scheduled runs."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import time

from revalo.domain.errors import InvalidValue
from revalo.settings_env import positive

#: The longest a job may run by default: an hour (a plan's search is at most 10 minutes;
#: a big import or a batch of many units takes longer). RabbitMQ gives a message back to
#: its queue when a consumer holds it unacknowledged for 30 minutes (its default
#: ``consumer_timeout``): raise that on the broker above this limit.
DEFAULT_TIME_LIMIT_S = 1500.0
DEFAULT_QUEUE = "revalo"
#: Threads of the embedded pool: regions and days are independent, two run side by side
#: on a small server.
DEFAULT_THREADS = 2
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_QUEUE = re.compile(r"^[A-Za-z0-9._-]{1,100}$")


@dataclass(frozen=True, slots=True)
class JobSettings:
    #: The Celery broker (``amqp://...`` RabbitMQ, ``redis://...``); None: embedded pool.
    broker_url: str | None = None
    queue: str = DEFAULT_QUEUE
    time_limit_s: float = DEFAULT_TIME_LIMIT_S
    threads: int = DEFAULT_THREADS
    #: When (UTC) the nightly disposition batch runs, or None.
    nightly_batch_at: time | None = None
    #: When (UTC) tomorrow's collection plans are made, and for which regions.
    collection_plans_at: time | None = None
    collection_regions: tuple[str, ...] = ()
    #: The flow manager the scheduled jobs run as (their owner, who reviews them).
    schedule_as: str | None = None

    @classmethod
    def from_env(cls) -> JobSettings:
        env = os.environ.get
        queue = (env("REVALO_JOB_QUEUE") or DEFAULT_QUEUE).strip()
        if not _QUEUE.match(queue):
            raise InvalidValue(
                f"REVALO_JOB_QUEUE={queue!r}: 1 to 100 letters, digits, '.', '_' or '-'"
            )
        regions = tuple(
            r.strip().upper() for r in (env("REVALO_COLLECTION_REGIONS") or "").split(";")
        )
        settings = cls(
            broker_url=(env("REVALO_BROKER_URL") or "").strip() or None,
            queue=queue,
            time_limit_s=positive("REVALO_JOB_TIME_LIMIT", DEFAULT_TIME_LIMIT_S),
            threads=int(positive("REVALO_JOB_THREADS", DEFAULT_THREADS, whole=True)),
            nightly_batch_at=_clock("REVALO_NIGHTLY_BATCH_AT"),
            collection_plans_at=_clock("REVALO_COLLECTION_PLANS_AT"),
            collection_regions=tuple(r for r in regions if r),
            schedule_as=(env("REVALO_SCHEDULE_AS") or "").strip().lower() or None,
        )
        if settings.collection_plans_at and not settings.collection_regions:
            raise InvalidValue(
                "REVALO_COLLECTION_PLANS_AT is set: name the regions in "
                "REVALO_COLLECTION_REGIONS (FR;BE,NL)"
            )
        if (settings.nightly_batch_at or settings.collection_plans_at) and not (
            settings.schedule_as
        ):
            raise InvalidValue(
                "scheduled runs are set: name the flow manager they run as in "
                "REVALO_SCHEDULE_AS (a login)"
            )
        return settings

    @property
    def scheduled(self) -> bool:
        return bool(self.nightly_batch_at or self.collection_plans_at)


def _clock(name: str) -> time | None:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    m = _CLOCK.match(raw)
    if m is None:
        raise InvalidValue(f"{name}={raw!r}: a time of day, HH:MM (UTC)")
    return time(int(m.group(1)), int(m.group(2)))
