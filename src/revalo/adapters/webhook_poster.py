"""Webhooks posted with the standard library's ``urllib``: one request a message."""

from __future__ import annotations

import urllib.error
import urllib.request

from revalo.services.service_ports import Delivery, WebhookFailed


class HttpWebhookPoster:
    def __init__(self, timeout_s: float = 10.0) -> None:
        self.timeout_s = timeout_s

    def post(self, delivery: Delivery) -> None:
        request = urllib.request.Request(
            delivery.url, data=delivery.body, headers=delivery.headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as answer:
                status = int(answer.status)
        except urllib.error.HTTPError as exc:
            raise WebhookFailed(f"{delivery.url} answered {exc.code}") from exc
        except (OSError, ValueError) as exc:
            raise WebhookFailed(f"{delivery.url}: {exc}") from exc
        if not 200 <= status < 300:
            raise WebhookFailed(f"{delivery.url} answered {status}")
