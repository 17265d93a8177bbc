"""The floor's performance page: per person and per team (a site's shift), tasks done,
units handled per hour of task time, the hours from receipt to put-away; per zone, how
long units stayed; downloaded as CSV. The same use case as the API's."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.pages_station import stock_sites
from revalo.entrypoints.web.render import WebRoute, language, page
from revalo.entrypoints.web.system_texts import in_language
from revalo.services.floor import performance as report

router = APIRouter(route_class=WebRoute, include_in_schema=False)


def _asked(request: Request, errors: Errors) -> tuple[str | None, datetime | None, datetime | None]:
    """The site, and the period from the start of ``since`` to the end of ``until``."""
    q = request.query_params
    until = forms.day(q, "until", errors)
    end = until + timedelta(days=1) if until else None
    return forms.code(q, "site", errors), forms.day(q, "since", errors), end


@router.get(
    "/floor/performance", dependencies=[need(Permission.VIEW_FLOOR)], response_class=HTMLResponse
)
def performance_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The last 7 days unless another period is chosen; every site unless one is."""
    errors = Errors()
    site, since, until = _asked(request, errors)
    found = None
    if not errors:
        try:
            found = report.floor_performance(uow, by=user, site_code=site, since=since, until=until)
        except (PermissionDenied, NotFound):
            raise
        except DomainError as exc:
            errors.add(exc.field or "since", in_language(exc.message, language(request)))
    ctx = {
        "errors": errors,
        "sites": stock_sites(uow, user),
        "site": site or "",
        "found": found,
        "query": str(request.query_params),
    }
    return page(request, "floor_performance.html", ctx, nav="floor")


@router.get(
    "/floor/performance.csv", dependencies=[need(Permission.VIEW_FLOOR)], response_model=None
)
def performance_csv(request: Request, uow: ReadUowDep, user: CurrentUser) -> Response:
    errors = Errors()
    site, since, until = _asked(request, errors)
    if errors:
        return Response("; ".join(errors.values()), status_code=422, media_type="text/plain")
    found = report.floor_performance(uow, by=user, site_code=site, since=since, until=until)
    name = f"floor-performance-{found.until.date().isoformat()}.csv"
    return Response(
        report.as_csv(found),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
