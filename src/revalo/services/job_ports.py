"""What the jobs need from the outside: where jobs are kept, and what runs them.

``JobRunner`` is the port of the task engine: Celery workers in production
(adapters/celery_jobs.py), a small thread pool in the embedded default
(adapters/local_jobs.py). It only carries a job's id: the job itself, its parameters and
its state are in the database, so that any worker can take it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from revalo.domain.jobs import Job, JobKind, JobState

if TYPE_CHECKING:
    from revalo.services.ports import Page


@dataclass(frozen=True, slots=True)
class JobFilter:
    #: Only the jobs of this login (None: everybody's).
    submitted_by: str | None = None
    states: frozenset[JobState] = field(default_factory=frozenset)
    kind: JobKind | None = None


class JobRepository(Protocol):
    def add(self, job: Job) -> None:
        """Store a new job and set its ``id``."""
        ...

    def save(self, job: Job) -> None: ...
    def get(self, job_id: int, *, lock: bool = False) -> Job | None: ...
    def by_key(self, key: str) -> Job | None: ...
    def list(self, flt: JobFilter, *, limit: int, offset: int) -> Page[Job]:
        """Newest first, without their input and output files."""
        ...

    def unfinished(self) -> Sequence[int]: ...


class JobRunner(Protocol):
    """Runs stored jobs somewhere: ``submit`` hands one over by its id and returns at once."""

    def submit(self, job_id: int) -> None: ...

    def drain(self) -> None:
        """Wait for the jobs submitted here to finish, where they run here (the embedded
        pool); nothing where they run elsewhere (the Celery workers)."""
        ...

    def close(self, *, wait: bool = True) -> None:
        """Stop handing jobs over (with ``wait``, after the running ones finish)."""
        ...
