"""A small helper for explicit state machines: allowed transitions as data, one guard."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeVar

from revalo.domain.errors import InvalidTransition

S = TypeVar("S", bound=enum.Enum)


def can_transition(current: S, target: S, allowed: Mapping[S, frozenset[S]]) -> bool:
    return target in allowed.get(current, frozenset())


def ensure_transition(what: str, current: S, target: S, allowed: Mapping[S, frozenset[S]]) -> None:
    """Raise InvalidTransition with a readable message when ``current -> target`` is not allowed."""
    if can_transition(current, target, allowed):
        return
    nexts = sorted(str(s.value) for s in allowed.get(current, frozenset()))
    if nexts:
        raise InvalidTransition(
            f"{what} is {current.value} and cannot become {target.value}; from "
            f"{current.value} it can only become {', '.join(nexts)}"
        )
    raise InvalidTransition(
        f"{what} is {current.value} and cannot become {target.value}; {current.value} is final"
    )
