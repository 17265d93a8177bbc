"""How a return ends through its doors: the API's cancel and close (refused with what keeps
it open), the return's page with its forms, and ``revalo returns``."""

from __future__ import annotations

from pathlib import Path

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import (
    API,
    TestClient,
    gs1,
    ok,
    refused,
    request_return,
    revalo,
    scan,
    signed_client,
)
from tests.people import bearer

DRILL = {"sku": "DRILL-18", "quantity": 1, "reason": "withdrawal"}


def test_cancel_and_close_over_the_api_and_the_page(
    client: TestClient, sqlite_world: World
) -> None:
    world = sqlite_world
    number = request_return(client, "C-ANNE", DRILL)["number"]
    page = client.get(f"/returns/{number}").text
    assert f'action="/returns/{number}/cancel"' in page
    no_reason = client.post(f"{API}/returns/{number}/cancel", json={"reason": ""})
    assert no_reason.status_code == 422
    handler = bearer(world.app, "hal", {Role.HANDLER})
    denied = client.post(f"{API}/returns/{number}/cancel", json={"reason": "x"}, headers=handler)
    assert "cancel_return" in refused(denied, 403, None)
    gone = ok(client.post(f"{API}/returns/{number}/cancel", json={"reason": "kept it"}))
    assert (gone["state"], gone["decision_reason"]) == ("cancelled", "kept it")
    assert "This return is cancelled." in client.get(f"/returns/{number}").text

    other = request_return(client, "C-ANNE", {**DRILL, "serial": "SN-Z1"})["number"]
    lpn = scan(client, gs1(world.drill.gtin, "SN-Z1"))["unit"]["lpn"]
    still = client.post(f"{API}/returns/{other}/close")
    assert f"1 unit(s) still in the parallel stock: {lpn}" in refused(still, 409, None)
    shown = client.get(f"/returns/{other}").text
    assert "It stays open while:" in shown and lpn in shown
    via_page = client.post(f"/returns/{other}/close", follow_redirects=False)
    assert via_page.status_code == 303
    too_late = client.post(f"/returns/{other}/cancel", data={"reason": "x"}, follow_redirects=False)
    assert too_late.status_code == 303
    with world.app.uow() as uow:
        stored = uow.returns.get(other)
        assert stored is not None and stored.state.value == "received"


def test_revalo_returns_cancel_close_and_close_finished(db: tuple[Path, World]) -> None:
    path, world = db
    with signed_client(world.app, "desk") as api:
        number = request_return(api, "C-ANNE", DRILL)["number"]
        received = request_return(api, "C-ANNE", {**DRILL, "serial": "SN-Z2"})["number"]
        scan(api, gs1(world.drill.gtin, "SN-Z2"))
    cancelled = revalo("returns", "cancel", number, "--reason", "kept it", "--db", path)
    assert cancelled.exit_code == 0 and f"Return {number} is cancelled." in cancelled.output
    refused_close = revalo("returns", "close", received, "--db", path)
    assert refused_close.exit_code == 1
    assert "1 unit(s) still in the parallel stock" in refused_close.output
    swept = revalo("returns", "close-finished", "--db", path)
    assert swept.exit_code == 0 and "Closed 0 return(s)." in swept.output
