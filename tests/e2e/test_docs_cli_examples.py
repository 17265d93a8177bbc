"""Every example command of docs/cli.md runs, and succeeds, on a small demo.

The examples name the database a reader would use (``revalo-demo.db``, ``returns.db``...):
each runs here on one small demo instead, built as ``revalo demo`` builds it (its default
seed), ending on Sunday 2025-02-02: the demo the collection tests plan on, built once for
both. Only what a small demo cannot match is changed: the search time of a solver
(``--seconds``, one second here), the date of a plan (the day after the demo), and a return's
number (one the small demo has authorised). The commands that build a demo, serve, or need a
PostgreSQL server are not run; the rest must exit 0."""

from __future__ import annotations

import re
import shlex
import sqlite3
from pathlib import Path

import pytest

from tests.demo_builds import demo_copy
from tests.e2e.conftest import revalo
from tests.integration.test_demo_collections import SEED, UNITS, UNTIL, WEEKS

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "cli.md"
NEXT_DAY = "2025-02-03"
#: The commands a reader runs to set up (users, tokens, clients) go first: the other examples
#: act as the users they add.
SETUP = ("users", "tokens", "clients")
NOT_RUN = (
    re.compile(r"^revalo demo\b"),  # the fixture builds the demo
    re.compile(r"--serve\b"),
    re.compile(r"--url postgresql"),
)


def examples() -> list[str]:
    """The shell commands of the doc's ``sh`` blocks, continuation lines joined."""
    text = DOC.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        for command in block.replace("\\\n", " ").splitlines():
            if "revalo " in command:
                found.append(" ".join(command.split()))
    return found


def runnable() -> list[str]:
    chosen = [c for c in examples() if not any(p.search(c) for p in NOT_RUN)]
    first = [c for c in chosen if _command(c)[1:2] and _command(c)[1] in SETUP]
    return first + [c for c in chosen if c not in first]


def _command(line: str) -> list[str]:
    """The ``revalo`` part of a shell line: after ``echo ... |``, before ``| tail``."""
    parts = [p.strip() for p in line.split("|")]
    [mine] = [p for p in parts if p.startswith("revalo ")]
    return shlex.split(mine)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small demo, and a return it has authorised."""
    path = tmp_path_factory.mktemp("docs") / "demo.db"
    demo_copy(tmp_path_factory, path, units=UNITS, weeks=WEEKS, seed=SEED, until=UNTIL)
    with sqlite3.connect(path) as conn:
        (rma,) = conn.execute(
            "select number from return_requests where state = 'authorised' order by id limit 1"
        ).fetchone()
    return path, rma


def test_the_doc_has_examples_for_most_commands() -> None:
    commands = {tuple(_command(c)[1:3]) for c in examples()}
    assert len(runnable()) >= 15
    assert ("import", "returns") in commands and ("plan", "collections") in commands


@pytest.mark.slow
@pytest.mark.parametrize("line", runnable())
def test_an_example_runs_on_the_demo(
    line: str, demo: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, rma = demo
    monkeypatch.chdir(tmp_path)
    # The import examples read the CSV the doc shows.
    csv_block = re.search(r"```csv\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
    assert csv_block is not None
    (tmp_path / "returns.csv").write_text(csv_block.group(1), encoding="utf-8")
    args = _command(line)[1:]
    for i, arg in enumerate(args):
        before = args[i - 1] if i else ""
        if before == "--db":
            args[i] = str(path)
        elif before == "--seconds":
            args[i] = "1"
        elif before == "--date":
            args[i] = NEXT_DAY
        elif re.fullmatch(r"RMA\d{8}", arg):
            args[i] = rma
        elif arg.startswith(("tests/data/", "docs/")):
            args[i] = str(ROOT / arg)
    # A password asked at the terminal is typed twice; one given on stdin, once.
    typed = "a long passphrase\n" * (1 if "--password-stdin" in args else 2)
    result = revalo(*args, input=typed)
    assert result.exit_code == 0, f"{line}\n{result.output}"
