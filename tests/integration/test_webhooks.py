"""Signed webhooks to a client's system, against a real HTTP server started by the test
(the standard library's ``http.server`` in a thread), on SQLite and PostgreSQL: each
message posted once per endpoint with a signature the receiver checks; with the server
down they stay in the outbox and go when it is back; a crash between the change and the
send loses nothing."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from revalo.adapters.webhook_poster import HttpWebhookPoster
from revalo.domain.clients import Client
from revalo.domain.notifications import Channel, DeliveryState, NotificationKind
from revalo.domain.webhooks import SIGNATURE_HEADER, verify
from revalo.services import catalog, clients, notifications, returns, webhooks
from revalo.services.webhook_outbox import send_webhooks_due
from tests.conftest import World
from tests.integration.flows import line
from tests.integration.test_notifications import free_port
from tests.people import person

A = "VELO-NORD"


class Receiver:
    """A client's webhook endpoint: what it received, answering 200 (or 500 when told)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.fail = False
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers.items()), body))
                self.send_response(500 if receiver.fail else 200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/revalo"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver(free_port())
    r.start()
    yield r
    r.stop()


@pytest.fixture
def client_world(world: World, receiver: Receiver) -> World:
    u = world.app.uow
    clients.add_client(u(), Client(A, "Vélo Nord"), by=person("operator"))
    catalog.give_product_to_client(u(), "DRILL-18", A, by=person("operator"))
    return world


def ask_for(world: World, serial: str) -> str:
    return returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code="C-ANNE",
        lines=[line("DRILL-18", serial=serial)],
        delivered_at=world.now - timedelta(days=3),
        by=person("portal"),
        requested_at=world.now,
        client_code=A,
    ).number


def webhook_states(world: World, number: str) -> list[tuple[str, int]]:
    found = notifications.return_notifications(world.app.uow(), number, by=person("cs"))
    return [(m.state.value, m.attempts) for m in found if m.channel is Channel.WEBHOOK]


def test_each_change_is_posted_once_per_endpoint_signed(
    client_world: World, receiver: Receiver
) -> None:
    world = client_world
    first = webhooks.add_endpoint(
        world.app.uow(),
        client_code=A,
        url=receiver.url,
        events=["return_authorised"],
        by=person("admin"),
    )
    second = webhooks.add_endpoint(
        world.app.uow(),
        client_code=A,
        url=receiver.url + "?copy=2",
        events=["return_authorised", "refunded"],
        by=person("admin"),
    )
    number = ask_for(world, "SN-W1")
    assert webhook_states(world, number) == [("pending", 0), ("pending", 0)]
    poster = HttpWebhookPoster(timeout_s=5)
    later = world.now + timedelta(minutes=1)
    report = send_webhooks_due(world.app.uow(), poster, now=later)
    assert (report.sent, report.failed) == (2, 0)
    assert send_webhooks_due(world.app.uow(), poster, now=later).sent == 0
    assert len(receiver.received) == 2
    secrets = {first.secret, second.secret}
    for headers, body in receiver.received:
        # The receiver checks it as the scheme says: with its own secret, a fresh stamp.
        assert any(
            verify(s, headers[SIGNATURE_HEADER], body, now=int(time.time())) for s in secrets
        )
        assert not verify("whsec_wrong", headers[SIGNATURE_HEADER], body, now=int(time.time()))
        event = json.loads(body)
        assert (event["type"], event["data"]["return"], event["data"]["client"]) == (
            "return_authorised",
            number,
            A,
        )
    assert len({h["Revalo-Delivery"] for h, _ in receiver.received}) == 2
    # A tampered body or an old stamp fails the check.
    headers, body = receiver.received[0]
    assert not any(
        verify(s, headers[SIGNATURE_HEADER], body + b" ", now=int(time.time())) for s in secrets
    )
    assert not any(
        verify(s, headers[SIGNATURE_HEADER], body, now=int(time.time()) + 600) for s in secrets
    )
    assert webhook_states(world, number) == [("sent", 1), ("sent", 1)]
    # No e-mail was sent by the webhook sender: Anne has no address, and e-mails go apart.
    assert all(
        m.channel is Channel.WEBHOOK
        for m in notifications.return_notifications(world.app.uow(), number, by=person("cs"))
    )


