"""`revalo --help` and a mistyped option answer at once: the command line loads the
application (SQLAlchemy, the web stack, the engines, the PDF library) only when a command
that needs it runs. Checked by what importing the command line loads, not by a clock."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("sqlalchemy", "fastapi", "numpy", "highspy", "pyvrp", "reportlab", "babel")


def test_the_command_line_loads_no_heavy_library_before_a_command_runs() -> None:
    probe = (
        "import sys, revalo.entrypoints.cli; "
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"


def test_help_lists_the_commands() -> None:
    shown = subprocess.run(
        [sys.executable, "-c", "from revalo.entrypoints.cli import main; main()", "--help"],
        capture_output=True,
        text=True,
    )
    assert shown.returncode == 0, shown.stderr
    for command in ("demo", "serve", "import", "export", "plan", "users", "quote"):
        assert command in shown.stdout
