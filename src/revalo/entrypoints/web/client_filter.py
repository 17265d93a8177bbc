"""The client selector of the pages that show lists, stock and figures: "all clients" by
default, else one client's goods only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from revalo.domain.clients import Client
from revalo.domain.people import User
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.services.clients import list_clients
from revalo.services.ports import UnitOfWork

#: The query parameter the selector sends.
PARAM = "client"


def chosen_client(
    uow: UnitOfWork, q: Mapping[str, str], errors: Errors, user: User
) -> tuple[str | None, Sequence[Client]]:
    """The client chosen in the selector (None: all clients; an unknown code is reported
    next to the selector and all clients are shown), and the clients to offer. A client
    user is offered its own only: it sees no other client's name."""
    clients = list_clients(uow)
    if user.bound_client is not None:
        return user.bound_client, [c for c in clients if c.code == user.bound_client]
    code = forms.code(q, PARAM, errors)
    if code and code not in {c.code for c in clients}:
        errors.say(PARAM, "form.no_client", code=repr(code))
        code = None
    return code, clients
