"""``revalo service ...``: customer service's desk (find a return, its history, notes, the
label again, exceptions), satisfaction, and the clients' webhook endpoints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revalo.domain.service_desk import ContactChannel
from revalo.entrypoints.cli_common import (
    AsLogin,
    DbPath,
    DbUrl,
    acting,
    open_app,
    out,
    replacing,
    reported,
)
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

service_app = typer.Typer(
    help="Customer service: find a return, its history, notes, the label again, exceptions; "
    "satisfaction; the clients' webhooks.",
    no_args_is_help=True,
)
Number = Annotated[str, typer.Argument(help="The return's number, e.g. RMA00000012.")]


def register(app: typer.Typer) -> None:
    app.add_typer(service_app, name="service")


@service_app.command("find")
def find(
    text: Annotated[str, typer.Argument(help="An order, a customer's name or e-mail, a parcel.")],
    limit: Annotated[int, typer.Option(min=1, max=50, help="Returns shown at most.")] = 20,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Find returns by order reference, customer (code, name, e-mail) or parcel (SSCC as
    typed or scanned, or a unit's LPN), newest first."""
    from revalo.services import service_desk

    with reported(), open_app(db, url) as rv:
        found = service_desk.find_returns(rv.read_uow(), text, by=acting(rv, as_login), limit=limit)
        table = Table(title=f"{found.total} return(s) found")
        for column in ("return", "order", "customer", "client", "requested", "state"):
            table.add_column(column)
        for r in found.returns:
            table.add_row(
                r.number,
                r.order_ref,
                r.customer_code,
                r.client_code or "",
                r.requested_at.date().isoformat(),
                r.state.value,
            )
        out().print(table)


