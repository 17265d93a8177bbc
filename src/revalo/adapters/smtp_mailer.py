"""E-mails handed to an SMTP server with the standard library's ``smtplib``."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

from revalo.services.notification_ports import DeliveryFailed, Email


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int = 587
    sender: str = "returns@localhost"
    user: str | None = None
    password: str | None = None
    #: Upgrade the connection with STARTTLS before anything is sent (and before a login).
    starttls: bool = True
    timeout_s: float = 20.0


class SmtpMailer:
    """One connection a message: the sender runs seldom, a few messages at a time."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    def send(self, email: Email) -> None:
        s = self.settings
        message = EmailMessage()
        message["From"] = s.sender
        message["To"] = email.to
        message["Subject"] = email.subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = email.message_id
        message["Content-Language"] = email.language
        message.set_content(email.body)
        if email.attachment is not None:
            message.add_attachment(
                email.attachment,
                maintype="application",
                subtype="pdf",
                filename=email.attachment_name or "label.pdf",
            )
        try:
            with smtplib.SMTP(s.host, s.port, timeout=s.timeout_s) as smtp:
                if s.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if s.user:
                    smtp.login(s.user, s.password or "")
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryFailed(f"{s.host}:{s.port}: {exc}") from exc
