"""The clients' webhook endpoints: added (the secret shown once, to give the client),
listed, deactivated. What they receive is written by ``webhook_outbox``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from revalo.domain.errors import InvalidValue
from revalo.domain.notifications import Channel, DeliveryState
from revalo.domain.people import Permission, User
from revalo.domain.webhooks import WebhookEndpoint, new_secret, parse_events
from revalo.services.common import found, when
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried

MAX_LIST = 200


@needs(Permission.MANAGE_WEBHOOKS)
@retried
def add_endpoint(
    uow: UnitOfWork,
    *,
    client_code: str,
    url: str,
    events: Iterable[str],
    by: User,
    at: datetime | None = None,
) -> WebhookEndpoint:
    """A client's endpoint for the events named; its secret is made here (shown once)."""
    kinds = parse_events(events)
    with uow:
        client = found(
            uow.clients.get(client_code.strip().upper()),
            f"no client {client_code!r}",
            "client_code",
        )
        endpoint = uow.webhooks.add(
            WebhookEndpoint(client.code, url, new_secret(), kinds, by.login, when(at))
        )
        record_done(uow, by, "add_webhook", client.code, detail=f"endpoint {endpoint.url}")
        uow.commit()
    return endpoint


@needs(Permission.MANAGE_WEBHOOKS)
@retried
def set_endpoint_active(
    uow: UnitOfWork, endpoint_id: int, *, active: bool, by: User
) -> WebhookEndpoint:
    with uow:
        endpoint = found(
            uow.webhooks.get(endpoint_id), f"no webhook endpoint {endpoint_id}", "endpoint_id"
        )
        uow.webhooks.set_active(endpoint_id, active)
        what = "activate_webhook" if active else "deactivate_webhook"
        record_done(uow, by, what, endpoint.client_code, detail=f"endpoint {endpoint.url}")
        uow.commit()
    return found(_reload(uow, endpoint_id), f"no webhook endpoint {endpoint_id}")


def _reload(uow: UnitOfWork, endpoint_id: int) -> WebhookEndpoint | None:
    with uow:
        return uow.webhooks.get(endpoint_id)


@reads(Permission.MANAGE_WEBHOOKS)
def list_endpoints(
    uow: UnitOfWork, *, by: User, limit: int = 50, offset: int = 0
) -> list[WebhookEndpoint]:
    if not 1 <= limit <= MAX_LIST:
        raise InvalidValue(f"limit is 1 to {MAX_LIST}, not {limit}", field="limit")
    if offset < 0:
        raise InvalidValue(f"offset is 0 or more, not {offset}", field="offset")
    with uow:
        return list(uow.webhooks.all(limit=limit, offset=offset))


@reads(Permission.MANAGE_WEBHOOKS)
def pending_count(uow: UnitOfWork, *, by: User) -> int:
    """The webhook messages waiting in the outbox (an endpoint down keeps them there)."""
    with uow:
        return uow.outbox.counts(Channel.WEBHOOK)[DeliveryState.PENDING]
