"""``revalo notify``: send the customers' e-mails waiting in the outbox."""

from __future__ import annotations

import threading
from typing import Annotated, cast

import typer

from revalo.entrypoints.cli_common import CliError, DbPath, DbUrl, open_app, out, reported
from revalo.entrypoints.cli_messages import said


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
    from revalo.services.notifications import SendReport, run_sender, send_due
    from revalo.services.ports import UnitOfWork

    def told(report: SendReport) -> None:
        out().print(
            said(f"Sent {report.sent} e-mail(s); {report.failed} not sent, tried again later."),
            markup=False,
        )

    with reported(), open_app(db, url) as rv:
        if rv.settings.smtp is None:
            raise CliError("no mail server is set (REVALO_SMTP_HOST): the outbox keeps the e-mails")
        mailer = SmtpMailer(rv.settings.smtp)
        if once:
            told(send_due(cast(UnitOfWork, rv.uow()), mailer))
            return
        stop = threading.Event()
        try:
            run_sender(
                lambda: cast(UnitOfWork, rv.uow()),
                mailer,
                stop,
                interval_s=interval,
                on_round=told,
            )
        except KeyboardInterrupt:
            stop.set()
