"""``revalo notify``: send the customers' e-mails waiting in the outbox."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, cast

import typer

from revalo.entrypoints.cli_common import CliError, DbPath, DbUrl, open_app, out, reported
from revalo.entrypoints.cli_messages import said

if TYPE_CHECKING:
    from revalo.bootstrap import App
    from revalo.services.notification_ports import Mailer
    from revalo.services.outbox_sending import SendReport
    from revalo.services.ports import UnitOfWork
    from revalo.services.service_ports import WebhookPoster


def register(app: typer.Typer) -> None:
    app.command("notify")(notify)


def notify(
    once: Annotated[bool, typer.Option("--once", help="Send what is due, then stop.")] = False,
    interval: Annotated[
        float, typer.Option(help="Seconds between two rounds (without --once).", min=1)
    ] = 30.0,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Send the e-mails of the outbox whose time has come through the mail server of
    REVALO_SMTP_HOST; a failure is tried again later, after a growing delay. Ctrl+C stops."""
    from revalo.adapters.smtp_mailer import SmtpMailer

    def told(report: SendReport) -> None:
        out().print(
            said(f"Sent {report.sent} e-mail(s); {report.failed} not sent, tried again later."),
            markup=False,
        )

    with reported(), open_app(db, url) as rv:
        if rv.settings.smtp is None:
            raise CliError("no mail server is set (REVALO_SMTP_HOST): the outbox keeps the e-mails")
        mailer = SmtpMailer(rv.settings.smtp)
        rounds(rv, once=once, interval=interval, told=told, mailer=mailer)


def rounds(
    rv: App,
    *,
    once: bool,
    interval: float,
    told: Callable[[SendReport], None],
    mailer: Mailer | None = None,
    poster: WebhookPoster | None = None,
) -> None:
    """Send what is due once, or every ``interval`` seconds until Ctrl+C: the e-mails with
    ``mailer``, the webhooks with ``poster``."""
    from revalo.services.notifications import run_sender, send_due
    from revalo.services.webhook_outbox import send_webhooks_due

    def new_uow() -> UnitOfWork:
        return cast("UnitOfWork", rv.uow())

    if once:
        if mailer is not None:
            told(send_due(new_uow(), mailer))
        if poster is not None:
            told(send_webhooks_due(new_uow(), poster))
        return
    stop = threading.Event()
    try:
        run_sender(new_uow, mailer, stop, interval_s=interval, on_round=told, poster=poster)
    except KeyboardInterrupt:
        stop.set()
