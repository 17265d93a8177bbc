"""Bad input gets a clear 4xx naming the field and the problem, changes nothing, and never
makes the API answer 500."""

import json
from typing import Any

import pytest

from tests.conftest import World
from tests.e2e.conftest import API, TestClient, gs1, ok, refused, request_return, scan

LINE = {"sku": "LAP-14", "quantity": 1, "reason": "withdrawal"}


def _return(**changes: Any) -> dict[str, Any]:
    return {"customer_code": "C-ANNE", "lines": [LINE], **changes}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"lines": [LINE]}, "customer_code"),
        ({"customer_code": "C-ANNE"}, "lines"),
        (_return(lines=[]), "lines"),
        (_return(lines="LAP-14"), "lines"),
        (_return(lines=[{**LINE, "quantity": "two"}]), "lines.0.quantity"),
        (_return(lines=[{**LINE, "quantity": -1}]), "lines.0.quantity"),
        (_return(lines=[{**LINE, "quantity": 0}]), "lines.0.quantity"),
        (_return(lines=[{**LINE, "quantity": 10**30}]), "lines.0.quantity"),
        (_return(lines=[{**LINE, "quantity": 1.5}]), "lines.0.quantity"),
        (_return(lines=[LINE, {**LINE, "reason": "bored"}]), "lines.1.reason"),
        (_return(lines=[{"sku": "LAP-14", "quantity": 1}]), "lines.0.reason"),
        (_return(lines=[{**LINE, "serial": "S" * 41}]), "lines.0.serial"),
        (_return(lines=[{**LINE, "comment": "x" * 100_000}]), "lines.0.comment"),
        (_return(lines=[{**LINE, "comment": "nul\x00byte"}]), "lines.0.comment"),
        (_return(lines=[{**LINE, "qty": 1}]), "lines.0.qty"),
        (_return(order_ref="R" * 61), "order_ref"),
        (_return(customer_code=12), "customer_code"),
        (_return(delivered_at="2024-13-45"), "delivered_at"),
        (_return(delivered_at="yesterday"), "delivered_at"),
        (_return(delivered_at="0001-01-01T00:00:00+05:00"), "delivered_at"),
        (_return(delivered_at="9999-12-31T23:00:00-05:00"), "delivered_at"),
        (_return(delivered_at="2999-01-01"), "delivered_at"),  # after the request
        (_return(customer_code="NOBODY"), "customer_code"),
    ],
)
def test_bad_return_requests_name_the_field(
    client: TestClient, body: dict[str, Any], field: str
) -> None:
    status = 404 if body.get("customer_code") == "NOBODY" else 422
    refused(client.post(f"{API}/returns", json=body), status, field)
    assert ok(client.get(f"{API}/returns"))["count"] == 0  # nothing was recorded


def test_bodies_that_are_not_json_objects(client: TestClient) -> None:
    url = f"{API}/returns"
    json_type = {"content-type": "application/json"}
    msg = refused(client.post(url, content=b'{"customer_code": ', headers=json_type), 422, "body")
    assert "not valid JSON" in msg
    refused(client.post(url, content=b"[1, 2]", headers=json_type), 422, "body")
    refused(
        client.post(url, content=b"customer=C-ANNE", headers={"content-type": "text/plain"}),
        422,
        "body",
    )
    refused(client.post(url), 422, "body")
    # JSON allows half a surrogate pair, which no database can store.
    raw = json.dumps(_return(order_ref="\ud800")).encode()
    refused(client.post(url, content=raw, headers=json_type), 422, "order_ref")
    # Infinity and NaN are no numbers for a weight.
    product = b'{"sku": "X-1", "gtin": "12345670", "name": "x", "category": "x", '
    for bad in (b"NaN", b"1e400", b"-Infinity"):
        body = product + b'"weight_kg": ' + bad + b', "volume_m3": 1, "new_price": "1"}'
        refused(client.post(f"{API}/products", content=body, headers=json_type), 422, "weight_kg")