def test_with_the_endpoint_down_they_wait_and_go_when_it_is_back(
    client_world: World, receiver: Receiver
) -> None:
    world = client_world
    webhooks.add_endpoint(
        world.app.uow(),
        client_code=A,
        url=receiver.url,
        events=["return_authorised"],
        by=person("admin"),
    )
    number = ask_for(world, "SN-W2")
    poster = HttpWebhookPoster(timeout_s=2)
    receiver.stop()  # down: nothing listens
    t = world.now + timedelta(minutes=1)
    down = send_webhooks_due(world.app.uow(), poster, now=t)
    assert (down.sent, down.failed) == (0, 1) and "127.0.0.1" in down.error
    receiver.start()
    receiver.fail = True  # up but failing: a 500 is not a delivery
    assert send_webhooks_due(world.app.uow(), poster, now=t + timedelta(minutes=1)).failed == 1
    assert (
        "answered 500"
        in notifications.return_notifications(world.app.uow(), number, by=person("cs"))[
            0
        ].last_error
    )
    receiver.fail = False
    # Not before its back-off: 1 minute after the first failure, 2 after the second.
    assert send_webhooks_due(world.app.uow(), poster, now=t + timedelta(minutes=2)).sent == 0
    back = send_webhooks_due(world.app.uow(), poster, now=t + timedelta(minutes=4))
    assert (back.sent, back.failed) == (1, 0)
    assert webhook_states(world, number) == [("sent", 3)]
    assert [json.loads(b)["type"] for h, b in receiver.received] == ["return_authorised"] * 2


def test_a_crash_between_the_change_and_the_send_loses_nothing(
    client_world: World, receiver: Receiver
) -> None:
    world = client_world
    webhooks.add_endpoint(
        world.app.uow(),
        client_code=A,
        url=receiver.url,
        events=["return_authorised"],
        by=person("admin"),
    )
    number = ask_for(world, "SN-W3")  # committed with its message, and then the process "dies"
    # A worker dies after taking the message (leased), before posting it.
    from revalo.services.outbox_sending import take

    [mid] = [
        m.id for m in notifications.return_notifications(world.app.uow(), number, by=person("cs"))
    ]
    assert mid is not None
    taken = take(world.app.uow(), mid, world.now + timedelta(minutes=1))
    assert taken is not None
    poster = HttpWebhookPoster(timeout_s=5)
    assert (
        send_webhooks_due(world.app.uow(), poster, now=world.now + timedelta(minutes=2)).sent == 0
    )
    after_lease = world.now + timedelta(minutes=7)
    assert send_webhooks_due(world.app.uow(), poster, now=after_lease).sent == 1
    assert len(receiver.received) == 1
    assert webhook_states(world, number) == [("sent", 2)]


def test_a_deactivated_endpoint_gets_nothing_new_and_bad_endpoints_are_refused(
    client_world: World, receiver: Receiver
) -> None:
    from revalo.domain.errors import InvalidValue, NotFound

    world = client_world
    endpoint = webhooks.add_endpoint(
        world.app.uow(),
        client_code=A,
        url=receiver.url,
        events=["refunded"],
        by=person("admin"),
    )
    ask_for(world, "SN-W4")  # authorised: not subscribed, nothing written
    webhooks.set_endpoint_active(
        world.app.uow(), endpoint.id or 0, active=False, by=person("admin")
    )
    with pytest.raises(InvalidValue, match="http"):
        webhooks.add_endpoint(
            world.app.uow(), client_code=A, url="ftp://x", events=["refunded"], by=person("admin")
        )
    with pytest.raises(InvalidValue, match="No event 'shipped'"):
        webhooks.add_endpoint(
            world.app.uow(), client_code=A, url=receiver.url, events=["shipped"], by=person("admin")
        )
    with pytest.raises(NotFound, match="no client"):
        webhooks.add_endpoint(
            world.app.uow(),
            client_code="NOBODY",
            url=receiver.url,
            events=["refunded"],
            by=person("admin"),
        )
    listed = webhooks.list_endpoints(world.app.uow(), by=person("admin"))
    assert [(e.url, e.active) for e in listed] == [(receiver.url, False)]
    with world.app.uow() as uow:
        assert uow.outbox.counts()[DeliveryState.PENDING] == 0
    assert NotificationKind.REFUNDED in listed[0].events
