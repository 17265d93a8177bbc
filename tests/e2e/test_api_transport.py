"""Transport over HTTP: quote a shipment, ship units together, read a unit's journey."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pypdfium2 as pdfium
import sqlalchemy as sa
import zxingcpp
from fastapi.testclient import TestClient

from revalo.services.transport import default_transport
from tests.conftest import World
from tests.e2e.conftest import API, gs1, ok, refused, request_return, scan

BOX = {"weight_kg": 2.0, "length_cm": 40, "width_cm": 30, "height_cm": 20}


def _quote(client: TestClient, **body: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "origin": {"code": "HUB-FR"},
        "destination": {"code": "REP-FR"},
        "parcels": [BOX],
    }
    return ok(client.post(f"{API}/quotes", json={**base, **body}))


def test_a_quote_ranks_every_service_and_explains_the_choice(client: TestClient) -> None:
    answer = _quote(client)
    assert answer["status"] == "on_time"
    quotes = answer["quotes"]
    assert answer["chosen"] == quotes[0]
    allowed = [q for q in quotes if q["refused"] is None]
    assert [q["cost_eur"] for q in allowed] == sorted(q["cost_eur"] for q in allowed)
    assert quotes[0]["service_id"] in answer["reason"]
    # Lyon to Lille is about 560 km by road: more than the 558 km great circle... roughly.
    assert 500 < quotes[0]["km"] < 900


def test_lithium_is_never_quoted_with_a_service_that_refuses_it(client: TestClient) -> None:
    plain = _quote(client)
    lithium = _quote(client, lithium=True)
    refused_ids = {q["service_id"] for q in lithium["quotes"] if q["refused"]}
    assert "PARCEL-STD" in refused_ids, "the standard parcel service refuses lithium"
    assert lithium["chosen"]["service_id"] not in refused_ids
    assert plain["chosen"]["cost_eur"] <= lithium["chosen"]["cost_eur"]


def test_a_damaged_battery_is_quoted_only_with_special_provision_376(client: TestClient) -> None:
    damaged = _quote(client, damaged_lithium=True)
    refused = {q["service_id"]: q["refused"] for q in damaged["quotes"] if q["refused"]}
    assert {"PARCEL-STD", "EXPRESS-DG"} <= set(refused)
    assert "special provision 376" in refused["EXPRESS-DG"]
    assert damaged["chosen"]["service_id"] not in refused
    sound = _quote(client, lithium=True)
    assert sound["chosen"]["cost_eur"] < damaged["chosen"]["cost_eur"]


def test_a_quote_to_a_point_and_a_needed_by_date(client: TestClient) -> None:
    today = date.today()
    answer = _quote(
        client,
        destination={"country": "DE", "lat": 52.52, "lon": 13.40},
        ready_on=today.isoformat(),
        needed_by=(today + timedelta(days=1)).isoformat(),
    )
    # Nothing reaches Berlin from Lyon by tomorrow: the earliest arrival is chosen.
    assert answer["status"] == "late"
    allowed = [q for q in answer["quotes"] if q["refused"] is None]
    assert answer["chosen"]["arrives_on"] == min(q["arrives_on"] for q in allowed)
    assert date.fromisoformat(answer["chosen"]["arrives_on"]) > today + timedelta(days=1)
    relaxed = _quote(
        client,
        destination={"country": "DE", "lat": 52.52, "lon": 13.40},
        ready_on=today.isoformat(),
        needed_by=(today + timedelta(days=14)).isoformat(),
    )
    assert relaxed["status"] == "on_time"
    assert relaxed["chosen"]["cost_eur"] == min(
        q["cost_eur"] for q in relaxed["quotes"] if q["refused"] is None
    )


def test_bad_quotes_name_what_is_wrong(client: TestClient) -> None:
    def post(**body: Any) -> Any:
        base: dict[str, Any] = {
            "origin": {"code": "HUB-FR"},
            "destination": {"code": "REP-FR"},
            "parcels": [BOX],
        }
        return client.post(f"{API}/quotes", json={**base, **body})

    assert "NOWHERE" in refused(post(origin={"code": "NOWHERE"}), 404, "origin")
    refused(post(destination={"country": "DE"}), 422, "destination")
    refused(post(parcels=[]), 422, "parcels")
    refused(post(parcels=[{**BOX, "weight_kg": -1}]), 422, "parcels.0.weight_kg")
    today = date.today()
    refused(
        post(ready_on=today.isoformat(), needed_by=(today - timedelta(days=2)).isoformat()),
        422,
        "needed_by",
    )


def test_units_shipped_together_appear_in_each_journey(
    any_client: TestClient, world: World
) -> None:
    client = any_client
    request_return(client, "C-ANNE", {"sku": "LAP-14", "quantity": 2, "reason": "withdrawal"})
    lpns = [scan(client, gs1(world.laptop.gtin, f"S{i}"))["unit"]["lpn"] for i in range(2)]
    first = ok(client.get(f"{API}/units/{lpns[0]}/journey"))
    assert [leg["consignment"]["kind"] for leg in first["legs"]] == ["return"]
    assert first["legs"][0]["origin"] == "C-ANNE"

    sent = ok(client.post(f"{API}/shipments", json={"lpns": lpns, "to_site": "HUB-DE"}), 201)
    assert (sent["origin"], sent["destination"], sent["units"]) == ("HUB-FR", "HUB-DE", 2)
    journeys = [ok(client.get(f"{API}/units/{lpn}/journey")) for lpn in lpns]
    for j in journeys:
        assert [leg["consignment"]["reference"] for leg in j["legs"]][-1] == sent["reference"]
        assert j["km"] == round(sum(leg["km"] for leg in j["legs"]), 1)
    shares = sum(float(j["legs"][-1]["cost"]) for j in journeys)
    assert round(shares, 2) == float(sent["cost"])
    timeline = ok(client.get(f"{API}/units/{lpns[0]}/timeline"))["data"]
    assert timeline[-1]["detail"]["transport"]["consignment"] == sent["reference"]

    refused(client.post(f"{API}/shipments", json={"lpns": [], "to_site": "HUB-FR"}), 422, "lpns")
    refused(client.get(f"{API}/units/LPN999999999/journey"), 404, "lpn")


def test_a_return_label_carries_the_booked_parcels_sscc(client: TestClient) -> None:
    rma = request_return(client, "C-ANNE", {"sku": "LAP-14", "quantity": 1, "reason": "defective"})
    first = client.post(f"{API}/returns/{rma['number']}/label")
    assert first.status_code == 200, first.text
    assert first.headers["content-type"] == "application/pdf"
    again = client.post(f"{API}/returns/{rma['number'].lower()}/label")
    assert again.content == first.content, "the parcel is booked once; the label is the same"
    shown = client.get(f"{API}/returns/{rma['number']}/label")
    assert shown.status_code == 200 and shown.content == first.content

    page = pdfium.PdfDocument(first.content)[0]
    codes = {c.format: c for c in zxingcpp.read_barcodes(page.render(scale=4).to_pil())}
    gs1_128 = codes[zxingcpp.BarcodeFormat.Code128]
    assert gs1_128.symbology_identifier == "]C1"
    sscc = gs1_128.bytes.decode()[2:]
    assert gs1_128.bytes.decode().startswith("00") and len(sscc) == 18
    assert codes[zxingcpp.BarcodeFormat.QRCode].text == f"https://id.gs1.org/00/{sscc}"
    text = page.get_textpage().get_text_range()
    assert rma["number"] in text and "Lyon" in text and "Anne Martin" in text
    assert "RETURN" in text and "WEIGHT" in text and "POIDS" not in text
    # The same label for a French reader: its captions in French, its facts the same.
    french = client.get(f"{API}/returns/{rma['number']}/label", headers={"accept-language": "fr"})
    in_french = pdfium.PdfDocument(french.content)[0].get_textpage().get_text_range()
    for caption in ("RETOUR", "EXPÉDITEUR", "DESTINATAIRE", "POIDS", "COLIS", "CONTENU"):
        assert caption in in_french
    assert "WEIGHT" not in in_french and rma["number"] in in_french and "Anne Martin" in in_french
    # The laptop's lithium battery: the label names a service that accepts lithium.
    services = default_transport().cards.services
    named = [svc for svc in services if svc.id in text]
    assert named and all(svc.handling.accepts_lithium for svc in named)


def test_no_label_for_a_return_that_is_not_authorised(client: TestClient) -> None:
    rejected = request_return(
        client, "C-ANNE", {"sku": "LAP-14", "quantity": 1, "reason": "withdrawal"}, days_ago=400
    )
    assert rejected["state"] == "rejected"
    label = f"{API}/returns/{rejected['number']}/label"
    assert "rejected" in refused(client.post(label), 409, None)
    assert "rejected" in refused(client.get(label), 409, None)
    refused(client.post(f"{API}/returns/RMA99999999/label"), 404, "number")
    refused(client.get(f"{API}/returns/RMA99999999/label"), 404, "number")


def _consignments(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.text("SELECT count(*) FROM consignments")) or 0)


def test_reading_a_label_books_nothing(any_client: TestClient, world: World) -> None:
    rma = request_return(
        any_client, "C-ANNE", {"sku": "LAP-14", "quantity": 1, "reason": "defective"}
    )
    label = f"{API}/returns/{rma['number']}/label"
    message = refused(any_client.get(label), 409, None)
    assert "not booked yet" in message and "book its label first" in message
    refused(any_client.get(label), 409, None)
    assert _consignments(world) == 0
    assert any_client.post(label).status_code == 200
    assert any_client.get(label).status_code == 200
    assert any_client.post(label).status_code == 200
    assert _consignments(world) == 1


def test_a_price_on_co2_can_change_the_choice(client: TestClient) -> None:
    heavy = [{"weight_kg": 400.0, "length_cm": 120, "width_cm": 80, "height_cm": 150}]
    by_cost = _quote(client, parcels=heavy)
    green = _quote(client, parcels=heavy, co2_eur_per_kg=50.0)
    on_time = [q for q in green["quotes"] if q["refused"] is None]
    assert green["chosen"]["co2e_kg"] == min(q["co2e_kg"] for q in on_time)
    assert by_cost["chosen"]["cost_eur"] == min(
        q["cost_eur"] for q in by_cost["quotes"] if q["refused"] is None
    )
    assert "lowest cost + CO2" in green["reason"]
    refused(
        client.post(
            f"{API}/quotes",
            json={
                "origin": {"code": "HUB-FR"},
                "destination": {"code": "REP-FR"},
                "parcels": heavy,
                "co2_eur_per_kg": -1,
            },
        ),
        422,
        "co2_eur_per_kg",
    )


def test_a_sites_outbound_lanes_are_planned_then_booked(
    any_client: TestClient, world: World
) -> None:
    client = any_client
    request_return(client, "C-ANNE", {"sku": "LAP-14", "quantity": 2, "reason": "withdrawal"})
    lpns = [scan(client, gs1(world.laptop.gtin, f"S{i}"))["unit"]["lpn"] for i in range(2)]
    for lpn in lpns:
        body = {"functional_grade": "C", "cosmetic_grade": "B", "duration_s": 60}
        ok(client.post(f"{API}/units/{lpn}/inspection", json=body))
        decision = {"route": "repair", "destination_site": "REP-FR", "reason": "hinge"}
        ok(client.post(f"{API}/units/{lpn}/disposition", json=decision))

    plan = ok(client.get(f"{API}/sites/hub-fr/outbound"))
    (lane,) = plan["lanes"]
    assert (lane["destination"], lane["kind"], sorted(lane["lpns"])) == (
        "REP-FR",
        "transfer",
        sorted(lpns),
    )
    assert lane["action"] == "ship_now" and lane["reason"]
    assert sorted(x for s in lane["shipments"] for x in s["lpns"]) == sorted(lpns)
    # Planning books nothing.
    assert ok(client.get(f"{API}/units/{lpns[0]}"))["state"] == "disposition_decided"

    booked = ok(client.post(f"{API}/sites/HUB-FR/outbound"), 201)
    assert sum(c["units"] for c in booked["data"]) == 2
    assert all(c["kind"] == "transfer" and c["destination"] == "REP-FR" for c in booked["data"])
    assert ok(client.get(f"{API}/units/{lpns[0]}"))["location_code"] == "REP-FR:in_transit"
    assert ok(client.get(f"{API}/sites/HUB-FR/outbound"))["lanes"] == []
    refused(client.get(f"{API}/sites/NOWHERE/outbound"), 404, "site_code")
