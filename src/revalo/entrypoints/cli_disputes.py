"""``revalo disputes``: open a dispute with a partner, settle one, list them."""

from __future__ import annotations

from typing import Annotated

import typer

from revalo.domain.partner_disputes import DisputeKind, DisputeState
from revalo.entrypoints.cli_common import AsLogin, DbPath, DbUrl, acting, open_app, out, reported
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

disputes_app = typer.Typer(
    help="Disputes with the partners: open one, settle it once, list them.", no_args_is_help=True
)
IdArg = Annotated[int, typer.Argument(min=1, help="The dispute's number (its digits).")]


def register(app: typer.Typer) -> None:
    app.add_typer(disputes_app, name="disputes")


def _say(text: str) -> None:
    out().print(said(text), markup=False)


@disputes_app.command("open")
def open_dispute(
    site: Annotated[str, typer.Argument(help="The partner site's code, e.g. RES-FR.")],
    kind: Annotated[DisputeKind, typer.Option(help="What the claim is about.")],
    text: Annotated[str, typer.Option(help="The claim, in a line.")],
    lpn: Annotated[str | None, typer.Option(help="The unit it is about, if one.")] = None,
    amount: Annotated[str | None, typer.Option(help="What it claims, in EUR.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Open a dispute with a partner site, about a unit that went to it or the partner as a
    whole."""
    from revalo.services import partner_disputes

    with reported(), open_app(db, url) as rv:
        d = partner_disputes.open_dispute(
            rv.uow(), site_code=site, kind=kind.value, text=text, lpn=lpn, amount_eur=amount,
            by=acting(rv, as_login),
        )  # fmt: skip
        _say(f"Dispute {d.number} opened with {d.site_code}.")


@disputes_app.command("settle")
def settle(
    dispute: IdArg,
    accept: Annotated[
        bool, typer.Option("--accept/--reject", help="Accept it (with its credit) or reject it.")
    ],
    note: Annotated[str, typer.Option(help="Why (needed to reject).")] = "",
    credit: Annotated[
        str | None, typer.Option(help="The credit agreed, in EUR (default: what it claimed).")
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Settle an open dispute, once, as someone other than the one who opened it."""
    from revalo.services import partner_disputes

    with reported(), open_app(db, url) as rv:
        d = partner_disputes.settle_dispute(
            rv.uow(), dispute, accept=accept, note=note, credit_eur=credit, by=acting(rv, as_login)
        )
        if d.state is DisputeState.ACCEPTED:
            _say(f"Dispute {d.number} accepted: credit {d.credit_eur or 0} EUR.")
        else:
            _say(f"Dispute {d.number} rejected.")


@disputes_app.command("list")
def list_disputes(
    site: Annotated[str | None, typer.Option("--site", help="Only this site's.")] = None,
    state: Annotated[DisputeState | None, typer.Option(help="Only disputes in this state.")] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The disputes, newest first (the last 200)."""
    from revalo.services import partner_disputes

    with reported(), open_app(db, url) as rv:
        found, count = partner_disputes.list_disputes(
            rv.read_uow(), by=acting(rv, as_login), site_code=site, state=state, limit=200
        )
        table = Table(title=said(f"{count} dispute(s)"))
        for column in ("dispute", "site", "kind", "lpn", "amount EUR", "opened by", "state"):
            table.add_column(column)
        for column in ("credit EUR", "claim", "note"):
            table.add_column(column)
        for d in found:
            table.add_row(
                d.number, d.site_code, d.kind.value, d.lpn or "", str(d.amount_eur or ""),
                d.opened_by, d.state.value, str(d.credit_eur or ""), d.text, d.settlement_note,
            )  # fmt: skip
        out().print(table)
