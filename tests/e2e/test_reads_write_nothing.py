"""A GET never changes anything: every GET of the API and every page, on a database with
returns, units and work in it, leaves every table as it was (SQLite and PostgreSQL)."""

from __future__ import annotations

import re

import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.adapters import orm
from revalo.entrypoints.web import (
    pages_bench,
    pages_collections,
    pages_overview,
    pages_returns,
    pages_station,
)
from revalo.entrypoints.web import site as web
from tests.conftest import World
from tests.e2e.conftest import API, ok, request_return, scan


def _snapshot(world: World) -> dict[str, list[tuple[object, ...]]]:
    with world.app.engine.connect() as conn:
        return {
            t.name: sorted(
                (tuple(row) for row in conn.execute(sa.select(t))), key=lambda r: repr(r)
            )
            for t in orm.metadata.sorted_tables
        }


def _get_paths(client: TestClient) -> list[str]:
    """Every GET of the API (from its OpenAPI description) and of the web pages."""
    spec = ok(client.get("/openapi.json"))
    paths = [path for path, ops in spec["paths"].items() if "get" in ops]
    routers = [web.router, pages_overview.router, pages_returns.router]
    routers += [pages_station.router, pages_collections.router, pages_bench.router]
    for router in routers:
        paths += [r.path for r in router.routes if "GET" in (getattr(r, "methods", None) or ())]
    return paths


def test_no_get_changes_anything(any_client: TestClient, world: World) -> None:
    c = any_client
    waiting = request_return(c, "C-ANNE", {"sku": "LAP-14", "quantity": 1, "reason": "defective"})
    request_return(c, "C-JONAS", {"sku": "DRILL-18", "quantity": 1, "reason": "defective"})
    lpn = scan(c, world.drill.gtin, site="HUB-DE")["unit"]["lpn"]
    grade = {"functional_grade": "C", "cosmetic_grade": "B", "duration_s": 40}
    ok(c.post(f"{API}/units/{lpn}/inspection", json=grade))
    # A laptop with work to do at the bench: its data wipe started, its cleaning open.
    request_return(c, "C-ANNE", {"sku": "LAP-14", "quantity": 1, "reason": "withdrawal"})
    laptop = scan(c, world.laptop.gtin)["unit"]["lpn"]
    ok(c.post(f"{API}/units/{laptop}/inspection", json={**grade, "functional_grade": "A"}))
    decided = ok(c.post(f"{API}/units/{laptop}/disposition", json={"route": "resell"}))
    ok(c.post(f"{API}/work-orders/{decided['work_orders'][0]['id']}/start"))  # order 1
    values = {
        "number": waiting["number"],
        "lpn": lpn,
        "order_id": "1",
        "code": "HUB-DE",
        "sku": "LAP-14",
        "plan_id": "1",
    }
    paths = _get_paths(c)
    assert f"{API}/returns/{{number}}/label" in paths and "/returns/{number}" in paths
    before = _snapshot(world)
    for path in paths:
        url = re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values.get(m.group(1), "x"), path)
        if url.startswith("/lang/"):
            url = "/lang/fr"
        answer = c.get(url, follow_redirects=False)
        assert answer.status_code < 500, (url, answer.text[:300])
        assert _snapshot(world) == before, f"GET {url} changed the database"
