"""A return the policy left for review is authorised or rejected from its page, with the
same rules as the API: the form is offered to those who may, a rejection needs a reason;
an authorised return's parcel label is offered to those who may book it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, delivered, ok
from tests.people import bearer


def _for_review(client: TestClient) -> str:
    # No delivery date: the policy cannot check the deadlines and leaves it for review.
    body: dict[str, Any] = {
        "customer_code": "C-ANNE",
        "delivered_at": None,
        "lines": [{"sku": "TEE-M", "quantity": 1, "reason": "withdrawal"}],
    }
    rma = ok(client.post(f"{API}/returns", json=body), 201)
    assert rma["state"] == "requested", rma
    return str(rma["number"])


def test_a_return_for_review_is_authorised_from_its_page(client: TestClient) -> None:
    number = _for_review(client)
    page = client.get(f"/returns/{number}").text
    assert 'id="review"' in page and f'action="/returns/{number}/authorise"' in page
    done = client.post(
        f"/returns/{number}/authorise",
        data={"destination_site": "HUB-DE", "reason": "receipt shown at the counter"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    rma = ok(client.get(f"{API}/returns/{number}"))
    assert (rma["state"], rma["destination_site"]) == ("authorised", "HUB-DE")
    assert rma["decision_reason"] == "receipt shown at the counter"
    assert 'id="review"' not in client.get(f"/returns/{number}").text  # decided: no form


def test_a_rejection_needs_its_reason_and_a_role_that_may(
    client: TestClient, sqlite_world: World
) -> None:
    number = _for_review(client)
    refused = client.post(f"/returns/{number}/reject", data={"reason": " "})
    assert "give the reason of the rejection" in refused.text
    assert ok(client.get(f"{API}/returns/{number}"))["state"] == "requested"
    handler = TestClient(
        client.app,
        base_url="http://localhost",
        headers=bearer(sqlite_world.app, "hana", {Role.HANDLER}),
    )
    assert 'id="review"' not in handler.get(f"/returns/{number}").text
    assert handler.post(f"/returns/{number}/reject", data={"reason": "no"}).status_code == 403
    done = client.post(f"/returns/{number}/reject", data={"reason": "bought in a shop, not here"})
    assert "is rejected" in done.text
    assert ok(client.get(f"{API}/returns/{number}"))["state"] == "rejected"


def test_the_label_is_offered_to_those_who_may_book_it(
    client: TestClient, sqlite_world: World
) -> None:
    body = {
        "customer_code": "C-ANNE",
        "delivered_at": delivered(3),
        "lines": [{"sku": "TEE-M", "quantity": 1, "reason": "withdrawal"}],
    }
    number = ok(client.post(f"{API}/returns", json=body), 201)["number"]
    form = f'action="/returns/{number}/label"'
    assert form in client.get(f"/returns/{number}").text
    service = TestClient(
        client.app,
        base_url="http://localhost",
        headers=bearer(sqlite_world.app, "emma", {Role.CUSTOMER_SERVICE}),
    )
    assert form not in service.get(f"/returns/{number}").text
    refused = service.post(f"/returns/{number}/label")
    assert refused.status_code == 403 and "book_label" in refused.text
    label = client.post(f"/returns/{number}/label")
    assert label.headers["content-type"] == "application/pdf"
    assert label.content.startswith(b"%PDF")
