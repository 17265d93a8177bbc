"""The API describes itself (OpenAPI, /docs) and every route is in docs/api.md."""

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from revalo.adapters.db import sqlite_url
from revalo.bootstrap import bootstrap
from revalo.entrypoints.api import create_app
from revalo.settings import Settings
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, request_return, scan, signed_client
from tests.people import bearer

#: The Authorization header of the user of ``env_db``.
ENV_HEADERS: dict[str, str] = {}

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


def test_the_signed_in_user_is_the_actor_of_changes(sqlite_world: World) -> None:
    with signed_client(sqlite_world.app, "ines") as client:
        rma = request_return(client, "B-ACME", {"sku": "SOFA-3", "reason": "other"})
        decided = ok(client.post(f"{API}/returns/{rma['number']}/authorise", json={}))
        assert decided["decided_by"] == "ines"
        lpn = scan(client, sqlite_world.sofa.gtin)["unit"]["lpn"]
        events = ok(client.get(f"{API}/units/{lpn}/timeline"))["data"]
        assert [e["actor"] for e in events] == ["ines"]


@pytest.fixture
def env_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = sqlite_url(tmp_path / "env.db")
    app = bootstrap(Settings(database_url=url), create_schema=True)
    monkeypatch.setenv("REVALO_DATABASE_URL", url)
    monkeypatch.setattr(sys.modules[__name__], "ENV_HEADERS", bearer(app, "night-shift"))
    app.close()
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
    with TestClient(api, base_url="http://localhost", headers=ENV_HEADERS) as http:
        assert api.state.revalo.settings.database_url == env_db
        ok(http.post(f"{API}/sites", json=site), 201)
        assert ok(http.get(f"{API}/sites"))["count"] == 1
    # What was written is in the database the environment named.
    again = bootstrap(Settings(database_url=env_db))
    with TestClient(create_app(again), base_url="http://localhost", headers=ENV_HEADERS) as http:
        assert [s["code"] for s in ok(http.get(f"{API}/sites"))["data"]] == ["HUB-NL"]
    again.close()
