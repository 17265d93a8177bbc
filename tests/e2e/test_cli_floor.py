"""``revalo floor``: bins imported (all or nothing, every bad line printed), their labels,
the board and what expires."""

from __future__ import annotations

from pathlib import Path

from revalo.domain.floor.team import QualificationKind
from tests.conftest import World
from tests.e2e.conftest import revalo
from tests.integration.floor_world import BINS, member, qualify
from tests.integration.test_floor_bins import graded


def test_bins_labels_board_and_expiring(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    bad = tmp_path / "bad.csv"
    bad.write_text("code,zone,kind\nHUB-FR:A-01-0-A,graded_stock,shelf\nHUB-FR:Z,attic,box\n")
    result = revalo("floor", "import-bins", "HUB-FR", bad, "--db", path)
    assert result.exit_code == 1, result.output
    assert f"{bad}:3 (zone)" in result.output and "nothing was imported" in result.output
    good = tmp_path / "bins.csv"
    good.write_text(BINS)
    result = revalo("floor", "import-bins", "hub-fr", good, "--db", path)
    assert result.exit_code == 0, result.output
    assert "Imported 6 bin(s) into HUB-FR." in result.output
    pdf = tmp_path / "labels.pdf"
    result = revalo("floor", "labels", "HUB-FR", pdf, "--db", path)
    assert result.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF"), result.output
    lpn = graded(world, "TEE-M", "T1")
    result = revalo("floor", "board", "HUB-FR", "--db", path)
    assert result.exit_code == 0 and lpn in result.output and "HUB-FR:A-01-0-A" in result.output
    member(world, "hana")
    qualify(world, "hana", QualificationKind.DG_AWARENESS, expires_in_days=-2)
    result = revalo("floor", "expiring", "--db", path)
    assert result.exit_code == 0, result.output
    assert "dg_awareness" in result.output and "yes" in result.output
