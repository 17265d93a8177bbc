"""End-to-end fixtures: an HTTP client over a real application with the small named world,
and the ``revalo`` command on a SQLite file made by ``revalo db upgrade``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from typer.testing import CliRunner, Result

from revalo.adapters.db import sqlite_url
from revalo.bootstrap import App, bootstrap
from revalo.domain.people import User
from revalo.entrypoints.api import create_app
from revalo.entrypoints.cli import app as cli
from revalo.settings import Settings
from tests.conftest import World, seed_world
from tests.people import add_person, bearer, token_of

API = "/api/v1"


def signed_client(app: App, login: str = "operator", **options: Any) -> TestClient:
    """A client of ``app`` signed in as a new user ``login`` who may do everything."""
    return TestClient(
        create_app(app), base_url="http://localhost", headers=bearer(app, login), **options
    )


def client_of(app: App, user: User, lang: str = "en") -> TestClient:
    """A client of the pages and the API signed in as ``user`` (an API token), reading
    ``lang``."""
    headers = {"Authorization": f"Bearer {token_of(app, user)}"}
    return TestClient(
        create_app(app), base_url="http://localhost", headers=headers, cookies={"lang": lang}
    )


def _client(world: World) -> Iterator[TestClient]:
    """Signed in as ``operator``, a user who may do everything (with an API token)."""
    with TestClient(
        create_app(world.app), base_url="http://localhost", headers=bearer(world.app)
    ) as client:
        yield client


@pytest.fixture
def client(sqlite_world: World) -> Iterator[TestClient]:
    """The API on SQLite."""
    yield from _client(sqlite_world)


@pytest.fixture
def any_client(world: World) -> Iterator[TestClient]:
    """The API on each database (SQLite and PostgreSQL)."""
    yield from _client(world)


def ok(response: Response, status: int = 200) -> dict[str, Any]:
    """The JSON body of a successful answer; on failure, the body says why."""
    assert response.status_code == status, response.text
    body = response.json()
    assert isinstance(body, dict)
    return body


def refused(response: Response, status: int, field: str | None) -> str:
    """Check a refusal: its status, the one error shape, and the field it names; return the
    message (never empty)."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"detail"}, body
    assert body["detail"], body
    for item in body["detail"]:
        assert set(item) == {"field", "message"}, body
        assert item["message"].strip(), body
    fields = [item["field"] for item in body["detail"]]
    assert field in fields, f"expected an error on {field!r}, got {body}"
    return str(next(i["message"] for i in body["detail"] if i["field"] == field))


def delivered(days_ago: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).isoformat()


def request_return(
    client: TestClient,
    customer: str,
    *lines: dict[str, Any],
    days_ago: int = 5,
    order_ref: str = "",
) -> dict[str, Any]:
    body = {
        "customer_code": customer,
        "delivered_at": delivered(days_ago),
        "lines": list(lines),
        "order_ref": order_ref,
    }
    return ok(client.post(f"{API}/returns", json=body), 201)


def gs1(gtin: str, serial: str | None = None) -> str:
    """A GS1 element string as a scanner sends it: AI 01 (GTIN-14), then AI 21 (serial)."""
    return f"01{gtin.zfill(14)}" + (f"21{serial}" if serial else "")


def scan(client: TestClient, code: str, site: str = "HUB-FR", **extra: str) -> dict[str, Any]:
    return ok(client.post(f"{API}/receiving/scan", json={"code": code, "site_code": site, **extra}))


#: Wide enough that Rich never wraps a table cell (each problem stays on its own line), in
#: English whatever the locale of the machine the tests run on.
CLI_ENV = {"COLUMNS": "250", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def revalo(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=CLI_ENV, input=input)


@pytest.fixture
def bare_db(tmp_path: Path) -> Iterator[tuple[Path, World]]:
    """A database made by ``revalo db upgrade``, holding the small named world, no user."""
    path = tmp_path / "revalo.db"
    result = revalo("db", "upgrade", "--db", path)
    assert result.exit_code == 0, result.output
    app = bootstrap(Settings(database_url=sqlite_url(path)))
    yield path, seed_world(app)
    app.close()


@pytest.fixture
def db(bare_db: tuple[Path, World]) -> tuple[Path, World]:
    """The same, with the administrator ``operator`` the commands act as (who may do all)."""
    add_person(bare_db[1].app, "operator")
    return bare_db