@service_app.command("history")
def history(number: Number, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """Everything about a return in time order: request, decision, exceptions, label, its
    units' events, e-mails and webhooks, refunds, notes."""
    from revalo.services import service_desk

    with reported(), open_app(db, url) as rv:
        h = service_desk.return_history(rv.read_uow(), number, by=acting(rv, as_login))
        table = Table(title=f"Return {h.rma.number}: {h.rma.state.value}")
        for column in ("when", "what", "who", "text", "detail"):
            table.add_column(column)
        for e in h.entries:
            table.add_row(e.at.isoformat(timespec="minutes"), e.kind.value, e.who, e.text, e.detail)
        out().print(table)


@service_app.command("note")
def note(
    number: Number,
    text: Annotated[str, typer.Argument(help="What was said or done.")],
    channel: Annotated[
        ContactChannel, typer.Option(help="phone, email or chat with the customer; note: internal.")
    ] = ContactChannel.NOTE,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write a note or a contact with the customer on a return (kept as written)."""
    from revalo.services import service_desk

    with reported(), open_app(db, url) as rv:
        n = service_desk.add_note(
            rv.uow(), number, text=text, channel=channel, by=acting(rv, as_login)
        )
        out().print(said(f"Note written on {n.return_number}."), markup=False)


@service_app.command("exception")
def exception(
    number: Number,
    reason: Annotated[str, typer.Option(help="Why it is authorised against the policy.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Authorise a return the policy rejected or left for review, with the reason."""
    from revalo.services import service_desk

    with reported(), open_app(db, url) as rv:
        x = service_desk.authorise_exception(
            rv.uow(), number, reason=reason, by=acting(rv, as_login)
        )
        out().print(said(f"Return {x.return_number} is authorised by exception."), markup=False)


@service_app.command("resend-label")
def resend_label(
    number: Number, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None
) -> None:
    """E-mail the customer the booked parcel's label again (PDF attached, with its QR
    code's link); a second call within a minute writes nothing more."""
    from revalo.entrypoints.labels import label_pdf
    from revalo.services import service_desk

    with reported(), open_app(db, url) as rv:
        sent = service_desk.resend_label(
            rv.uow(), rv.transport, label_pdf, number, by=acting(rv, as_login)
        )
        number = sent.facts.rma.number
        out().print(
            said(
                f"The label of {number} is in the outbox."
                if sent.new
                else f"The label of {number} was in the outbox already."
            ),
            markup=False,
        )


@service_app.command("satisfaction")
def satisfaction_command(
    days: Annotated[int | None, typer.Option(min=1, max=3650, help="Answered within.")] = None,
    csv_file: Annotated[Path | None, typer.Option("--csv", help="Write it as CSV here.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """CSAT (share of 4 and 5 out of 5) and the median days to refund, by reason, product
    category and the customer's country."""
    from revalo.domain.values import utcnow
    from revalo.services import satisfaction

    with reported(), open_app(db, url) as rv:
        f = satisfaction.satisfaction(
            rv.read_uow(), by=acting(rv, as_login), today=utcnow().date(), days=days
        )
        if csv_file is not None:
            with replacing(csv_file) as part:
                part.write_text(satisfaction.satisfaction_csv(f), encoding="utf-8")
            out().print(said(f"Wrote {len(f.groups)} group(s) to {csv_file}."), markup=False)
            return
        table = Table(title=f"{f.answers} answer(s)")
        for column in ("by", "group", "answers", "CSAT", "days to refund"):
            table.add_column(column)
        for g in f.groups:
            table.add_row(
                g.by,
                g.key,
                str(g.answers),
                "" if g.csat is None else f"{g.csat:.0%}",
                "" if g.median_days_to_refund is None else f"{g.median_days_to_refund:.1f}",
            )
        out().print(table)


@service_app.command("webhook-add")
def webhook_add(
    client: Annotated[str, typer.Argument(help="The client's code.")],
    address: Annotated[str, typer.Argument(help="The endpoint's URL, where to post.")],
    event: Annotated[
        list[str], typer.Option(help="An event to send (repeat): return_authorised, ...")
    ],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Add a client's webhook endpoint; prints its signing secret once."""
    from revalo.services import webhooks

    with reported(), open_app(db, url) as rv:
        e = webhooks.add_endpoint(
            rv.uow(), client_code=client, url=address, events=event, by=acting(rv, as_login)
        )
        out().print(said(f"Webhook endpoint {e.id} added; its secret (shown once):"), markup=False)
        out().print(e.secret, markup=False)


@service_app.command("webhooks")
def webhooks_list(as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """The clients' webhook endpoints (without their secrets)."""
    from revalo.services import webhooks

    with reported(), open_app(db, url) as rv:
        user = acting(rv, as_login)
        found = webhooks.list_endpoints(rv.read_uow(), by=user, limit=200)
        waiting = webhooks.pending_count(rv.read_uow(), by=user)
        table = Table(title=f"{len(found)} endpoint(s); {waiting} message(s) waiting")
        for column in ("id", "client", "URL", "events", "active"):
            table.add_column(column)
        for e in found:
            events = ", ".join(sorted(k.value for k in e.events))
            table.add_row(str(e.id), e.client_code, e.url, events, "yes" if e.active else "no")
        out().print(table)


@service_app.command("webhook-deactivate")
def webhook_deactivate(
    endpoint_id: Annotated[int, typer.Argument(min=1, help="The endpoint's id.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Stop posting to an endpoint; what waits for it stays in the outbox."""
    from revalo.services import webhooks

    with reported(), open_app(db, url) as rv:
        webhooks.set_endpoint_active(rv.uow(), endpoint_id, active=False, by=acting(rv, as_login))
        out().print(said(f"Webhook endpoint {endpoint_id} deactivated."), markup=False)


@service_app.command("send-webhooks")
def send_webhooks(
    once: Annotated[bool, typer.Option("--once", help="Send what is due, then stop.")] = False,
    interval: Annotated[
        float, typer.Option(help="Seconds between two rounds (without --once).", min=1)
    ] = 30.0,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Post the webhook messages of the outbox whose time has come, signed; a failure is
    tried again later, after a growing delay. Ctrl+C stops."""
    from revalo.adapters.webhook_poster import HttpWebhookPoster
    from revalo.entrypoints.cli_notify import rounds
    from revalo.services.outbox_sending import SendReport

    def told(report: SendReport) -> None:
        out().print(
            said(f"Sent {report.sent} webhook(s); {report.failed} not sent, tried again later."),
            markup=False,
        )

    with reported(), open_app(db, url) as rv:
        rounds(rv, once=once, interval=interval, told=told, poster=HttpWebhookPoster())
