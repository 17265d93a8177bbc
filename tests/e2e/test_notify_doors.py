"""The outbox through its doors: ``revalo notify`` against a real SMTP server (and its
refusal without one), the API's e-mails of a return, and the page saying that the outbox
keeps them when no mail server is set."""

from __future__ import annotations

from pathlib import Path

from aiosmtpd.controller import Controller
from typer.testing import CliRunner

from revalo.domain.catalog import Customer, CustomerKind
from revalo.entrypoints.cli import app as cli
from revalo.services import catalog
from tests.conftest import World
from tests.e2e.conftest import API, CLI_ENV, TestClient, ok, request_return, signed_client
from tests.integration.test_notifications import Inbox, free_port
from tests.people import person

DRILL = {"sku": "DRILL-18", "quantity": 1, "reason": "withdrawal"}


def with_email(world: World) -> None:
    catalog.add_customer(
        world.app.uow(),
        Customer("C-EVA", "Eva", CustomerKind.CONSUMER, "FR", "Lyon", 45.7, 4.8, "eva@x.org"),
        by=person("operator"),
    )


def test_revalo_notify_sends_once_and_says_when_no_server_is_set(db: tuple[Path, World]) -> None:
    path, world = db
    with_email(world)
    with signed_client(world.app, "desk") as api:
        request_return(api, "C-EVA", DRILL)
    runner = CliRunner()
    none = runner.invoke(cli, ["notify", "--once", "--db", str(path)], env=CLI_ENV)
    assert none.exit_code == 1
    assert "no mail server is set (REVALO_SMTP_HOST)" in none.output
    port = free_port()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    env = {
        **CLI_ENV,
        "REVALO_SMTP_HOST": "127.0.0.1",
        "REVALO_SMTP_PORT": str(port),
        "REVALO_SMTP_STARTTLS": "0",
    }
    try:
        sent = runner.invoke(cli, ["notify", "--once", "--db", str(path)], env=env)
        again = runner.invoke(cli, ["notify", "--once", "--db", str(path)], env=env)
    finally:
        controller.stop()
    assert sent.exit_code == 0, sent.output
    assert "Sent 1 e-mail(s); 0 not sent" in sent.output
    assert "Sent 0 e-mail(s)" in again.output
    assert [m["To"] for m in inbox.messages] == ["eva@x.org"]


def test_the_api_and_the_page_show_each_returns_emails(
    client: TestClient, sqlite_world: World
) -> None:
    with_email(sqlite_world)
    number = request_return(client, "C-EVA", DRILL)["number"]
    emails = ok(client.get(f"{API}/returns/{number}/emails"))
    assert emails["mail_server"] is False and emails["count"] == 1
    [mail] = emails["data"]
    assert (mail["kind"], mail["state"], mail["language"]) == ("return_authorised", "pending", "fr")
    assert mail["subject"] == f"Votre retour {number} est accepté"
    page = client.get(f"/returns/{number}").text
    assert "the outbox keeps these" in page and "waiting to be sent" in page
