"""The compliance pages: the WEEE report of a period, a chart per category, downloaded as CSV
and PDF; the yearly ESPR and AGEC disclosure, downloaded as CSV. The same use cases as the
API's and the command's."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError, PermissionDenied
from revalo.domain.espr import Derogation, EsprReport, Step
from revalo.domain.people import Permission, User
from revalo.domain.weee import WeeeReport
from revalo.entrypoints import compliance_documents as docs
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.compliance_words import (
    SHOWN,
    category_name,
    espr_pdf,
    rate_text,
    t_of,
    weee_pdf,
)
from revalo.entrypoints.web import charts, forms
from revalo.entrypoints.web.client_filter import chosen_client
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.render import WebRoute, language, page
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import compliance_reports as reports
from revalo.services.ports import UnitOfWork

router = APIRouter(route_class=WebRoute, include_in_schema=False)
_NEED = [need(Permission.VIEW_COMPLIANCE)]
PDF = "application/pdf"


def _period(q: Any, errors: Errors) -> tuple[date, date]:
    """The period asked, by default the current year up to today."""
    today = datetime.now(UTC).date()
    since, until = forms.day(q, "from", errors), forms.day(q, "to", errors)
    return (
        since.date() if since else date(today.year, 1, 1),
        until.date() if until else today,
    )


def _weee(
    request: Request, uow: UnitOfWork, user: User
) -> tuple[WeeeReport | None, Errors, dict[str, Any]]:
    q, errors = request.query_params, Errors()
    since, until = _period(q, errors)
    country = forms.code(q, "country", errors, max_length=2)
    client, clients = chosen_client(uow, q, errors, user)
    ctx = {"since": since, "until": until, "client": client, "clients": clients}
    if errors:
        return None, errors, ctx
    try:
        report = reports.weee_report(
            uow, by=user, since=since, until=until, country=country, client_code=client
        )
    except PermissionDenied:
        raise
    except DomainError as exc:
        errors.add(exc.field or "to", in_language(exc.message, language(request)))
        return None, errors, ctx
    return report, errors, ctx


def _charts(report: WeeeReport, lang: str) -> list[dict[str, Any]]:
    """One card per category: its chart (tonnes by country and outcome) and its rates."""
    t = translator(lang)
    keys = [t(f"weee.o.{o.value}") for o in SHOWN]
    cards = []
    for total in report.totals:
        lines = [ln for ln in report.lines if ln.category == total.category]
        rows = [(ln.country, [ln.masses.kg[o] / 1000 for o in SHOWN]) for ln in lines]
        cards.append(
            {
                "name": category_name(total.category, lang),
                "chart": charts.stacked_bars(
                    rows,
                    keys,
                    label=f"{category_name(total.category, lang)}: {t('weee.chart')}",
                    lang=lang,
                    label_width=60,
                ),
                "rates": [rate_text(total, r, lang) for r in total.rates],
                "met": [r.met for r in total.rates],
                "pending": t_of(total.masses.kg[SHOWN[-1]], lang) if total.provisional else None,
            }
        )
    return cards


@router.get("/compliance/weee", dependencies=_NEED, response_class=HTMLResponse)
def weee_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    report, errors, ctx = _weee(request, uow, user)
    lang = language(request)
    context = {
        **ctx,
        "errors": errors,
        "report": report,
        "cards": _charts(report, lang) if report else [],
        "shown": SHOWN,
        "outcome_keys": [(translator(lang)(f"weee.o.{o.value}"), i) for i, o in enumerate(SHOWN)],
        "tonnes": lambda kg: t_of(kg, lang),
        "query": request.url.query,
    }
    return page(request, "weee.html", context, nav="compliance")


def _weee_file(request: Request, uow: UnitOfWork, user: User, pdf: bool) -> Response:
    """The report asked, as CSV or PDF; a wrong period: the page, naming it."""
    report = _weee(request, uow, user)[0]
    if report is None:
        return weee_page(request, uow, user)
    span = f"{report.since.isoformat()}-{report.until.isoformat()}"
    if pdf:
        return docs.attachment(weee_pdf(report, language(request)), PDF, f"weee-{span}.pdf")
    return docs.attachment(docs.weee_csv(report), docs.CSV, f"weee-{span}.csv")


@router.get("/compliance/weee.csv", dependencies=_NEED, response_model=None)
def weee_csv(request: Request, uow: ReadUowDep, user: CurrentUser) -> Response:
    return _weee_file(request, uow, user, pdf=False)


@router.get("/compliance/weee.pdf", dependencies=_NEED, response_model=None)
def weee_pdf_file(request: Request, uow: ReadUowDep, user: CurrentUser) -> Response:
    return _weee_file(request, uow, user, pdf=True)


def _espr(
    request: Request, uow: UnitOfWork, user: User
) -> tuple[EsprReport | None, Errors, dict[str, Any]]:
    q, errors = request.query_params, Errors()
    this_year = datetime.now(UTC).year
    year = forms.integer(
        q, "year", errors, low=reports.FIRST_YEAR, high=reports.LAST_YEAR, default=this_year
    )
    client, clients = chosen_client(uow, q, errors, user)
    ctx = {"year": year or this_year, "client": client, "clients": clients}
    if errors or year is None:
        return None, errors, ctx
    return reports.espr_report(uow, by=user, year=year, client_code=client), errors, ctx


@router.get("/compliance/espr", dependencies=_NEED, response_class=HTMLResponse)
def espr_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    report, errors, ctx = _espr(request, uow, user)
    context = {
        **ctx,
        "errors": errors,
        "report": report,
        "reasons": list(Derogation),
        "steps": list(Step),
        "query": request.url.query,
    }
    return page(request, "espr.html", context, nav="compliance")


def _espr_file(request: Request, uow: UnitOfWork, user: User, pdf: bool) -> Response:
    """The disclosure asked, as CSV or PDF; a wrong year: the page, naming it."""
    report = _espr(request, uow, user)[0]
    if report is None:
        return espr_page(request, uow, user)
    if pdf:
        return docs.attachment(espr_pdf(report, language(request)), PDF, f"espr-{report.year}.pdf")
    return docs.attachment(docs.espr_csv(report), docs.CSV, f"espr-{report.year}.csv")


@router.get("/compliance/espr.csv", dependencies=_NEED, response_model=None)
def espr_csv(request: Request, uow: ReadUowDep, user: CurrentUser) -> Response:
    return _espr_file(request, uow, user, pdf=False)


@router.get("/compliance/espr.pdf", dependencies=_NEED, response_model=None)
def espr_pdf_file(request: Request, uow: ReadUowDep, user: CurrentUser) -> Response:
    return _espr_file(request, uow, user, pdf=True)


__all__ = ["router"]
