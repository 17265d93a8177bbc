"""One demo build shared by the test modules that read the same small demo.

Building a demo takes tens of seconds; several modules check different parts of the same one
(300 units, 4 weeks, seed 7, ending 2025-02-16). ``demo_copy`` builds it once for the whole
test run — across pytest-xdist's processes too, under a file lock in the run's shared
temporary folder — and gives each caller its own copy of the SQLite file, so that what one
module writes never reaches another.
"""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from revalo.adapters.db import sqlite_url
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import App, bootstrap
from revalo.demo import build_demo
from revalo.settings import Settings

#: The small demo several modules read.
UNITS, WEEKS, SEED, LAST = 300, 4, 7, date(2025, 2, 16)
#: A longer one, for what takes weeks to show (the costs' story, a partner's repairs).
EIGHT_WEEKS: dict[str, Any] = {"units": 400, "weeks": 8, "seed": 7, "until": LAST}


def _shared_folder(factory: pytest.TempPathFactory) -> Path:
    """The folder every process of this run sees: the parent of a worker's own base
    folder under xdist, the base folder itself otherwise."""
    base = factory.getbasetemp()
    return base.parent if base.name.startswith("popen-gw") else base


def _built(factory: pytest.TempPathFactory, units: int, weeks: int, seed: int, until: date) -> Path:
    folder = _shared_folder(factory) / f"demo-{units}-{weeks}-{seed}-{until.isoformat()}"
    folder.mkdir(exist_ok=True)
    done = folder / "demo.db"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            building = folder / "building.db"
            building.unlink(missing_ok=True)
            url = sqlite_url(building)
            upgrade(url)
            app = bootstrap(Settings(database_url=url))
            try:
                build_demo(app, units=units, weeks=weeks, seed=seed, until=until)
            finally:
                app.close()  # the last connection's close folds the WAL into the file
            building.rename(done)
    return done


def demo_copy(
    factory: pytest.TempPathFactory,
    target: Path,
    *,
    units: int = UNITS,
    weeks: int = WEEKS,
    seed: int = SEED,
    until: date = LAST,
) -> str:
    """A fresh copy of the shared demo build at ``target`` (a file path); its database URL."""
    shutil.copyfile(_built(factory, units, weeks, seed, until), target)
    return sqlite_url(target)


@contextmanager
def demo_app(factory: pytest.TempPathFactory, target: Path) -> Iterator[App]:
    """The application on a fresh copy of the shared demo, closed afterwards."""
    app = bootstrap(Settings(database_url=demo_copy(factory, target)))
    try:
        yield app
    finally:
        app.close()
