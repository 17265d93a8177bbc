"""docs/access.md shows the permission table as the code has it: every role x permission."""

from __future__ import annotations

import re
from pathlib import Path

from revalo.domain.people import ROLE_PERMISSIONS, Permission, Role

DOC = Path(__file__).resolve().parents[2] / "docs" / "access.md"
HEADING = "## What each role may do"


def table() -> str:
    """The table as docs/access.md must have it (paste it there when the code changes)."""
    lines = [
        "| permission | what it allows | " + " | ".join(r.value for r in Role) + " |",
        "|---|---|" + "---|" * len(Role),
    ]
    for p in Permission:
        marks = ["✓" if p in ROLE_PERMISSIONS[r] else "" for r in Role]
        lines.append(f"| `{p.value}` | {p.description} | " + " | ".join(marks) + " |")
    return "\n".join(lines)


def documented() -> tuple[list[str], dict[str, tuple[str, set[str]]]]:
    section = DOC.read_text(encoding="utf-8").split(HEADING, 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    cells = [[c.strip() for c in row.strip("|").split("|")] for row in rows]
    roles = cells[0][2:]
    found: dict[str, tuple[str, set[str]]] = {}
    for row in cells[2:]:
        name = re.fullmatch(r"`([a-z_]+)`", row[0])
        assert name, f"docs/access.md: a row without a permission: {row}"
        found[name.group(1)] = (row[1], {r for r, mark in zip(roles, row[2:], strict=True) if mark})
    return roles, found


def test_the_documented_table_is_the_code_s() -> None:
    roles, found = documented()
    expected = {
        p.value: (p.description, {r.value for r in Role if p in ROLE_PERMISSIONS[r]})
        for p in Permission
    }
    hint = f"\n\nupdate the table in docs/access.md to:\n\n{table()}\n"
    assert roles == [r.value for r in Role], hint
    assert found == expected, hint


def test_every_role_is_described() -> None:
    text = DOC.read_text(encoding="utf-8").split(HEADING, 1)[0]
    missing = [r.value for r in Role if f"`{r.value}`" not in text]
    assert missing == [], f"describe these roles in docs/access.md: {missing}"
