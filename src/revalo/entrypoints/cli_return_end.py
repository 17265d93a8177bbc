"""``revalo returns ...``: how a return ends (cancelled before receipt, closed once its
units have left and its refund is settled)."""

from __future__ import annotations

from typing import Annotated

import typer

from revalo.entrypoints.cli_common import AsLogin, DbPath, DbUrl, acting, open_app, out, reported
from revalo.entrypoints.cli_messages import said

returns_app = typer.Typer(
    help="How a return ends: cancel one not yet received, close one that is done.",
    no_args_is_help=True,
)
Number = Annotated[str, typer.Argument(help="The return's number, e.g. RMA00000012.")]


def register(app: typer.Typer) -> None:
    app.add_typer(returns_app, name="returns")


@returns_app.command("cancel")
def cancel(
    number: Number,
    reason: Annotated[str, typer.Option(help="Why, in words the customer reads.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Cancel a return not yet received (nothing scanned in, nothing refunded)."""
    from revalo.services import return_end

    with reported(), open_app(db, url) as rv:
        rma = return_end.cancel_return(rv.uow(), number, reason=reason, by=acting(rv, as_login))
        out().print(said(f"Return {rma.number} is cancelled."), markup=False)


@returns_app.command("close")
def close(number: Number, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """Close a received return whose units have all left and whose refund is settled."""
    from revalo.services import return_end

    with reported(), open_app(db, url) as rv:
        rma = return_end.close_return(rv.uow(), number, by=acting(rv, as_login))
        out().print(said(f"Return {rma.number} is closed."), markup=False)


@returns_app.command("close-finished")
def close_finished(as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None) -> None:
    """Close every received return that may close."""
    from revalo.services import return_end

    with reported(), open_app(db, url) as rv:
        closed = return_end.close_finished(rv.uow(), by=acting(rv, as_login))
        out().print(said(f"Closed {len(closed)} return(s)."), markup=False)
