"""Clients: the firms whose returns, units and products the provider handles."""

from typing import Annotated

from fastapi import APIRouter, Query, status

from revalo.domain.clients import Client
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas import ClientCreate, ClientPublic, ClientsPublic
from revalo.entrypoints.api.types import ClientCodePath, Limit, Offset
from revalo.services import clients

router = APIRouter(prefix="/clients", tags=["clients"])


@router.get("", dependencies=[need(Permission.VIEW_CATALOGUE)])
def list_clients(
    uow: ReadUowDep,
    active: Annotated[bool | None, Query(description="only active, or only inactive")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ClientsPublic:
    """By code; ``count`` is over all pages."""
    found = clients.list_clients(uow, active=active)
    page = found[offset : offset + limit]
    return ClientsPublic(data=[ClientPublic.model_validate(c) for c in page], count=len(found))


@router.post(
    "", dependencies=[need(Permission.MANAGE_CLIENTS)], status_code=status.HTTP_201_CREATED
)
def create_client(body: ClientCreate, uow: UowDep, user: CurrentUser) -> ClientPublic:
    """Add a client; its returns, units and products can then name it (``client_code``)."""
    added = clients.add_client(uow, Client(body.code, body.name), by=user)
    return ClientPublic.model_validate(added)


@router.get("/{code}", dependencies=[need(Permission.VIEW_CATALOGUE)])
def get_client(code: ClientCodePath, uow: ReadUowDep) -> ClientPublic:
    return ClientPublic.model_validate(clients.get_client(uow, code))


@router.post("/{code}/deactivate", dependencies=[need(Permission.MANAGE_CLIENTS)])
def deactivate_client(code: ClientCodePath, uow: UowDep, user: CurrentUser) -> ClientPublic:
    """The client takes no new return or product; its goods and history are kept."""
    return ClientPublic.model_validate(clients.deactivate_client(uow, code, by=user))
