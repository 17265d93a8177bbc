"""Clients over HTTP: add, list, look at one; a return, a unit, a product carry their
client, and every list filters by ``client_code``; the web pages have a client selector."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.conftest import World, gtin
from tests.e2e.conftest import API, TestClient, gs1, ok, refused, request_return, revalo, scan
from tests.e2e.test_web_pages import field_errors

A, B = "VELO-NORD", "CASA-SUD"


@pytest.fixture
def two_clients(any_client: TestClient, world: World) -> TestClient:
    """A's return of a laptop and B's of a sofa, each received; the provider's own
    T-shirt too."""
    c = any_client
    assert ok(c.post(f"{API}/clients", json={"code": "velo-nord", "name": "Vélo Nord"}), 201) == {
        "code": A,
        "name": "Vélo Nord",
        "active": True,
    }
    ok(c.post(f"{API}/clients", json={"code": B, "name": "Casa Sud"}), 201)
    for client, sku, code in (
        (A, "LAP-14", gs1(world.laptop.gtin, "SN-A")),
        (B, "SOFA-3", gs1(world.sofa.gtin)),
        (None, "TEE-M", gs1(world.tshirt.gtin)),
    ):
        body = {
            "customer_code": "C-ANNE",
            "lines": [{"sku": sku, "reason": "withdrawal"}],
            "client_code": client,
            "delivered_at": world.now.isoformat(),
        }
        rma = ok(c.post(f"{API}/returns", json=body), 201)
        assert rma["client_code"] == client
        assert scan(c, code)["unit"]["client_code"] == client
    return c


def test_clients_are_added_listed_and_looked_at(two_clients: TestClient) -> None:
    c = two_clients
    listed = ok(c.get(f"{API}/clients"))
    assert (listed["count"], [x["code"] for x in listed["data"]]) == (2, [B, A])
    assert ok(c.get(f"{API}/clients/velo-nord"))["name"] == "Vélo Nord"
    refused(c.get(f"{API}/clients/NOBODY"), 404, "code")
    refused(c.post(f"{API}/clients", json={"code": A, "name": "Again"}), 409, "code")
    refused(c.post(f"{API}/clients", json={"code": "x", "name": "Short"}), 422, "code")
    assert ok(c.post(f"{API}/clients/{B}/deactivate"))["active"] is False
    assert [x["code"] for x in ok(c.get(f"{API}/clients?active=true"))["data"]] == [A]
    # An inactive client takes no new return.
    body = {"customer_code": "C-ANNE", "lines": [{"sku": "SOFA-3", "reason": "other"}]}
    refused(c.post(f"{API}/returns", json={**body, "client_code": B}), 409, "client_code")


def test_every_list_filters_by_client(two_clients: TestClient) -> None:
    c = two_clients

    def count(path: str) -> int:
        return int(ok(c.get(f"{API}/{path}"))["count"])

    assert (
        count("units"),
        count(f"units?client_code={A}"),
        count("units?client_code=casa-sud"),
    ) == (
        3,
        1,
        1,
    )
    units = ok(c.get(f"{API}/units?client_code={A}"))["data"]
    assert [(u["sku"], u["client_code"]) for u in units] == [("LAP-14", A)]
    assert count(f"units?client_code={A}&sku=SOFA-3") == 0
    assert (count("returns"), count(f"returns?client_code={B}")) == (3, 1)
    balances = ok(c.get(f"{API}/stock/balances?client_code={A}"))
    assert balances["total_units"] == 1
    assert ok(c.get(f"{API}/stock/balances"))["total_units"] == 3
    for path in ("units", "returns", "stock/balances", "products"):
        message = refused(c.get(f"{API}/{path}?client_code=NOBODY"), 404, "client_code")
        assert "NOBODY" in message


def test_a_product_of_a_client_is_returned_on_its_returns_only(two_clients: TestClient) -> None:
    c = two_clients
    product = {
        "sku": "BIKE-1",
        "gtin": gtin("370000000060"),
        "name": "City bike",
        "category": "bike",
        "weight_kg": 14,
        "volume_m3": 0.4,
        "new_price": "499.00",
        "client_code": "velo-nord",
    }
    made = c.post(f"{API}/products", json=product)
    assert ok(made, 201)["client_code"] == A
    assert [p["sku"] for p in ok(c.get(f"{API}/products?client_code={A}"))["data"]] == ["BIKE-1"]
    body = {"customer_code": "C-ANNE", "lines": [{"sku": "BIKE-1", "reason": "other"}]}
    message = refused(c.post(f"{API}/returns", json={**body, "client_code": B}), 409, "client_code")
    assert "client CASA-SUD" in message and "client VELO-NORD" in message
    assert ok(c.post(f"{API}/returns", json={**body, "client_code": A}), 201)["client_code"] == A


def test_the_pages_offer_a_client_selector_and_show_its_goods_only(
    client: TestClient, sqlite_world: World
) -> None:
    ok(client.post(f"{API}/clients", json={"code": A, "name": "Vélo Nord"}), 201)
    rma = request_return(client, "C-ANNE", {"sku": "LAP-14", "reason": "withdrawal"})
    lpn = scan(client, gs1(sqlite_world.laptop.gtin, "SN-1"), rma_number=rma["number"])
    lpn = lpn["unit"]["lpn"]
    unit_page = html.unescape(client.get(f"/units/{lpn}").text)
    assert "<dt>Client</dt><dd>the provider's own</dd>" in unit_page

    def received(query: str) -> str:
        page = client.get(f"/{query}").text
        return re.findall(
            r'kpi-label">Units received</span><span class="kpi-value">([^<]+)<', page
        )[0]

    assert received("?period=7") == "1"
    assert received(f"?period=7&client={A}") == "0"  # the laptop is the provider's own
    page = client.get("/").text
    assert '<option value="">All clients</option>' in page and f'value="{A}"' in page
    assert "Tous les clients" in client.get("/", headers={"Accept-Language": "fr"}).text
    for path in ("/returns", "/queue", "/sites", "/sites/HUB-FR", "/map"):
        answer = client.get(f"{path}?client={A}")
        assert answer.status_code == 200, path
        assert f'<option value="{A}" selected>' in answer.text, path
        assert field_errors(client.get(f"{path}?client=NOBODY").text) == {
            "client": "no client 'NOBODY'"
        }, path
    assert rma["number"] not in client.get(f"/returns?client={A}").text
    assert rma["number"] in client.get("/returns").text


def test_the_cli_adds_lists_and_exports_by_client(db: tuple[Path, World], tmp_path: Path) -> None:
    path, _ = db
    added = revalo("clients", "add", "velo-nord", "--name", "Vélo Nord", "--db", path)
    assert added.exit_code == 0 and "Added client VELO-NORD (Vélo Nord)." in added.output
    again = revalo("clients", "add", "VELO-NORD", "--name", "Again", "--db", path)
    assert again.exit_code == 1 and "client VELO-NORD exists already" in again.output
    listed = revalo("clients", "list", "--db", path)
    assert listed.exit_code == 0 and "VELO-NORD" in listed.output and "1 client(s)" in listed.output
    out = tmp_path / "units.csv"
    exported = revalo("export", "units", out, "--client", "VELO-NORD", "--db", path)
    assert exported.exit_code == 0, exported.output
    assert out.read_text().splitlines()[1:] == []
    unknown = revalo("export", "units", out, "--client", "NOBODY", "--db", path)
    assert unknown.exit_code == 1 and "no client 'NOBODY'" in unknown.output
    gone = revalo("clients", "deactivate", "VELO-NORD", "--db", path)
    assert gone.exit_code == 0
    assert "1 client(s)" in revalo("clients", "list", "--inactive", "--db", path).output
