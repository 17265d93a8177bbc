"""Real Celery workers for the tests: ``revalo worker`` started as a process of its own on
the machine's broker (RabbitMQ at 127.0.0.1:5672 unless ``REVALO_TEST_BROKER_URL`` names
another), on a queue of the test's own so that parallel runs never take each other's jobs.

Without a broker answering, the tests that need one are skipped with the reason; with
``REVALO_REQUIRE_BROKER`` set (CI sets it), they fail instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672//"
#: How a worker is started: the ``revalo`` command of this interpreter.
REVALO = [sys.executable, "-c", "from revalo.entrypoints.cli import main; main()"]


def broker_url() -> str:
    return os.environ.get("REVALO_TEST_BROKER_URL") or DEFAULT_BROKER


def broker_answers(url: str) -> str | None:
    """None when the broker answers; else why not."""
    from kombu import Connection

    try:
        with Connection(url, connect_timeout=3) as conn:
            conn.ensure_connection(max_retries=1)
    except Exception as exc:
        return f"no broker at {url}: {exc}"
    return None


def require_broker() -> str:
    url = broker_url()
    why = broker_answers(url)
    if why is not None:
        if os.environ.get("REVALO_REQUIRE_BROKER"):
            pytest.fail(why)
        pytest.skip(why)
    return url


@dataclass
class Workers:
    """Workers of one database and one queue; each runs until stopped or killed."""

    database_url: str
    broker: str
    queue: str = field(default_factory=lambda: f"revalo-test-{uuid.uuid4().hex[:12]}")
    logs: Path = Path(".")
    started: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "REVALO_DATABASE_URL": self.database_url,
            "REVALO_BROKER_URL": self.broker,
            "REVALO_JOB_QUEUE": self.queue,
        }

    def start(self, concurrency: int = 1) -> subprocess.Popen[bytes]:
        with (self.logs / f"worker-{len(self.started)}.log").open("wb") as log:
            worker = subprocess.Popen(
                [*REVALO, "worker", f"--concurrency={concurrency}"],
                env=self.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                # A group of its own: the worker and its pool's processes are killed together.
                start_new_session=True,
            )
        self.started.append(worker)
        return worker

    def kill(self, worker: subprocess.Popen[bytes]) -> None:
        """SIGKILL to the worker and its pool: no chance to acknowledge or clean up."""
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)

    def stop_all(self) -> None:
        for worker in self.started:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
        for worker in self.started:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait(timeout=30)
        self._delete_queue()

    def _delete_queue(self) -> None:
        from kombu import Connection

        try:
            with Connection(self.broker, connect_timeout=3) as conn:
                conn.default_channel.queue_delete(self.queue)
        except Exception:  # the queue was never declared: nothing to clean up
            pass

    def log_text(self) -> str:
        return "\n".join(
            p.read_text(errors="replace") for p in sorted(self.logs.glob("worker-*.log"))
        )
