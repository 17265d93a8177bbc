"""The compliance reports: the WEEE report of a period (JSON, CSV, PDF) and the yearly ESPR
and AGEC disclosure of unsold products discarded, with the destructions refused (JSON,
CSV)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
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
    since: date,
    until: date,
    country: str | None,
    client_code: str | None,
) -> WeeeReport:
    return reports.weee_report(
        uow, by=user, since=since, until=until, country=country, client_code=client_code
    )


@router.get("/weee", dependencies=[need(Permission.VIEW_COMPLIANCE)])
def weee_report(
    uow: ReadUowDep,
    user: CurrentUser,
    since: Since,
    until: Until,
    country: CountryQuery = None,
    client_code: ClientCodeQuery = None,
) -> dict[str, Any]:
    """The WEEE received in the period (Directive 2012/19/EU): tonnes by country of
    collection and category (1-6, Annex III) by what became of them, by facility, and the
    Annex V rates (numerator, denominator, value, target, met)."""
    return docs.weee_json(_weee(uow, user, since, until, country, client_code))


@router.get(
    "/weee.csv",
    dependencies=[need(Permission.VIEW_COMPLIANCE)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the report as CSV"}},
)
def weee_csv(
    uow: ReadUowDep,
    user: CurrentUser,
    since: Since,
    until: Until,
    country: CountryQuery = None,
    client_code: ClientCodeQuery = None,
) -> Response:
    """The same as CSV: one line per country and category, one per facility and category."""
    report = _weee(uow, user, since, until, country, client_code)
    return docs.attachment(docs.weee_csv(report), docs.CSV, f"weee-{since}-{until}.csv")


@router.get(
    "/weee.pdf",
    dependencies=[need(Permission.VIEW_COMPLIANCE)],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the report as PDF"}},
)
def weee_pdf(
    request: Request,
    uow: ReadUowDep,
    user: CurrentUser,
    since: Since,
    until: Until,
    country: CountryQuery = None,
    client_code: ClientCodeQuery = None,
) -> Response:
    """The same as a PDF, in the language the request asks for (Accept-Language)."""
    from revalo.entrypoints.compliance_words import weee_pdf as render

    report = _weee(uow, user, since, until, country, client_code)
    lang = language_of(request.headers.get("accept-language"))
    return docs.attachment(render(report, lang), "application/pdf", f"weee-{since}-{until}.pdf")


def _espr(uow: ReadUowDep, user: CurrentUser, year: int, client_code: str | None) -> EsprReport:
    return reports.espr_report(uow, by=user, year=year, client_code=client_code)


@router.get("/espr", dependencies=[need(Permission.VIEW_COMPLIANCE)])
def espr_report(
    uow: ReadUowDep, user: CurrentUser, year: Year, client_code: ClientCodeQuery = None
) -> dict[str, Any]:
    """The unsold products discarded in the year (ESPR 2024/1781 art. 24) by product type,
    reason and waste-hierarchy step, and the destructions refused by a ban (ESPR art. 25,
    Code de l'environnement L541-15-8), each with who asked and when."""
    return docs.espr_json(_espr(uow, user, year, client_code))


@router.get(
    "/espr.csv",
    dependencies=[need(Permission.VIEW_COMPLIANCE)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "the disclosure as CSV"}},
)
def espr_csv(
    uow: ReadUowDep, user: CurrentUser, year: Year, client_code: ClientCodeQuery = None
) -> Response:
    """The same as CSV: one line per product type discarded, one per product type and ban
    refused."""
    report = _espr(uow, user, year, client_code)
    return docs.attachment(docs.espr_csv(report), docs.CSV, f"espr-{year}.csv")
