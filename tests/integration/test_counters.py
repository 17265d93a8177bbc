"""Counters taken in blocks: a number is never given twice, whatever commits, rolls back or
runs at the same moment, in one process or in two on the same database."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from revalo.adapters.counters import BLOCK
from revalo.adapters.db import sqlite_url
from revalo.bootstrap import App, bootstrap
from revalo.settings import Settings
from tests.integration.flows import statements


def take(app: App, name: str = "unit", *, commit: bool = True) -> int:
    with app.uow() as uow:
        n = uow.sequences.next(name)
        if commit:
            uow.commit()
    return n


def test_threads_taking_numbers_at_once_never_get_the_same_one(app: App) -> None:
    kept: list[int] = []
    rolled_back: list[int] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def work(k: int) -> None:
        try:
            for i in range(3 * BLOCK):
                # Every third transaction rolls back what it took.
                commit = (i + k) % 3 != 0
                n = take(app, commit=commit)
                with lock:
                    (kept if commit else rolled_back).append(n)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert len(set(kept)) == len(kept) == 6 * 2 * BLOCK
    if app.engine.dialect.name == "postgresql":
        # A sequence never gives a number again, even one whose transaction rolled back.
        assert not set(kept) & set(rolled_back)
        assert len(set(rolled_back)) == len(rolled_back)


def test_numbers_committed_are_distinct_across_threads(app: App) -> None:
    kept: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(2 * BLOCK):
            n = take(app)
            with lock:
                kept.append(n)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(kept)) == len(kept) == 8 * BLOCK


def counter_statements(app: App, count: int) -> int:
    with statements(app) as seen:
        for _ in range(count):
            take(app)
    return len([q for q in seen if "sequences" in q or "nextval" in q])


def test_blocks_start_at_one_number_and_double_up_to_the_block(app: App) -> None:
    # 1, 2, 4, 8, 16, 32: six statements for the first 63 numbers, one per 32 after that.
    assert counter_statements(app, 2 * BLOCK - 1) == 6
    assert counter_statements(app, 4 * BLOCK) == 4


def test_a_rolled_back_block_is_given_back_on_sqlite_and_a_kept_number_never_twice(
    sqlite_app: App,
) -> None:
    first = take(sqlite_app, commit=False)
    # The rollback gave the block back to the counter row: the process forgot it too.
    assert take(sqlite_app) == first
    # From the block the committed transaction kept: a number taken then rolled back is a
    # gap, never given again.
    for _ in range(3):
        take(sqlite_app)  # the block is of several numbers now
    lost = take(sqlite_app, commit=False)
    assert take(sqlite_app) == lost + 1


def test_two_processes_on_one_file_take_blocks_of_their_own(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "two.db")
    one = bootstrap(Settings(database_url=url), create_schema=True)
    two = bootstrap(Settings(database_url=url))
    try:
        # A process that numbers one thing and ends leaves no gap.
        assert [take(one), take(two)] == [1, 2]
        numbers = [take(one) for _ in range(40)] + [take(two) for _ in range(40)]
        numbers += [take(one) for _ in range(40)]
        assert len(set(numbers)) == len(numbers) == 120
    finally:
        one.close()
        two.close()


@pytest.mark.parametrize("isolate", [True, False])
def test_a_batch_never_gives_a_number_twice(sqlite_app: App, isolate: bool) -> None:
    uow = sqlite_app.uow()
    got: list[int] = []
    with uow.batch(isolate_failures=isolate):
        for i in range(5):
            with uow:
                got.append(uow.sequences.next("unit"))
                if i != 2 or not isolate:
                    uow.commit()
    after = [take(sqlite_app) for _ in range(3)]
    assert len(set(got[:2] + got[3:] + after)) == 7
    assert min(after) > max(got[:2] + got[3:])
