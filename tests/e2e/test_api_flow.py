"""A unit's whole journey over HTTP, on SQLite and PostgreSQL: asked for, received by scan,
graded, decided, worked on, dispatched and sold; and a repair at another site."""

from revalo.domain.values import gs1_check_digit
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, gs1, ok, refused, request_return, scan


def test_a_laptop_from_request_to_sale(any_client: TestClient, world: World) -> None:
    c = any_client
    rma = request_return(
        c,
        "C-ANNE",
        {"sku": "LAP-14", "quantity": 1, "reason": "withdrawal", "serial": "SN-1"},
        order_ref="WEB-1001",
    )
    assert rma["state"] == "authorised"
    assert rma["destination_site"] == "HUB-FR"
    assert "14-day withdrawal" in rma["decision_reason"]

    got = scan(c, gs1(world.laptop.gtin, "SN-1"))
    assert got["created"] and not got["quarantined"]
    assert got["rma_number"] == rma["number"]
    unit = got["unit"]
    lpn = unit["lpn"]
    assert unit["location_code"] == "HUB-FR:receiving" and unit["serial"] == "SN-1"

    # The same laptop scanned again is the same unit, not a second one.
    again = scan(c, gs1(world.laptop.gtin, "SN-1"))
    assert not again["created"] and again["unit"]["lpn"] == lpn
    assert ok(c.get(f"{API}/units", params={"rma_number": rma["number"]}))["count"] == 1

    moved = ok(
        c.post(
            f"{API}/units/{lpn}/move",
            json={"from_location": "HUB-FR:receiving", "to_location": "HUB-FR:inspection"},
        )
    )
    assert moved["location_code"] == "HUB-FR:inspection"

    graded = ok(
        c.post(
            f"{API}/units/{lpn}/inspection",
            json={
                "functional_grade": "A",
                "cosmetic_grade": "B",
                "checklist": {"boots": True, "screen": True, "keyboard": True},
                "fault_codes": ["scratch-lid"],
                "duration_s": 240,
                "notes": "light scratch on the lid",
            },
        )
    )
    assert (graded["functional_grade"], graded["cosmetic_grade"]) == ("A", "B")
    assert graded["fault_codes"] == ["SCRATCH-LID"]
    assert graded["operator"] == "operator"

    decided = ok(
        c.post(f"{API}/units/{lpn}/disposition", json={"route": "resell", "reason": "sells well"})
    )
    assert decided["record"]["route"] == "resell"
    assert decided["record"]["actor"] == "operator"
    orders = decided["work_orders"]
    assert [o["kind"] for o in orders] == ["data_wipe", "clean"]
    assert all(o["state"] == "open" and o["site_code"] == "HUB-FR" for o in orders)

    # A laptop may not leave before its data wipe is recorded.
    refused(c.post(f"{API}/units/{lpn}/dispatch"), 409, None)

    wipe, clean = orders
    started = ok(c.post(f"{API}/work-orders/{wipe['number']}/start"))
    assert started["state"] == "in_progress" and started["operator"] == "operator"
    # A wipe is done only with its certificate: method, tool and a verified result.
    refused(
        c.post(f"{API}/work-orders/{wipe['id']}/finish", json={"labour_minutes": 15}),
        422,
        "wipe_method",
    )
    done = ok(
        c.post(
            f"{API}/work-orders/{wipe['id']}/finish",
            json={
                "labour_minutes": 15,
                "wipe_method": "purge",
                "wipe_tool": "Blancco 7",
                "wipe_verified": True,
            },
        )
    )
    assert done["state"] == "done" and done["wipe_method"] == "purge"
    assert done["wipe_certificate"] == "SAN00000001"
    ok(c.post(f"{API}/work-orders/{clean['id']}/start"))
    # The work is recorded as it goes; the finish adds its last minutes and costs.
    part = {"reference": "KEYCAP-FR", "quantity": 2, "unit_cost": "0.80"}
    noted = ok(
        c.post(
            f"{API}/work-orders/{clean['id']}/record",
            json={"labour_minutes": 4, "notes": "keyboard cleaned", "parts": [part]},
        )
    )
    assert (noted["labour_minutes"], noted["parts_cost"]) == (4, "1.60")
    assert noted["parts"] == [{**part, "cost": "1.60"}]
    finished = ok(
        c.post(
            f"{API}/work-orders/{clean['id']}/finish",
            json={"labour_minutes": 5, "parts_cost": "1.50", "notes": "screen polished"},
        )
    )
    assert (finished["labour_minutes"], finished["parts_cost"]) == (9, "3.10")
    assert finished["notes"] == "keyboard cleaned\nscreen polished"
    assert finished["wipe_certificate"] is None
    refused(c.post(f"{API}/work-orders/{clean['id']}/record", json={"notes": "late"}), 409, None)
    ready = ok(c.get(f"{API}/units/{lpn}"))
    assert ready["state"] == "ready" and ready["location_code"] == "HUB-FR:outbound"
    assert ok(c.get(f"{API}/stock/balances", params={"site_code": "HUB-FR"}))["data"] == [
        {"location_code": "HUB-FR:outbound", "site_code": "HUB-FR", "units": 1}
    ]

    listed = ok(c.post(f"{API}/units/{lpn}/dispatch", json={"document": "LIST-77"}))
    assert listed["state"] == "listed"
    refused(c.post(f"{API}/units/{lpn}/sell", json={"price": "-1"}), 422, "price")
    sold = ok(c.post(f"{API}/units/{lpn}/sell", json={"document": "ORDER-9", "price": "420"}))
    assert sold["state"] == "sold" and sold["in_stock"] is False
    assert sold["proceeds"] == "420.00"
    # A later payment for it (a buyer's extra for the charger) adds to what it brought.
    more = ok(c.post(f"{API}/units/{lpn}/proceeds", json={"amount": "15.5", "document": "INV-3"}))
    assert more["proceeds"] == "435.50"
    refused(c.post(f"{API}/units/{lpn}/proceeds", json={"amount": "-2"}), 422, "amount")

    detail = ok(c.get(f"{API}/units/{lpn}"))
    assert detail["product"]["sku"] == "LAP-14"
    assert [i["functional_grade"] for i in detail["inspections"]] == ["A"]
    assert [d["route"] for d in detail["dispositions"]] == ["resell"]
    assert [w["state"] for w in detail["work_orders"]] == ["done", "done"]
    assert detail["work_orders"][1]["parts_cost"] == "3.10"
    assert detail["data_wiped_at"] is not None
    assert detail["moves"][0]["from_location"] is None  # it entered the parallel stock
    assert detail["moves"][-1]["to_location"] is None  # and left it when sold

    timeline = ok(c.get(f"{API}/units/{lpn}/timeline"))
    types = [e["type"] for e in timeline["data"]]
    assert types[:4] == ["received", "moved", "inspected", "disposition_recorded"]
    assert types[-3:] == ["listed", "dispatched", "proceeds_recorded"]
    assert timeline["count"] == len(types)
    assert {e["actor"] for e in timeline["data"]} == {"operator"}
    assert timeline["data"][-2]["document"] == "ORDER-9"
    assert timeline["data"][-2]["detail"] == {"price_eur": "420.00"}

    back = ok(c.get(f"{API}/returns/{rma['number']}"))
    assert back["state"] == "received"
    assert back["lines"][0]["received_quantity"] == 1
    assert [u["lpn"] for u in back["units"]] == [lpn]
    assert ok(c.get(f"{API}/stock/balances"))["total_units"] == 0


