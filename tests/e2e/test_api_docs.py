"""The API describes itself (OpenAPI, /docs), every route is in docs/api.md, and every route
goes through the one current-user dependency."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from revalo.adapters.db import sqlite_url
from revalo.bootstrap import bootstrap
from revalo.entrypoints.api import create_app
from revalo.entrypoints.api.deps import User, get_current_user
from revalo.settings import Settings
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, request_return, scan

ROOT = Path(__file__).resolve().parents[2]
METHODS = {"get", "post", "put", "patch", "delete"}


def _routes() -> set[str]:
    spec = create_app().openapi()
    return {
        f"{m.upper()} {path}" for path, ops in spec["paths"].items() for m in ops if m in METHODS
    }


def test_openapi_and_docs_answer(client: TestClient) -> None:
    spec = ok(client.get("/openapi.json"))
    assert spec["info"]["title"] == "Revalo"
    assert f"{API}/receiving/scan" in spec["paths"]
    assert "ReturnCreate" in spec["components"]["schemas"]
    assert "ErrorBody" in spec["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_docs_page_loads_nothing_from_outside(client: TestClient) -> None:
    """/docs works offline: every script and style it names is served by the app itself."""
    page = client.get("/docs").text
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page)
    assert assets, "the page names its assets"
    for url in assets:
        assert url.startswith("/"), f"{url} is not served by the app"
        assert client.get(url).status_code == 200, url


def test_every_route_is_documented_in_docs_api_md() -> None:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`((?:GET|POST|PUT|PATCH|DELETE) /api/v1/[^`]*)`", text))
    routes = _routes()
    assert len(routes) >= 30  # the scan itself works
    assert routes - documented == set(), "document these routes in docs/api.md"
    assert documented - routes == set(), "docs/api.md lists routes that do not exist"


def test_every_route_goes_through_the_current_user(client: TestClient) -> None:
    calls: list[str] = []

    def counting_user() -> User:
        calls.append("called")
        return User(name="counted")

    client.app.dependency_overrides[get_current_user] = counting_user  # type: ignore[attr-defined]
    for route in sorted(_routes()):
        method, path = route.split(" ", 1)
        before = len(calls)
        client.request(method, re.sub(r"\{[^}]+\}", "X-1", path))
        assert len(calls) == before + 1, f"{route} does not go through the current user"


def test_the_current_user_is_the_actor_of_changes(client: TestClient, sqlite_world: World) -> None:
    client.app.dependency_overrides[get_current_user] = lambda: User(name="ines")  # type: ignore[attr-defined]
    rma = request_return(client, "B-ACME", {"sku": "SOFA-3", "reason": "other"})
    decided = ok(client.post(f"{API}/returns/{rma['number']}/authorise", json={}))
    assert decided["decided_by"] == "ines"
    lpn = scan(client, sqlite_world.sofa.gtin)["unit"]["lpn"]
    events = ok(client.get(f"{API}/units/{lpn}/timeline"))["data"]
    assert [e["actor"] for e in events] == ["ines"]


@pytest.fixture
def env_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = sqlite_url(tmp_path / "env.db")
    bootstrap(Settings(database_url=url), create_schema=True).close()
    monkeypatch.setenv("REVALO_DATABASE_URL", url)
    monkeypatch.setenv("REVALO_OPERATOR", "night-shift")
    yield url


def test_without_an_app_it_starts_from_the_environment(env_db: str) -> None:
    api = create_app()  # builds nothing yet: no database is touched before the server starts
    assert not hasattr(api.state, "revalo")
    site = {
        "code": "HUB-NL",
        "name": "Hub Tilburg",
        "kind": "returns_hub",
        "country": "NL",
        "city": "Tilburg",
        "lat": 51.56,
        "lon": 5.09,
    }
    with TestClient(api, base_url="http://localhost") as http:
        assert api.state.revalo.settings.database_url == env_db
        assert api.state.revalo.settings.operator == "night-shift"
        ok(http.post(f"{API}/sites", json=site), 201)
        assert ok(http.get(f"{API}/sites"))["count"] == 1
    # What was written is in the database the environment named.
    again = bootstrap(Settings(database_url=env_db))
    with TestClient(create_app(again), base_url="http://localhost") as http:
        assert [s["code"] for s in ok(http.get(f"{API}/sites"))["data"]] == ["HUB-NL"]
    again.close()
