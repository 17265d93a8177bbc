"""Billing through each door: the API (rate cards, a run and its second run, the invoices,
PDF and CSV, a credit note), a client's view of its own invoices on every route, and the
command line (rates load and show, run, invoices, credit, a document)."""

from __future__ import annotations

from pathlib import Path

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, client_of, ok, refused, revalo
from tests.integration.billing_world import CARDS, A, B, billing_case, repaired_in_march_and_april
from tests.people import add_person

BILLING = f"{API}/billing"


def billed(world: World, api: TestClient) -> tuple[str, str]:
    """Client A's and client B's March invoices, through the API."""
    billing_case(world)
    repaired_in_march_and_april(world)
    mine = ok(api.post(f"{BILLING}/runs", json={"client_code": A, "month": "2025-03"}), 201)
    theirs = ok(api.post(f"{BILLING}/runs", json={"client_code": B, "month": "2025-03"}), 201)
    return mine["invoice"]["number"], theirs["invoice"]["number"]


def test_billing_over_the_api(client: TestClient, sqlite_world: World) -> None:
    mine, _ = billed(sqlite_world, client)
    again = ok(client.post(f"{BILLING}/runs", json={"client_code": A, "month": "2025-03"}))
    assert again["created"] is False and again["invoice"]["number"] == mine
    inv = ok(client.get(f"{BILLING}/invoices/{mine}"))
    assert (inv["net"], inv["vat"], inv["gross"]) == ("81.55", "16.31", "97.86")
    assert inv["lines"][0]["activity"] == "return_received"
    listed = ok(client.get(f"{BILLING}/invoices", params={"limit": 1}))
    assert listed["count"] == 2 and len(listed["data"]) == 1
    pdf = client.get(f"{BILLING}/invoices/{mine}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    lines = client.get(f"{BILLING}/invoices/{mine}/lines").text.splitlines()
    assert len(lines) == 6 and lines[0].startswith("number,kind,client")
    items = client.get(f"{BILLING}/invoices/{mine}/items").text
    assert "WO00000005" in items
    note = ok(
        client.post(
            f"{BILLING}/invoices/{mine}/credit-notes",
            json={"reason": "storage overcharged", "amount": "1.15"},
        ),
        201,
    )
    assert note["corrects"] == mine and note["net"] == "-1.15"
    assert ok(client.get(f"{BILLING}/invoices/{mine}"))["left_to_credit"] == "80.40"
    no_card = client.post(f"{BILLING}/runs", json={"client_code": A, "month": "2024-11"})
    assert "no rate card valid on 2024-11-01" in refused(no_card, 404, "client_code")
    card = ok(
        client.post(
            f"{BILLING}/rate-cards",
            json={"client_code": A, "valid_from": "2025-05-01", "rates": {"unit_graded": "1.30"}},
        ),
        201,
    )
    assert card["unit_graded"] == "1.3000" or card["unit_graded"] == "1.30"
    assert ok(client.get(f"{BILLING}/rate-cards", params={"client_code": A}))["count"] == 2


def test_a_client_sees_only_its_own_invoices_on_every_route(
    client: TestClient, sqlite_world: World
) -> None:
    mine, theirs = billed(sqlite_world, client)
    user = add_person(sqlite_world.app, "velo", [Role.CLIENT], client_code=A)
    with client_of(sqlite_world.app, user) as api:
        listed = ok(api.get(f"{BILLING}/invoices"))
        assert [i["number"] for i in listed["data"]] == [mine]
        refused(api.get(f"{BILLING}/invoices", params={"client_code": B}), 403, None)
        for tail in ("", "/pdf", "/lines", "/items"):
            assert api.get(f"{BILLING}/invoices/{mine}{tail}").status_code == 200
            refused(api.get(f"{BILLING}/invoices/{theirs}{tail}"), 404, "number")
        cards = ok(api.get(f"{BILLING}/rate-cards"))
        assert [c["client_code"] for c in cards["data"]] == [A]
        refused(api.get(f"{BILLING}/rate-cards", params={"client_code": B}), 403, None)
        refused(api.post(f"{BILLING}/runs", json={"client_code": A, "month": "2025-04"}), 403, None)
        refused(
            api.post(f"{BILLING}/invoices/{mine}/credit-notes", json={"reason": "x"}), 403, None
        )
        page = api.get("/billing")
        assert page.status_code == 200 and mine in page.text and theirs not in page.text
        assert api.get(f"/billing/invoices/{mine}").status_code == 200
        assert api.get(f"/billing/invoices/{theirs}").status_code == 404


def test_billing_from_the_command_line(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    billing_case(world)
    cards = tmp_path / "cards.toml"
    cards.write_text(CARDS, encoding="utf-8")
    loaded = revalo("billing", "rates", "load", cards, "--db", path)
    assert loaded.exit_code == 0 and "0 rate card(s) added, 2 already there." in loaded.output
    shown = revalo("billing", "rates", "show", "--client", A, "--db", path)
    assert shown.exit_code == 0 and "2025-01-01" in shown.output, shown.output
    ran = revalo("billing", "run", "--client", A, "--month", "2025-03", "--db", path)
    assert ran.exit_code == 0 and "Invoice INV-" in ran.output, ran.output
    number = ran.output.split("Invoice ")[1].split(" issued")[0].split(":")[0]
    again = revalo("billing", "run", "--client", A, "--month", "2025-03", "--db", path)
    assert f"Already billed: invoice {number}." in again.output
    listed = revalo("billing", "invoices", "--db", path)
    assert "1 document(s)" in listed.output and number in listed.output
    credit = revalo("billing", "credit", number, "--reason", "wrong month", "--db", path)
    assert credit.exit_code == 0 and "Credit note AV-" in credit.output, credit.output
    bad = revalo("billing", "credit", number, "--reason", "x", "--amount", "abc", "--db", path)
    assert bad.exit_code == 2 and "not an amount in EUR" in bad.output
    pdf = tmp_path / "inv.pdf"
    wrote = revalo("billing", "document", number, pdf, "--db", path)
    assert wrote.exit_code == 0 and pdf.read_bytes().startswith(b"%PDF"), wrote.output
    csv_file = tmp_path / "inv.items.csv"
    assert revalo("billing", "document", number, csv_file, "--db", path).exit_code == 0
    assert csv_file.read_text().startswith("number,activity,ref")
