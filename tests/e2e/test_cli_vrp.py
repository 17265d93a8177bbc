"""``revalo solve-vrp`` on a public benchmark instance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from revalo.entrypoints.cli import app as cli

DATA = Path(__file__).resolve().parents[1] / "data" / "vrp"
#: Best known, distance only, exact distances (tests/data/README.md).
C101_BEST = 828.94


@pytest.mark.slow
def test_solve_vrp_json_on_c101() -> None:
    result = CliRunner().invoke(
        cli, ["solve-vrp", str(DATA / "solomon" / "C101.txt"), "--seconds", "5", "--json"]
    )
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["instance"] == "C101"
    assert answer["seed"] == 0 and answer["seconds"] == 5
    assert "exact" in answer["convention"]
    assert C101_BEST - 0.01 <= answer["cost"] <= C101_BEST * 1.01
    visits = [c for route in answer["routes"] for c in route]
    assert sorted(visits) == list(range(1, 101))


def test_solve_vrp_table_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(
        cli,
        ["solve-vrp", str(DATA / "cvrp" / "X-n101-k25.vrp"), "--seconds", "1", "--seed", "3"],
        env={"COLUMNS": "200"},
    )
    assert shown.exit_code == 0, shown.output
    assert "X-n101-k25" in shown.stdout and "rounded to the nearest integer" in shown.stdout
    missing = runner.invoke(cli, ["solve-vrp", str(tmp_path / "nope.vrp")])
    assert missing.exit_code == 2
    assert "no such instance file" in missing.stderr
