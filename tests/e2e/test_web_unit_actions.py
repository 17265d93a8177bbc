"""From a unit's page: release it from quarantine (naming its product when it was not
identified), and record the sale of a listed unit, for the roles that may."""

from __future__ import annotations

from fastapi.testclient import TestClient

from revalo.domain.people import Role
from tests.conftest import World, gtin
from tests.e2e.conftest import API, ok, request_return, scan
from tests.people import bearer


def test_an_unidentified_unit_is_named_and_released(
    client: TestClient, sqlite_world: World
) -> None:
    unknown = scan(client, gtin("370000009999"))["unit"]  # no product has this GTIN
    lpn = unknown["lpn"]
    assert unknown["state"] == "quarantined" and unknown["sku"] is None
    page = client.get(f"/units/{lpn}").text
    assert 'id="release"' in page and 'name="sku"' in page
    refused = client.post(f"/units/{lpn}/release", data={"reason": "checked"})
    assert "is not identified: name its product to release it" in refused.text
    assert ok(client.get(f"{API}/units/{lpn}"))["state"] == "quarantined"
    done = client.post(f"/units/{lpn}/release", data={"sku": "TEE-M", "reason": "a T-shirt"})
    assert "is released from quarantine" in done.text
    unit = ok(client.get(f"{API}/units/{lpn}"))
    assert (unit["state"], unit["sku"]) == ("received", "TEE-M")
    forklift = TestClient(
        client.app,
        base_url="http://localhost",
        headers=bearer(sqlite_world.app, "karim", {Role.FORKLIFT_DRIVER}),
    )
    assert forklift.post(f"/units/{lpn}/release", data={"sku": "TEE-M"}).status_code == 403


def test_a_listed_unit_is_sold_from_its_page(client: TestClient, sqlite_world: World) -> None:
    request_return(client, "C-ANNE", {"sku": "TEE-M", "reason": "withdrawal"})
    lpn = scan(client, sqlite_world.tshirt.gtin)["unit"]["lpn"]
    grades = {"functional_grade": "A", "cosmetic_grade": "B", "duration_s": 30}
    ok(client.post(f"{API}/units/{lpn}/inspection", json=grades))
    decided = ok(client.post(f"{API}/units/{lpn}/disposition", json={"route": "resell"}))
    for order in decided["work_orders"]:
        ok(client.post(f"{API}/work-orders/{order['id']}/start"))
        ok(client.post(f"{API}/work-orders/{order['id']}/finish", json={"labour_minutes": 3}))
    assert ok(client.post(f"{API}/units/{lpn}/dispatch"))["state"] == "listed"
    page = client.get(f"/units/{lpn}").text
    assert 'id="sale"' in page and 'id="release"' not in page
    bad = client.post(f"/units/{lpn}/sale", data={"price": "twelve"})
    assert "is not an amount in EUR" in bad.text
    assert ok(client.get(f"{API}/units/{lpn}"))["state"] == "listed"
    sold = client.post(f"/units/{lpn}/sale", data={"price": "12,50", "document": "SO-7"})
    assert "is sold at €12.50." in sold.text
    assert ok(client.get(f"{API}/units/{lpn}"))["state"] == "sold"
    assert 'id="sale"' not in client.get(f"/units/{lpn}").text
