"""From a unit's page: release it from quarantine (naming its product when it was not
identified), record the sale of a listed unit, and a payment for a unit that left, for
the roles that may."""

from __future__ import annotations

import html

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


def _listed(client: TestClient, world: World) -> str:
    """A T-shirt graded, cleaned and listed for resale at HUB-FR; its LPN."""
    request_return(client, "C-ANNE", {"sku": "TEE-M", "reason": "withdrawal"})
    lpn = str(scan(client, world.tshirt.gtin)["unit"]["lpn"])
    grades = {"functional_grade": "A", "cosmetic_grade": "B", "duration_s": 30}
    ok(client.post(f"{API}/units/{lpn}/inspection", json=grades))
    decided = ok(client.post(f"{API}/units/{lpn}/disposition", json={"route": "resell"}))
    for order in decided["work_orders"]:
        ok(client.post(f"{API}/work-orders/{order['id']}/start"))
        ok(client.post(f"{API}/work-orders/{order['id']}/finish", json={"labour_minutes": 3}))
    assert ok(client.post(f"{API}/units/{lpn}/dispatch"))["state"] == "listed"
    return lpn


def test_a_listed_unit_is_sold_from_its_page(client: TestClient, sqlite_world: World) -> None:
    lpn = _listed(client, sqlite_world)
    page = client.get(f"/units/{lpn}").text
    assert 'id="sale"' in page and 'id="release"' not in page
    bad = client.post(f"/units/{lpn}/sale", data={"price": "twelve"})
    assert "is not an amount in EUR" in bad.text
    assert ok(client.get(f"{API}/units/{lpn}"))["state"] == "listed"
    sold = client.post(f"/units/{lpn}/sale", data={"price": "12,50", "document": "SO-7"})
    assert "is sold at €12.50." in sold.text
    assert ok(client.get(f"{API}/units/{lpn}"))["state"] == "sold"
    assert 'id="sale"' not in client.get(f"/units/{lpn}").text


def test_a_payment_for_a_unit_that_left_is_recorded_from_its_page(
    client: TestClient, sqlite_world: World
) -> None:
    lpn = _listed(client, sqlite_world)
    assert 'id="proceeds"' not in client.get(f"/units/{lpn}").text  # still in the stock
    early = client.post(f"/units/{lpn}/proceeds", data={"amount": "5"})
    assert "proceeds are recorded once it has left" in early.text
    ok(client.post(f"{API}/units/{lpn}/sell", json={"price": "12"}))
    page = client.get(f"/units/{lpn}").text
    assert 'id="proceeds"' in page and 'action="/units/' + lpn + '/proceeds"' in page
    for amount, message in [
        ("", "give the amount received, in EUR"),
        ("-3", "the amount must be between 0 and 1000000 EUR"),
        ("a lot", "'a lot' is not an amount in EUR"),
    ]:
        refused = client.post(f"/units/{lpn}/proceeds", data={"amount": amount})
        assert message in html.unescape(refused.text), amount
    assert ok(client.get(f"{API}/units/{lpn}"))["proceeds"] == "12.00"
    paid = client.post(
        f"/units/{lpn}/proceeds",
        data={"amount": "15,5", "document": "INV-3", "reason": "the buyer's extra"},
    )
    assert "€15.50 recorded" in paid.text and "€27.50 in all" in paid.text
    unit = ok(client.get(f"{API}/units/{lpn}"))
    assert unit["proceeds"] == "27.50"
    last = ok(client.get(f"{API}/units/{lpn}/timeline"))["data"][-1]
    assert (last["type"], last["document"], last["reason"]) == (
        "proceeds_recorded",
        "INV-3",
        "the buyer's extra",
    )
    handler = TestClient(
        client.app,
        base_url="http://localhost",
        headers=bearer(sqlite_world.app, "hana", {Role.HANDLER}),
    )
    assert 'id="proceeds"' not in handler.get(f"/units/{lpn}").text
    answer = handler.post(f"/units/{lpn}/proceeds", data={"amount": "1"})
    assert answer.status_code == 403 and "record_proceeds" in answer.text
