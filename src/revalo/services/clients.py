"""Clients of a logistics provider: add, list, look at, deactivate; and the client a
return, a product or a filter names, checked."""

from __future__ import annotations

from collections.abc import Sequence

from revalo.domain.catalog import check_code
from revalo.domain.clients import Client
from revalo.domain.people import Permission, User
from revalo.services.common import found
from revalo.services.guard import needs, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried


@needs(Permission.MANAGE_CLIENTS)
@retried
def add_client(uow: UnitOfWork, client: Client, *, by: User) -> Client:
    with uow:
        uow.clients.add(client)
        record_done(uow, by, "add_client", client.code)
        uow.commit()
    return client


def list_clients(uow: UnitOfWork, *, active: bool | None = None) -> Sequence[Client]:
    with uow:
        return uow.clients.list(active=active)


def get_client(uow: UnitOfWork, code: str) -> Client:
    with uow:
        return client_named(uow, code, "code")


@needs(Permission.MANAGE_CLIENTS)
@retried
def deactivate_client(uow: UnitOfWork, code: str, *, by: User) -> Client:
    """The client takes no new return or product; its goods and history stay as they are."""
    with uow:
        client = found(
            uow.clients.get(code.strip().upper(), lock=True), f"no client {code!r}", "code"
        )
        client.deactivate()
        record_done(uow, by, "deactivate_client", client.code)
        uow.commit()
    return client


def client_named(uow: UnitOfWork, code: str, field: str = "client_code") -> Client:
    """The client with that code, inside an open unit of work."""
    return found(uow.clients.get(code.strip().upper()), f"no client {code!r}", field)


def owner_for_new(uow: UnitOfWork, code: str | None) -> str | None:
    """The client a new return or product is given (checked: it exists and is active), or
    None for the provider's own. Inside an open unit of work."""
    if code is None or not code.strip():
        return None
    client = client_named(uow, code)
    client.ensure_active()
    return client.code


def client_filter(uow: UnitOfWork, code: str | None) -> str | None:
    """The client a list or a figure is restricted to, checked (an unknown code is an
    error, not an empty answer); None: all goods. Inside an open unit of work."""
    if code is None or not code.strip():
        return None
    return client_named(uow, check_code(code, "client code")).code
