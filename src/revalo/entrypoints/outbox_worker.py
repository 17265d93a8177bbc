"""The outbox's sender as a thread of the server: started by ``revalo serve`` when a mail
server is set (``REVALO_SMTP_HOST``), stopped with it."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import cast

from revalo.adapters.smtp_mailer import SmtpMailer
from revalo.bootstrap import App
from revalo.services.notifications import SendReport, run_sender
from revalo.services.ports import UnitOfWork

#: How often the server's thread sends what is due.
INTERVAL_S = 30.0


def _told(report: SendReport) -> None:
    if report.error:
        print(
            f"warning: {report.failed} e-mail(s) not sent, tried again later: {report.error}",
            file=sys.stderr,
        )


def start_sender(app: App, interval_s: float = INTERVAL_S) -> Callable[[], None]:
    """Start sending the outbox in a background thread; what stops it (nothing to stop when
    no mail server is set: the outbox keeps the e-mails)."""
    if app.settings.smtp is None:
        return lambda: None
    stop = threading.Event()
    mailer = SmtpMailer(app.settings.smtp)
    thread = threading.Thread(
        target=run_sender,
        args=(lambda: cast(UnitOfWork, app.uow()), mailer, stop),
        kwargs={"interval_s": interval_s, "on_round": _told},
        name="revalo-outbox",
        daemon=True,
    )
    thread.start()

    def halt() -> None:
        stop.set()
        thread.join(timeout=30)

    return halt
