"""One answer to concurrent writes: try the whole use case again, a few times.

A use case that collided with another transaction (``WriteConflict``: a unique identity
taken meanwhile, a deadlock, a serialization failure) wrote nothing; run again, it reads
what the other one committed — a second scan of a new unit finds that unit. After the last
try the person gets ``Conflict`` (409) with what was contended. Use cases that call other
use cases retry once, as a whole: the inner ones run as they are.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from revalo.domain.errors import Conflict
from revalo.services.ports import WriteConflict

P = ParamSpec("P")
R = TypeVar("R")

#: Tries of a use case before the conflict is answered.
ATTEMPTS = 3
#: The longest pause before a new try (s), drawn at random so that collided requests part.
MAX_PAUSE_S = 0.02

_running: ContextVar[bool] = ContextVar("revalo_use_case_retried", default=False)


def retried(use_case: Callable[P, R]) -> Callable[P, R]:
    """Run ``use_case`` again (up to ``ATTEMPTS`` times in all) when it meets a concurrent
    write; then raise ``Conflict``."""

    @functools.wraps(use_case)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if _running.get():
            return use_case(*args, **kwargs)
        token = _running.set(True)
        try:
            attempt = 1
            while True:
                try:
                    return use_case(*args, **kwargs)
                except WriteConflict as exc:
                    if attempt >= ATTEMPTS:
                        raise Conflict(
                            f"{exc.what} was changed by other requests at the same time, "
                            f"{ATTEMPTS} times in a row; nothing was written: try again"
                        ) from exc
                time.sleep(random.uniform(0, MAX_PAUSE_S * attempt))
                attempt += 1
        finally:
            _running.reset(token)

    return run
