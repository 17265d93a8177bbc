"""Customer service's desk on SQLite and PostgreSQL: one search box finds a return by each
of its keys, the history holds everything, notes are kept, a label goes again once per
click, and an exception is recorded with its reason and the policy's answer."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_service import policy_exceptions
from revalo.domain.catalog import Customer, CustomerKind
from revalo.domain.errors import InvalidValue, NotAllowed, PermissionDenied
from revalo.domain.notifications import NotificationKind
from revalo.domain.people import Role, User
from revalo.domain.returns import ReturnState
from revalo.domain.service_desk import ContactChannel
from revalo.entrypoints.labels import label_pdf
from revalo.services import catalog, service_desk
from revalo.services.return_labels import book_return_label
from tests.conftest import World
from tests.integration.flows import ask, line
from tests.people import person

CS = User(login="cs.marie", name="Marie", roles=frozenset({Role.CUSTOMER_SERVICE}))


@pytest.fixture
def desk(world: World) -> World:
    catalog.add_customer(
        world.app.uow(),
        Customer(
            "C-CLAIRE",
            "Claire Dubois",
            CustomerKind.CONSUMER,
            "FR",
            "Lyon",
            45.7,
            4.8,
            "claire.dubois@example.org",
        ),
        by=person("operator"),
    )
    return world


def found(world: World, text: str) -> list[str]:
    return [r.number for r in service_desk.find_returns(world.app.uow(), text, by=CS).returns]


def test_one_search_box_finds_a_return_by_each_key(desk: World) -> None:
    world = desk
    claire = ask(world, line("DRILL-18"), customer="C-CLAIRE", order_ref="WEB-7781").number
    anne = ask(world, line("LAP-14"), order_ref="WEB-1200").number
    label = book_return_label(world.app.uow(), world.app.transport, claire, by=person("cs"))
    sscc = label.consignment.sscc
    assert sscc is not None
    assert found(world, "WEB-7781") == [claire]  # the order
    assert found(world, "web-77") == [claire]  # a part of it, in any case
    assert found(world, "Claire Dub") == [claire]  # the customer's name
    assert found(world, "CLAIRE.DUBOIS@example") == [claire]  # the e-mail
    assert found(world, sscc) == [claire]  # the parcel's SSCC
    assert found(world, f"(00){sscc}") == [claire]  # as the label's barcode reads
    assert found(world, anne) == [anne]  # the return's own number
    assert found(world, "Martin") == [anne]
    assert found(world, "nobody-at-all") == []
    both = service_desk.find_returns(world.app.uow(), "WEB-", by=CS)
    assert (both.total, [r.number for r in both.returns]) == (2, [anne, claire])
    page = service_desk.find_returns(world.app.uow(), "WEB-", by=CS, limit=1, offset=1)
    assert (page.total, [r.number for r in page.returns]) == (2, [claire])
    with pytest.raises(InvalidValue, match="at least 2 characters"):
        service_desk.find_returns(world.app.uow(), " x ", by=CS)
    with pytest.raises(InvalidValue, match="limit is 1 to 50"):
        service_desk.find_returns(world.app.uow(), "WEB", by=CS, limit=500)
    # A percent sign is searched for as itself, not as "anything".
    assert found(world, "%%") == []


def test_an_exception_is_recorded_with_its_reason_and_the_policys_answer(desk: World) -> None:
    world = desk
    late = ask(world, line("DRILL-18"), customer="C-CLAIRE", delivered_days_ago=40)
    assert late.state is ReturnState.REJECTED
    policy_said = late.decision_reason
    with pytest.raises(InvalidValue, match="An exception needs a reason"):
        service_desk.authorise_exception(world.app.uow(), late.number, reason="  ", by=CS)
    kept = service_desk.authorise_exception(
        world.app.uow(),
        late.number,
        reason="Parcel lost by the first carrier: the customer asked in time",
        by=CS,
    )
    assert (kept.by, kept.policy_state, kept.policy_reason) == (
        "cs.marie",
        ReturnState.REJECTED,
        policy_said,
    )
    history = service_desk.return_history(world.app.uow(), late.number, by=CS)
    assert history.rma.state is ReturnState.AUTHORISED
    assert history.rma.decided_by == "cs.marie"
    assert history.rma.destination_site == "HUB-FR"
    [exc] = history.exceptions
    assert exc.reason.startswith("Parcel lost") and exc.policy_reason == policy_said
    assert [m.kind for m in history.messages] == [NotificationKind.RETURN_AUTHORISED]
    assert "exception" in [e.kind.value for e in history.entries]
    # Once authorised, no second exception: nothing more is written.
    with pytest.raises(NotAllowed, match="only a return rejected or waiting for review"):
        service_desk.authorise_exception(world.app.uow(), late.number, reason="again", by=CS)
    with world.app.engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(policy_exceptions)) == 1
    # A handler may not.
    handler = User(login="bob", name="Bob", roles=frozenset({Role.HANDLER}))
    other = ask(world, line("DRILL-18"), delivered_days_ago=40)
    with pytest.raises(PermissionDenied):
        service_desk.authorise_exception(world.app.uow(), other.number, reason="x", by=handler)


def test_notes_and_contacts_are_kept_in_order_in_the_history(desk: World) -> None:
    world = desk
    number = ask(world, line("DRILL-18"), customer="C-CLAIRE").number
    service_desk.add_note(
        world.app.uow(),
        number,
        text="Called: asks when the refund comes",
        channel=ContactChannel.PHONE,
        by=CS,
    )
    service_desk.add_note(world.app.uow(), number, text="Promised a call back on Monday", by=CS)
    with pytest.raises(InvalidValue, match="A note needs a text"):
        service_desk.add_note(world.app.uow(), number, text="", by=CS)
    history = service_desk.return_history(world.app.uow(), number, by=CS)
    assert [(n.channel, n.by) for n in history.notes] == [
        (ContactChannel.PHONE, "cs.marie"),
        (ContactChannel.NOTE, "cs.marie"),
    ]
    kinds = [e.kind.value for e in history.entries]
    assert kinds[0] == "requested" and kinds.count("note") == 2
    assert kinds.index("message") < kinds.index("note")


def test_a_label_goes_again_as_a_pdf_once_per_click(desk: World) -> None:
    world = desk
    number = ask(world, line("DRILL-18"), customer="C-CLAIRE").number
    with pytest.raises(NotAllowed, match="not booked yet"):
        service_desk.resend_label(world.app.uow(), world.app.transport, label_pdf, number, by=CS)
    book_return_label(world.app.uow(), world.app.transport, number, by=person("cs"))
    first = service_desk.resend_label(
        world.app.uow(), world.app.transport, label_pdf, number, by=CS, at=world.now
    )
    again = service_desk.resend_label(
        world.app.uow(), world.app.transport, label_pdf, number, by=CS, at=world.now
    )
    assert first.new and not again.new
    assert first.message is not None and again.message is not None
    assert again.message.id == first.message.id
    m = first.message
    assert m.attachment is not None and m.attachment.startswith(b"%PDF")
    assert m.attachment_name == f"label-{number}.pdf"
    assert first.facts.consignment.sscc in m.body and first.facts.digital_link in m.body
    assert "L'étiquette" in m.subject  # Claire lives in France
    labels = [
        x
        for x in service_desk.return_history(world.app.uow(), number, by=CS).messages
        if x.kind is NotificationKind.LABEL
    ]
    assert len(labels) == 1


def test_the_label_reaches_the_mail_server_as_an_attachment(desk: World) -> None:
    """Sent to a real SMTP server (aiosmtpd), the PDF arrives as an attachment."""
    from aiosmtpd.controller import Controller

    from revalo.services import notifications
    from tests.integration.test_notifications import Inbox, free_port, mailer

    world = desk
    number = ask(world, line("DRILL-18"), customer="C-CLAIRE").number
    book_return_label(world.app.uow(), world.app.transport, number, by=person("cs"))
    service_desk.resend_label(world.app.uow(), world.app.transport, label_pdf, number, by=CS)
    port, inbox = free_port(), Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        notifications.send_due(world.app.uow(), mailer(port))
    finally:
        controller.stop()
    [label_mail] = [m for m in inbox.messages if "tiquette" in m["Subject"]]
    [pdf] = list(label_mail.iter_attachments())  # type: ignore[attr-defined]
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content().startswith(b"%PDF")
