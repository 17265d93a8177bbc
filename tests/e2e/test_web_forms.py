"""The pages' forms: the station receives, quarantines and grades; the manager accepts the
engine's proposals and overrides a decision; a wrong value is shown next to its field."""

from __future__ import annotations

import pypdfium2 as pdfium
import zxingcpp

from tests.conftest import World
from tests.e2e.conftest import API, TestClient, gs1, ok, request_return
from tests.e2e.test_web_pages import field_errors, graded_laptop, received_laptop


def post(client: TestClient, url: str, data: dict[str, object]) -> tuple[int, str, str]:
    response = client.post(url, data=data, follow_redirects=False)
    return response.status_code, response.headers.get("location", ""), response.text


def unit(client: TestClient, lpn: str) -> dict[str, object]:
    return ok(client.get(f"{API}/units/{lpn}"))


def test_the_station_receives_an_expected_unit(client: TestClient, sqlite_world: World) -> None:
    rma = request_return(
        client, "C-ANNE", {"sku": "LAP-14", "reason": "withdrawal", "serial": "SN1"}
    )
    status, location, _ = post(
        client, "/station/scan", {"code": gs1(sqlite_world.laptop.gtin, "SN1"), "site": "hub-fr"}
    )
    assert status == 303 and location == "/station/units/LPN000000001"
    page = client.get(location).text
    assert f"LPN000000001 received for return {rma['number']} line 1" in page
    assert 'class="barcode"' in page and 'id="grade-form"' in page
    assert client.cookies.get("station_site") == "HUB-FR"
    # The remembered site is chosen the next time.
    assert '<option value="HUB-FR" selected>' in client.get("/station").text


def test_an_unreadable_code_is_named_and_can_be_quarantined(client: TestClient) -> None:
    status, _, page = post(client, "/station/scan", {"code": "%%garbage", "site": "HUB-FR"})
    assert status == 422
    assert "not a GS1 barcode nor a Revalo LPN" in field_errors(page)["code"]
    assert 'id="unknown"' in page and 'value="%%garbage"' in page
    status, _, page = post(client, "/station/unidentified", {"site": "HUB-FR", "code": "x"})
    assert status == 422
    assert field_errors(page)["description"] == "description is required"
    status, location, _ = post(
        client,
        "/station/unidentified",
        {"site": "HUB-FR", "code": "%%garbage", "description": "blue kettle"},
    )
    assert status == 303
    lpn = location.rsplit("/", 1)[1]
    body = unit(client, lpn)
    assert body["state"] == "quarantined"
    assert "unidentified: blue kettle" in str(body["quarantine_reason"])


def test_an_unknown_product_goes_to_quarantine_with_the_reason(client: TestClient) -> None:
    status, location, _ = post(client, "/station/scan", {"code": "4006381333931", "site": "HUB-FR"})
    assert status == 303
    page = client.get(location).text
    assert "unknown product: no product has GTIN 04006381333931" in page
    assert 'id="grade-form"' not in page


def test_station_fields_are_checked(client: TestClient, sqlite_world: World) -> None:
    status, _, page = post(client, "/station/scan", {"code": "", "site": "NOWHERE", "rma": "R"})
    assert status == 422
    errors = field_errors(page)
    assert errors["code"] == "code is required"
    status, _, page = post(
        client, "/station/scan", {"code": sqlite_world.laptop.gtin, "site": "NOWHERE"}
    )
    assert status == 422 and "no site with code" in field_errors(page)["site"]
    status, _, page = post(
        client,
        "/station/scan",
        {"code": sqlite_world.laptop.gtin, "site": "HUB-FR", "rma": "RMA00000099"},
    )
    assert status == 422 and "no return 'RMA00000099'" in field_errors(page)["rma"]


def test_grading_at_the_station(client: TestClient, sqlite_world: World) -> None:
    lpn = received_laptop(client, sqlite_world)
    url = f"/station/units/{lpn}/grade"
    status, _, page = post(client, url, {"fault_codes": "bad code!", "duration_s": "-4"})
    assert status == 422
    errors = field_errors(page)
    assert errors["functional_grade"] == "choose a functional grade"
    assert errors["cosmetic_grade"] == "choose a cosmetic grade"
    assert errors["duration_s"] == "must be between 0 and 86400"
    assert 'value="bad code!"' in page  # what was typed is kept
    status, _, page = post(
        client, url, {"functional_grade": "B", "cosmetic_grade": "E", "fault_codes": "bad code!"}
    )
    assert status == 422 and "'E' is not one of: A, B, C, D" in field_errors(page)["cosmetic_grade"]
    status, _, page = post(
        client, url, {"functional_grade": "B", "cosmetic_grade": "C", "fault_codes": "bad!"}
    )
    assert status == 422 and "fault code 'bad!'" in field_errors(page)["fault_codes"]
    data = {
        "functional_grade": "B",
        "cosmetic_grade": "C",
        "fault_codes": "battery-wear, scratches",
        "check_powers_on": "1",
        "check_data_present": "1",
        "duration_s": "240",
        "notes": "charger missing",
    }
    status, location, _ = post(client, url, data)
    assert status == 303 and location == f"/station/units/{lpn}"
    assert f"{lpn} graded B/C." in client.get(location).text
    inspection = ok(client.get(f"{API}/units/{lpn}"))
    assert inspection["state"] == "graded"
    detail = client.get(f"/units/{lpn}").text
    assert "BATTERY-WEAR, SCRATCHES" in detail and "charger missing" in detail


