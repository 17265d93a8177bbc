"""Collection plans over HTTP: plan a region's day, read it, draw it, commit it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import World
from tests.e2e.conftest import API, gs1, ok, refused, request_return, scan

PLANS = f"{API}/collections/plans"


def _authorised(client: TestClient, customer: str, sku: str, quantity: int = 1) -> str:
    reason = "end_of_lease" if customer.startswith("B-") else "withdrawal"
    rma = request_return(client, customer, {"sku": sku, "quantity": quantity, "reason": reason})
    if rma["state"] != "authorised":
        rma = ok(client.post(f"{API}/returns/{rma['number']}/authorise", json={}))
    return str(rma["number"])


def _week_later() -> str:
    """Every pickup authorised today is past due eight days later (7 in collection.toml)."""
    return (date.today() + timedelta(days=8)).isoformat()


def _plan(client: TestClient, **body: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"date": _week_later(), "region": "FR", "seconds": 1, "seed": 3}
    return ok(client.post(PLANS, json={**base, **body}), 201)


def test_plan_read_draw_and_commit_a_day(client: TestClient, sqlite_world: World) -> None:
    # Eight laptops next to the hub: a van's trip costs less than the carriers' price.
    acme = _authorised(client, "B-ACME", "LAP-14", 8)
    paris = _authorised(client, "C-ANNE", "SOFA-3")  # too far from Lyon for a day's round
    _authorised(client, "C-ANNE", "TEE-M")  # a parcel: no collection

    plan = _plan(client)
    assert plan["status"] == "planned" and plan["solver_status"] == "feasible"
    assert plan["region"] == "FR" and plan["reference"].startswith("COL")
    (route,) = plan["routes"]
    assert route["start_hub"] == route["end_hub"] == "HUB-FR"
    (stop,) = route["stops"]
    assert stop["rma_number"] == acme and stop["customer"] == "B-ACME"
    assert "09:00" <= stop["start"] <= "17:00"  # a business is visited in office hours
    assert stop["load_kg"] == 12.8
    assert route["km"] > 0 and route["cost_eur"] > 0 and route["co2e_kg"] > 0
    assert plan["collected_count"] == 1 and plan["deferred_count"] == 1
    (deferred,) = plan["deferred"]
    assert deferred["rma_number"] == paris and "no vehicle can collect it" in deferred["reason"]
    assert deferred["decision"] == "carrier" and plan["to_carrier"] == [paris]
    assert plan["waiting"] == []
    (share,) = plan["collections"]
    assert share["rma_number"] == acme and share["units"] == 8
    assert share["cost_eur"] == route["cost_eur"]  # alone on its route
    compared = {c["rma_number"]: c for c in plan["collect_or_ship"]}
    assert set(compared) == {acme, paris}
    assert compared[acme]["decision"] == "collect" and compared[acme]["cheaper"] == "collect"
    assert compared[acme]["collect_eur"] < compared[acme]["ship_eur"]
    assert compared[acme]["basis"] == "the route would not run without it"
    assert compared[paris]["decision"] == "carrier" and compared[paris]["collect_eur"] is None
    assert plan["cheaper_to_ship"] == [paris]

    assert ok(client.get(f"{PLANS}/{plan['reference']}")) == plan
    assert ok(client.get(f"{PLANS}/{plan['id']}")) == plan

    picture = client.get(f"{PLANS}/{plan['id']}/map.svg")
    assert picture.status_code == 200
    assert picture.headers["content-type"].startswith("image/svg+xml")
    svg = ET.fromstring(picture.text)
    assert len(svg.findall("{http://www.w3.org/2000/svg}polyline")) == 1

    done = ok(client.post(f"{PLANS}/{plan['id']}/commit"))
    assert done["status"] == "committed" and done["committed_by"]
    assert ok(client.get(f"{API}/returns/{acme}"))["state"] == "in_transit"
    again = refused(client.post(f"{PLANS}/{plan['id']}/commit"), 409, None)
    assert "committed" in again

    lpn = scan(client, gs1(sqlite_world.laptop.gtin))["unit"]["lpn"]
    journey = ok(client.get(f"{API}/units/{lpn}/journey"))
    first = journey["legs"][0]["consignment"]
    assert (first["carrier"], first["rma_number"]) == ("Own fleet", acme)
    assert first["service_id"] == route["vehicle"]
    assert journey["legs"][0]["km"] == share["km"]


def test_collection_requests_are_checked(client: TestClient) -> None:
    assert "no collection plan 77" in refused(client.get(f"{PLANS}/77"), 404, "plan_id")
    refused(client.post(f"{PLANS}/COL00000077/commit"), 404, "plan_id")
    refused(client.get(f"{PLANS}/77/map.svg"), 404, "plan_id")
    refused(client.get(f"{PLANS}/plan-1"), 422, "plan_id")
    refused(
        client.post(PLANS, json={"date": _week_later(), "region": "FR", "seconds": 0}),
        422,
        "seconds",
    )
    refused(
        client.post(PLANS, json={"date": _week_later(), "region": "FR", "speed": 1}), 422, "speed"
    )
    refused(client.post(PLANS, json={"region": "FR"}), 422, "date")
    assert "BE" in refused(
        client.post(PLANS, json={"date": _week_later(), "region": "BE"}), 404, "region"
    )
    refused(client.post(PLANS, json={"date": _week_later(), "region": "F1"}), 422, "region")
    # Nothing waits: the plan is stored, collects nothing and cannot be committed.
    empty = _plan(client)
    assert empty["routes"] == [] and empty["collected_count"] == 0
    assert "collects nothing" in refused(
        client.post(f"{PLANS}/{empty['id']}/commit"), 409, "plan_id"
    )
