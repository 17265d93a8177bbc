"""Customer service's desk through its doors: the API and the pages find a return, show its
history, take a note and an exception; the survey page in both languages, answered once;
the webhook endpoints' API; the ``revalo service`` commands (in French too)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from revalo.domain.after_sales import Outcome
from revalo.domain.catalog import Customer, CustomerKind
from revalo.domain.clients import Client
from revalo.domain.people import Role
from revalo.domain.refunds import RefundMethod
from revalo.services import catalog, clients, notifications, refunds
from tests.conftest import World
from tests.e2e.conftest import API, TestClient, client_of, ok, refused, request_return, revalo
from tests.people import add_person, person

DRILL = {"sku": "DRILL-18", "quantity": 1, "reason": "withdrawal"}


def with_email(world: World) -> None:
    catalog.add_customer(
        world.app.uow(),
        Customer(
            "C-EVA", "Eva Lefèvre", CustomerKind.CONSUMER, "FR", "Lyon", 45.7, 4.8, "eva@x.org"
        ),
        by=person("operator"),
    )


def test_the_api_finds_shows_notes_and_excepts(client: TestClient, sqlite_world: World) -> None:
    with_email(sqlite_world)
    number = request_return(client, "C-EVA", DRILL, order_ref="WEB-5150")["number"]
    late = request_return(client, "C-EVA", DRILL, days_ago=40)
    assert late["state"] == "rejected"
    found = ok(client.get(f"{API}/service/returns", params={"q": "eva@x"}))
    assert found["count"] == 2
    assert [
        r["number"]
        for r in ok(client.get(f"{API}/service/returns", params={"q": "web-5150"}))["data"]
    ] == [number]
    refused(client.get(f"{API}/service/returns", params={"q": "x"}), 422, "q")
    note = ok(
        client.post(
            f"{API}/service/returns/{number}/notes",
            json={"text": "Called about the parcel", "channel": "phone"},
        ),
        201,
    )
    assert (note["channel"], note["by"]) == ("phone", "operator")
    refused(client.post(f"{API}/service/returns/{number}/notes", json={"text": ""}), 422, "text")
    x = ok(
        client.post(
            f"{API}/service/returns/{late['number']}/exception",
            json={"reason": "Asked in time by phone"},
        ),
        201,
    )
    assert x["policy_state"] == "rejected" and x["policy_reason"] == late["decision_reason"]
    history = ok(client.get(f"{API}/service/returns/{late['number']}/history"))
    assert history["state"] == "authorised"
    assert "exception" in [e["kind"] for e in history["data"]]
    assert refused(client.post(f"{API}/service/returns/{number}/label-email"), 409, None)
    # The pages: the desk's search, the return's history with the note.
    desk = client.get("/service", params={"q": "Lefèvre"}).text
    assert number in desk and late["number"] in desk
    page = client.get(f"/service/returns/{number}").text
    assert "Called about the parcel" in page and "phone call" in page
    # The return's own page leads there.
    assert f'href="/service/returns/{number}"' in client.get(f"/returns/{number}").text
    handler = client_of(sqlite_world.app, add_person(sqlite_world.app, "hand", {Role.HANDLER}))
    assert 'id="return-service-link"' not in handler.get(f"/returns/{number}").text


def test_the_survey_page_answers_once_in_the_customers_language(
    client: TestClient, sqlite_world: World
) -> None:
    world = sqlite_world
    with_email(world)
    number = request_return(client, "C-EVA", DRILL)["number"]
    refunds.open_refund(
        world.app.uow(), number, paid=Decimal("129.00"), outcome=Outcome.REFUND, by=person("cs")
    )
    refunds.record_refund(
        world.app.uow(),
        number,
        amount=Decimal("129.00"),
        method=RefundMethod.BANK_TRANSFER,
        by=person("cs"),
    )
    [mail] = [
        m
        for m in notifications.return_notifications(world.app.uow(), number, by=person("cs"))
        if m.kind.value == "refunded"
    ]
    assert "Votre avis ? Une question, un clic : http://127.0.0.1:8000/survey/" in mail.body
    link = re.search(r"/survey/\S+", mail.body)
    assert link
    public = TestClient(client.app, base_url="http://localhost", cookies={"lang": "fr"})
    shown = public.get(link.group(0))
    assert (
        shown.status_code == 200 and f"Êtes-vous satisfait de votre retour {number}" in shown.text
    )
    answered = public.post(link.group(0), data={"score": "4", "comment": "rapide"})
    assert "votre réponse est enregistrée" in answered.text
    wrong = public.post(link.group(0), data={"score": "9"})
    assert "entre 1 et 5" in wrong.text or "1 à 5" in wrong.text
    assert public.get("/survey/not-a-real-token-at-all").status_code == 404
    figures = ok(client.get(f"{API}/service/satisfaction"))
    assert (figures["answers"], figures["csat"]) == (1, 1.0)
    csv_text = client.get(f"{API}/service/satisfaction.csv").text
    assert csv_text.startswith("dimension,key,answers,csat")
    assert "CSAT" in client.get("/").text  # on the dashboard too


def test_the_webhook_endpoints_api_shows_the_secret_once(
    client: TestClient, sqlite_world: World
) -> None:
    clients.add_client(sqlite_world.app.uow(), Client("VELO", "Vélo"), by=person("operator"))
    made = ok(
        client.post(
            f"{API}/service/webhooks",
            json={
                "client_code": "VELO",
                "url": "http://127.0.0.1:9/nowhere",
                "events": ["refunded"],
            },
        ),
        201,
    )
    assert made["secret"].startswith("whsec_")
    listed = ok(client.get(f"{API}/service/webhooks"))
    assert listed["count"] == 1 and "secret" not in listed["data"][0]
    refused(
        client.post(
            f"{API}/service/webhooks",
            json={"client_code": "VELO", "url": "mailto:x", "events": ["refunded"]},
        ),
        422,
        "url",
    )
    off = ok(client.post(f"{API}/service/webhooks/{made['id']}/deactivate"))
    assert off["active"] is False
    assert "deactivated" in client.get("/service").text


def test_the_commands_find_note_and_report(db: tuple[Path, World]) -> None:
    path, world = db
    with_email(world)
    from tests.integration.flows import ask, line

    number = ask(world, line("DRILL-18"), customer="C-EVA", order_ref="WEB-9").number
    found = revalo("service", "find", "WEB-9", "--db", path)
    assert found.exit_code == 0 and number in found.output, found.output
    noted = revalo("service", "note", number, "Rappel demandé", "--channel", "phone", "--db", path)
    assert noted.exit_code == 0 and f"Note written on {number}." in noted.output
    history = revalo("service", "history", number, "--db", path)
    assert "Rappel demandé" in history.output
    sat = revalo("service", "satisfaction", "--db", path)
    assert sat.exit_code == 0 and "0 answer(s)" in sat.output
    sent = revalo("service", "send-webhooks", "--once", "--db", path)
    assert sent.exit_code == 0 and "Sent 0 webhook(s)" in sent.output
