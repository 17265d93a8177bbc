"""``revalo report weee`` and ``revalo report espr`` on the scenario of ``compliance_world``:
the tables and rates printed, the CSV and PDF written (the PDF read back), French too."""

from __future__ import annotations

import csv
from pathlib import Path

import pypdfium2 as pdfium
from typer.testing import CliRunner

from revalo.entrypoints.cli import app as cli
from tests.conftest import World
from tests.e2e.conftest import revalo
from tests.integration.compliance_world import build

FRENCH = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8", "COLUMNS": "250"}


def test_the_weee_report_printed_and_written(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    build(world)
    day = world.now.date().isoformat()
    out_csv, out_pdf = tmp_path / "weee.csv", tmp_path / "weee.pdf"
    args = ["report", "weee", "--from", day, "--to", day, "--db", path]
    done = revalo(*args, "--csv", out_csv, "--pdf", out_pdf)
    assert done.exit_code == 0, done.output
    text = " ".join(done.output.split())
    assert "Category 2: screens" in text
    assert (
        "Recovered: (prepared for re-use 0.002 t + recycled 0.002 t) / collected 0.006 t = "
        "50.0%; target 80%: not met"
    ) in text
    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8").splitlines()))
    assert {r["section"] for r in rows} == {"category", "facility"}
    pdf = pdfium.PdfDocument(out_pdf.read_bytes())
    assert "Annex V" in " ".join(str(p.get_textpage().get_text_range()) for p in pdf)
    french = CliRunner().invoke(cli, [str(a) for a in args], env=FRENCH)
    assert french.exit_code == 0, french.output
    assert "Catégorie 5 : petits équipements" in french.output
    bad = revalo("report", "weee", "--from", day, "--to", "2020-01-01", "--db", path)
    assert bad.exit_code == 1 and "before it starts" in bad.output


def test_the_espr_disclosure_printed_and_written(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    build(world)
    out_csv, out_pdf = tmp_path / "espr.csv", tmp_path / "espr.pdf"
    done = revalo(
        "report", "espr", "--year", world.now.year, "--csv", out_csv, "--pdf", out_pdf, "--db", path
    )
    assert done.exit_code == 0, done.output
    assert "EU ESPR 2024/1781 art. 25" in done.output and "apparel" in done.output
    refused = [
        r
        for r in csv.DictReader(out_csv.read_text(encoding="utf-8").splitlines())
        if r["section"] == "refused"
    ]
    assert [(r["product_type"], r["law"]) for r in refused] == [
        ("apparel", "espr_art_25"),
        ("sofa", "agec_l541_15_8"),
    ]
    pdf = pdfium.PdfDocument(out_pdf.read_bytes())
    assert "L541-15-8" in " ".join(str(p.get_textpage().get_text_range()) for p in pdf)