def test_accepting_proposals_then_overriding_one(client: TestClient, sqlite_world: World) -> None:
    lpn = graded_laptop(client, sqlite_world, "D/C")
    status, location, _ = post(client, "/queue/accept", {})
    assert status == 303
    assert "Select at least one unit." in client.get(location).text
    status, location, _ = post(client, "/queue/accept", {"lpn": [lpn, "LPN000000999"]})
    assert status == 303
    page = client.get(location).text
    assert "1 decision(s) recorded." in page and "LPN000000999: no unit with LPN" in page
    decided = unit(client, lpn)
    assert decided["state"] in ("disposition_decided", "ready")
    # An override needs a reason, and a route the rules allow; each refusal is shown next
    # to its field.
    url = f"/units/{lpn}/disposition"
    status, _, page = post(client, url, {"route": "", "reason": "x"})
    assert status == 422 and field_errors(page)["route"] == "choose a route"
    status, _, page = post(client, url, {"route": "recycle", "destination_site": "REC-FR"})
    assert status == 422 and field_errors(page)["reason"] == "overriding a decision needs a reason"
    status, _, page = post(
        client, url, {"route": "recycle", "destination_site": "REC-X", "reason": "cheaper"}
    )
    assert status == 422 and "only a certified treatment facility" in field_errors(page)["route"]
    status, _, page = post(client, url, {"route": "recycle", "reason": "cheaper"})
    assert status == 422 and "cannot go to no destination" in field_errors(page)["destination_site"]
    status, location, _ = post(
        client, url, {"route": "recycle", "destination_site": "rec-fr", "reason": "too worn"}
    )
    assert status == 303 and location == f"/units/{lpn}#timeline"
    page = client.get(f"/units/{lpn}").text
    assert "Decision recorded: recycle." in page
    assert page.count('data-event="disposition_recorded"') == 2
    assert "too worn" in page and "REC-FR" in page
    assert unit(client, lpn)["route"] == "recycle"


def test_the_label_of_a_return_parcel_shows_what_it_holds(
    client: TestClient, sqlite_world: World
) -> None:
    rma = request_return(
        client, "C-ANNE", {"sku": "DRILL-18", "quantity": 2, "reason": "defective"}
    )
    label = client.post(f"{API}/returns/{rma['number']}/label")
    assert label.status_code == 200
    scanned = ok(
        client.post(
            f"{API}/receiving/scan",
            json={"code": "]C100" + _sscc(label.content), "site_code": "HUB-FR"},
        )
    )
    assert scanned["unit"] is None and scanned["rma_number"] == rma["number"]
    status, location, _ = post(
        client, "/station/scan", {"code": "00" + _sscc(label.content), "site": "HUB-FR"}
    )
    assert status == 303 and location == f"/station?rma={rma['number']}"
    page = client.get(location).text
    assert 'id="parcel"' in page and f"Parcel of return {rma['number']}" in page
    assert f'value="{rma["number"]}"' in page, "the next scans are for this return"


def _sscc(pdf: bytes) -> str:
    """The SSCC of a label, read back from its GS1-128 barcode."""
    image = pdfium.PdfDocument(pdf)[0].render(scale=4).to_pil()
    code = next(c for c in zxingcpp.read_barcodes(image) if c.symbology_identifier == "]C1")
    return code.bytes.decode()[2:]


def test_a_return_page_books_its_label_with_a_button(client: TestClient) -> None:
    rma = request_return(
        client, "C-ANNE", {"sku": "DRILL-18", "quantity": 1, "reason": "defective"}
    )
    page = client.get(f"/returns/{rma['number']}").text
    assert f'<form method="post" action="/returns/{rma["number"]}/label"' in page
    assert 'href="/returns/' + rma["number"] + "/label" not in page
    # Looking at the page booked nothing: the API has no label to show yet.
    assert client.get(f"{API}/returns/{rma['number']}/label").status_code == 409
    first = client.post(f"/returns/{rma['number']}/label")
    assert first.status_code == 200 and first.headers["content-type"] == "application/pdf"
    again = client.post(f"/returns/{rma['number']}/label")
    assert _sscc(again.content) == _sscc(first.content)
    assert client.get(f"{API}/returns/{rma['number']}/label").content == first.content

    rejected = request_return(
        client, "C-ANNE", {"sku": "LAP-14", "quantity": 1, "reason": "withdrawal"}, days_ago=400
    )
    assert "/label" not in client.get(f"/returns/{rejected['number']}").text
    refused = client.post(f"/returns/{rejected['number']}/label", headers={"accept": "text/html"})
    assert refused.status_code == 409 and "authorised return" in refused.text


def test_the_decision_form_is_offered_only_when_a_decision_can_be_made(
    client: TestClient, sqlite_world: World
) -> None:
    lpn = received_laptop(client, sqlite_world)
    page = client.get(f"/units/{lpn}").text
    assert 'id="not-decidable"' in page and f'action="/units/{lpn}/disposition"' not in page
    body = {"functional_grade": "B", "cosmetic_grade": "B", "duration_s": 60}
    ok(client.post(f"{API}/units/{lpn}/inspection", json=body))
    page = client.get(f"/units/{lpn}").text
    assert 'id="not-decidable"' not in page and f'action="/units/{lpn}/disposition"' in page
