"""The compliance reports: the WEEE report of a period (JSON, CSV, PDF) and the yearly ESPR
and AGEC disclosure of unsold products discarded, with the destructions refused (JSON,
CSV)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from revalo.domain.espr import EsprReport
from revalo.domain.people import Permission
from revalo.domain.weee import WeeeReport
from revalo.entrypoints import compliance_documents as docs
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.api.messages import language_of
from revalo.entrypoints.api.types import ClientCodeQuery, Storable
from revalo.services import compliance_reports as reports

router = APIRouter(prefix="/compliance", tags=["compliance"])

Since = Annotated[date, Query(alias="from", description="the first day (included)")]
Until = Annotated[date, Query(alias="to", description="the last day (included)")]
CountryQuery = Annotated[
    str | None,
    Query(max_length=2, description="only the units collected in this country (ISO alpha-2)"),
    Storable,
]
Year = Annotated[int, Query(ge=reports.FIRST_YEAR, le=reports.LAST_YEAR)]


def _weee(
    uow: ReadUowDep,
    user: CurrentUser,
    since: Since,
    until: Until,
    country: CountryQuery = None,
    client_code: ClientCodeQuery = None,
) -> WeeeReport:
    return reports.weee_report(
        uow, by=user, since=since, until=until, country=country, client_code=client_code
    )


def _espr(
    uow: ReadUowDep, user: CurrentUser, year: Year, client_code: ClientCodeQuery = None
) -> EsprReport:
    return reports.espr_report(uow, by=user, year=year, client_code=client_code)


Weee = Annotated[WeeeReport, Depends(_weee)]
Espr = Annotated[EsprReport, Depends(_espr)]


def _span(report: WeeeReport) -> str:
    return f"{report.since.isoformat()}-{report.until.isoformat()}"


@router.get("/weee", dependencies=[need(Permission.VIEW_COMPLIANCE)])
def weee_report(report: Weee) -> dict[str, Any]:
    """The WEEE received in the period (Directive 2012/19/EU): tonnes by country of
    collection and category (1-6, Annex III) by what became of them, by facility, and the
    Annex V rates (numerator, denominator, value, target, met)."""
    return docs.weee_json(report)


@router.get(
    "/weee.csv",
    dependencies=[need(Permission.VIEW_COMPLIANCE)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the report as CSV"}},
)
def weee_csv(report: Weee) -> Response:
    """The same as CSV: one line per country and category, one per facility and category."""
    return docs.attachment(docs.weee_csv(report), docs.CSV, f"weee-{_span(report)}.csv")


@router.get(
    "/weee.pdf",
    dependencies=[need(Permission.VIEW_COMPLIANCE)],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the report as PDF"}},
)
def weee_pdf(request: Request, report: Weee) -> Response:
    """The same as a PDF, in the language the request asks for (Accept-Language)."""
    from revalo.entrypoints.compliance_words import weee_pdf as render

    lang = language_of(request.headers.get("accept-language"))
    return docs.attachment(render(report, lang), "application/pdf", f"weee-{_span(report)}.pdf")


@router.get("/espr", dependencies=[need(Permission.VIEW_COMPLIANCE)])
def espr_report(report: Espr) -> dict[str, Any]:
    """The unsold products discarded in the year (ESPR 2024/1781 art. 24) by product type,
    reason and waste-hierarchy step, and the destructions refused by a ban (ESPR art. 25,
    Code de l'environnement L541-15-8), each with who asked and when."""
    return docs.espr_json(report)


@router.get(
    "/espr.csv",
    dependencies=[need(Permission.VIEW_COMPLIANCE)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the disclosure as CSV"}},
)
def espr_csv(report: Espr) -> Response:
    """The same as CSV: one line per product type discarded, one per product type and ban
    refused."""
    return docs.attachment(docs.espr_csv(report), docs.CSV, f"espr-{report.year}.csv")


@router.get(
    "/espr.pdf",
    dependencies=[need(Permission.VIEW_COMPLIANCE)],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the disclosure as PDF"}},
)
def espr_pdf(request: Request, report: Espr) -> Response:
    """The same as a PDF, in the language the request asks for (Accept-Language)."""
    from revalo.entrypoints.compliance_words import espr_pdf as render

    lang = language_of(request.headers.get("accept-language"))
    return docs.attachment(render(report, lang), "application/pdf", f"espr-{report.year}.pdf")
