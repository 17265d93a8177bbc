"""Values read from the environment, with one refusal each for what they cannot be."""

from __future__ import annotations

import os

from revalo.domain.errors import InvalidValue


def positive(name: str, default: float, *, whole: bool = False) -> float:
    """A positive number (a whole one with ``whole``) from environment variable ``name``,
    or ``default`` when the variable is unset or empty."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        value = 0
    if not 0 < value < float("inf"):
        if whole:
            raise InvalidValue(f"{name}={raw!r}: a positive whole number is expected", field=name)
        raise InvalidValue(f"{name}={raw!r}: a positive number is expected", field=name)
    return value
