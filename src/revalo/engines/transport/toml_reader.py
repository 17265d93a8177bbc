"""Read a TOML file's tables with checks, naming the line of any key that is wrong.

``tomllib`` gives values, not positions. This walks the text once and records the line of
every table header and key, addressed like the parsed data: ``("parcel", 1, "zone", 0,
"prices")`` is the ``prices`` key of the first zone of the second ``[[parcel]]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from revalo.engines.transport.errors import RateCardError

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")
T = TypeVar("T")


def key_lines(text: str) -> dict[Path, int]:
    """Map each table and key path to its 1-based line number."""
    lines: dict[Path, int] = {}
    counts: dict[Path, int] = {}
    current: Path = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            names = header.group(2).split(".")
            path: Path = ()
            # Every name but the last goes into the latest element of its array, if any.
            for name in names[:-1]:
                path = (*path, name)
                if path in counts:
                    path = (*path, counts[path] - 1)
            path = (*path, names[-1])
            if header.group(1) == "[[":
                counts[path] = counts.get(path, 0) + 1
                path = (*path, counts[path] - 1)
            current = path
            lines.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*current, key.group(1)), number)
    return lines


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """Line of ``path``, or of its nearest enclosing table or key that has one."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def dotted(path: Path) -> str:
    """``("parcel", 1, "zone", 0, "prices")`` -> ``parcel[1].zone[0].prices``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class TomlReader:
    """Typed getters over parsed TOML tables that raise ``RateCardError`` naming file:line:key."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.lines = key_lines(text)

    def fail(self, path: Path, problem: str) -> RateCardError:
        """The error naming the file, the line of ``path`` when it has one, and its key (none
        for the file as a whole)."""
        key, line = dotted(path), line_of(self.lines, path)
        if not key:
            return RateCardError(f"{self.name}: {problem}", field=key)
        if line is None:
            return RateCardError(f"{self.name}: {key}: {problem}", field=key)
        return RateCardError(f"{self.name}:{line}: {key}: {problem}", field=key)

    # -- typed getters -------------------------------------------------------------------
    def get(self, table: dict[str, Any], path: Path, key: str, check: Callable[[Any], T]) -> T:
        if key not in table:
            raise self.fail(path, f"missing key '{key}'")
        try:
            return check(table[key])
        except (TypeError, ValueError) as exc:
            raise self.fail((*path, key), str(exc)) from None

    def number(
        self, table: dict[str, Any], path: Path, key: str, *, positive: bool = True
    ) -> float:
        def check(v: Any) -> float:
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise TypeError(f"must be a number, not {v!r}")
            if positive and v <= 0:
                raise ValueError(f"must be positive, not {v}")
            if v < 0:
                raise ValueError(f"must be zero or more, not {v}")
            return float(v)

        return self.get(table, path, key, check)

    def integer(self, table: dict[str, Any], path: Path, key: str) -> int:
        def check(v: Any) -> int:
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ValueError(f"must be a whole number >= 0, not {v!r}")
            return v

        return self.get(table, path, key, check)

    def text(self, table: dict[str, Any], path: Path, key: str) -> str:
        def check(v: Any) -> str:
            if not isinstance(v, str) or not v.strip():
                raise ValueError(f"must be a non-empty string, not {v!r}")
            return v.strip()

        return self.get(table, path, key, check)

    def flag(self, table: dict[str, Any], path: Path, key: str) -> bool:
        def check(v: Any) -> bool:
            if not isinstance(v, bool):
                raise TypeError(f"must be true or false, not {v!r}")
            return v

        return self.get(table, path, key, check)

    def numbers(self, table: dict[str, Any], path: Path, key: str) -> tuple[float, ...]:
        def check(v: Any) -> tuple[float, ...]:
            if not isinstance(v, list) or not v:
                raise ValueError(f"must be a non-empty list of numbers, not {v!r}")
            for x in v:
                if isinstance(x, bool) or not isinstance(x, int | float) or x < 0:
                    raise ValueError(f"must hold numbers >= 0, found {x!r}")
            return tuple(float(x) for x in v)

        return self.get(table, path, key, check)

    def strings(
        self, table: dict[str, Any], path: Path, key: str, pattern: re.Pattern[str]
    ) -> tuple[str, ...]:
        def check(v: Any) -> tuple[str, ...]:
            if not isinstance(v, list) or not v:
                raise ValueError(f"must be a non-empty list, not {v!r}")
            for x in v:
                if not isinstance(x, str) or not pattern.match(x):
                    raise ValueError(f"{x!r} does not have the form {pattern.pattern}")
            return tuple(v)

        return self.get(table, path, key, check)

    def only(self, table: dict[str, Any], path: Path, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail((*path, key), f"unknown key (expected one of {sorted(allowed)})")

    def tables(self, data: dict[str, Any], path: Path, key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or any(not isinstance(t, dict) for t in value):
            raise self.fail((*path, key), f"must be written as [[{dotted((*path, key))}]] tables")
        return value
