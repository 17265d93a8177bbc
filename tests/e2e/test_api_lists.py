"""Lists over HTTP: every filter narrows to what it names, and pages split the whole list."""

from typing import Any

from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, refused, request_return, scan


def _numbers(client: TestClient, **params: Any) -> list[str]:
    return [r["number"] for r in ok(client.get(f"{API}/returns", params=params))["data"]]


def _some_returns(client: TestClient) -> dict[str, str]:
    """Five returns, each different in one way; their numbers by a short name."""
    made = {
        "anne_laptop": request_return(
            client, "C-ANNE", {"sku": "LAP-14", "reason": "withdrawal"}, order_ref="WEB-1"
        ),
        "anne_sofa": request_return(
            client, "C-ANNE", {"sku": "SOFA-3", "reason": "damaged_in_transit"}, order_ref="WEB-2"
        ),
        "jonas_late": request_return(
            client, "C-JONAS", {"sku": "TEE-M", "reason": "withdrawal"}, days_ago=40
        ),
        "acme_lease": request_return(
            client,
            "B-ACME",
            {"sku": "LAP-14", "quantity": 3, "reason": "end_of_lease"},
            order_ref="LEASE-2024-7",
        ),
        "acme_review": request_return(client, "B-ACME", {"sku": "DRILL-18", "reason": "other"}),
    }
    return {name: r["number"] for name, r in made.items()}


def test_return_filters(client: TestClient) -> None:
    n = _some_returns(client)
    assert sorted(_numbers(client)) == sorted(n.values())
    assert set(_numbers(client, state="authorised")) == {
        n["anne_laptop"],
        n["anne_sofa"],
        n["acme_lease"],
    }
    assert _numbers(client, state="rejected") == [n["jonas_late"]]
    assert _numbers(client, state="requested") == [n["acme_review"]]
    assert set(_numbers(client, reason="withdrawal")) == {n["anne_laptop"], n["jonas_late"]}
    assert set(_numbers(client, customer_code="b-acme")) == {n["acme_lease"], n["acme_review"]}
    assert _numbers(client, country="DE") == [n["jonas_late"]]
    assert _numbers(client, category="sofa") == [n["anne_sofa"]]
    assert set(_numbers(client, category="laptop")) == {n["anne_laptop"], n["acme_lease"]}
    assert _numbers(client, q="lease-2024") == [n["acme_lease"]]
    assert _numbers(client, q=n["anne_sofa"]) == [n["anne_sofa"]]
    assert _numbers(client, state="authorised", customer_code="C-ANNE", category="laptop") == [
        n["anne_laptop"]
    ]
    # Returns were all requested just now.
    assert len(_numbers(client, requested_from="2020-01-01")) == 5
    assert _numbers(client, requested_to="2020-01-01T00:00:00+02:00") == []
    assert _numbers(client, customer_code="NOBODY") == []


def test_return_pages_are_newest_first_and_cover_the_list_once(client: TestClient) -> None:
    n = _some_returns(client)
    pages = [
        ok(client.get(f"{API}/returns", params={"limit": 2, "offset": off})) for off in (0, 2, 4, 6)
    ]
    assert [p["count"] for p in pages] == [5, 5, 5, 5]
    assert [len(p["data"]) for p in pages] == [2, 2, 1, 0]
    seen = [r["number"] for p in pages for r in p["data"]]
    assert seen == sorted(n.values(), reverse=True)
    one = ok(client.get(f"{API}/returns/{n['acme_lease']}"))
    assert one["lines"][0]["quantity"] == 3 and one["units"] == []
    assert "business return" in one["decision_reason"]
    refused(client.get(f"{API}/returns", params={"limit": 201}), 422, "limit")
    refused(client.get(f"{API}/returns", params={"limit": 0}), 422, "limit")
    refused(client.get(f"{API}/returns", params={"offset": -1}), 422, "offset")


def test_deciding_by_hand(client: TestClient) -> None:
    n = _some_returns(client)
    review = ok(client.get(f"{API}/returns/{n['acme_review']}"))
    assert review["state"] == "requested"
    assert review["decision_reason"].startswith("needs review")
    authorised = ok(
        client.post(
            f"{API}/returns/{n['acme_review']}/authorise",
            json={"reason": "covered by the lease", "destination_site": "HUB-DE"},
        )
    )
    assert authorised["state"] == "authorised"
    assert authorised["destination_site"] == "HUB-DE"
    assert authorised["decided_by"] == "operator"
    # Decided already: neither step can be taken again.
    refused(client.post(f"{API}/returns/{n['acme_review']}/authorise", json={}), 409, None)
    msg = refused(
        client.post(f"{API}/returns/{n['anne_laptop']}/reject", json={"reason": "late"}), 409, None
    )
    assert "authorised" in msg
    # A rejection needs a reason the customer can read.
    refused(client.post(f"{API}/returns/{n['acme_review']}/reject", json={}), 422, "reason")
    refused(
        client.post(f"{API}/returns/{n['acme_review']}/reject", json={"reason": "  "}),
        422,
        "reason",
    )
    # Only a site that receives returns can be the destination.
    other = request_return(client, "B-ACME", {"sku": "SOFA-3", "reason": "other"})
    refused(
        client.post(
            f"{API}/returns/{other['number']}/authorise", json={"destination_site": "CHA-FR"}
        ),
        422,
        "destination_site",
    )
    rejected = ok(
        client.post(
            f"{API}/returns/{other['number']}/reject", json={"reason": "not under contract"}
        )
    )
    assert rejected["state"] == "rejected" and rejected["decision_reason"] == "not under contract"


