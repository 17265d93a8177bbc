"""Clients of the logistics provider."""

from __future__ import annotations

from typing import Annotated

from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Name, Storable, new_code, text


class ClientCreate(Input):
    code: Annotated[str, text(40, min_length=1), Storable, new_code("client code")]
    name: Name


class ClientPublic(Public):
    code: str
    name: str
    active: bool


class ClientsPublic(Public):
    data: list[ClientPublic]
    count: int
