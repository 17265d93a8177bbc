"""A use case that meets a concurrent write is tried again as a whole, a bounded number of
times, then answered with a clear conflict."""

from __future__ import annotations

import pytest

from revalo.domain.errors import Conflict
from revalo.services.ports import WriteConflict
from revalo.services.retry import ATTEMPTS, retried


class Flaky:
    """Collides ``collisions`` times, then succeeds; counts its runs."""

    def __init__(self, collisions: int) -> None:
        self.collisions = collisions
        self.runs = 0

    def __call__(self, value: int) -> int:
        self.runs += 1
        if self.runs <= self.collisions:
            raise WriteConflict("a unit in stock with this GTIN and serial")
        return value * 2


def test_a_use_case_that_collides_then_succeeds_answers_as_if_alone() -> None:
    use_case = Flaky(ATTEMPTS - 1)
    assert retried(use_case)(21) == 42
    assert use_case.runs == ATTEMPTS


def test_a_use_case_that_keeps_colliding_is_refused_with_what_was_contended() -> None:
    use_case = Flaky(ATTEMPTS)
    with pytest.raises(Conflict) as err:
        retried(use_case)(1)
    assert use_case.runs == ATTEMPTS
    assert err.value.message == (
        f"a unit in stock with this GTIN and serial was changed by other requests at the same "
        f"time, {ATTEMPTS} times in a row; nothing was written: try again"
    )


def test_a_use_case_inside_another_is_retried_once_as_part_of_the_whole() -> None:
    inner = retried(Flaky(1))
    outer_runs = 0

    def outer(value: int) -> int:
        nonlocal outer_runs
        outer_runs += 1
        return inner(value) + 1

    assert retried(outer)(1) == 3
    assert outer_runs == 2  # the whole ran again; the inner one did not retry on its own


def test_other_errors_are_not_retried() -> None:
    runs = 0

    def broken() -> None:
        nonlocal runs
        runs += 1
        raise ValueError("a bug")

    with pytest.raises(ValueError):
        retried(broken)()
    assert runs == 1
