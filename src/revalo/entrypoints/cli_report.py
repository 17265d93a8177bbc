"""``revalo report weee`` and ``revalo report espr``: the WEEE report of a period and the
yearly ESPR and AGEC disclosure, printed in the environment's language and written as CSV
(and PDF for the WEEE report) for an eco-organisation or an authority."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from revalo.entrypoints.cli_common import (
    AsLogin,
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

report_app = typer.Typer(
    help="Reports: WEEE (2012/19/EU), ESPR and AGEC; the costs.", no_args_is_help=True
)

CsvFile = Annotated[
    Path | None, typer.Option("--csv", help="Also write the report as CSV to this file.")
]
PdfFile = Annotated[
    Path | None, typer.Option("--pdf", help="Also write the report as PDF to this file.")
]
Client = Annotated[
    str | None, typer.Option("--client", help="Only this client's goods (its code).")
]


def _write(file: Path, body: str | bytes) -> None:
    with replacing(file) as part:
        if isinstance(body, bytes):
            part.write_bytes(body)
        else:
            part.write_text(body, encoding="utf-8")
    out().print(said(f"Wrote {file}."), markup=False)


@report_app.command("weee")
def weee(
    since: Annotated[str, typer.Option("--from", metavar="YYYY-MM-DD", help="First day.")],
    until: Annotated[str, typer.Option("--to", metavar="YYYY-MM-DD", help="Last day (included).")],
    country: Annotated[
        str | None, typer.Option(help="Only the units collected in this country (FR, DE...).")
    ] = None,
    client: Client = None,
    csv_file: CsvFile = None,
    pdf_file: PdfFile = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The WEEE received in a period: tonnes by country and category, what became of them,
    by facility, and the Annex V rates against their targets, with their formula."""
    from revalo.entrypoints import compliance_documents as docs
    from revalo.entrypoints.cli_tables import Table
    from revalo.entrypoints.compliance_words import SHOWN, category_name, rate_text, t_of, weee_pdf
    from revalo.entrypoints.web.i18n import translator
    from revalo.services import compliance_reports as reports

    lang = language()
    t = translator(lang)
    with reported():
        first, last = parse_day(since, "--from"), parse_day(until, "--to")
        with open_app(db, url) as rv:
            report = reports.weee_report(
                rv.read_uow(),
                by=acting(rv, as_login),
                since=first,
                until=last,
                country=country,
                client_code=client,
            )
        table = Table(title=f"{t('weee.title')} {first.isoformat()} - {last.isoformat()}")
        for header in ("weee.country_column", "weee.category_column", "weee.received"):
            table.add_column(t(header))
        for o in SHOWN:
            table.add_column(t(f"weee.o.{o.value}"), justify="right")
        for ln in report.lines:
            m = ln.masses
            table.add_row(
                ln.country,
                str(ln.category),
                t_of(m.received, lang),
                *(t_of(m.kg[o], lang) for o in SHOWN),
            )
        out().print(table)
        if not report.lines:
            out().print(t("weee.none"), markup=False)
        for total in report.totals:
            out().print(category_name(total.category, lang), markup=False)
            for rate in total.rates:
                out().print("  " + rate_text(total, rate, lang), markup=False)
        if csv_file is not None:
            _write(csv_file, docs.weee_csv(report))
        if pdf_file is not None:
            _write(pdf_file, weee_pdf(report, lang))


@report_app.command("espr")
def espr(
    year: Annotated[int, typer.Option(help="The calendar year disclosed.")],
    client: Client = None,
    csv_file: CsvFile = None,
    pdf_file: PdfFile = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The unsold products discarded in a year by product type, reason and destination, and
    the destructions refused where a ban applies (ESPR art. 24 and 25, AGEC L541-15-8)."""
    from revalo.entrypoints import compliance_documents as docs
    from revalo.entrypoints.cli_tables import Table
    from revalo.entrypoints.web.i18n import translator
    from revalo.services import compliance_reports as reports

    t = translator(language())
    with reported():
        with open_app(db, url) as rv:
            report = reports.espr_report(
                rv.read_uow(), by=acting(rv, as_login), year=year, client_code=client
            )
        table = Table(title=f"{t('espr.discarded')} {year}")
        for key in ("espr.type", "espr.number", "espr.mass", "espr.reason", "espr.destination"):
            table.add_column(t(key))
        for ln in report.lines:
            why = ", ".join(
                f"{t(f'espr.why.{d.value}')} {c.units}" for d, c in ln.by_reason.items() if c.units
            )
            where = ", ".join(
                f"{t(f'espr.step.{s.value}')} {c.units}" for s, c in ln.by_step.items() if c.units
            )
            table.add_row(ln.product_type, str(ln.total.units), f"{ln.total.kg:.1f}", why, where)
        out().print(table)
        refused = Table(title=f"{t('espr.refused')} {year}")
        for key in ("espr.type", "espr.law", "espr.number", "espr.mass"):
            refused.add_column(t(key))
        for r in report.refused:
            refused.add_row(
                r.product_type, t(f"espr.law.{r.law}"), str(r.count.units), f"{r.count.kg:.1f}"
            )
        out().print(refused)
        if csv_file is not None:
            _write(csv_file, docs.espr_csv(report))
        if pdf_file is not None:
            from revalo.entrypoints.compliance_words import espr_pdf

            _write(pdf_file, espr_pdf(report, language()))


def register(app: typer.Typer) -> None:
    from revalo.entrypoints import cli_costs

    cli_costs.add_to(report_app)
    app.add_typer(report_app, name="report")
