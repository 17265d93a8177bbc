"""``revalo clients ...``: the firms whose returns the logistics provider handles."""

from __future__ import annotations

from typing import Annotated

import typer

from revalo.domain.clients import Client
from revalo.entrypoints.cli_common import AsLogin, DbPath, DbUrl, acting, open_app, out, reported
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

clients_app = typer.Typer(
    help="Clients: the firms whose returns, units and products are handled.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(clients_app, name="clients")


@clients_app.command("add")
def add_client(
    code: Annotated[str, typer.Argument(help="The client's code (2-40 of A-Z, 0-9, - _ .).")],
    name: Annotated[str, typer.Option(help="The client's name.", show_default=False)],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Add a client: its returns, units and products can then be given its code."""
    from revalo.services import clients

    with reported(), open_app(db, url) as rv:
        client = clients.add_client(rv.uow(), Client(code, name), by=acting(rv, as_login))
        out().print(said(f"Added client {client.code} ({client.name})."), markup=False)


@clients_app.command("list")
def list_clients(
    active: Annotated[
        bool | None,
        typer.Option("--active/--inactive", help="Only active, or only inactive, clients."),
    ] = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The clients, by code."""
    from revalo.services import clients

    with reported(), open_app(db, url) as rv:
        found = clients.list_clients(rv.read_uow(), active=active)
        table = Table(title=f"{len(found)} client(s)")
        for column in ("code", "name", "active"):
            table.add_column(column)
        for c in found:
            table.add_row(c.code, c.name, "yes" if c.active else "no")
        out().print(table)


@clients_app.command("deactivate")
def deactivate_client(
    code: Annotated[str, typer.Argument(help="The client's code.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The client takes no new return or product; its goods and history are kept."""
    from revalo.services import clients

    with reported(), open_app(db, url) as rv:
        client = clients.deactivate_client(rv.uow(), code, by=acting(rv, as_login))
        out().print(said(f"Client {client.code} is deactivated."), markup=False)