def test_unknown_ids_are_404_naming_the_thing(client: TestClient) -> None:
    assert "LPN999999999" in refused(client.get(f"{API}/units/LPN999999999"), 404, "lpn")
    refused(client.get(f"{API}/units/LPN999999999/timeline"), 404, "lpn")
    refused(
        client.post(
            f"{API}/units/LPN999999999/inspection",
            json={"functional_grade": "A", "cosmetic_grade": "A", "duration_s": 1},
        ),
        404,
        "lpn",
    )
    refused(client.post(f"{API}/units/NOPE/dispatch"), 404, "lpn")
    assert "RMA00000404" in refused(client.get(f"{API}/returns/RMA00000404"), 404, "number")
    refused(client.post(f"{API}/returns/RMA00000404/reject", json={"reason": "x"}), 404, "number")
    refused(client.get(f"{API}/products/NOPE-1"), 404, "sku")
    refused(client.get(f"{API}/sites/NOPE-1"), 404, "code")
    refused(client.get(f"{API}/customers/NOPE-1"), 404, "code")
    refused(client.get(f"{API}/work-orders/WO00000404"), 404, "order_id")
    refused(client.post(f"{API}/work-orders/404/start"), 404, "order_id")
    refused(client.get(f"{API}/work-orders/four"), 422, "order_id")
    refused(client.get(f"{API}/work-orders/99999999999999999999"), 422, "order_id")
    refused(client.get(f"{API}/stock/balances", params={"site_code": "NOPE-1"}), 404, "site_code")
    refused(
        client.post(f"{API}/returns", json=_return(lines=[{**LINE, "sku": "NOPE-1"}])), 404, "sku"
    )
    refused(client.get(f"{API}/units/LPN%00"), 422, "lpn")
    # Routes and methods that do not exist answer in the same shape.
    refused(client.get(f"{API}/nothing-here"), 404, None)
    refused(client.delete(f"{API}/products"), 405, None)


@pytest.mark.parametrize(
    ("code", "why"),
    [
        ("", "at least 1"),
        ("   ", "empty"),
        ("hello world", "not a GS1"),
        ("(01)123", "GS1"),
        ("(99)", "GS1"),
        ("0137000000000015", "check digit"),  # GTIN-14 in an element string
        ("3700000000015", "check digit"),  # a bare EAN-13
        ("(01)03700000000015(21)SN-1", "check digit"),
        ("https://id.gs1.org/01/03700000000015/21/SN-1", "check digit"),
        ("(10)BATCH-1", "neither a product"),
        ("X" * 201, "at most 200"),
    ],
)
def test_unreadable_codes_name_the_code_field(client: TestClient, code: str, why: str) -> None:
    msg = refused(
        client.post(f"{API}/receiving/scan", json={"code": code, "site_code": "HUB-FR"}),
        422,
        "code",
    )
    assert why.lower() in msg.lower()
    assert ok(client.get(f"{API}/units"))["count"] == 0


def test_receiving_at_a_wrong_site(client: TestClient, sqlite_world: World) -> None:
    code = gs1(sqlite_world.laptop.gtin, "SN-9")
    url = f"{API}/receiving/scan"
    scan_at = {
        s: client.post(url, json={"code": code, "site_code": s}) for s in ("NOWHERE", "REC-FR", "")
    }
    assert "NOWHERE" in refused(scan_at["NOWHERE"], 404, "site_code")
    assert "does not receive" in refused(scan_at["REC-FR"], 409, None)
    refused(scan_at[""], 422, "site_code")
    refused(
        client.post(
            f"{API}/receiving/scan",
            json={"code": code, "site_code": "HUB-FR", "rma_number": "RMA00000404"},
        ),
        404,
        "rma_number",
    )
    refused(
        client.post(
            f"{API}/receiving/unidentified", json={"site_code": "HUB-FR", "description": " "}
        ),
        422,
        "description",
    )
    assert ok(client.get(f"{API}/units"))["count"] == 0


