"""Bounded requests: a body over the limit is refused with 413 before it is read, by the API
and the web forms; every list has a bounded page."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.domain.errors import InvalidValue
from revalo.entrypoints.api import create_app
from revalo.settings import DEFAULT_MAX_BODY_BYTES, Settings
from tests.conftest import World
from tests.e2e.conftest import API, delivered, ok, refused, request_return, scan
from tests.people import bearer

LIMIT = 2_000


@pytest.fixture
def small(sqlite_world: World) -> Iterator[TestClient]:
    """The API and the pages on SQLite, taking bodies of at most LIMIT bytes."""
    app = sqlite_world.app
    settings = dataclasses.replace(app.settings, max_body_bytes=LIMIT)
    api = create_app(dataclasses.replace(app, settings=settings))
    with TestClient(api, base_url="http://localhost", headers=bearer(app)) as client:
        yield client


def _return(comment: str = "") -> dict[str, Any]:
    line = {"sku": "TEE-M", "quantity": 1, "reason": "withdrawal", "comment": comment}
    return {"customer_code": "C-ANNE", "delivered_at": delivered(5), "lines": [line]}


def _returns(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.text("SELECT count(*) FROM return_requests")) or 0)


def test_a_body_over_the_limit_gets_413_and_changes_nothing(
    small: TestClient, sqlite_world: World
) -> None:
    body = json.dumps(_return("x" * 1500)).encode()
    assert len(body) <= LIMIT
    ok(
        small.post(f"{API}/returns", content=body, headers={"content-type": "application/json"}),
        201,
    )
    # A valid request, only too large: refused whole.
    big = json.dumps(_return("x" * 1500) | {"order_ref": "y" * 600}).encode()
    assert len(big) > LIMIT
    answer = small.post(f"{API}/returns", content=big, headers={"content-type": "application/json"})
    message = refused(answer, 413, None)
    assert f"larger than {LIMIT:,} bytes" in message
    assert _returns(sqlite_world) == 1


def test_a_web_form_over_the_limit_gets_the_error_page(small: TestClient) -> None:
    answer = small.post(
        "/station/scan",
        data={"code": "x" * 3000, "site": "HUB-FR"},
        headers={"accept": "text/html"},
    )
    assert answer.status_code == 413
    assert "text/html" in answer.headers["content-type"]
    assert f"larger than {LIMIT:,} bytes" in answer.text


async def _call(api: Any, headers: list[tuple[bytes, bytes]], chunks: int) -> tuple[int, int]:
    """Send ``chunks`` chunks of 1,000 bytes; the status, and how many chunks were read."""
    read, status = 0, 0

    async def receive() -> dict[str, Any]:
        nonlocal read
        if read == chunks:
            return {"type": "http.disconnect"}
        read += 1
        return {"type": "http.request", "body": b"[" * 1000, "more_body": read < chunks}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": f"{API}/returns",
        "raw_path": f"{API}/returns".encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"localhost"), (b"content-type", b"application/json"), *headers],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    await api(scope, receive, send)
    return status, read


def _sent(api: Any, headers: list[tuple[bytes, bytes]], chunks: int) -> tuple[int, int]:
    # In a thread of its own: the test's thread may hold an event loop already.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(anyio.run, _call, api, headers, chunks).result()


def test_a_large_body_is_not_read_to_find_out(small: TestClient) -> None:
    api = small.app
    # 100 MB announced: refused before a byte is read.
    assert _sent(api, [(b"content-length", b"100000000")], 100_000) == (413, 0)
    # Sent in chunks with no length: refused at the first chunk past the limit.
    assert _sent(api, [], 100_000) == (413, LIMIT // 1000 + 1)
    # Also with an idempotency key, whose middleware reads the body first.
    assert _sent(api, [(b"idempotency-key", b"k-big")], 100_000) == (413, LIMIT // 1000 + 1)


def test_the_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.from_env().max_body_bytes == DEFAULT_MAX_BODY_BYTES
    monkeypatch.setenv("REVALO_MAX_BODY_BYTES", "65536")
    assert Settings.from_env().max_body_bytes == 65_536
    for wrong in ("lots", "-1", "0", "1.5"):
        monkeypatch.setenv("REVALO_MAX_BODY_BYTES", wrong)
        with pytest.raises(InvalidValue, match="REVALO_MAX_BODY_BYTES"):
            Settings.from_env()


#: Lists of one thing's own history, as long as what happened to it: no page.
WHOLE = {f"{API}/units/{{lpn}}/timeline"}


def test_every_list_has_a_bounded_page(client: TestClient) -> None:
    spec = ok(client.get("/openapi.json"))
    schemas = spec["components"]["schemas"]
    lists = []
    for path, ops in spec["paths"].items():
        ref = (
            ops.get("get", {})
            .get("responses", {})
            .get("200", {})
            .get("content", {})
            .get("application/json", {})
            .get("schema", {})
            .get("$ref", "")
        )
        if "data" in schemas.get(ref.rsplit("/", 1)[-1], {}).get("properties", {}):
            lists.append(path)
    assert len(lists) >= 7 and set(lists) - WHOLE
    for path in sorted(set(lists) - WHOLE):
        params = {p["name"]: p for p in spec["paths"][path]["get"].get("parameters", [])}
        assert params.get("limit", {}).get("schema", {}).get("maximum") == 200, path
        if "{" not in path:
            message = refused(client.get(path, params={"limit": 201}), 422, "limit")
            assert "200" in message, (path, message)


def test_sites_and_balances_come_in_pages(client: TestClient, sqlite_world: World) -> None:
    first = ok(client.get(f"{API}/sites", params={"limit": 3}))
    rest = ok(client.get(f"{API}/sites", params={"limit": 200, "offset": 3}))
    assert (len(first["data"]), first["count"], rest["count"]) == (3, 8, 8)
    codes = [s["code"] for s in first["data"] + rest["data"]]
    assert len(codes) == len(set(codes)) == 8
    request_return(client, "C-ANNE", {"sku": "LAP-14", "quantity": 1, "reason": "defective"})
    scan(client, sqlite_world.laptop.gtin)
    scan(client, sqlite_world.sofa.gtin)  # not expected: into quarantine
    everything = ok(client.get(f"{API}/stock/balances"))
    assert everything["count"] == 2
    page = ok(client.get(f"{API}/stock/balances", params={"limit": 1, "offset": 1}))
    assert page["data"] == everything["data"][1:] and page["count"] == 2
    assert page["total_units"] == everything["total_units"] == 2
