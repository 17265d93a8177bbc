"""The shop's orders by every door: recorded and imported by the API, imported and found in
the pages (English and French), imported from the command line; a bad file is named and
records nothing; a handler may not record orders."""

from __future__ import annotations

import html
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from revalo.bootstrap import bootstrap
from revalo.domain.people import Role
from revalo.entrypoints.api import create_app
from revalo.entrypoints.cli import app as cli
from revalo.settings import Settings
from tests.conftest import World
from tests.e2e.conftest import API, client_of, ok, refused
from tests.e2e.test_portal_api import staff_database
from tests.integration.test_portal_orders import GOOD, HEADER
from tests.people import add_person


def test_the_api_records_imports_and_reads_orders(sqlite_world: World) -> None:
    manager = client_of(
        sqlite_world.app, add_person(sqlite_world.app, "manager", {Role.FLOW_MANAGER})
    )
    body = {
        "order_ref": "web-7001",
        "customer_code": "c-anne",
        "postcode": "75 011",
        "placed_at": "2026-11-20T09:00:00Z",
        "lines": [{"line_no": 1, "sku": "TEE-M", "quantity": 2, "unit_price": "19.90"}],
    }
    made = ok(manager.post(f"{API}/orders", json=body), 201)
    assert (made["order_ref"], made["postcode"], made["lines"][0]["sku"]) == (
        "WEB-7001",
        "75011",
        "TEE-M",
    )
    refused(manager.post(f"{API}/orders", json=body), 409, "order_ref")
    refused(
        manager.post(f"{API}/orders", json={**body, "order_ref": "W2", "postcode": ""}),
        422,
        "email",
    )
    imported = ok(manager.post(f"{API}/orders/import", json={"csv": GOOD}))
    assert imported["count"] == 2
    assert ok(manager.get(f"{API}/orders/web-5002"))["customer_code"] == "C-JONAS"
    refused(manager.get(f"{API}/orders/WEB-0"), 404, "order_ref")
    message = refused(
        manager.post(f"{API}/orders/import", json={"csv": GOOD.replace("WEB-5002", "WEB-7001")}),
        422,
        "csv",
    )
    assert "line 4 (order_ref): order WEB-7001 is recorded already" in message
    handler = client_of(sqlite_world.app, add_person(sqlite_world.app, "handler", {Role.HANDLER}))
    assert handler.post(f"{API}/orders/import", json={"csv": GOOD}).status_code == 403


def test_the_page_imports_a_file_and_finds_an_order(sqlite_world: World) -> None:
    world = sqlite_world
    agent = add_person(world.app, "agent", {Role.CUSTOMER_SERVICE, Role.FLOW_MANAGER})
    web = client_of(world.app, agent, lang="fr")
    page = web.get("/orders").text
    assert "Importer des commandes" in page and 'href="/orders"' in web.get("/service").text
    csrf = page.split('name="csrf" value="')[1].split('"')[0]
    bad = GOOD + "WEB-5003,C-NOBODY,x@example.fr,,2026-11-20,,1,TEE-M,1,1\n"
    r = web.post("/orders/import", data={"csrf": csrf}, files={"file": ("o.csv", bad.encode())})
    shown = html.unescape(r.text)
    assert "1 ligne(s) fautive(s) : rien n'a été importé" in shown
    assert 'id="bad-rows"' in r.text and "C-NOBODY" in shown
    missing = html.unescape(web.get("/orders?ref=WEB-5001").text)
    assert 'id="order"' not in missing and "pas de commande 'WEB-5001'" in missing
    r = web.post("/orders/import", data={"csrf": csrf}, files={"file": ("o.csv", GOOD.encode())})
    assert "2 commande(s) enregistrée(s)." in html.unescape(r.text)
    found = html.unescape(web.get("/orders", params={"ref": "web-5001"}).text)
    assert 'id="order"' in found and "DRILL-18" in found and "129,00" in found
    latin = "order_ref;customer_code\nWEB-9;C-ANN\xe9\n".encode("latin-1")
    r = web.post("/orders/import", data={"csrf": csrf}, files={"file": ("o.csv", latin)})
    assert "UTF-8" in html.unescape(r.text)
    empty = web.post("/orders/import", data={"csrf": csrf})
    assert "choisissez le fichier CSV" in empty.text


def test_the_command_imports_a_file(tmp_path: Path) -> None:
    url, app = staff_database(tmp_path)
    app.close()
    env = {"LANG": "C.UTF-8", "LC_ALL": "", "COLUMNS": "250"}
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "WEB-1,C-NOBODY,a@example.fr,,2026-11-20,,1,TEE-M,1,1\n")
    refusal = CliRunner().invoke(cli, ["portal", "import-orders", str(bad), "--url", url], env=env)
    assert refusal.exit_code == 1, refusal.output
    assert f"{bad}:2 (customer_code): no customer with code 'C-NOBODY'" in refusal.output
    assert "1 bad line(s): nothing was imported" in refusal.output
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    done = CliRunner().invoke(cli, ["portal", "import-orders", str(good), "--url", url], env=env)
    assert done.exit_code == 0, done.output
    assert "Imported 2 order(s)." in done.output
    app = bootstrap(Settings(database_url=url))
    try:
        client = TestClient(create_app(app), base_url="http://localhost")
        find = {"order_ref": "WEB-5001", "proof": "75011"}
        assert len(ok(client.post(f"{API}/portal/orders/find", json=find))["lines"]) == 2
    finally:
        app.close()
