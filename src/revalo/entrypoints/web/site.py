"""The web pages as a part of the application: server-rendered pages for the flow manager
and the warehouse team, served by the same FastAPI application as the API, with every
script, style and drawing served by the app itself (it works offline)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from revalo.entrypoints.api import errors as api_errors
from revalo.entrypoints.web.i18n import COOKIE, MESSAGES, current_language, translator
from revalo.entrypoints.web.pages_bench import router as bench_router
from revalo.entrypoints.web.pages_billing import router as billing_router
from revalo.entrypoints.web.pages_capacities import router as capacities_router
from revalo.entrypoints.web.pages_carriers import router as carriers_router
from revalo.entrypoints.web.pages_certificates import router as certificates_router
from revalo.entrypoints.web.pages_collections import router as collections_router
from revalo.entrypoints.web.pages_compliance import router as compliance_router
from revalo.entrypoints.web.pages_cost_targets import router as cost_targets_router
from revalo.entrypoints.web.pages_costs import router as costs_router
from revalo.entrypoints.web.pages_deliveries import router as deliveries_router
from revalo.entrypoints.web.pages_disposition_batches import router as batch_router
from revalo.entrypoints.web.pages_donations import router as donations_router
from revalo.entrypoints.web.pages_floor import router as floor_router
from revalo.entrypoints.web.pages_floor_assignment import router as floor_assignment_router
from revalo.entrypoints.web.pages_floor_performance import router as floor_performance_router
from revalo.entrypoints.web.pages_floor_records import router as floor_records_router
from revalo.entrypoints.web.pages_handheld_flow import router as handheld_flow_router
from revalo.entrypoints.web.pages_jobs import router as jobs_router
from revalo.entrypoints.web.pages_login import router as login_router
from revalo.entrypoints.web.pages_lots import router as lots_router
from revalo.entrypoints.web.pages_network import router as network_router
from revalo.entrypoints.web.pages_orders import router as orders_router
from revalo.entrypoints.web.pages_overview import router as overview_router
from revalo.entrypoints.web.pages_partner_disputes import router as partner_disputes_router
from revalo.entrypoints.web.pages_partner_payments import router as payments_router
from revalo.entrypoints.web.pages_partner_terms import router as partner_terms_router
from revalo.entrypoints.web.pages_partners import router as partners_router
from revalo.entrypoints.web.pages_people import router as people_router
from revalo.entrypoints.web.pages_refunds import router as refunds_router
from revalo.entrypoints.web.pages_resale import router as resale_router
from revalo.entrypoints.web.pages_returns import router as returns_router
from revalo.entrypoints.web.pages_review import router as review_router
from revalo.entrypoints.web.pages_routing import router as routing_router
from revalo.entrypoints.web.pages_service import router as service_router
from revalo.entrypoints.web.pages_station import router as station_router
from revalo.entrypoints.web.pages_traceability import router as traceability_router
from revalo.entrypoints.web.pages_trail import router as trail_router
from revalo.entrypoints.web.pages_unit_actions import router as unit_actions_router
from revalo.entrypoints.web.portal import router as portal_router
from revalo.entrypoints.web.render import WebRoute, error_page, language, safe_next

STATIC_DIR = Path(__file__).parent / "static"
STATIC_PATH = "/static"
#: Addresses of the API and its documentation: their errors stay JSON.
API_PATHS = ("/api/", "/docs", "/redoc", "/openapi.json", "/static-offline-docs")


async def _speak_the_page_language(request: Request) -> None:
    """The words of the model (states, routes...) in the page's language, also in the
    charts drawn before the template. Async, so that the endpoint's context inherits it."""
    current_language.set(language(request))


router = APIRouter(
    route_class=WebRoute,
    include_in_schema=False,
    dependencies=[Depends(_speak_the_page_language)],
)
router.include_router(login_router)
router.include_router(people_router)
router.include_router(overview_router)
router.include_router(returns_router)
router.include_router(orders_router)
router.include_router(review_router)
router.include_router(unit_actions_router)
router.include_router(station_router)
router.include_router(bench_router)
router.include_router(collections_router)
router.include_router(carriers_router)
router.include_router(floor_router)
router.include_router(floor_records_router)
router.include_router(traceability_router)
router.include_router(compliance_router)
router.include_router(trail_router)
router.include_router(certificates_router)
router.include_router(network_router)
router.include_router(routing_router)
router.include_router(floor_assignment_router)
router.include_router(handheld_flow_router)
router.include_router(floor_performance_router)
router.include_router(jobs_router)
router.include_router(refunds_router)
router.include_router(lots_router)
router.include_router(partners_router)
router.include_router(partner_terms_router)
router.include_router(partner_disputes_router)
router.include_router(donations_router)
router.include_router(deliveries_router)
router.include_router(payments_router)
router.include_router(portal_router)
router.include_router(costs_router)
router.include_router(cost_targets_router)
router.include_router(capacities_router)
router.include_router(batch_router)
router.include_router(resale_router)
router.include_router(billing_router)
router.include_router(service_router)


@router.get("/lang/{code}")
def switch_language(request: Request, code: str) -> RedirectResponse:
    """Keep the chosen language in a cookie (a year) and go back to the page."""
    response = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    if code in MESSAGES:
        response.set_cookie(COOKIE, code, max_age=365 * 86_400, path="/", samesite="lax")
    return response


async def on_http_error(request: Request, exc: Exception) -> Response:
    """An address with no page (404), or a method a page does not take: a person in a
    browser gets the error page; the API and its clients keep the JSON answer."""
    assert isinstance(exc, StarletteHTTPException)
    wants_html = "text/html" in request.headers.get("accept", "")
    if wants_html and not request.url.path.startswith(API_PATHS):
        if exc.status_code == 404:
            return error_page(request, translator(language(request))("error.no_page"), 404)
        return error_page(request, str(exc.detail), exc.status_code, theirs=True)
    return await api_errors.on_http_error(request, exc)


def static_files() -> StaticFiles:
    """The pages' stylesheet, script and icons."""
    return StaticFiles(directory=STATIC_DIR)


__all__ = ["STATIC_PATH", "on_http_error", "router", "static_files"]
