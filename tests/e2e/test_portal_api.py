"""The portal's API doors: public, the order's proof or the return's token, nothing more;
rate limited; and the staff's commands: a return's link, the keep-it figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from revalo.adapters.db import sqlite_url
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import App, bootstrap
from revalo.entrypoints.api import create_app
from revalo.entrypoints.api.ratelimit import RateLimiter
from revalo.entrypoints.cli import app as cli
from revalo.settings import Settings
from tests.conftest import World, seed_world
from tests.e2e.conftest import API, ok, refused
from tests.people import add_person, bearer
from tests.portal_orders import ANNE_MAIL, ANNE_POSTCODE, JONAS_MAIL, add_orders

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def public(sqlite_world: World) -> TestClient:
    """Nobody signed in."""
    add_orders(sqlite_world)
    return TestClient(create_app(sqlite_world.app), base_url="http://localhost")


def _start(client: TestClient, **changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "order_ref": "WEB-1001",
        "proof": ANNE_MAIL,
        "lines": [{"line_no": 1, "quantity": 2, "reason": "withdrawal"}],
        "outcome": "refund",
        "way_back": "qr_code",
        "language": "fr",
    }
    body.update(changes)
    return ok(client.post(f"{API}/portal/returns", json=body), 201)


def test_an_order_is_found_by_its_own_proof_only(public: TestClient) -> None:
    found = ok(
        public.post(
            f"{API}/portal/orders/find", json={"order_ref": "web-1001", "proof": ANNE_POSTCODE}
        )
    )
    assert [ln["sku"] for ln in found["lines"]] == ["TEE-M", "DRILL-18"]
    answers = {
        refused(
            public.post(f"{API}/portal/orders/find", json={"order_ref": r, "proof": p}),
            404,
            "order_ref",
        )
        for r, p in (("WEB-1001", JONAS_MAIL), ("WEB-2002", ANNE_MAIL), ("WEB-404", ANNE_MAIL))
    }
    assert answers == {"no order matches this reference and e-mail or postcode"}


def test_a_return_from_the_api_is_followed_by_its_token_alone(public: TestClient) -> None:
    started = _start(public)
    assert started["state"] == "authorised" and started["created"] is True
    token = str(started["token"])
    assert started["link"] == f"/portal/r/{token}"
    status = ok(public.get(f"{API}/portal/returns/{token}"))
    assert status["number"] == started["number"] and status["label_booked"] is False
    (offer,) = status["keep_it"]
    assert offer["offered"] is True and offer["choice"] is None
    kept = ok(
        public.post(
            f"{API}/portal/returns/{token}/keep", json={"line_no": 1, "choice": "give_away"}
        )
    )
    assert kept["state"] == "received" and kept["lines"][0]["kept"] is True
    assert kept["keep_it"][0]["choice"] == "give_away"
    refused(public.post(f"{API}/portal/returns/{token}/label"), 409, None)
    refused(public.get(f"{API}/portal/returns/{'A' * 43}"), 404, "token")


def test_the_label_and_photos_of_a_return(public: TestClient) -> None:
    token = str(_start(public, lines=[{"line_no": 2, "reason": "damaged_in_transit"}])["token"])
    refused(public.get(f"{API}/portal/returns/{token}/label"), 409, None)
    booked = public.post(f"{API}/portal/returns/{token}/label")
    assert booked.status_code == 200 and booked.content.startswith(b"%PDF")
    again = public.get(f"{API}/portal/returns/{token}/label")
    assert again.status_code == 200 and again.content.startswith(b"%PDF")
    photo = ok(
        public.post(
            f"{API}/portal/returns/{token}/photos?line_no=1",
            content=PNG,
            headers={"content-type": "image/png"},
        ),
        201,
    )
    assert photo["media_type"] == "image/png" and photo["size"] == len(PNG)
    refused(
        public.post(f"{API}/portal/returns/{token}/photos", content=b"%PDF-1.4 not an image"),
        422,
        "photo",
    )
    assert len(ok(public.get(f"{API}/portal/returns/{token}"))["photos"]) == 1


def test_finding_orders_is_rate_limited_per_address(public: TestClient) -> None:
    public.app.state.rate_limiter = RateLimiter(tries=3)  # type: ignore[attr-defined]
    body = {"order_ref": "WEB-1001", "proof": "guess@example.org"}
    for _ in range(3):
        refused(public.post(f"{API}/portal/orders/find", json=body), 404, "order_ref")
    answer = public.post(f"{API}/portal/orders/find", json=body)
    assert answer.status_code == 429 and int(answer.headers["retry-after"]) >= 1


def staff_database(tmp_path: Path) -> tuple[str, App]:
    """A database file with the orders, an administrator and customer service's agent."""
    url = sqlite_url(tmp_path / "portal.db")
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    add_orders(seed_world(app))
    add_person(app, "admin.one", {"administrator"})  # type: ignore[arg-type]
    add_person(app, "agent", {"customer_service"})  # type: ignore[arg-type]
    return url, app


