"""The customers' e-mails against a real SMTP server run by the test (aiosmtpd), on SQLite
and PostgreSQL: each sent once; with the server down they stay in the outbox and go out
when it is back; a crash between the change and the send, or during the send, loses
nothing."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from email import message_from_bytes, policy
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from revalo.adapters.barcodes import parse_scan
from revalo.adapters.smtp_mailer import SmtpMailer, SmtpSettings
from revalo.bootstrap import App, bootstrap
from revalo.domain.after_sales import Outcome
from revalo.domain.catalog import Customer, CustomerKind
from revalo.domain.notifications import DeliveryState, NotificationKind
from revalo.domain.refunds import RefundMethod
from revalo.domain.values import utcnow
from revalo.entrypoints.outbox_worker import start_sender
from revalo.services import catalog, notifications, outbox_sending, receiving, refunds, return_end
from tests.conftest import World
from tests.integration.flows import ask, gs1, line
from tests.integration.test_concurrency import together
from tests.people import person


class Inbox:
    """What the SMTP server received."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def inbox(port: int) -> Iterator[Inbox]:
    received = Inbox()
    controller = Controller(received, hostname="127.0.0.1", port=port)
    controller.start()
    yield received
    controller.stop()


def mailer(port: int) -> SmtpMailer:
    return SmtpMailer(SmtpSettings("127.0.0.1", port, "returns@revalo.test", starttls=False))


@pytest.fixture
def customers(world: World) -> World:
    for code, country, mail in (
        ("C-CLAIRE", "FR", "claire@example.org"),
        ("C-OSKAR", "DE", "oskar@example.org"),
    ):
        catalog.add_customer(
            world.app.uow(),
            Customer(code, code.title(), CustomerKind.CONSUMER, country, "X", 48.8, 2.3, mail),
            by=person("operator"),
        )
    return world


def outbox_states(world: World, number: str) -> list[tuple[str, str, int]]:
    found = notifications.return_notifications(world.app.uow(), number, by=person("cs"))
    return [(m.kind.value, m.state.value, m.attempts) for m in found]


def test_authorised_received_refunded_each_sent_once_in_the_customers_language(
    customers: World, inbox: Inbox, port: int
) -> None:
    world = customers
    number = ask(world, line("DRILL-18", serial="SN-N1"), customer="C-CLAIRE").number
    ask(world, line("DRILL-18", serial="SN-N2"), customer="C-OSKAR")
    ask(world, line("DRILL-18", serial="SN-N3"))  # Anne has no e-mail address: none written
    receiving.receive_scan(
        world.app.uow(),
        parse_scan(gs1(world.drill, "SN-N1")),
        site_code="HUB-FR",
        by=person("bob"),
    )
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
    later = world.now + timedelta(minutes=1)
    report = notifications.send_due(world.app.uow(), mailer(port), now=later)
    assert (report.sent, report.failed) == (4, 0)
    assert notifications.send_due(world.app.uow(), mailer(port), now=later).sent == 0
    subjects = sorted(m["Subject"] for m in inbox.messages)
    assert subjects == sorted(
        [
            f"Votre retour {number} est accepté",
            f"Nous avons reçu votre retour {number}",
            f"Votre retour {number} est remboursé",
            "Your return RMA00000002 is accepted",
        ]
    )
    refunded = next(m for m in inbox.messages if "remboursé" in m["Subject"])
    assert "129.00 EUR, par virement" in str(refunded.get_payload(decode=True), "utf-8")
    assert len({m["Message-ID"] for m in inbox.messages}) == 4
    assert outbox_states(world, number) == [
        (k.value, "sent", 1)
        for k in (
            NotificationKind.RETURN_AUTHORISED,
            NotificationKind.RETURN_RECEIVED,
            NotificationKind.REFUNDED,
        )
    ]


def test_a_cancelled_return_tells_the_customer_why(
    customers: World, inbox: Inbox, port: int
) -> None:
    world = customers
    number = ask(world, line("DRILL-18", serial="SN-K1"), customer="C-OSKAR").number
    return_end.cancel_return(world.app.uow(), number, reason="You keep the drill.", by=person("cs"))
    later = utcnow() + timedelta(minutes=1)
    assert notifications.send_due(world.app.uow(), mailer(port), now=later).sent == 2
    cancelled = next(m for m in inbox.messages if "cancelled" in m["Subject"])
    assert "is cancelled: You keep the drill." in str(cancelled.get_payload(decode=True), "utf-8")


