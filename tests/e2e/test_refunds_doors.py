"""Refunds through each door: the API (record, the deadline's state, the list, the figures,
the CSV export, a customer-service agent's and a handler's rights), the pages (the list, the
return's refund case and its forms) and the command line."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
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


def test_a_refund_over_the_api_from_notice_to_export(
    client: TestClient, sqlite_world: World
) -> None:
    world = sqlite_world
    number = request_return(client, "C-ANNE", {**DRILL, "serial": "SN-A1"})["number"]
    path = f"{API}/returns/{number}"
    assert refused(client.get(f"{path}/refund-case"), 404, None).startswith(
        f"return {number} has no refund case"
    )
    bad = client.post(f"{path}/refund-case", json={"paid": "0", "outcome": "refund"})
    assert "positive amount" in refused(bad, 422, "paid")
    case = ok(client.post(f"{path}/refund-case", json={"paid": "129.00", "outcome": "refund"}), 201)
    today = date.today()
    assert case["state"] == "waiting_for_goods" and case["deadline"] == str(
        today + timedelta(days=14)
    )
    scan(client, gs1(world.drill.gtin, "SN-A1"))
    case = ok(client.get(f"{path}/refund-case"))
    assert case["goods_received_on"] == str(today) and case["state"] == "due"
    due = ok(client.get(f"{API}/refunds/due"))
    assert due["count"] == 1 and due["data"][0]["days_left"] == 14
    too_much = client.post(f"{path}/refunds", json={"amount": "129.01", "method": "bank_transfer"})
    assert "more than the 129.00 paid" in refused(too_much, 409, "amount")
    paid = ok(
        client.post(f"{path}/refunds", json={"amount": "129.00", "method": "bank_transfer"}), 201
    )
    assert paid["state"] == "settled" and paid["days_to_refund"] == 0
    assert ok(client.get(f"{API}/refunds/due"))["count"] == 0
    figures = ok(client.get(f"{API}/refunds/figures"))
    assert (figures["settled"], figures["late_now"], figures["median_days"]) == (1, 0, 0)
    export = client.get(
        f"{API}/refunds/export", params={"start": str(today), "end": str(today + timedelta(1))}
    )
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    [row] = list(csv.DictReader(io.StringIO(export.text)))
    assert (row["return_number"], row["amount"], row["method"]) == (
        number,
        "129.00",
        "bank_transfer",
    )

    agent = bearer(world.app, "cs", {Role.CUSTOMER_SERVICE})
    assert client.get(f"{API}/refunds/due", headers=agent).status_code == 200
    refusal = client.get(f"{API}/refunds/export?start=2026-01-01&end=2026-02-01", headers=agent)
    assert "export_refunds" in refused(refusal, 403, None)
    handler = bearer(world.app, "hal", {Role.HANDLER})
    assert client.get(f"{API}/refunds/due", headers=handler).status_code == 403


def test_the_pages_list_what_is_due_and_record_a_refund(
    client: TestClient, sqlite_world: World
) -> None:
    number = request_return(client, "C-JONAS", DRILL)["number"]
    page = client.get(f"/returns/{number}")
    assert page.status_code == 200 and 'action="/returns/' + number + '/refund-case"' in page.text
    opened = client.post(
        f"/returns/{number}/refund-case",
        data={"paid": "99,90", "outcome": "store_credit"},
        follow_redirects=False,
    )
    assert opened.status_code == 303
    listed = client.get("/refunds")
    assert listed.status_code == 200 and number in listed.text
    assert "waiting for the goods" in listed.text
    wrong = client.post(
        f"/returns/{number}/refunds",
        data={"amount": "99.90", "method": "bank_transfer"},
        follow_redirects=False,
    )
    assert wrong.status_code == 303
    assert "store_credit" in client.get(f"/returns/{number}").text  # the flash said why
    done = client.post(
        f"/returns/{number}/refunds",
        data={"amount": "99.90", "method": "store_credit"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    shown = client.get(f"/returns/{number}").text
    assert "store credit" in shown and "settled" in shown
    assert number not in client.get("/refunds").text


def test_the_command_line_records_lists_and_exports(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    with signed_client(world.app, "desk") as api:
        number = request_return(api, "C-ANNE", DRILL)["number"]
    opened = revalo("refunds", "open", number, "--paid", "129.00", "--db", path)
    assert opened.exit_code == 0, opened.output
    assert f"Refund of {number} recorded: due by" in opened.output
    bad = revalo("refunds", "open", "RMA99999999", "--paid", "abc", "--db", path)
    assert bad.exit_code == 2 and "--paid 'abc': not an amount in EUR" in bad.output
    proof = revalo("refunds", "proof", number, "--db", path)
    assert proof.exit_code == 0, proof.output
    listed = revalo("refunds", "due", "--db", path)
    assert (
        "1 refund(s) owed" in listed.output and number in listed.output and "due" in listed.output
    )
    part = revalo(
        "refunds",
        "record",
        number,
        "--amount",
        "100",
        "--partial",
        "diminished_value",
        "--note",
        "scratches",
        "--db",
        path,
    )
    assert part.exit_code == 0 and "settled" in part.output, part.output
    file = tmp_path / "refunds.csv"
    today = date.today()
    export = revalo(
        "refunds",
        "export",
        file,
        "--from",
        str(today),
        "--to",
        str(today + timedelta(days=1)),
        "--db",
        path,
    )
    assert export.exit_code == 0 and "Wrote 1 refund(s)" in export.output, export.output
    [row] = list(csv.DictReader(io.StringIO(file.read_text(encoding="utf-8"))))
    assert (row["amount"], row["partial_reason"], row["note"]) == (
        "100.00",
        "diminished_value",
        "scratches",
    )
