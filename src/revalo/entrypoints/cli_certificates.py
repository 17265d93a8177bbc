"""``revalo certificates ...`` and ``revalo trail``: certificates of sanitisation (listed,
written as PDF or JSON), the media wiped on a data wipe, the treatment facilities'
certificates, and a unit's trail for an auditor (JSON or CSV)."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.table import Table

from revalo.domain.waste_operations import operation_codes
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
from revalo.entrypoints.cli_messages import language, said

certificates_app = typer.Typer(
    help="Certificates of sanitisation, the media wiped, treatment facilities' certificates.",
    no_args_is_help=True,
)
E = TypeVar("E", bound=enum.Enum)


def register(app: typer.Typer) -> None:
    app.add_typer(certificates_app, name="certificates")
    app.command("trail")(trail)


def _member(kind: type[E], text: str, option: str) -> E:
    try:
        return kind(text.strip().lower())
    except ValueError:
        allowed = ", ".join(str(m.value) for m in kind)
        raise CliError(f"{option} {text}: choose among {allowed}", 2) from None


def _write(part: Path, content: str | dict[str, Any]) -> None:
    """A CSV as it is, anything else as JSON."""
    text = (
        content if isinstance(content, str) else json.dumps(content, ensure_ascii=False, indent=1)
    )
    part.write_text(text, "utf-8")


def _suffix(file: Path, allowed: tuple[str, ...], message: str) -> str:
    suffix = file.suffix.lower()
    if suffix not in allowed:
        raise CliError(message, 2)
    return suffix


@certificates_app.command("list")
def list_certificates(
    lpn: Annotated[str, typer.Argument(help="The unit's LPN.")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """A unit's certificates of sanitisation, one per medium, and whether it may be sold as
    refurbished."""
    from revalo.services import certificates

    with reported(), open_app(db, url) as rv:
        found = certificates.unit_certificates(rv.read_uow(), lpn, by=acting(rv, as_login))
    table = Table("certificate", "medium", "method", "tool", "operator", "verified")
    for c in found.certificates:
        tool = f"{c.tool} {c.tool_version or ''}".strip()
        medium = c.media_serial or "-"
        table.add_row(c.number, medium, c.method.value, tool, c.operator, str(c.verified))
    out().print(table)
    claim = found.refurbished
    missing = ", ".join(claim.missing) or "-"
    out().print(f"refurbished: {claim.allowed} (missing: {missing})", markup=False)


@certificates_app.command("get")
def get_certificate(
    number: Annotated[str, typer.Argument(help="The certificate, e.g. SAN00000012-1.")],
    file: Annotated[Path, typer.Argument(help="FILE.pdf or FILE.json (replaced).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write one certificate of sanitisation as PDF or JSON."""
    from revalo.services import certificates

    with reported(), open_app(db, url) as rv, replacing(file) as part:
        suffix = _suffix(file, (".pdf", ".json"), f"{file}: write a .pdf or a .json file")
        found = certificates.certificate(rv.read_uow(), number, by=acting(rv, as_login))
        if suffix == ".pdf":
            from revalo.adapters.certificate_pdf import render_certificates

            part.write_bytes(render_certificates([found]))
        else:
            _write(part, found.as_json())
    out().print(said(f"Wrote the document {found.number} to {file}."), markup=False)


