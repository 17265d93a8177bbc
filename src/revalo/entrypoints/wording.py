"""Recognising a text Revalo wrote from its English wording, to write it again in another
language.

A wording is a template with ``{placeholders}`` ("too many tries from this address: wait
{wait} s"); read as a pattern, it finds the text and the values in it, which the caller
writes again in its language's wording. The web pages use it for what the domain writes
into its records, the API and the CLI for their own messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class Found:
    """The wording a text matched, and the text's values by placeholder."""

    key: str
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Wording:
    key: str
    pattern: re.Pattern[str]


class Wordings:
    """The wordings of a catalogue (``english``: by key), tried the most literal first (so
    that "{kind} done; ready to leave" is tried before "{kind} done"). ``match``: what a
    placeholder matches (anything, by default, as little as needed)."""

    def __init__(self, english: Mapping[str, str], match: Mapping[str, str] | None = None):
        def literal(text: str) -> int:
            return len(_PLACEHOLDER.sub("", text))

        self._all = tuple(
            _compile(key, text, match or {})
            for key, text in sorted(english.items(), key=lambda kv: -literal(kv[1]))
        )

    def find(self, text: str) -> Found | None:
        for w in self._all:
            m = w.pattern.fullmatch(text)
            if m is not None:
                values = {k: v for k, v in m.groupdict().items() if v is not None}
                return Found(w.key, values)
        return None


def _compile(key: str, english: str, match: Mapping[str, str]) -> _Wording:
    parts, at = [], 0
    for m in _PLACEHOLDER.finditer(english):
        parts.append(re.escape(english[at : m.start()]))
        parts.append(f"(?P<{m.group(1)}>{match.get(m.group(1), '.+?')})")
        at = m.end()
    parts.append(re.escape(english[at:]))
    return _Wording(key, re.compile("".join(parts), re.S))