def test_a_drill_is_shipped_to_a_repair_centre_and_repaired_there(
    any_client: TestClient, world: World
) -> None:
    c = any_client
    rma = request_return(c, "C-ANNE", {"sku": "DRILL-18", "reason": "defective"})
    assert rma["state"] == "authorised"
    lpn = scan(c, world.drill.gtin)["unit"]["lpn"]
    ok(
        c.post(
            f"{API}/units/{lpn}/inspection",
            json={"functional_grade": "C", "cosmetic_grade": "B", "duration_s": 300},
        )
    )
    decided = ok(
        c.post(
            f"{API}/units/{lpn}/disposition",
            json={"route": "repair", "destination_site": "REP-FR", "reason": "motor"},
        )
    )
    assert {o["site_code"] for o in decided["work_orders"]} == {"REP-FR"}
    first = decided["work_orders"][0]
    # The work is at the repair centre: the unit must get there first.
    refused(c.post(f"{API}/work-orders/{first['id']}/start"), 409, None)

    shipped = ok(c.post(f"{API}/units/{lpn}/ship", json={"to_site": "REP-FR", "document": "CMR-1"}))
    assert shipped["site_code"] == "REP-FR"
    assert shipped["location_code"] == "REP-FR:in_transit"
    arrived = scan(c, lpn, site="REP-FR")
    assert not arrived["created"]
    assert arrived["unit"]["location_code"] == "REP-FR:graded_stock"

    for order in decided["work_orders"]:
        ok(c.post(f"{API}/work-orders/{order['id']}/start"))
        ok(c.post(f"{API}/work-orders/{order['id']}/finish", json={"labour_minutes": 30}))
    repaired = ok(c.get(f"{API}/units/{lpn}"))
    assert repaired["state"] == "ready"
    assert repaired["location_code"] == "REP-FR:outbound"
    done = ok(c.get(f"{API}/work-orders", params={"site_code": "REP-FR", "state": "done"}))
    assert done["count"] == len(decided["work_orders"])


def test_an_unexpected_unit_is_quarantined_then_identified_and_released(
    any_client: TestClient, world: World
) -> None:
    c = any_client
    # No return expects this sofa: it is received into quarantine, not dropped.
    got = scan(c, gs1(world.sofa.gtin, "SOFA-77"))
    assert got["created"] and got["quarantined"]
    unit = got["unit"]
    assert unit["state"] == "quarantined"
    assert unit["location_code"] == "HUB-FR:quarantine"
    assert "unexpected" in unit["quarantine_reason"]

    # An unknown product, and an item with no readable label, are kept the same way.
    body = "37" + "9" * 10
    unknown = scan(c, body + str(gs1_check_digit(body)))
    assert unknown["quarantined"] and "unknown product" in unknown["unit"]["quarantine_reason"]
    blank = ok(
        c.post(
            f"{API}/receiving/unidentified",
            json={"site_code": "HUB-FR", "description": "grey drill, no label", "code": "??"},
        ),
        201,
    )
    assert blank["quarantined"] and blank["unit"]["sku"] is None
    stuck = blank["unit"]["lpn"]

    quarantined = ok(c.get(f"{API}/units", params={"state": "quarantined"}))
    assert quarantined["count"] == 3
    # Released without naming its product, an unidentified unit stays in quarantine.
    refused(c.post(f"{API}/units/{stuck}/release", json={"reason": "checked"}), 409, None)
    released = ok(
        c.post(f"{API}/units/{stuck}/release", json={"reason": "label found", "sku": "DRILL-18"})
    )
    assert released["state"] == "received" and released["sku"] == "DRILL-18"
    assert released["location_code"] == "HUB-FR:receiving"
    again = ok(c.post(f"{API}/units/{stuck}/quarantine", json={"reason": "battery swelling"}))
    assert again["state"] == "quarantined"
    events = ok(c.get(f"{API}/units/{stuck}/timeline"))["data"]
    assert [e["type"] for e in events] == ["received", "quarantined", "released", "quarantined"]
