"""``revalo export epcis`` and ``revalo import epcis``: the units' events as GS1 EPCIS 2.0
JSON-LD documents, written for an auditor or a partner, read from a partner."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Annotated

import typer

from revalo.entrypoints.cli_common import (
    AsLogin,
    CliError,
    DbPath,
    DbUrl,
    acting,
    open_app,
    out,
    parse_day,
    replacing,
    reported,
)
from revalo.entrypoints.cli_messages import said


def _start(day: str | None, option: str) -> datetime | None:
    return datetime.combine(parse_day(day, option), time(), tzinfo=UTC) if day else None


def export_epcis(
    file: Annotated[Path, typer.Argument(help="JSON-LD file to write (replaced if it exists).")],
    since: Annotated[
        str | None,
        typer.Option("--from", metavar="YYYY-MM-DD", help="From this day (UTC, included)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--to", metavar="YYYY-MM-DD", help="Up to this day (UTC, included)."),
    ] = None,
    site: Annotated[
        str | None, typer.Option(help="Only the events at this site (code).", show_default=False)
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Export the units' events of a period as one GS1 EPCIS 2.0 document (JSON-LD)."""
    from revalo.domain import epcis as ep
    from revalo.services import epcis

    with reported():
        start = _start(since, "--from")
        end_day = _start(until, "--to")
        end = end_day + timedelta(days=1) if end_day else None
        with open_app(db, url) as rv, replacing(file) as part:
            events = epcis.export_events(
                rv.uow(),
                by=acting(rv, as_login),
                seed=rv.transport.company_prefix,
                since=start,
                until=end,
                site_code=site,
            )
            doc = ep.document(events, doc_id=f"urn:uuid:{uuid.uuid4()}", created=datetime.now(UTC))
            with part.open("w", encoding="utf-8") as sink:
                json.dump(doc, sink, ensure_ascii=False, indent=1)
        out().print(said(f"Wrote {len(events):,} EPCIS event(s) to {file}."), markup=False)


def import_epcis(
    file: Annotated[Path, typer.Argument(help="An EPCIS 2.0 document (JSON or JSON-LD).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Capture a partner's EPCIS 2.0 document: its receipts, repairs and tests done. Checked
    against GS1's schema first; applied whole or not at all."""
    from revalo.adapters.epcis_schema import schema_errors
    from revalo.services import epcis

    with reported():
        if not file.is_file():
            raise CliError(f"{file}: no such file", 2)
        try:
            document = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CliError(f"{file}: not a JSON document ({exc})", 2) from exc
        with open_app(db, url) as rv:
            done = epcis.capture(
                rv.uow(), document, by=acting(rv, as_login), schema_errors=schema_errors
            )
        for line in done.applied:
            out().print(line, markup=False)
        out().print(
            said(
                f"Captured {file}: {len(done.applied):,} change(s) applied, "
                f"{done.already:,} already captured before."
            ),
            markup=False,
        )


def register_epcis_commands(import_app: typer.Typer, export_app: typer.Typer) -> None:
    export_app.command("epcis")(export_epcis)
    import_app.command("epcis")(import_epcis)
