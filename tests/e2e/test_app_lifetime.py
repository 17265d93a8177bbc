"""An application made and dropped is freed: nothing the process keeps (FastAPI's caches of
the endpoints it has classified, the routes shared by every application) holds on to it.
A test run makes hundreds of applications; each kept alive held about 90,000 objects, and
the garbage collector's full passes over them made the run several times slower."""

from __future__ import annotations

import gc
import weakref

from fastapi.testclient import TestClient

from revalo.bootstrap import App
from revalo.entrypoints.api import create_app
from tests.people import bearer


def test_an_application_dropped_is_freed(sqlite_app: App) -> None:
    api = create_app(sqlite_app)
    with TestClient(api, base_url="http://localhost") as client:
        # The endpoints that could hold it have all been used: the schema and the doc pages.
        headers = bearer(sqlite_app, "reader")
        assert client.get("/openapi.json", headers=headers).status_code == 200
        assert client.get("/docs", headers=headers).status_code == 200
        assert client.get("/api/v1/sites", headers=headers).status_code == 200
    kept = weakref.ref(api)
    del api, client
    gc.collect()
    assert kept() is None, [type(r).__name__ for r in gc.get_referrers(kept())]
