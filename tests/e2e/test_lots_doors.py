"""Lots and parts through each door: the API (a lot from its making to its shipment, its
manifest as CSV and PDF, a harvest and a fitting, who may), the pages and the command line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from revalo.domain.disposition import DispositionRoute
from revalo.domain.people import Role
from revalo.domain.work_orders import WorkOrderKind
from revalo.services import work_orders as wo
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, refused, revalo
from tests.integration.flows import decide, received_unit
from tests.integration.lots_world import harvest_ready, ready_unit
from tests.people import bearer, person


def test_a_lot_over_the_api_from_making_to_shipment(
    client: TestClient, sqlite_world: World
) -> None:
    world = sqlite_world
    lpns = [ready_unit(world, world.laptop, f"SN-API{i}") for i in range(2)]
    lot = ok(
        client.post(
            f"{API}/lots",
            json={
                "site_code": "HUB-FR",
                "category": "laptop",
                "grade": "B",
                "reserve_price": "300",
                "lpns": lpns[:1],
            },
        ),
        201,
    )
    path = f"{API}/lots/{lot['id']}"
    assert [
        u["lpn"] for u in ok(client.post(f"{path}/units", json={"lpns": lpns[1:]}))["units"]
    ] == lpns
    low = ok(client.post(f"{path}/offers", json={"buyer_site": "OUT-FR", "amount": "250"}), 201)
    best = ok(client.post(f"{path}/offers", json={"buyer_site": "OUT-FR", "amount": "410"}), 201)
    below = client.post(f"{path}/offers/{low['id']}/accept", json={})
    assert "below lot LOT00000001's reserve" in refused(below, 409, "offer_id")
    listed = ok(client.get(f"{API}/lots", params={"state": "open", "limit": 5}))
    assert listed["count"] == 1 and listed["data"][0]["unit_count"] == 2

    manifest = client.get(f"{path}/manifest.csv")
    assert manifest.headers["content-type"].startswith("text/csv")
    assert [r["lpn"] for r in csv.DictReader(io.StringIO(manifest.text))] == lpns
    pdf = client.get(f"{path}/manifest.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    shipped = ok(client.post(f"{path}/offers/{best['id']}/accept", json={"ship": True}))
    assert shipped["state"] == "shipped" and shipped["consignment_ref"].startswith("SHP")
    detail = ok(client.get(path))
    assert detail["invoice"]["gross"] == "492.00"
    assert {o["state"] for o in detail["offers"]} == {"accepted", "declined"}

    handler = bearer(world.app, "hal", {Role.HANDLER})
    assert client.get(f"{API}/lots", headers=handler).status_code == 403
    finance = bearer(world.app, "fin", {Role.FINANCE})
    assert client.get(path, headers=finance).status_code == 200
    assert "manage_lots" in refused(client.post(f"{path}/cancel", headers=finance), 403, None)


def test_a_harvest_and_a_fitting_over_the_api(client: TestClient, sqlite_world: World) -> None:
    world = sqlite_world
    lpn = harvest_ready(world, world.laptop, "SN-HAPI")
    grades = {"screen": "A", "battery": "A", "keyboard": "B", "ssd": "D"}
    done = ok(client.post(f"{API}/parts/harvests", json={"lpn": lpn, "grades": grades}), 201)
    assert sorted(p["kind"] for p in done["parts"]) == ["battery", "keyboard", "screen"]
    stock = ok(client.get(f"{API}/parts/stock"))
    assert stock["count"] == 3
    repair = received_unit(world, world.laptop, "SN-RAPI")
    out = decide(world, repair, DispositionRoute.REPAIR, reason="battery worn")
    order = next(o for o in out.work_orders if o.kind is WorkOrderKind.REPAIR)
    wo.start_work_order(world.app.uow(), order.id, by=person("tech"))
    fitted = ok(
        client.post(f"{API}/parts/fittings", json={"order_id": order.id, "kind": "battery"})
    )
    assert fitted["harvested_part"] and fitted["parts_cost"] == "53.94"
    number = next(p["number"] for p in done["parts"] if p["kind"] == "screen")
    sold = ok(client.post(f"{API}/parts/{number}/sale", json={"price": "80", "buyer": "Atelier"}))
    assert sold["state"] == "sold"
    assert ok(client.get(f"{API}/parts"))["count"] == 1  # the keyboard is left


def test_the_pages_show_lots_and_parts_and_take_an_offer(
    client: TestClient, sqlite_world: World
) -> None:
    world = sqlite_world
    lpn = ready_unit(world, world.laptop, "SN-WEB")
    made = client.post(
        "/lots",
        data={
            "site_code": "HUB-FR",
            "category": "laptop",
            "grade": "B",
            "reserve_price": "99,50",
            "lpns": lpn,
        },
        follow_redirects=False,
    )
    assert made.status_code == 303 and made.headers["location"].startswith("/lots/")
    page = client.get(made.headers["location"])
    assert page.status_code == 200 and lpn in page.text and "manifest.csv" in page.text
    offered = client.post(
        made.headers["location"] + "/offers",
        data={"buyer_site": "OUT-FR", "amount": "120"},
        follow_redirects=False,
    )
    assert offered.status_code == 303
    assert "/accept" in client.get(made.headers["location"]).text
    assert "LOT00000001" in client.get("/lots").text
    assert client.get("/parts").status_code == 200


def test_the_command_line_makes_ships_and_lists(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    lpn = ready_unit(world, world.laptop, "SN-CLI")
    made = revalo(
        "lots",
        "create",
        lpn,
        "--site",
        "HUB-FR",
        "--category",
        "laptop",
        "--grade",
        "B",
        "--reserve",
        "150",
        "--db",
        path,
    )
    assert made.exit_code == 0 and "Made lot LOT00000001" in made.output, made.output
    offer = revalo("lots", "offer", "1", "--buyer", "OUT-FR", "--amount", "180", "--db", path)
    assert offer.exit_code == 0, offer.output
    file = tmp_path / "manifest.csv"
    wrote = revalo("lots", "manifest", "LOT00000001", file, "--db", path)
    assert wrote.exit_code == 0 and lpn in file.read_text(encoding="utf-8")
    shipped = revalo("lots", "accept", "1", "1", "--ship", "--db", path)
    assert shipped.exit_code == 0 and "shipped to OUT-FR" in shipped.output, shipped.output
    donor = harvest_ready(world, world.laptop, "SN-CLI-D")
    cut = revalo(
        "parts",
        "harvest",
        donor,
        "--grade",
        "screen=A",
        "--grade",
        "battery=B",
        "--grade",
        "keyboard=C",
        "--grade",
        "ssd=D",
        "--db",
        path,
    )
    assert cut.exit_code == 0 and "3 part(s) put into stock" in cut.output, cut.output
    listed = revalo("parts", "stock", "--db", path)
    assert listed.exit_code == 0 and "screen" in listed.output
