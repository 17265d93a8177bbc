"""``revalo quote`` and ``revalo label`` on a temporary SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from typer.testing import CliRunner

from revalo.adapters.barcodes import parse_scan
from revalo.adapters.db import sqlite_url
from revalo.bootstrap import bootstrap
from revalo.domain.disposition import DispositionRoute
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.entrypoints.cli import app as cli
from revalo.services import disposition, inspection, receiving, returns
from revalo.settings import Settings
from tests.conftest import World
from tests.e2e.conftest import CLI_ENV, revalo
from tests.people import person


def test_quote_prints_every_service_best_first(db: tuple[Path, World]) -> None:
    path, _ = db
    result = revalo(
        "quote",
        "--from",
        "HUB-FR",
        "--to",
        "DE:52.52,13.40",
        "--parcel",
        "2.5kg@40x30x20",
        "--parcel",
        "1kg@20x20x10",
        "--lithium",
        "--json",
        "--db",
        path,
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["status"] == "on_time"
    assert body["chosen"] == body["quotes"][0]["service_id"]
    refused = {q["service_id"]: q["refused"] for q in body["quotes"] if q["refused"]}
    assert "lithium" in refused["PARCEL-STD"]
    table = revalo(
        "quote", "--from", "hub-fr", "--to", "REP-FR", "--parcel", "3kg@30x30x30", "--db", path
    )
    assert table.exit_code == 0 and "on_time" in table.output and "*" in table.output


def test_quote_refuses_bad_input_with_one_line(db: tuple[Path, World]) -> None:
    path, _ = db
    bad = revalo("quote", "--from", "HUB-FR", "--to", "REP-FR", "--parcel", "heavy", "--db", path)
    assert bad.exit_code == 2 and "WEIGHTkg@LxWxH" in bad.output
    nowhere = revalo(
        "quote", "--from", "ATLANTIS", "--to", "REP-FR", "--parcel", "1kg@10x10x10", "--db", path
    )
    assert nowhere.exit_code == 1 and "ATLANTIS" in nowhere.output
    assert "Traceback" not in bad.output + nowhere.output


def test_label_writes_the_pdf_of_an_authorised_return(
    db: tuple[Path, World], tmp_path: Path
) -> None:
    path, world = db
    app = bootstrap(Settings(database_url=sqlite_url(path)))
    try:
        rma = returns.request_return(
            app.uow(),
            app.policy,
            customer_code="C-JONAS",
            lines=[returns.LineRequest("DRILL-18", 1, returns.ReturnReason.WITHDRAWAL)],
            delivered_at=world.now,
            by=person("portal"),
        )
    finally:
        app.close()
    out = tmp_path / "label.pdf"
    result = revalo("label", rma.number.lower(), "-o", out, "--db", path)
    assert result.exit_code == 0, result.output
    page = pdfium.PdfDocument(out.read_bytes())[0]
    codes = list(zxingcpp.read_barcodes(page.render(scale=4).to_pil()))
    sscc = next(c for c in codes if c.format == zxingcpp.BarcodeFormat.Code128).bytes.decode()[2:]
    assert f"SSCC {sscc}" in result.output
    assert "Hub Köln" in page.get_textpage().get_text_range()
    assert "RETURN" in page.get_textpage().get_text_range()
    # Under a French locale, the same label with French captions.
    french = CliRunner().invoke(
        cli,
        ["label", rma.number, "-o", str(out), "--db", str(path)],
        env={**CLI_ENV, "LC_ALL": "fr_FR.UTF-8"},
    )
    assert french.exit_code == 0, french.output
    text = pdfium.PdfDocument(out.read_bytes())[0].get_textpage().get_text_range()
    assert "RETOUR" in text and "DESTINATAIRE" in text and "Hub Köln" in text
    missing = revalo("label", "RMA99999999", "-o", out, "--db", path)
    assert missing.exit_code == 1 and "RMA99999999" in missing.output


def test_outbound_plans_then_books_what_leaves_a_site(db: tuple[Path, World]) -> None:
    path, world = db
    app = bootstrap(Settings(database_url=sqlite_url(path)))
    try:
        returns.request_return(
            app.uow(),
            app.policy,
            customer_code="C-ANNE",
            lines=[returns.LineRequest("LAP-14", 1, returns.ReturnReason.WITHDRAWAL)],
            delivered_at=world.now,
            by=person("portal"),
        )
        lpn = receiving.receive_scan(
            app.uow(), parse_scan(f"01{world.laptop.gtin}"), site_code="HUB-FR", by=person("bob")
        ).unit
        assert lpn is not None
        inspection.inspect_unit(
            app.uow(),
            lpn.lpn,
            functional_grade=FunctionalGrade.C,
            cosmetic_grade=CosmeticGrade.B,
            by=person("ines"),
            duration_s=60,
        )
        disposition.record_disposition(
            app.uow(),
            lpn.lpn,
            route=DispositionRoute.REPAIR,
            by=person("manager"),
            reason="hinge",
            destination_site="REP-FR",
        )
    finally:
        app.close()
    planned = revalo("outbound", "hub-fr", "--db", path)
    assert planned.exit_code == 0, planned.output
    assert "REP-FR" in planned.output and "ship_now" in planned.output
    assert "Booked" not in planned.output
    later = revalo("outbound", "hub-fr", "--date", "2030-01-07", "--db", path)
    assert later.exit_code == 0 and "Outbound lanes of HUB-FR on 2030-01-07" in later.output
    booked = revalo("outbound", "HUB-FR", "--book", "--db", path)
    assert booked.exit_code == 0 and "Booked SHP" in booked.output and "to REP-FR" in booked.output
    assert "No unit waits to leave HUB-FR" in revalo("outbound", "HUB-FR", "--db", path).output
    nowhere = revalo("outbound", "NOWHERE", "--db", path)
    assert nowhere.exit_code == 1 and "NOWHERE" in nowhere.output


def test_quote_counts_lead_times_from_the_day_given(db: tuple[Path, World]) -> None:
    path, _ = db
    args = ("quote", "--from", "HUB-FR", "--to", "REP-FR", "--parcel", "3kg@30x30x30", "--json")
    monday = revalo(*args, "--date", "2030-01-07", "--db", path)
    assert monday.exit_code == 0, monday.output
    arrivals = [q["arrives_on"] for q in json.loads(monday.output)["quotes"] if q["arrives_on"]]
    assert arrivals and all(a >= "2030-01-08" for a in arrivals)
    assert all(a < "2030-02-01" for a in arrivals)
    bad = revalo(*args, "--date", "07/01/2030", "--db", path)
    assert bad.exit_code == 2 and "--date '07/01/2030': not a date (YYYY-MM-DD)" in bad.output
