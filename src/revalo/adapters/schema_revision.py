"""The schema revision this version of Revalo brings a database to, read from the
migration files themselves (their ``revision`` and ``down_revision`` lines) without
loading Alembic: a command checks a database is up to date before it runs, and most
commands need nothing else of Alembic."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

VERSIONS = Path(__file__).parent / "migrations" / "versions"
_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]+)?=\s*['\"]?([\w-]+)?['\"]?", re.M)


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    """The newest migration: the one no other migration follows (None with no migration)."""
    revisions: set[str] = set()
    followed: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found = {m.group(1): m.group(2) for m in _LINE.finditer(text)}
        if found.get("revision"):
            revisions.add(found["revision"])
        if found.get("down_revision"):
            followed.add(found["down_revision"])
    heads = sorted(revisions - followed)
    return heads[-1] if heads else None
