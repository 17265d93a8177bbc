"""The outbox's senders as threads of the server, stopped with it: the e-mails when a mail
server is set (``REVALO_SMTP_HOST``; without one the outbox keeps them), the clients'
webhooks always (they need nothing set: each endpoint is data)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import cast

from revalo.adapters.smtp_mailer import SmtpMailer
from revalo.adapters.webhook_poster import HttpWebhookPoster
from revalo.bootstrap import App
from revalo.services.notifications import run_sender
from revalo.services.outbox_sending import SendReport
from revalo.services.ports import UnitOfWork

#: How often the server's threads send what is due.
INTERVAL_S = 30.0


def _told(report: SendReport) -> None:
    if report.error:
        print(
            f"warning: {report.failed} message(s) not sent, tried again later: {report.error}",
            file=sys.stderr,
        )


def start_sender(app: App, interval_s: float = INTERVAL_S) -> Callable[[], None]:
    """Start sending the outbox in background threads; what stops them."""
    stop = threading.Event()
    threads = []
    new_uow = lambda: cast(UnitOfWork, app.uow())  # noqa: E731
    if app.settings.smtp is not None:
        threads.append(
            threading.Thread(
                target=run_sender,
                args=(new_uow, SmtpMailer(app.settings.smtp), stop),
                kwargs={"interval_s": interval_s, "on_round": _told},
                name="revalo-outbox",
                daemon=True,
            )
        )
    threads.append(
        threading.Thread(
            target=run_sender,
            args=(new_uow, None, stop),
            kwargs={"interval_s": interval_s, "on_round": _told, "poster": HttpWebhookPoster()},
            name="revalo-webhooks",
            daemon=True,
        )
    )
    for thread in threads:
        thread.start()

    def halt() -> None:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    return halt
