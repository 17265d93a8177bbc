"""The embedded task engine: the jobs run in the server's own process on a small thread
pool (no broker, nothing to set up). A job left unfinished when the server stopped is
handed to the pool again when it starts (``services.jobs.resubmit_unfinished``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger("revalo.jobs")


class LocalJobRunner:
    """Runs ``run(job_id)`` on one of ``threads`` threads, in the order submitted."""

    def __init__(self, run: Callable[[int], object], threads: int = 2) -> None:
        self._run = run
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="revalo-job")

    def submit(self, job_id: int) -> None:
        self._pool.submit(self._safely, job_id)

    def _safely(self, job_id: int) -> None:
        try:
            self._run(job_id)
        except Exception:  # the job row says why; the pool goes on with the next job
            log.exception("job %s stopped on an internal error", job_id)

    def drain(self) -> None:
        """Run every job submitted to its end, then stop."""
        self._pool.shutdown(wait=True)

    def close(self, *, wait: bool = True) -> None:
        """Stop taking jobs; with ``wait``, let the running ones finish (queued ones stay
        queued in the database, taken again at the next start)."""
        self._pool.shutdown(wait=wait, cancel_futures=True)