def test_the_staff_print_a_link_and_the_keep_it_figures(tmp_path: Path) -> None:
    url, app = staff_database(tmp_path)
    try:
        client = TestClient(create_app(app), base_url="http://localhost")
        number = str(_start(client)["number"])
    finally:
        app.close()
    env = {"LANG": "C.UTF-8", "LC_ALL": "", "COLUMNS": "250"}
    printed = CliRunner().invoke(
        cli,
        [
            "portal",
            "link",
            number,
            "--as",
            "agent",
            "--url",
            url,
            "--base-url",
            "https://shop.example",
        ],
        env=env,
    )
    assert printed.exit_code == 0, printed.output
    link = re.search(r"https://shop\.example/portal/r/([A-Za-z0-9_-]{43})", printed.output)
    assert link
    app = bootstrap(Settings(database_url=url))
    try:
        client = TestClient(create_app(app), base_url="http://localhost")
        assert ok(client.get(f"{API}/portal/returns/{link.group(1)}"))["number"] == number
    finally:
        app.close()
    checked = CliRunner().invoke(
        cli, ["keep-it", "check", number, "--as", "agent", "--url", url], env=env
    )
    assert checked.exit_code == 0, checked.output
    assert "TEE-M" in checked.output and "offered" in checked.output
    refused_cli = CliRunner().invoke(cli, ["portal", "link", "RMA99999999", "--url", url], env=env)
    assert refused_cli.exit_code != 0


def test_the_staff_record_an_order_from_the_command_line(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "orders.db")
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    try:
        seed_world(app)
        add_person(app, "admin.one", {"administrator"})  # type: ignore[arg-type]
    finally:
        app.close()
    env = {"LANG": "C.UTF-8", "LC_ALL": "", "COLUMNS": "250"}
    args = ["portal", "add-order", "web-77", "--customer", "c-anne", "--delivered", "2026-11-30"]
    args += ["--line", "TEE-M:2:19.90", "--line", "drill-18:1:129", "--postcode", "75 011"]
    added = CliRunner().invoke(cli, [*args, "--url", url], env=env)
    assert added.exit_code == 0, added.output
    assert "Order WEB-77 recorded" in added.output
    again = CliRunner().invoke(cli, [*args, "--url", url], env=env)
    assert again.exit_code != 0 and "recorded already" in again.output
    bad = CliRunner().invoke(cli, [*args[:-4], "--line", "TEE-M:two:1", "--url", url], env=env)
    assert bad.exit_code == 2 and "SKU:QUANTITY:PRICE" in bad.output
    app = bootstrap(Settings(database_url=url))
    try:
        client = TestClient(create_app(app), base_url="http://localhost")
        found = ok(
            client.post(f"{API}/portal/orders/find", json={"order_ref": "WEB-77", "proof": "75011"})
        )
        assert [(ln["sku"], ln["quantity"]) for ln in found["lines"]] == [
            ("TEE-M", 2),
            ("DRILL-18", 1),
        ]
    finally:
        app.close()


def test_the_staff_see_the_photos_a_customer_sent(tmp_path: Path) -> None:
    """On the return's page, by the API and from the command line: the photo as it was
    sent, and no photo of another return by its number."""
    url, app = staff_database(tmp_path)
    try:
        public = TestClient(create_app(app), base_url="http://localhost")
        anne = _start(public, lines=[{"line_no": 2, "reason": "damaged_in_transit"}])
        jonas = _start(
            public,
            order_ref="WEB-2002",
            proof=JONAS_MAIL,
            lines=[{"line_no": 1, "reason": "defective"}],
        )
        sent = public.post(
            f"{API}/portal/returns/{anne['token']}/photos?line_no=1",
            content=PNG,
            headers={"content-type": "image/png"},
        )
        photo_id = ok(sent, 201)["id"]
        staff = TestClient(
            create_app(app), base_url="http://localhost", headers=bearer(app, "desk")
        )
        number = anne["number"]
        listed = staff.get(f"{API}/returns/{number}/photos").json()
        assert [(p["id"], p["line_no"], p["size"]) for p in listed] == [(photo_id, 1, len(PNG))]
        got = staff.get(f"{API}/returns/{number}/photos/{photo_id}")
        assert got.status_code == 200 and got.content == PNG
        assert got.headers["content-type"] == "image/png"
        refused(staff.get(f"{API}/returns/{jonas['number']}/photos/{photo_id}"), 404, "photo_id")
        assert staff.get(f"{API}/returns/{jonas['number']}/photos").json() == []
        page = staff.get(f"/returns/{number}")
        assert f'src="/returns/{number}/photos/{photo_id}"' in page.text
        assert staff.get(f"/returns/{number}/photos/{photo_id}").content == PNG
        assert staff.get(f"/returns/{jonas['number']}/photos/{photo_id}").status_code == 404
        assert 'id="photos"' not in staff.get(f"/returns/{jonas['number']}").text
        assert public.get(f"{API}/returns/{number}/photos/{photo_id}").status_code == 401
    finally:
        app.close()
    env = {"LANG": "C.UTF-8", "LC_ALL": "", "COLUMNS": "250"}
    folder = tmp_path / "claim"
    folder.mkdir()
    args = ["portal", "photos", str(number), "--as", "agent", "--url", url]
    written = CliRunner().invoke(cli, [*args, "--into", str(folder)], env=env)
    assert written.exit_code == 0, written.output
    assert "1 photo(s) of" in written.output and "image/png" in written.output
    assert (folder / f"{number}-{photo_id}.png").read_bytes() == PNG
    missing = CliRunner().invoke(cli, [*args, "--into", str(tmp_path / "nowhere")], env=env)
    assert missing.exit_code == 2 and "no such directory" in missing.output
