"""What the jobs' tests share: returns to collect near Lyon, and waiting for a job."""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.e2e.conftest import API, ok, request_return

JOBS = f"{API}/jobs"


def authorised(client: TestClient, customer: str, sku: str, quantity: int = 1) -> str:
    reason = "end_of_lease" if customer.startswith("B-") else "withdrawal"
    rma = request_return(client, customer, {"sku": sku, "quantity": quantity, "reason": reason})
    if rma["state"] != "authorised":
        rma = ok(client.post(f"{API}/returns/{rma['number']}/authorise", json={}))
    return str(rma["number"])


def week_later() -> str:
    """Every pickup authorised today is past due eight days later (7 in collection.toml)."""
    return (date.today() + timedelta(days=8)).isoformat()


def wait_for(
    client: TestClient, job_id: int, done: Any = None, *, timeout_s: float = 120.0
) -> dict[str, Any]:
    """The job once ``done(job)`` holds (default: once it is finished)."""
    finished = {"done", "failed", "cancelled"}
    check = done or (lambda j: j["state"] in finished)
    deadline = time.monotonic() + timeout_s
    while True:
        job = ok(client.get(f"{JOBS}/{job_id}"))
        if check(job):
            return job
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} not there after {timeout_s:g} s: {job}")
        time.sleep(0.1)
