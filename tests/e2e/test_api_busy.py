"""Readers are served while a writer works; a lock held longer than the timeout answers 503
with Retry-After (API and pages), never 500; a GET cannot write."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.bootstrap import App, bootstrap
from revalo.domain.catalog import Customer, CustomerKind
from revalo.services import collections, lookups
from revalo.services.ports import UnitOfWork
from tests.conftest import World, gtin
from tests.e2e.conftest import API, ok, signed_client
from tests.integration.test_collections import returns_to_collect
from tests.integration.test_read_units_of_work import held_write
from tests.people import person

PRODUCT = {
    "sku": "KET-9",
    "gtin": gtin("371000000009"),
    "name": "Kettle",
    "category": "kitchen",
    "brand": "Bol",
    "model": "K9",
    "weight_kg": 1.0,
    "volume_m3": 0.003,
    "new_price": "39.00",
}


def _warm(client: TestClient, *urls: str) -> None:
    """First answers compile templates and fill caches: not what is measured."""
    for url in urls:
        assert client.get(url).status_code == 200


def _timed_get(client: TestClient, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    took = time.perf_counter() - started
    assert response.status_code == 200, response.text
    return took


def test_a_get_is_answered_while_a_write_transaction_is_held(
    any_client: TestClient, world: World
) -> None:
    client = any_client
    _warm(client, f"{API}/products/LAP-14", "/returns")
    with held_write(world.app):
        api = _timed_get(client, f"{API}/products/LAP-14")
        page = _timed_get(client, "/returns")
    assert api < 1.0 and page < 1.0, f"a GET waited {max(api, page):.2f} s for the writer"


@contextmanager
def searching_a_plan(world: World, monkeypatch: pytest.MonkeyPatch, start: Any) -> Iterator[Any]:
    """``start()`` plans a day of collections (3 s of search) in another thread; inside, the
    search is running. Yields what the thread is, to check it still runs."""
    returns_to_collect(world)
    searching = threading.Event()
    search = collections._solve

    def solve(*args: Any) -> Any:
        searching.set()
        return search(*args)

    monkeypatch.setattr(collections, "_solve", solve)
    worker = threading.Thread(target=start)
    worker.start()
    try:
        assert searching.wait(10), "the search did not start"
        yield worker
    finally:
        worker.join(30)


def test_a_get_is_answered_while_a_plan_is_searched(
    client: TestClient, sqlite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = sqlite_world
    done: list[collections.StoredPlan] = []

    def plan() -> None:
        day = world.now.date() + timedelta(days=7)
        done.append(
            collections.plan_collections(
                world.app.uow(),
                world.app.transport,
                day=day,
                region="FR",
                seconds=3,
                by=person("operator"),
            )
        )

    _warm(client, f"{API}/returns", "/collections")
    with searching_a_plan(world, monkeypatch, plan) as worker:
        took = [_timed_get(client, f"{API}/returns"), _timed_get(client, "/collections")]
        still_searching = worker.is_alive()
    assert still_searching, "the search ended before the reads: nothing was measured"
    assert max(took) < 1.0, f"a GET waited {max(took):.2f} s for the plan's search"
    assert done and done[0].plan.collected


def test_a_plan_searched_from_its_page_does_not_hold_up_other_requests(
    client: TestClient, sqlite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = (sqlite_world.now.date() + timedelta(days=7)).isoformat()
    answers: list[int] = []

    def plan() -> None:
        form = {"day": day, "region": "FR", "seconds": "3"}
        answers.append(client.post("/collections", data=form, follow_redirects=False).status_code)

    _warm(client, f"{API}/products/LAP-14", "/")
    with searching_a_plan(sqlite_world, monkeypatch, plan) as worker:
        took = [_timed_get(client, f"{API}/products/LAP-14"), _timed_get(client, "/")]
        still_searching = worker.is_alive()
    assert still_searching, "the search ended before the reads: nothing was measured"
    assert max(took) < 1.0, f"a GET waited {max(took):.2f} s for the page's search"
    assert answers == [303]


@pytest.fixture
def impatient(world: World) -> Iterator[App]:
    """The same database, with a lock timeout of half a second."""
    settings = dataclasses.replace(world.app.settings, lock_timeout_s=0.5)
    app = bootstrap(settings)
    yield app
    app.close()


@contextmanager
def locked_from_outside(app: App) -> Iterator[None]:
    """Another process holds the write lock (SQLite) or a lock on the products (PostgreSQL)
    that lets readers read."""
    if app.engine.dialect.name == "sqlite":
        path = sa.engine.make_url(app.settings.database_url).database
        assert path is not None
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    with app.engine.connect() as conn:
        conn.exec_driver_sql("LOCK TABLE products IN EXCLUSIVE MODE")
        yield
        conn.rollback()


def _busy(response: Any) -> str:
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "1"
    return str(response.text)


def test_a_lock_held_longer_than_the_timeout_answers_503_with_retry_after(
    impatient: App,
) -> None:
    client = signed_client(impatient)
    with locked_from_outside(impatient):
        answer = client.post(f"{API}/products", json=PRODUCT)
        body = _busy(answer)
        assert answer.json() == {
            "detail": [{"field": None, "message": answer.json()["detail"][0]["message"]}]
        }
        assert "nothing was changed; try again in 1 s" in body
        page = client.post(
            "/station/unidentified",
            data={"site": "HUB-FR", "description": "a grey box"},
            headers={"accept": "text/html"},
        )
        assert "text/html" in page.headers["content-type"]
        assert "try again in 1 s" in _busy(page)
        # Readers still read meanwhile.
        ok(client.get(f"{API}/products/LAP-14"))
    assert client.get(f"{API}/products/KET-9").status_code == 404
    ok(client.post(f"{API}/products", json=PRODUCT), 201)  # once free, the same request


def test_a_writer_connection_busy_longer_than_the_timeout_answers_503(
    sqlite_world: World,
) -> None:
    settings = dataclasses.replace(sqlite_world.app.settings, lock_timeout_s=0.5)
    app = bootstrap(settings)
    try:
        client = signed_client(app)
        _warm(client, f"{API}/products/LAP-14")
        with held_write(app):
            assert "connection" in _busy(client.post(f"{API}/products", json=PRODUCT))
    finally:
        app.close()


def test_a_get_that_tried_to_write_would_fail(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def writing_lookup(uow: UnitOfWork, code: str) -> Customer:
        with uow:
            found = Customer(
                code, "Written by a GET", CustomerKind.CONSUMER, "FR", "Lyon", 45.7, 4.8
            )
            uow.customers.add(found)
            uow.commit()
        return found

    monkeypatch.setattr(lookups, "get_customer", writing_lookup)
    client = signed_client(world.app, raise_server_exceptions=False)
    assert client.get(f"{API}/customers/C-NEW").status_code == 500
    with world.app.read_uow() as uow:
        assert uow.customers.get("C-NEW") is None