def test_product_site_and_unit_lists(client: TestClient, sqlite_world: World) -> None:
    products = ok(client.get(f"{API}/products"))
    assert products["count"] == 4
    assert [p["sku"] for p in products["data"]] == ["DRILL-18", "LAP-14", "SOFA-3", "TEE-M"]
    laptops = ok(client.get(f"{API}/products", params={"category": "Laptop"}))
    assert [p["sku"] for p in laptops["data"]] == ["LAP-14"]
    page = ok(client.get(f"{API}/products", params={"limit": 3, "offset": 3}))
    assert page["count"] == 4 and [p["sku"] for p in page["data"]] == ["TEE-M"]

    recyclers = ok(client.get(f"{API}/sites", params={"kind": "recycler"}))
    assert {s["code"] for s in recyclers["data"]} == {"REC-FR", "REC-X"}
    assert recyclers["count"] == 2
    assert ok(client.get(f"{API}/sites"))["count"] == 8
    refused(client.get(f"{API}/sites", params={"kind": "castle"}), 422, "kind")

    rma = request_return(client, "C-ANNE", {"sku": "LAP-14", "quantity": 2, "reason": "withdrawal"})
    expected = [scan(client, sqlite_world.laptop.gtin)["unit"]["lpn"] for _ in range(2)]
    stray = scan(client, sqlite_world.sofa.gtin)["unit"]["lpn"]
    ok(client.post(f"{API}/units/{stray}/release", json={"reason": "sofa found its return"}))

    def lpns(**params: Any) -> list[str]:
        return [u["lpn"] for u in ok(client.get(f"{API}/units", params=params))["data"]]

    assert lpns() == [*expected, stray]
    assert lpns(rma_number=rma["number"]) == expected
    assert lpns(sku="SOFA-3") == [stray]
    assert lpns(category="laptop") == expected
    assert lpns(state=["received", "quarantined"]) == [*expected, stray]
    assert lpns(site_code="HUB-FR", location_code="HUB-FR:receiving") == [*expected, stray]
    assert lpns(site_code="HUB-DE") == []
    assert lpns(in_stock=False) == []
    assert lpns(limit=1, offset=1) == [expected[1]]
    assert ok(client.get(f"{API}/units", params={"limit": 1}))["count"] == 3

    balances = ok(client.get(f"{API}/stock/balances"))
    assert balances["data"] == [
        {"location_code": "HUB-FR:receiving", "site_code": "HUB-FR", "units": 3}
    ]
    assert balances["total_units"] == 3
    assert ok(client.get(f"{API}/stock/balances", params={"site_code": "hub-de"}))["data"] == []

    site = ok(client.get(f"{API}/sites/hub-fr"))
    assert "HUB-FR:quarantine" in {loc["code"] for loc in site["locations"]}
    assert ok(client.get(f"{API}/sites/OUT-FR"))["locations"] == []  # holds no stock


def test_work_order_filters(client: TestClient, sqlite_world: World) -> None:
    request_return(client, "C-ANNE", {"sku": "LAP-14", "quantity": 2, "reason": "withdrawal"})
    lpns = [scan(client, sqlite_world.laptop.gtin)["unit"]["lpn"] for _ in range(2)]
    for lpn in lpns:
        ok(
            client.post(
                f"{API}/units/{lpn}/inspection",
                json={"functional_grade": "B", "cosmetic_grade": "B", "duration_s": 60},
            )
        )
    ok(client.post(f"{API}/units/{lpns[0]}/disposition", json={"route": "resell"}))
    ok(
        client.post(
            f"{API}/units/{lpns[1]}/disposition",
            json={"route": "repair", "destination_site": "REP-FR", "reason": "hinge"},
        )
    )
    everything = ok(client.get(f"{API}/work-orders"))
    assert everything["count"] == 2 + 4  # wipe and clean; wipe, repair, test and clean
    at_repair = ok(client.get(f"{API}/work-orders", params={"site_code": "rep-fr"}))
    assert [w["kind"] for w in at_repair["data"]] == ["data_wipe", "repair", "test", "clean"]
    assert {w["unit_id"] for w in at_repair["data"]} == {
        ok(client.get(f"{API}/units/{lpns[1]}"))["id"]
    }
    first = everything["data"][0]
    ok(client.post(f"{API}/work-orders/{first['number']}/start"))
    running = ok(client.get(f"{API}/work-orders", params={"state": "in_progress"}))
    assert [w["id"] for w in running["data"]] == [first["id"]]
    assert ok(client.get(f"{API}/work-orders/{first['id']}"))["state"] == "in_progress"
    page = ok(client.get(f"{API}/work-orders", params={"state": "open", "limit": 2, "offset": 4}))
    assert page["count"] == 5 and len(page["data"]) == 1
