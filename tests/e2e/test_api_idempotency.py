"""Idempotent POSTs: the same Idempotency-Key gives the first answer again and never runs a
use case twice, also when the retries come at the same time (SQLite and PostgreSQL)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.adapters import orm
from revalo.domain.people import Role
from revalo.entrypoints.api.routers import returns as returns_router
from tests.conftest import World
from tests.e2e.conftest import API, delivered, ok, refused
from tests.people import bearer

KEY = "Idempotency-Key"


def _return(sku: str = "TEE-M", quantity: int = 1) -> dict[str, Any]:
    lines = [{"sku": sku, "quantity": quantity, "reason": "withdrawal"}]
    return {"customer_code": "C-ANNE", "delivered_at": delivered(5), "lines": lines}


def _count(world: World, table: str) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.text(f"SELECT count(*) FROM {table}")) or 0)


def test_a_retry_gets_the_first_answer_and_changes_nothing(
    any_client: TestClient, world: World
) -> None:
    body = _return()
    first = any_client.post(f"{API}/returns", json=body, headers={KEY: "order-1"})
    assert first.status_code == 201, first.text
    again = any_client.post(f"{API}/returns", json=body, headers={KEY: "order-1"})
    assert (again.status_code, again.content) == (201, first.content)
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert _count(world, "return_requests") == 1
    # Another key is another request.
    other = ok(any_client.post(f"{API}/returns", json=body, headers={KEY: "order-2"}), 201)
    assert other["number"] != first.json()["number"]
    assert _count(world, "return_requests") == 2


def test_a_refusal_is_kept_too(any_client: TestClient, world: World) -> None:
    body = {**_return(), "customer_code": "C-NOBODY"}
    first = any_client.post(f"{API}/returns", json=body, headers={KEY: "k-404"})
    refused(first, 404, "customer_code")
    again = any_client.post(f"{API}/returns", json=body, headers={KEY: "k-404"})
    assert (again.status_code, again.content) == (404, first.content)
    assert again.headers["idempotent-replayed"] == "true"


def test_the_same_key_for_another_request_is_refused(any_client: TestClient, world: World) -> None:
    ok(any_client.post(f"{API}/returns", json=_return(), headers={KEY: "k-1"}), 201)
    changed = any_client.post(f"{API}/returns", json=_return(quantity=2), headers={KEY: "k-1"})
    assert "'k-1'" in refused(changed, 422, KEY)
    site = {
        "code": "HUB-IT",
        "name": "Hub Milano",
        "kind": "returns_hub",
        "country": "IT",
        "city": "Milano",
        "lat": 45.46,
        "lon": 9.19,
    }
    elsewhere = any_client.post(f"{API}/sites", json=site, headers={KEY: "k-1"})
    assert "POST /api/v1/returns" in refused(elsewhere, 422, KEY)
    assert _count(world, "return_requests") == 1
    assert any_client.get(f"{API}/sites/HUB-IT").status_code == 404


@pytest.mark.parametrize("key", ["", "a b", "é", "x" * 256])
def test_a_malformed_key_is_refused(client: TestClient, key: str) -> None:
    response = client.post(f"{API}/returns", json=_return(), headers={KEY: key.encode()})
    assert "printable ASCII" in refused(response, 422, KEY)


def test_simultaneous_retries_run_the_use_case_once(any_client: TestClient, world: World) -> None:
    body = _return(sku="LAP-14")

    def post(_: int) -> tuple[int, bytes]:
        r = any_client.post(f"{API}/returns", json=body, headers={KEY: "station-7-scan-1"})
        return r.status_code, r.content

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(post, range(16)))
    created = [content for status, content in answers if status == 201]
    assert created and len(set(created)) == 1, answers
    assert all(status in (201, 409) for status, _ in answers), answers
    assert _count(world, "return_requests") == 1
    assert _count(world, "idempotency_keys") == 1


def test_a_server_error_frees_the_key(
    client: TestClient, sqlite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = returns_router.service.request_return

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the disk is full")

    body = _return()
    monkeypatch.setattr(returns_router.service, "request_return", broken)
    failing = TestClient(
        client.app,
        base_url="http://localhost",
        headers=client.headers,
        raise_server_exceptions=False,
    )
    assert failing.post(f"{API}/returns", json=body, headers={KEY: "k-5"}).status_code == 500
    monkeypatch.setattr(returns_router.service, "request_return", real)
    retried = client.post(f"{API}/returns", json=body, headers={KEY: "k-5"})
    assert retried.status_code == 201 and "idempotent-replayed" not in retried.headers
    again = client.post(f"{API}/returns", json=body, headers={KEY: "k-5"})
    assert again.headers["idempotent-replayed"] == "true" and again.content == retried.content
    assert _count(sqlite_world, "return_requests") == 1


def test_keys_are_forgotten_after_their_retention(any_client: TestClient, world: World) -> None:
    body = _return()
    ok(any_client.post(f"{API}/returns", json=body, headers={KEY: "old"}), 201)
    hours = world.app.settings.idempotency_hours
    keys = orm.idempotency_keys
    with world.app.engine.begin() as conn:
        created = conn.scalar(sa.select(keys.c.created_at))
        conn.execute(keys.update().values(created_at=created - timedelta(hours=hours, minutes=1)))
    ok(any_client.post(f"{API}/returns", json=_return(sku="LAP-14"), headers={KEY: "new"}), 201)
    assert _count(world, "idempotency_keys") == 1  # the expired key is purged
    ok(any_client.post(f"{API}/returns", json=body, headers={KEY: "old"}), 201)
    assert _count(world, "return_requests") == 3


def test_only_posts_of_the_api_take_a_key(client: TestClient, sqlite_world: World) -> None:
    ok(client.get(f"{API}/returns", headers={KEY: "k-get"}))
    assert _count(sqlite_world, "idempotency_keys") == 0


def test_the_openapi_description_names_the_key_on_every_post(client: TestClient) -> None:
    spec = ok(client.get("/openapi.json"))
    posts = [ops["post"] for path, ops in spec["paths"].items() if "post" in ops]
    assert len(posts) >= 20
    for op in posts:
        assert KEY in [p["name"] for p in op.get("parameters", []) if p["in"] == "header"], op
    assert KEY in spec["info"]["description"]


def test_a_key_is_each_clients_own(any_client: TestClient, world: World) -> None:
    """Another user sending the same key runs its own request and never sees the first
    answer (which names another user's return)."""
    body = _return()
    first = ok(any_client.post(f"{API}/returns", json=body, headers={KEY: "k-shared"}), 201)
    other = TestClient(
        any_client.app,
        base_url="http://localhost",
        headers=bearer(world.app, "cs.other", {Role.CUSTOMER_SERVICE}),
    )
    mine = other.post(f"{API}/returns", json=body, headers={KEY: "k-shared"})
    assert mine.status_code == 201 and "idempotent-replayed" not in mine.headers
    assert mine.json()["number"] != first["number"]
    assert _count(world, "return_requests") == 2