def test_catalogue_creation_checks(client: TestClient) -> None:
    good = {
        "sku": "PHONE-6",
        "gtin": "4006381333931",
        "name": "Phone 6",
        "category": "Phone",
        "weight_kg": 0.2,
        "volume_m3": 0.001,
        "new_price": "499.00",
        "weee_category": 6,
        "data_bearing": True,
    }
    made = ok(client.post(f"{API}/products", json=good), 201)
    assert made["category"] == "phone" and made["gtin"] == "04006381333931"
    assert made["new_price"] == "499.00"
    assert "exists" in refused(client.post(f"{API}/products", json=good), 409, "sku")
    refused(client.post(f"{API}/products", json={**good, "sku": "PHONE-7"}), 409, "gtin")
    msg = refused(
        client.post(f"{API}/products", json={**good, "sku": "P-8", "gtin": "4006381333932"}),
        422,
        "gtin",
    )
    assert "check digit" in msg
    for field, value in [
        ("sku", "a b"),
        ("weight_kg", 0),
        ("weight_kg", "heavy"),
        ("new_price", -1),
        ("new_price", "12.345"),
        ("weee_category", 7),
        ("name", ""),
        ("name", "n" * 201),
    ]:
        refused(
            client.post(f"{API}/products", json={**good, "sku": "P-9", field: value}), 422, field
        )
    assert ok(client.get(f"{API}/products"))["count"] == 5

    site = {
        "code": "HUB-IT",
        "name": "Hub Milano",
        "kind": "returns_hub",
        "country": "it",
        "city": "Milano",
        "lat": 45.46,
        "lon": 9.19,
    }
    created = ok(client.post(f"{API}/sites", json=site), 201)
    assert created["country"] == "IT" and created["holds_stock"]
    # The standard locations, the site's "missing" one (for what a count does not find)
    # included.
    assert len(ok(client.get(f"{API}/sites/HUB-IT"))["locations"]) == 9
    refused(client.post(f"{API}/sites", json=site), 409, "code")
    refused(client.post(f"{API}/sites", json={**site, "code": "X-2", "lat": 91}), 422, "lat")
    refused(
        client.post(f"{API}/sites", json={**site, "code": "X-2", "country": "I1"}), 422, "country"
    )
    refused(
        client.post(f"{API}/sites", json={**site, "code": "X-2", "kind": "castle"}), 422, "kind"
    )
    refused(
        client.post(f"{API}/sites", json={**site, "code": "X-2", "weee_certified": True}),
        422,
        "weee_certified",
    )

    customer = {
        "code": "C-LEA",
        "name": "Léa",
        "country": "BE",
        "city": "Gent",
        "lat": 51.05,
        "lon": 3.72,
    }
    assert ok(client.post(f"{API}/customers", json=customer), 201)["kind"] == "consumer"
    assert ok(client.get(f"{API}/customers/c-lea"))["city"] == "Gent"
    refused(client.post(f"{API}/customers", json=customer), 409, "code")
    refused(client.post(f"{API}/customers", json={**customer, "kind": "robot"}), 422, "kind")


def test_steps_in_the_wrong_state_are_409(client: TestClient, sqlite_world: World) -> None:
    request_return(client, "C-ANNE", {"sku": "DRILL-18", "reason": "defective"})
    lpn = scan(client, sqlite_world.drill.gtin)["unit"]["lpn"]
    grade = {"functional_grade": "D", "cosmetic_grade": "C", "duration_s": 30}
    refused(client.post(f"{API}/units/{lpn}/disposition", json={"route": "recycle"}), 409, None)
    refused(
        client.post(f"{API}/units/{lpn}/inspection", json={**grade, "duration_s": -5}),
        422,
        "duration_s",
    )
    refused(
        client.post(f"{API}/units/{lpn}/inspection", json={**grade, "fault_codes": ["no way!"]}),
        422,
        "fault_codes",
    )
    ok(client.post(f"{API}/units/{lpn}/inspection", json=grade))
    # A WEEE drill goes only to a certified recycler; it cannot be destroyed unless hazardous.
    msg = refused(
        client.post(
            f"{API}/units/{lpn}/disposition", json={"route": "recycle", "destination_site": "REC-X"}
        ),
        409,
        None,
    )
    assert "certified" in msg
    refused(
        client.post(f"{API}/units/{lpn}/disposition", json={"route": "recycle"}),
        422,
        "destination_site",
    )
    refused(
        client.post(
            f"{API}/units/{lpn}/disposition", json={"route": "recycle", "destination_site": "NOPE"}
        ),
        404,
        "destination_site",
    )
    refused(client.post(f"{API}/units/{lpn}/disposition", json={"route": "burn"}), 422, "route")
    # The ledger refuses a move from a place the unit is not in, and a move to another site.
    msg = refused(
        client.post(
            f"{API}/units/{lpn}/move",
            json={"from_location": "HUB-FR:receiving", "to_location": "HUB-FR:outbound"},
        ),
        409,
        None,
    )
    assert "HUB-FR:graded_stock" in msg
    refused(
        client.post(
            f"{API}/units/{lpn}/move",
            json={"from_location": "HUB-FR:graded_stock", "to_location": "HUB-DE:receiving"},
        ),
        409,
        None,
    )
    refused(
        client.post(
            f"{API}/units/{lpn}/move",
            json={"from_location": "HUB-FR:graded_stock", "to_location": "HUB-FR:attic"},
        ),
        404,
        "to_location",
    )
    refused(client.post(f"{API}/units/{lpn}/ship", json={"to_site": "REC-FR"}), 409, None)
    refused(client.post(f"{API}/units/{lpn}/ship", json={"to_site": "HUB-FR"}), 422, "to_site")
    refused(client.post(f"{API}/units/{lpn}/sell"), 409, None)
    unit = ok(client.get(f"{API}/units/{lpn}"))
    assert unit["state"] == "graded" and unit["location_code"] == "HUB-FR:graded_stock"
    assert len(ok(client.get(f"{API}/units/{lpn}/timeline"))["data"]) == 2
