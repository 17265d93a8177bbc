"""``revalo solve-cflp`` on the OR-Library instances carried in the tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from revalo.entrypoints.cli import app as cli

DATA = Path(__file__).resolve().parents[1] / "data" / "cflp"
#: Proven optima (OR-Library, Beasley 1988; tests/data/README.md).
OPTIMA = {"cap41": 1040444.375, "cap72": 977799.400}


def test_solve_cflp_gives_the_proven_optima() -> None:
    runner = CliRunner()
    for name, optimum in OPTIMA.items():
        result = runner.invoke(cli, ["solve-cflp", str(DATA / f"{name}.txt"), "--json"])
        assert result.exit_code == 0, result.output
        answer = json.loads(result.stdout)
        assert answer["status"] == "optimal" and answer["sourcing"] == "split"
        assert abs(answer["cost"] - optimum) < 1e-3
        assert len(answer["assignment"]) == 50 and None not in answer["assignment"]


def test_solve_cflp_single_sourcing_table_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(
        cli, ["solve-cflp", str(DATA / "cap72.txt"), "--single-sourcing"], env={"COLUMNS": "200"}
    )
    assert shown.exit_code == 0, shown.output
    assert "cap72 (single sourcing): cost 977799.400, proven optimal" in shown.stdout
    infeasible = runner.invoke(cli, ["solve-cflp", str(DATA / "cap41.txt"), "--single-sourcing"])
    assert infeasible.exit_code == 1
    assert "infeasible" in infeasible.stdout and "customer 34" in infeasible.stdout
    missing = runner.invoke(cli, ["solve-cflp", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt" in missing.stderr
    bad = tmp_path / "bad.txt"
    bad.write_text("2 1\n10 5\n", encoding="utf-8")
    wrong = runner.invoke(cli, ["solve-cflp", str(bad)])
    assert wrong.exit_code == 2 and "need 9 numbers" in wrong.stderr