@certificates_app.command("medium")
def record_medium(
    order: Annotated[str, typer.Argument(help="The data wipe's work order, e.g. WO00000012.")],
    serial: Annotated[str, typer.Option(help="The medium's serial number.")],
    kind: Annotated[str, typer.Option(help="hdd, ssd, flash, mobile, optical or other.")],
    method: Annotated[str, typer.Option(help="clear, purge or destroy (NIST SP 800-88).")],
    tool: Annotated[str, typer.Option(help="The sanitisation tool.")],
    version: Annotated[str, typer.Option(help="The tool's version.")],
    verification: Annotated[str, typer.Option(help="How the result was verified.")] = "",
    verified: Annotated[bool, typer.Option(help="Whether the verification passed.")] = True,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Record a medium sanitised on a data wipe in progress (its own certificate once the
    wipe is done)."""
    from revalo.domain.certificates import MediaKind
    from revalo.domain.work_orders import WipeMethod
    from revalo.services import certificates

    with reported(), open_app(db, url) as rv:
        media_kind, wipe = (
            _member(MediaKind, kind, "--kind"),
            _member(WipeMethod, method, "--method"),
        )
        m = certificates.record_wiped_medium(
            rv.uow(),
            int(order.strip().upper().removeprefix("WO") or 0),
            by=acting(rv, as_login),
            media_serial=serial,
            media_kind=media_kind,
            method=wipe,
            tool=tool,
            tool_version=version,
            verification=verification,
            verified=verified,
        )
    number = f"SAN{m.work_order_id:08d}-{m.position}"
    ref = f"WO{m.work_order_id:08d}"
    message = (
        f"Recorded the medium {m.media_serial} on {ref}: certificate {number} once the "
        "wipe is done."
    )
    out().print(said(message), markup=False)


@certificates_app.command("siret")
def site_siret(
    site: Annotated[str, typer.Argument(help="The site's code.")],
    siret: Annotated[str, typer.Argument(help="Its SIRET, 14 digits ('' removes it).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Name a French site by its SIRET on the waste-tracking slips."""
    from revalo.services import catalog

    with reported(), open_app(db, url) as rv:
        s = catalog.set_site_siret(rv.uow(), site, siret, by=acting(rv, as_login))
    done = "Recorded" if s.siret else "Removed"
    out().print(said(f"{done} the SIRET of site {s.code}."), markup=False)


@certificates_app.command("facility")
def add_facility_certificate(
    site: Annotated[str, typer.Argument(help="The recycler's site code.")],
    number: Annotated[str, typer.Argument(help="The certificate's number.")],
    scope: Annotated[str, typer.Option(help="What it certifies (e.g. WEEE categories 1-6).")],
    issuer: Annotated[str, typer.Option(help="Who issued it.")],
    issued: Annotated[str, typer.Option(metavar="YYYY-MM-DD", help="Issued on.")],
    expires: Annotated[str, typer.Option(metavar="YYYY-MM-DD", help="Expires on.")],
    operations: Annotated[
        str, typer.Option(help="The treatment operations it allows, e.g. 'R4 R12' (2008/98/EC).")
    ] = "",
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Keep a treatment facility's certificate: units go there only while one is in force."""
    from revalo.services import facilities

    with reported(), open_app(db, url) as rv:
        c = facilities.record_facility_certificate(
            rv.uow(),
            site,
            by=acting(rv, as_login),
            number=number,
            scope=scope,
            issuer=issuer,
            issued_on=parse_day(issued, "--issued"),
            expires_on=parse_day(expires, "--expires"),
            operations=operation_codes(operations),
        )
    message = f"Kept the certificate {c.number} of {c.site_code}, in force until {c.expires_on}."
    out().print(said(message), markup=False)


@certificates_app.command("expiring")
def expiring(
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The treatment facilities whose certificate has expired or expires within 30 days."""
    from revalo.services import facilities

    with reported(), open_app(db, url) as rv:
        found = facilities.expiring_certificates(rv.read_uow(), by=acting(rv, as_login))
    table = Table("site", "certificate", "issuer", "expires", "status")
    for c, status in found:
        table.add_row(c.site_code, c.number, c.issuer, c.expires_on.isoformat(), status.value)
    out().print(table)


def trail(
    lpn: Annotated[str, typer.Argument(help="The unit's LPN.")],
    file: Annotated[Path, typer.Argument(help="FILE.json, FILE.csv or FILE.pdf (replaced).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write a unit's trail for an auditor: every event, decision (its reason and rule) and
    document; as a PDF, in the environment's language."""
    from revalo.services.audit_trail import unit_trail

    with reported(), open_app(db, url) as rv, replacing(file) as part:
        suffix = _suffix(
            file, (".csv", ".json", ".pdf"), f"{file}: write a .csv, a .json or a .pdf file"
        )
        found = unit_trail(rv.read_uow(), lpn, by=acting(rv, as_login))
        if suffix == ".pdf":
            from revalo.entrypoints.trail_document import trail_pdf

            part.write_bytes(trail_pdf(found, language()))
        else:
            _write(part, found.as_csv() if suffix == ".csv" else found.as_json())
    out().print(said(f"Wrote the document {found.unit.lpn} to {file}."), markup=False)


@certificates_app.command("bsd")
def bsd(
    consignment: Annotated[str, typer.Argument(help="The consignment, e.g. SHP00000042.")],
    file: Annotated[Path, typer.Argument(help="FILE.json or FILE.csv (replaced).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write the waste-tracking slip (France's BSD fields) of a consignment to a treatment
    facility: JSON, or its items as CSV."""
    from revalo.domain.papers import CSV_COLUMNS
    from revalo.services import papers
    from revalo.services.exports_csv import rows_csv

    with reported(), open_app(db, url) as rv, replacing(file) as part:
        suffix = _suffix(file, (".csv", ".json"), f"{file}: write a .csv or a .json file")
        slip = papers.waste_tracking_slip(rv.read_uow(), consignment, by=acting(rv, as_login))
        items = [i.as_json() for i in slip.items]
        _write(part, rows_csv(CSV_COLUMNS, items) if suffix == ".csv" else slip.as_json())
    out().print(said(f"Wrote the document {slip.number} to {file}."), markup=False)


@certificates_app.command("annex-vi")
def annex_vi(
    consignment: Annotated[str, typer.Argument(help="The consignment, e.g. SHP00000042.")],
    file: Annotated[Path, typer.Argument(help="FILE.json (replaced).")],
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write the test record of each item of used EEE a consignment carries across a border
    (Directive 2012/19/EU Annex VI)."""
    from revalo.services import papers

    with reported(), open_app(db, url) as rv, replacing(file) as part:
        found = papers.annex_vi_records(rv.read_uow(), consignment, by=acting(rv, as_login))
        _write(part, found)
    out().print(said(f"Wrote the document {found['consignment']} to {file}."), markup=False)
