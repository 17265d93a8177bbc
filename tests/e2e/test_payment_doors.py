"""A partner's payments through the API, the page and the command line: a vendor pays for
the units returned to it (an amount shared by price as new), each unit once; a second
payment of a unit is refused by name with nothing written; another partner is kept out;
the page speaks French."""

from __future__ import annotations

import html
from pathlib import Path

import sqlalchemy as sa

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, client_of, revalo
from tests.integration.test_partner_payments import _returned
from tests.people import add_person


def _lines(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(sa.text("select count(*) from partner_payment_lines")) or 0)


def test_payments_by_api_page_and_command(db: tuple[Path, World]) -> None:
    path, world = db
    app = world.app
    first, second, third = _returned(world, "W1", "W2", "W3")
    vendor = add_person(app, "vendor", [Role.PARTNER], partner_sites=["VEN-LUMEN"])
    outlet = add_person(app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    with client_of(app, vendor) as c, client_of(app, outlet) as o:
        made = c.post(
            f"{API}/partners/VEN-LUMEN/payments",
            json={"codes": [first, "W2"], "reference": "CN-77", "amount": "50.01"},
        )
        assert made.status_code == 201, made.text
        body = made.json()
        assert body["number"] == "PAY00000001" and body["amount"] == "50.01"
        assert sorted(x["amount"] for x in body["lines"]) == ["25.00", "25.01"]
        again = c.post(
            f"{API}/partners/VEN-LUMEN/payments",
            json={"codes": [second], "reference": "CN-78", "amount": "9"},
        )
        assert again.status_code == 409 and "PAY00000001" in again.text, again.text
        bad = c.post(f"{API}/partners/VEN-LUMEN/payments", json={"codes": [], "reference": ""})
        assert bad.status_code == 422
        assert o.get(f"{API}/partners/VEN-LUMEN/payments").status_code == 403
        kept_out = o.post(
            f"{API}/partners/VEN-LUMEN/payments",
            json={"codes": [third], "reference": "X", "amount": "1"},
        )
        assert kept_out.status_code == 403
        listed = c.get(f"{API}/partners/VEN-LUMEN/payments")
        assert listed.json()["count"] == 1 and listed.json()["data"][0]["reference"] == "CN-77"
        assert _lines(world) == 2

        page = c.get("/partners/payments")
        assert page.status_code == 200 and 'id="payment-form"' in page.text
        assert "PAY00000001" in page.text and first in page.text
        form = {"site_code": "VEN-LUMEN", "codes": third, "reference": "CN-79", "amount": "12,50"}
        posted = c.post("/partners/payments", data=form, follow_redirects=False)
        assert posted.status_code == 303, posted.text
        shown = html.unescape(c.get(posted.headers["location"]).text)
        assert "Payment PAY00000002 of €12.50 recorded." in shown
        twice = c.post("/partners/payments", data=form, follow_redirects=True)
        assert f"unit {third} was paid for already, by payment PAY00000002" in html.unescape(
            twice.text
        )
    assert _lines(world) == 3
    with client_of(app, vendor, "fr") as f:
        french = html.unescape(f.get("/partners/payments").text)
        assert "Enregistrer un paiement" in french and "12,50\xa0€" in french

    listed = revalo("partner-payments", "list", "VEN-LUMEN", "--db", path)
    assert listed.exit_code == 0 and "PAY00000002" in listed.output, listed.output
    refused = revalo(
        "partner-payments", "record", "VEN-LUMEN", first, "--reference", "R9",
        "--amount", "5", "--as", "vendor", "--db", path,
    )  # fmt: skip
    assert refused.exit_code != 0 and "paid for already" in refused.output, refused.output
    assert _lines(world) == 3
