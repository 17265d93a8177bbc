"""The floor over HTTP: bins imported and listed with their fill, their labels, put-away
by scan refused with the reason, the team, and a handler's task taken and done; a handler
may not see the supervisor's board."""

from __future__ import annotations

from datetime import date, timedelta

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, refused
from tests.integration.floor_world import BINS
from tests.integration.test_floor_bins import graded
from tests.people import bearer


def test_bins_put_away_team_and_tasks_over_http(client: TestClient, sqlite_world: World) -> None:
    world = sqlite_world
    added = ok(client.post(f"{API}/sites/HUB-FR/bins/import", json={"csv": BINS}))
    assert added["count"] == 6
    bad = client.post(f"{API}/sites/HUB-FR/bins/import", json={"csv": "code,zone,kind\nX,y,z\n"})
    assert "line 2 (zone)" in refused(bad, 422, "csv")
    pdf = client.get(f"{API}/sites/HUB-FR/bins/labels")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    drill = graded(world, "DRILL-18", "D1", hazardous=True)
    proposal = ok(client.get(f"{API}/units/{drill}/bin-proposal"))
    assert proposal["bin"]["code"] == "HUB-FR:L-01-0-A"
    wrong = client.post(f"{API}/units/{drill}/put-away", json={"bin_code": "HUB-FR:A-01-0-A"})
    assert "battery store" in refused(wrong, 409, "bin")
    # The task grading made for it needs dangerous-goods awareness and gloves.
    [task] = ok(client.get(f"{API}/sites/HUB-FR/tasks"))["data"]
    assert task["needs"] == ["dg_awareness"] and "gloves" in task["ppe"]
    handler = bearer(world.app, "hana", {Role.HANDLER})
    ok(
        client.post(
            f"{API}/team", json={"login": "hana", "site_code": "HUB-FR", "shift": "morning"}
        )
    )
    today = date.today()
    for item in ("hi_vis_vest", "safety_shoes", "gloves"):
        ok(
            client.post(
                f"{API}/team/hana/ppe",
                json={
                    "item": item,
                    "size": "M",
                    "issued_on": str(today - timedelta(days=1)),
                    "replace_by": str(today + timedelta(days=20)),
                },
            )
        )
    assert ok(client.post(f"{API}/tasks/next", headers=handler))["count"] == 0
    assign = client.post(f"{API}/tasks/{task['id']}/assign", json={"login": "hana"})
    assert "dg_awareness missing" in refused(assign, 409, "assignee")
    ok(
        client.post(
            f"{API}/team/hana/qualifications",
            json={
                "kind": "dg_awareness",
                "obtained_on": str(today - timedelta(days=300)),
                "expires_on": str(today + timedelta(days=400)),
            },
        )
    )
    [taken] = ok(client.post(f"{API}/tasks/next", headers=handler))["data"]
    assert taken["id"] == task["id"] and taken["state"] == "started"
    assert ok(client.get(f"{API}/tasks/mine", headers=handler))["count"] == 1
    done = client.post(
        f"{API}/tasks/{task['id']}/put-away",
        json={"unit_scan": drill, "bin_scan": "HUB-FR:L-01-0-A"},
        headers=handler,
    )
    assert ok(done)["state"] == "done"
    fills = {b["code"]: b["units"] for b in ok(client.get(f"{API}/sites/HUB-FR/bins"))["data"]}
    assert fills["HUB-FR:L-01-0-A"] == 1
    # The PPE is replaced within 30 days: on the page of what expires.
    soon = ok(client.get(f"{API}/team/expiring"))["data"]
    assert {e["what"] for e in soon} == {"PPE hi_vis_vest", "PPE safety_shoes", "PPE gloves"}
    assert client.get(f"{API}/sites/HUB-FR/tasks", headers=handler).status_code == 403
