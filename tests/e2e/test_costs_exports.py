"""The costs from every door hold the same figures: the page's table, the API's analysis,
its Excel and CSV exports re-opened with openpyxl and csv, and ``revalo report costs``."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from revalo.adapters.table_files import read_xlsx
from revalo.entrypoints.api import create_app
from revalo.entrypoints.web.formats import money
from tests.conftest import World
from tests.e2e.conftest import API, revalo
from tests.integration.test_costs import DAY, T0, repaired_and_sold
from tests.people import bearer

PERIOD = {"from": T0.date().isoformat(), "to": (T0.date() + 20 * DAY).isoformat()}


def _scenario(world: World) -> None:
    repaired_and_sold(world, "SN-1")
    repaired_and_sold(world, "SN-2", T0 + 9 * DAY)


@pytest.fixture
def client(sqlite_world: World) -> Iterator[TestClient]:
    _scenario(sqlite_world)
    app = sqlite_world.app
    with TestClient(create_app(app), base_url="http://localhost", headers=bearer(app)) as c:
        yield c


def _page_rows(html: str, table_id: str) -> list[list[str]]:
    table = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, flags=re.S)
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r, flags=re.S) for r in rows]
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in row] for row in cells]


def test_the_excel_export_holds_the_page_s_and_the_api_s_figures(client: TestClient) -> None:
    params = {**PERIOD, "by": "site,reason"}
    analysis = client.get(f"{API}/costs/analysis", params=params).json()
    book = client.get(f"{API}/costs/export", params={**params, "format": "xlsx"})
    assert book.status_code == 200 and book.headers["content-type"].startswith(
        "application/vnd.openxmlformats"
    )
    sheets = read_xlsx(book.content)
    assert list(sheets) == ["groups", "weeks", "drivers", "changes"]
    head, *rows = sheets["groups"]
    assert head[:5] == ["site", "reason", "units", "cost_eur", "cost_per_unit_eur"]
    *groups, total = rows
    assert total[0] == "total"
    assert Decimal(str(total[3])).quantize(Decimal("0.01")) == Decimal(analysis["total"]["cost"])
    assert [(g[0], g[1], Decimal(str(g[3])).quantize(Decimal("0.01"))) for g in groups] == [
        (d["key"]["site"], d["key"]["reason"], Decimal(d["cost"])) for d in analysis["data"]
    ]
    page = client.get("/costs", params={**PERIOD, "by": "site", "then": "reason"})
    assert page.status_code == 200
    shown = _page_rows(page.text, "costs-groups")
    column = head.index("cost_eur")
    for xlsx_row, page_row in zip(rows, shown[1:], strict=True):
        cost = Decimal(str(xlsx_row[column])).quantize(Decimal("0.01"))
        assert page_row[column] == money(cost, lang="en")
        assert page_row[head.index("units")] == str(xlsx_row[head.index("units")])
    weeks = client.get(f"{API}/costs/export", params={**params, "table": "weeks"})
    lines = list(csv.DictReader(io.StringIO(weeks.text)))
    assert [(w["week"], w["cost_eur"]) for w in lines] == [
        (w["key"]["week"], w["cost"]) for w in analysis["weeks"]
    ]


def test_the_units_behind_a_figure_and_the_ledger_from_the_page(client: TestClient) -> None:
    units = client.get(f"{API}/costs/units", params={**PERIOD, "where": "stage:repair"}).json()
    assert units["count"] == 2 and {u["cost"] for u in units["data"]} == {"38.65"}
    page = client.get("/costs/units", params={**PERIOD, "stage": "repair"})
    assert page.status_code == 200 and units["data"][0]["lpn"] in page.text
    lpn = units["data"][0]["lpn"]
    ledger = client.get(f"{API}/units/{lpn}/costs").json()
    assert ledger["by_stage"]["repair"] == "38.65" and ledger["count"] == len(ledger["data"])
    assert client.get(f"/units/{lpn}/costs").status_code == 200
    bad = client.get(f"{API}/costs/analysis", params={"by": "planet"})
    assert bad.status_code == 422 and "unknown dimension" in bad.text
    bad = client.get(f"{API}/costs/analysis", params={"where": "site"})
    assert bad.status_code == 422 and "dimension:value" in bad.text


def test_the_command_writes_the_same_workbook(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    _scenario(world)
    out = tmp_path / "costs.xlsx"
    done = revalo(
        "report", "costs", out, "--from", PERIOD["from"], "--to", PERIOD["to"], "--by",
        "site,reason", "--db", path,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    head, *rows = read_xlsx(out.read_bytes())["groups"]
    total = rows[-1]
    # Two laptops repaired and sold, each 136.22 EUR of handling, work and fees plus its
    # return parcel.
    assert total[0] == "total" and total[head.index("units")] == 2
    as_csv = tmp_path / "costs.csv"
    done = revalo(
        "report", "costs", as_csv, "--from", PERIOD["from"], "--to", PERIOD["to"], "--db", path
    )
    assert done.exit_code == 0, done.output
    lines = list(csv.DictReader(as_csv.read_text(encoding="utf-8").splitlines()))
    assert lines[-1]["all"] == "total"
    assert Decimal(lines[-1]["cost_eur"]) == Decimal(str(total[head.index("cost_eur")])).quantize(
        Decimal("0.01")
    )
    wrong = revalo(
        "report",
        "costs",
        tmp_path / "costs.pdf",
        "--from",
        PERIOD["from"],
        "--to",
        PERIOD["to"],
        "--db",
        path,
    )
    assert wrong.exit_code != 0 and ".xlsx or .csv" in wrong.output
