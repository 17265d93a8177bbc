"""``revalo partner-terms``: agree a partner's terms (a new version from a day) and list
their versions."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import typer

from revalo.entrypoints.cli_common import AsLogin, DbPath, DbUrl, acting, open_app, out, reported
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table

terms_app = typer.Typer(
    help="A partner's terms: price share, turnaround and first-time-right share, by version.",
    no_args_is_help=True,
)
SiteArg = Annotated[str, typer.Argument(help="The partner site's code, e.g. REP-FR-IT.")]


def register(app: typer.Typer) -> None:
    app.add_typer(terms_app, name="partner-terms")


def share(value: Decimal | float | None) -> str:
    """A share as a percentage, as the tables show it ("" when not agreed)."""
    return "" if value is None else f"{100 * value:.1f} %"


@terms_app.command("set")
def set_terms(
    site: SiteArg,
    valid_from: Annotated[
        datetime | None,
        typer.Option(
            "--from", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="In force from (today)."
        ),
    ] = None,
    price_share: Annotated[
        str | None,
        typer.Option(
            help="What it pays for the units handed over, of their price as new: 0.35 or '35 %'."
        ),
    ] = None,
    turnaround: Annotated[
        int | None,
        typer.Option(help="Days within which 90 % of the units sent to it for work leave it."),
    ] = None,
    first_time_right: Annotated[
        str | None, typer.Option(help="Its work done without a failure: 0.9 or '90 %'.")
    ] = None,
    note: Annotated[str, typer.Option(help="What the agreement says, in a line.")] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Agree a new version of a partner's terms; the earlier versions stay."""
    from revalo.services import partner_terms

    with reported(), open_app(db, url) as rv:
        t = partner_terms.set_terms(
            rv.uow(), site_code=site, valid_from=valid_from.date() if valid_from else None,
            price_share=price_share, turnaround_days=turnaround,
            first_time_right=first_time_right, note=note, by=acting(rv, as_login),
        )  # fmt: skip
        text = (
            f"Terms of {t.site_code} agreed: version {t.version} from {t.valid_from.isoformat()}."
        )
        out().print(said(text), markup=False)


@terms_app.command("list")
def list_terms(
    site: SiteArg, as_login: AsLogin = None, db: DbPath = None, url: DbUrl = None
) -> None:
    """Every version of a partner's terms, the latest first."""
    from revalo.services import partner_terms

    with reported(), open_app(db, url) as rv:
        found = partner_terms.terms_history(rv.read_uow(), by=acting(rv, as_login), site_code=site)
        table = Table(title=said(f"Terms of {site.strip().upper()}: {len(found)} version(s)"))
        for column in ("version", "from", "price share", "turnaround days", "right first time"):
            table.add_column(column)
        for column in ("agreed by", "note"):
            table.add_column(column)
        for t in found:
            table.add_row(
                str(t.version), t.valid_from.isoformat(), share(t.price_share),
                str(t.turnaround_days or ""), share(t.first_time_right), t.set_by, t.note,
            )  # fmt: skip
        out().print(table)
