"""The ``revalo`` command on a temporary SQLite file: schema, CSV import and export, errors."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from typer.testing import CliRunner, Result

from revalo.adapters.barcodes import parse_scan
from revalo.adapters.db import sqlite_url
from revalo.bootstrap import App
from revalo.domain.people import Role
from revalo.domain.returns import ReturnRequest, ReturnState
from revalo.entrypoints.cli import TABLE_LIMIT
from revalo.entrypoints.cli import app as cli
from revalo.services import queries, receiving
from revalo.services.ports import ReturnFilter
from tests.conftest import World
from tests.e2e.conftest import revalo
from tests.people import add_person, person

HEADER = "order_ref,customer_code,delivered_at,requested_at,sku,quantity,reason,serial,comment"


def days_ago(n: int) -> str:
    return (datetime.now(UTC) - timedelta(days=n)).date().isoformat()


def write_csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def good_file(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "good.csv",
        # Two lines of one order, within the withdrawal period: authorised.
        f"ORD-A,C-ANNE,{days_ago(5)},,LAP-14,1,withdrawal,SN-A1,changed my mind",
        f"ORD-A,C-ANNE,{days_ago(5)},,TEE-M,2,withdrawal,,",
        # Forty days after delivery: the 14-day withdrawal period is over.
        f"ORD-B,c-jonas,{days_ago(40)},{days_ago(1)},drill-18,1,withdrawal,,",
        # A business return for 'other' reasons needs a person; its comment spans two lines.
        'ORD-C,B-ACME,,,SOFA-3,1,other,,"scratched,\nsee photos"',
    )


def read_units(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def all_returns(app: App) -> dict[str, ReturnRequest]:
    page = queries.list_returns(app.uow(), ReturnFilter(), limit=1000, by=person("reader"))
    return {r.order_ref: r for r in page.items}


def table_rows(output: str) -> list[list[str]]:
    """The cells of the rows of the Rich tables in ``output``."""
    return [
        [cell.strip() for cell in line.strip().strip("│").split("│")]
        for line in output.splitlines()
        if line.strip().startswith("│")
    ]


def snapshot(app: App) -> dict[str, list[tuple[object, ...]]]:
    with app.engine.connect() as conn:
        return {
            table: [tuple(r) for r in conn.execute(sa.text(f"SELECT * FROM {table} ORDER BY 1"))]
            for table in ("return_requests", "return_lines", "sequences")
        }


def test_db_upgrade_creates_the_schema_and_can_run_again(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    first = revalo("db", "upgrade", "--db", path)
    assert first.exit_code == 0, first.output
    assert "schema revision" in first.stdout
    assert {"return_requests", "units", "stock_moves"} <= set(
        sa.inspect(sa.create_engine(sqlite_url(path))).get_table_names()
    )
    again = revalo("db", "upgrade", "--url", sqlite_url(path))
    assert again.exit_code == 0, again.output


def test_import_of_a_good_file(db: tuple[Path, World], tmp_path: Path) -> None:
    path, app = db[0], db[1].app
    file = good_file(tmp_path)

    rehearsal = revalo("import", "returns", file, "--dry-run", "--db", path)
    assert rehearsal.exit_code == 0, rehearsal.output
    assert "Dry run" in rehearsal.stdout
    assert all_returns(app) == {}

    result = revalo("import", "returns", file, "--db", path)
    assert result.exit_code == 0, result.output
    summary = {row[0]: row[1] for row in table_rows(result.stdout)}
    assert summary["returns"] == "3"
    assert summary["lines"] == "4"
    assert summary["units"] == "5"
    assert summary["authorised by the policy"] == "1"
    assert summary["rejected by the policy"] == "1"
    assert summary["left for review"] == "1"

    returns = all_returns(app)
    assert sorted(returns) == ["ORD-A", "ORD-B", "ORD-C"]
    a, b, c = (returns[k] for k in ("ORD-A", "ORD-B", "ORD-C"))
    assert a.state is ReturnState.AUTHORISED and a.destination_site == "HUB-FR"
    assert [(ln.sku, ln.quantity, ln.serial) for ln in a.lines] == [
        ("LAP-14", 1, "SN-A1"),
        ("TEE-M", 2, None),
    ]
    assert b.state is ReturnState.REJECTED
    assert "withdrawal period" in b.decision_reason
    assert b.customer_code == "C-JONAS"
    assert c.state is ReturnState.REQUESTED
    assert c.lines[0].comment == "scratched,\nsee photos"


def test_a_file_with_bad_rows_imports_nothing_and_reports_every_one(
    db: tuple[Path, World], tmp_path: Path
) -> None:
    path, app = db[0], db[1].app
    assert revalo("import", "returns", good_file(tmp_path), "--db", path).exit_code == 0
    before = snapshot(app)
    bad = write_csv(
        tmp_path / "bad.csv",
        f"ORD-OK,C-ANNE,{days_ago(3)},,LAP-14,1,defective,,",  # line 2: fine
        f"ORD-D,C-NOBODY,{days_ago(3)},,LAP-14,1,defective,,",  # 3
        f"ORD-E,C-ANNE,{days_ago(3)},,PHONE-9,1,defective,,",  # 4
        "ORD-F,C-ANNE,31/12/2024,,LAP-14,1,defective,,",  # 5
        f"ORD-G,C-ANNE,{days_ago(3)},,TEE-M,0,defective,,",  # 6
        f"ORD-H,C-ANNE,{days_ago(3)},,TEE-M,1,bored,,",  # 7
        f"ORD-I,C-ANNE,{days_ago(3)},,LAP-14,2,defective,SN-9,",  # 8
        f"ORD-A,C-ANNE,{days_ago(3)},,LAP-14,1,defective,,",  # 9: imported already
        f"ORD-J,C-ANNE,{days_ago(3)}",  # 10: fields missing
        f"ORD-OK,C-JONAS,{days_ago(3)},,TEE-M,1,defective,,",  # 11: another customer
    )
    result = revalo("import", "returns", bad, "--db", path)

    assert result.exit_code == 1
    reported = {(int(row[0]), row[1]): row[2] for row in table_rows(result.stdout)}
    expected = {
        (3, "customer_code"): "no customer with code 'C-NOBODY'",
        (4, "sku"): "no product with SKU 'PHONE-9'",
        (5, "delivered_at"): "is not an ISO date",
        (6, "quantity"): "must be a whole number from 1",
        (7, "reason"): "'bored' is not one of",
        (8, "quantity"): "exactly one unit",
        (9, "order_ref"): "'ORD-A' was imported already",
        (10, ""): "has 3 fields where the header has 9",
        (11, "customer_code"): "differs from line 2",
    }
    for key, words in expected.items():
        assert words in reported.get(key, ""), (key, result.stdout)
    assert {line for line, _ in reported} == set(range(3, 12))
    assert "9 bad line(s): nothing was imported" in result.stderr
    assert snapshot(app) == before


def test_thousands_of_bad_rows_are_all_listed(db: tuple[Path, World], tmp_path: Path) -> None:
    path = db[0]
    rows = [f"ORD-{i},C-ANNE,{days_ago(3)},,TEE-M,1,bored,," for i in range(TABLE_LIMIT + 5)]
    result = revalo("import", "returns", write_csv(tmp_path / "many.csv", *rows), "--db", path)
    assert result.exit_code == 1
    listed = [line.split("\t") for line in result.stdout.splitlines() if line.startswith("line ")]
    assert [int(line[0].removeprefix("line ")) for line in listed] == list(range(2, len(rows) + 2))
    assert all(column == "reason" and "'bored'" in problem for _, column, problem in listed)
    assert all_returns(db[1].app) == {}


def test_export_writes_one_row_per_unit(db: tuple[Path, World], tmp_path: Path) -> None:
    path, app = db[0], db[1].app
    assert revalo("import", "returns", good_file(tmp_path), "--db", path).exit_code == 0
    world = db[1]
    laptop = receiving.receive_scan(
        app.uow(), parse_scan(f"01{world.laptop.gtin}21SN-A1"), site_code="HUB-FR", by=person("xx")
    )
    stray = receiving.receive_scan(
        app.uow(), parse_scan(f"01{world.drill.gtin}21D-77"), site_code="HUB-FR", by=person("xx")
    )
    assert laptop.rma_number and stray.quarantined

    out = tmp_path / "units.csv"
    result = revalo("export", "units", out, "--db", path)
    assert result.exit_code == 0, result.output
    rows = {r["lpn"]: r for r in read_units(out)}
    assert set(rows) == {laptop.unit.lpn, stray.unit.lpn}
    lap = rows[laptop.unit.lpn]
    assert (lap["sku"], lap["category"], lap["serial"], lap["state"], lap["site"]) == (
        "LAP-14",
        "laptop",
        "SN-A1",
        "received",
        "HUB-FR",
    )
    assert lap["rma_number"] == laptop.rma_number and lap["location"] == "HUB-FR:receiving"
    assert rows[stray.unit.lpn]["state"] == "quarantined"
    assert rows[stray.unit.lpn]["rma_number"] == ""

    assert revalo("export", "units", out, "--state", "quarantined", "--db", path).exit_code == 0
    assert [r["lpn"] for r in read_units(out)] == [stray.unit.lpn]
    assert revalo("export", "units", out, "--site", "hub-de", "--db", path).exit_code == 0
    assert read_units(out) == []


def one_line_error(result: Result, code: int, words: str) -> None:
    assert result.exit_code == code, result.output
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output


def test_bad_input_gets_one_line_and_an_exit_code(db: tuple[Path, World], tmp_path: Path) -> None:
    path, _ = db
    one_line_error(revalo("import", "returns", tmp_path / "nope.csv", "--db", path), 2, "no such")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(
        (HEADER + "\nORD-1,C-ANNE,2024-01-01,,TEE-M,1,other,,été\n").encode("cp1252")
    )
    one_line_error(revalo("import", "returns", latin1, "--db", path), 2, "not UTF-8")
    file = good_file(tmp_path)
    one_line_error(revalo("import", "returns", file, "--url", "mongodb://x/y"), 2, "unknown")
    one_line_error(revalo("import", "returns", file, "--url", "::"), 2, "not a database URL")
    both = revalo("import", "returns", file, "--db", path, "--url", sqlite_url(path))
    one_line_error(both, 2, "not both")
    one_line_error(revalo("import", "returns", file, "--db", tmp_path / "x.db"), 2, "db upgrade")
    empty = tmp_path / "empty.db"
    sa.create_engine(sqlite_url(empty)).connect().close()
    one_line_error(revalo("import", "returns", file, "--db", empty), 1, "db upgrade")
    out = tmp_path / "units.csv"
    one_line_error(revalo("export", "units", out, "--site", "NOWHERE", "--db", path), 1, "no site")
    assert not out.exists()
    assert revalo("export", "units", out, "--state", "lost", "--db", path).exit_code == 2


def test_the_installed_command_answers() -> None:
    script = Path(sys.executable).with_name("revalo")
    done = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    for command in ("db", "serve", "demo", "import", "export"):
        assert command in done.stdout


def test_a_semicolon_separated_file_is_imported_and_the_command_says_so(
    db: tuple[Path, World], tmp_path: Path
) -> None:
    path = db[0]
    comma = good_file(tmp_path).read_text(encoding="utf-8")
    # No comma inside a field of this file: every comma is a separator.
    semi = tmp_path / "excel-fr.csv"
    semi.write_text(comma.replace(",", ";"), encoding="utf-8")
    result = revalo("import", "returns", semi, "--db", path)
    assert result.exit_code == 0, result.output
    assert "read as separated by semicolons" in result.stdout
    assert {row[0]: row[1] for row in table_rows(result.stdout)}["returns"] == "3"


def test_a_table_written_to_a_pipe_cuts_no_code(db: tuple[Path, World]) -> None:
    """No terminal to measure: the output is wide enough for every cell whole."""
    path, world = db
    add_person(world.app, "a.rather.long.login.for-a-table", {Role.HANDLER})
    piped = CliRunner().invoke(cli, ["users", "list", "--db", str(path)], env={"COLUMNS": ""})
    assert piped.exit_code == 0, piped.output
    assert "a.rather.long.login.for-a-table" in piped.output and "…" not in piped.output
