"""Listings through each door: the API (create, publish, a banned wording refused, the
feeds, the sale, profitability, a handler's rights) and the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, ok, refused, revalo
from tests.integration.test_resale import Route, ready
from tests.people import bearer


def test_a_listing_over_the_api_from_draft_to_sale(client: TestClient, sqlite_world: World) -> None:
    lpn = ready(sqlite_world, "SN-API", Route.REFURBISH, "REFURB-MKT", "B", "A")
    draft = ok(client.post(f"{API}/listings", json={"lpn": lpn, "photos": ["p/1.jpg"]}), 201)
    assert (draft["status"], draft["channel_grade"], draft["grade"]) == ("draft", "Excellent", "A")
    path = f"{API}/listings/{draft['id']}"
    bad = client.patch(path, json={"description": "Comme neuf, jamais servi"})
    assert "décret 2022-190" in refused(bad, 422, "description")
    assert ok(client.post(f"{path}/publish"))["status"] == "listed"
    feed = client.get(f"{API}/channels/REFURB-MKT/feed.csv")
    assert feed.status_code == 200
    (row,) = list(csv.DictReader(io.StringIO(feed.text)))
    assert (row["offer_ref"], row["condition"], row["price"]) == (
        lpn,
        "Excellent",
        draft["asking_price"],
    )
    as_json = json.loads(client.get(f"{API}/channels/REFURB-MKT/feed.json").text)
    assert as_json["items"][0]["photos"] == ["p/1.jpg"]
    low = client.post(f"{path}/reprice", json={"price": "1.00"})
    assert "below the listing's floor" in refused(low, 422, "price")
    sold = ok(client.post(f"{path}/sell", json={"buyer": "order 77", "price": "600.00"}))
    assert sold["status"] == "sold" and sold["sale"]["fees"] == "72.00"
    assert ok(client.get(f"{API}/units/{lpn}"))["state"] == "sold"
    assert client.get(f"{API}/channels/REFURB-MKT/feed.csv").text.count("\n") == 1
    report = ok(client.get(f"{API}/resale/profitability"))
    assert report["units_sold"] == 1 and report["data"][0]["fetched"] == "600.00"
    channels = ok(client.get(f"{API}/channels"))
    assert {"WEB-SHOP", "OUTLET", "CHARITY", "REFURB-MKT"} <= {c["code"] for c in channels["data"]}
    handler = bearer(sqlite_world.app, "hana", [Role.HANDLER])
    assert client.get(f"{API}/listings", headers=handler).status_code == 403


def test_listings_on_the_command_line(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    lpn = ready(world, "SN-CLI", Route.RESELL, "DISCOUNT-MKT", "A", "B")
    made = revalo("listings", "create", lpn, "--db", path)
    assert made.exit_code == 0, made.output
    assert "Used - Good" in made.output and "draft" in made.output
    assert revalo("listings", "publish", "1", "--db", path).exit_code == 0
    feed = tmp_path / "feed.json"
    wrote = revalo("channels", "feed", "DISCOUNT-MKT", feed, "--db", path)
    assert wrote.exit_code == 0, wrote.output
    assert json.loads(feed.read_text())["items"][0]["offer_ref"] == lpn
    sold = revalo("listings", "sell", "1", "--price", "120", "--db", path)
    assert sold.exit_code == 0 and "left the stock" in sold.output
    listed = revalo("listings", "list", "--db", path)
    assert "sold" in listed.output
    assert "REFURB-MKT" in revalo("channels", "list").output
    report = revalo("listings", "profitability", "--db", path)
    assert report.exit_code == 0 and "1 unit(s) sold" in report.output


def test_the_pages_list_reprice_and_sell(client: TestClient, sqlite_world: World) -> None:
    lpn = ready(sqlite_world, "SN-WEB", Route.RESELL, "DISCOUNT-MKT", "A", "A")
    draft = ok(client.post(f"{API}/listings", json={"lpn": lpn}), 201)
    page = f"/resale/listings/{draft['id']}"
    shown = client.get(page)
    assert shown.status_code == 200 and "Used - Very good" in shown.text
    published = client.post(f"{page}/publish", follow_redirects=False)
    assert published.status_code == 303
    low = client.post(f"{page}/reprice", data={"price": "1"}, follow_redirects=False)
    assert low.status_code == 303
    assert "below the listing" in client.get(page).text  # the flash said why
    client.post(f"{page}/reprice", data={"price": "450,00", "reason": "weekend"})
    listed = client.get("/resale?channel=DISCOUNT-MKT&status=listed")
    assert listed.status_code == 200 and lpn in listed.text
    sold = client.post(f"{page}/sell", data={"buyer": "shop 3"}, follow_redirects=False)
    assert sold.status_code == 303
    after = client.get(page).text
    assert "shop 3" in after and "weekend" in after
    assert ok(client.get(f"{API}/listings/{draft['id']}"))["sale"]["price"] == "450.00"
    report = client.get("/resale/profitability")
    assert report.status_code == 200 and "DISCOUNT-MKT" in report.text
