"""Every command of the ``revalo`` CLI, with its arguments and options, is in docs/cli.md."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main

from revalo.entrypoints.cli import app

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def commands(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        if getattr(command, "commands", None) is not None:
            yield from commands(command, path)
        else:
            yield " ".join(path), command


def sections(text: str) -> dict[str, str]:
    """The text under each heading naming a command: "## `revalo import returns FILE.csv`"."""
    found: dict[str, str] = {}
    parts = re.split(r"^#+ (.*)$", text, flags=re.MULTILINE)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        named = re.match(r"`revalo ([a-z][a-z -]*?)(?: [A-Z][^`]*)?`", heading)
        if named:
            found[named.group(1)] = body
    return found


def test_every_command_and_option_is_documented() -> None:
    documented = sections(DOC.read_text(encoding="utf-8"))
    actual = dict(commands(typer.main.get_command(app)))
    assert {"db upgrade", "serve", "demo", "import returns", "export units"} <= set(actual)
    missing = sorted(set(actual) - set(documented))
    assert not missing, f"document these commands in docs/cli.md: {missing}"
    for path, command in actual.items():
        body = documented[path]
        for param in command.params:
            if param.param_type_name == "option":
                names = [o for o in param.opts if o.startswith("--") and o != "--help"]
            else:
                names = [param.name.upper()]
            for name in names:
                assert f"`{name}" in body, f"document {name} of `revalo {path}` in docs/cli.md"


def test_every_documented_command_exists() -> None:
    actual = dict(commands(typer.main.get_command(app)))
    stale = sorted(set(sections(DOC.read_text(encoding="utf-8"))) - set(actual))
    assert not stale, f"docs/cli.md documents commands that do not exist: {stale}"
