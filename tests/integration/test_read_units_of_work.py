"""Readers have units of work of their own: the database refuses a write made through
one, and on SQLite a writer holding its transaction does not make them wait."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.bootstrap import App
from revalo.domain.catalog import Product
from tests.conftest import World, gtin


def _product(sku: str) -> Product:
    return Product(
        sku=sku,
        gtin=gtin("371000000001"),
        name="Kettle",
        category="kitchen",
        brand="Bol",
        model="K1",
        weight_kg=1.0,
        volume_m3=0.003,
        new_price=Decimal("39.00"),
    )


def test_the_database_refuses_a_write_through_a_read_unit_of_work(world: World) -> None:
    with world.app.read_uow() as uow:
        uow.products.add(_product("KET-1"))
        with pytest.raises(sa.exc.DBAPIError, match=r"(?i)read.?only"):
            uow.commit()
    with world.app.read_uow() as uow:
        assert uow.products.get("KET-1") is None
        assert uow.products.get("LAP-14") is not None  # it reads


@contextmanager
def held_write(app: App) -> Iterator[None]:
    """A write transaction held open by another thread (a long import, a slow use case),
    until the block ends however long it takes (a loaded machine answers slowly)."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with app.uow() as uow:
            uow.products.add(_product("KET-2"))
            uow.session.flush()  # the write lock (SQLite) is held from here
            taken.set()
            release.wait()
            uow.commit()

    worker = threading.Thread(target=hold)
    worker.start()
    try:
        assert taken.wait(10), "the writer did not start"
        yield
    finally:
        release.set()
        worker.join(60)


def test_a_held_write_transaction_does_not_make_a_read_wait(sqlite_world: World) -> None:
    app = sqlite_world.app
    with held_write(app):
        started = time.perf_counter()
        with app.read_uow() as uow:
            laptop = uow.products.get("LAP-14")
            unseen = uow.products.get("KET-2")
        took = time.perf_counter() - started
    assert laptop is not None and unseen is None  # the last committed state, at once
    assert took < 1.0, f"a read waited {took:.2f} s for the writer"
    with app.read_uow() as uow:
        assert uow.products.get("KET-2") is not None  # committed by then
