"""`revalo --help` and a mistyped option answer at once: the command line loads the
application (SQLAlchemy, the web stack, the engines, the PDF library) only when a command
that needs it runs. Checked by what importing the command line loads, not by a clock."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

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


#: What a command that only reads people or clients has no use for: the engines and their
#: solvers, the web stack, the PDF library, the migrations tool, the locale formats.
NOT_FOR_A_SMALL_COMMAND = (
    "numpy",
    "highspy",
    "pyvrp",
    "fastapi",
    "starlette",
    "reportlab",
    "alembic",
    "babel",
    "revalo.engines",
    "revalo.services.transport",
    "revalo.services.collections",
    "revalo.entrypoints.web",
)
_PROBE = """
import sys
from revalo.entrypoints.cli import main
sys.argv = ["revalo", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
else:
    code = 0
sys.stderr.write("\\n" + repr((code, sorted(sys.modules))))
"""


def _run(*args: str, stdin: str = "") -> tuple[int, set[str]]:
    """Run ``revalo ARGS`` in a fresh interpreter: its exit code and the modules it loaded."""
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    env.pop("REVALO_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], input=stdin, capture_output=True, text=True, env=env
    )
    code, modules = ast.literal_eval(done.stderr.strip().splitlines()[-1])
    return code, set(modules)


def test_a_small_command_loads_only_what_it_needs(tmp_path: Path) -> None:
    db = str(tmp_path / "small.db")
    assert _run("db", "upgrade", "--db", db)[0] == 0
    added = _run(
        "users",
        "add",
        "Ada",
        "--login",
        "ada",
        "--role",
        "administrator",
        "--db",
        db,
        stdin="a long secret\na long secret\n",
    )
    assert added[0] == 0
    for command in (["users", "list"], ["clients", "list"], ["tokens", "list"]):
        code, modules = _run(*command, "--db", db)
        assert code == 0, command
        assert {"sqlalchemy", "revalo.bootstrap"} <= modules, "the command reached no database"
        needless = sorted(
            m
            for m in modules
            if any(m == n or m.startswith(n + ".") for n in NOT_FOR_A_SMALL_COMMAND)
        )
        assert needless == [], (command, needless)


def test_the_schema_revision_read_without_alembic_is_alembics_head() -> None:
    from revalo.adapters.migrate import current_head
    from revalo.adapters.schema_revision import head_revision

    assert head_revision() == current_head() is not None