def test_with_the_server_down_they_wait_and_go_out_when_it_is_back(
    customers: World, port: int
) -> None:
    world = customers
    number = ask(world, line("DRILL-18", serial="SN-D1"), customer="C-CLAIRE").number
    down = notifications.send_due(world.app.uow(), mailer(port), now=world.now)
    assert (down.sent, down.failed) == (0, 1) and "127.0.0.1" in down.error
    [message] = notifications.return_notifications(world.app.uow(), number, by=person("cs"))
    assert message.state is DeliveryState.PENDING and message.attempts == 1
    assert message.next_attempt_at == world.now + timedelta(minutes=1) and message.last_error
    # Not yet due again: nothing is tried.
    assert notifications.send_due(world.app.uow(), mailer(port), now=world.now).failed == 0
    received = Inbox()
    controller = Controller(received, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        back = notifications.send_due(
            world.app.uow(), mailer(port), now=world.now + timedelta(minutes=2)
        )
    finally:
        controller.stop()
    assert back.sent == 1 and len(received.messages) == 1
    assert outbox_states(world, number) == [("return_authorised", "sent", 2)]


def test_a_crash_between_the_change_and_the_send_or_during_it_loses_nothing(
    customers: World, inbox: Inbox, port: int
) -> None:
    world = customers
    number = ask(world, line("DRILL-18", serial="SN-X1"), customer="C-OSKAR").number
    # The process stops after the change was committed, before any send: a new one on
    # the same database finds the message in the outbox.
    world.app.close()
    again = bootstrap(world.app.settings)
    try:
        # A worker leased it and died while sending: nobody takes it during the lease...
        [message_id] = _due(again)
        assert outbox_sending.take(again.uow(), message_id, world.now) is not None
        assert notifications.send_due(again.uow(), mailer(port), now=world.now).sent == 0
        # ...then the next worker sends it, once.
        after = world.now + timedelta(minutes=6)
        assert notifications.send_due(again.uow(), mailer(port), now=after).sent == 1
        assert notifications.send_due(again.uow(), mailer(port), now=after).sent == 0
    finally:
        again.close()
    assert [m["Subject"] for m in inbox.messages] == [f"Your return {number} is accepted"]


def _due(app: App) -> list[int]:
    """The messages waiting in the outbox (a day ahead: whatever their next attempt)."""
    uow = app.uow()
    with uow:
        return list(uow.outbox.due(utcnow() + timedelta(days=1), limit=10))


def test_the_servers_background_thread_sends_the_outbox_when_a_server_is_set(
    customers: World, inbox: Inbox, port: int
) -> None:
    world = customers
    ask(world, line("DRILL-18", serial="SN-T1"), customer="C-CLAIRE")
    start_sender(world.app)()  # no server set: no thread, the outbox keeps them
    assert not any(t.name == "revalo-outbox" for t in threading.enumerate())
    assert inbox.messages == []
    settings = replace(
        world.app.settings, smtp=SmtpSettings("127.0.0.1", port, "r@revalo.test", starttls=False)
    )
    served = bootstrap(settings)
    halt = start_sender(served, interval_s=0.2)
    try:
        for _ in range(100):
            if inbox.messages:
                break
            time.sleep(0.1)
    finally:
        halt()
        served.close()
    assert [m["To"] for m in inbox.messages] == ["claire@example.org"]


def test_two_senders_at_once_send_each_message_once(
    customers: World, inbox: Inbox, port: int
) -> None:
    world = customers
    for i in range(6):
        ask(world, line("DRILL-18", serial=f"SN-P{i}"), customer="C-OSKAR")
    later = utcnow() + timedelta(minutes=1)
    got = together(4, lambda i: notifications.send_due(world.app.uow(), mailer(port), now=later))
    assert not [r for r in got if isinstance(r, BaseException)]
    assert sum(r.sent for r in got if isinstance(r, notifications.SendReport)) == 6
    assert len(inbox.messages) == 6
    assert len({m["Message-ID"] for m in inbox.messages}) == 6
