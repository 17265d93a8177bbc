"""Returns and units: the list of returns, a return's detail, the unit page with its
decision form, and the disposition queue."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.catalog import SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import DomainError
from revalo.domain.people import Permission, User
from revalo.domain.returns import EXPECTING_STATES, ReturnReason, ReturnState
from revalo.entrypoints.api.deps import (
    AppDep,
    CurrentUser,
    ReadUowDep,
    TransportDep,
    UowDep,
    need,
)
from revalo.entrypoints.labels import label_response
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.client_filter import chosen_client
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.pages_refunds import case_context, end_context, outbox_context
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.services import deciding, portal_staff
from revalo.services import decision_queue as queue
from revalo.services.certificates import unit_certificates
from revalo.services.disposition import record_disposition
from revalo.services.ports import ReturnFilter, UnitOfWork
from revalo.services.queries import list_returns, list_sites, return_with_units, unit_detail
from revalo.services.return_labels import book_return_label
from revalo.services.transport import unit_journey

router = APIRouter(route_class=WebRoute, include_in_schema=False)


def _categories(uow: UnitOfWork) -> list[str]:
    with uow:
        return sorted({p.category for p in uow.products.all()})


@router.get("/returns", dependencies=[need(Permission.VIEW_RETURNS)], response_class=HTMLResponse)
def returns_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """Return requests with search, filters and pages."""
    q, errors = request.query_params, Errors()
    client, clients = chosen_client(uow, q, errors, user)
    flt = ReturnFilter(
        state=forms.choice(q, "state", errors, ReturnState),
        reason=forms.choice(q, "reason", errors, ReturnReason),
        country=forms.code(q, "country", errors, max_length=2),
        category=forms.text(q, "category", errors, max_length=40).lower() or None,
        requested_from=forms.day(q, "from", errors),
        requested_to=forms.day(q, "to", errors),
        search=forms.text(q, "q", errors, max_length=60) or None,
        client_code=client,
    )
    number = forms.page_number(q, errors)
    result = list_returns(
        uow, flt, limit=forms.PER_PAGE, offset=(number - 1) * forms.PER_PAGE, by=user
    )
    ctx = {
        "returns": result.items,
        "total": result.total,
        "page_no": number,
        "pages": forms.page_count(result.total),
        "errors": errors,
        "values": dict(q),
        "states": [s.value for s in ReturnState],
        "reasons": [r.value for r in ReturnReason],
        "categories": _categories(uow),
        "client": client,
        "clients": clients,
    }
    return page(request, "returns.html", ctx, nav="returns")


@router.get(
    "/returns/{number}", dependencies=[need(Permission.VIEW_RETURNS)], response_class=HTMLResponse
)
def return_page(
    request: Request, number: str, uow: ReadUowDep, app: AppDep, user: CurrentUser
) -> HTMLResponse:
    """One return: its lines and the units received for it."""
    rma, units = return_with_units(uow, number[:20], by=user)
    ctx = {
        "rma": rma,
        "units": units,
        "labelled": rma.state in EXPECTING_STATES,
        "hubs": [s.code for s in list_sites(uow, SiteKind.RETURNS_HUB)],
        **case_context(uow, rma.number, user),
        **outbox_context(uow, rma.number, user, app.settings.smtp is not None),
        **end_context(uow, rma.number, user),
        "photos": portal_staff.photos(uow, rma.number, by=user),
    }
    return page(request, "return.html", ctx, nav="returns")


@router.get("/returns/{number}/photos/{photo_id}", dependencies=[need(Permission.VIEW_RETURNS)])
def return_photo(
    number: str, photo_id: Annotated[int, Path(ge=1, le=2**62)], uow: ReadUowDep, user: CurrentUser
) -> Response:
    """A photo the customer sent with the return, as they sent it."""
    media_type, content = portal_staff.photo(uow, number[:20], photo_id, by=user)
    return Response(content, media_type=media_type, headers={"Cache-Control": "private"})


@router.post(
    "/returns/{number}/label", dependencies=[need(Permission.BOOK_LABEL)], response_model=None
)
def label_form(
    request: Request, number: str, uow: UowDep, transport: TransportDep, user: CurrentUser
) -> Response:
    """Book the return's parcel (once) and give its label, a PDF, in the page's language."""
    facts = book_return_label(uow, transport, number[:20], by=user)
    return label_response(facts, language(request))


def _unit_context(uow: UnitOfWork, lpn: str, user: User) -> dict[str, Any]:
    detail = unit_detail(uow, lpn[:20], by=user)
    # What the user's roles show of it: the engine's scoring, the return it came in.
    explanation = (
        queue.unit_explanation(uow, detail.unit.lpn, by=user)
        if user.can(Permission.VIEW_DECISIONS)
        else None
    )
    sites = list_sites(uow)
    rma = None
    if detail.unit.rma_number and user.can(Permission.VIEW_RETURNS):
        with uow:
            rma = uow.returns.get(detail.unit.rma_number)
    return {
        "u": detail.unit,
        "d": detail,
        "x": explanation,
        "rma": rma,
        "sites": sorted(sites, key=lambda s: s.code),
        "routes": [r.value for r in DispositionRoute],
        "events": list(reversed(detail.events)),
        "journey": unit_journey(uow, detail.unit.lpn, by=user),
        "certs": unit_certificates(uow, detail.unit.lpn, by=user),
    }


@router.get("/units/{lpn}", dependencies=[need(Permission.VIEW_UNITS)], response_class=HTMLResponse)
def unit_page(request: Request, lpn: str, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """Everything about one unit."""
    return page(request, "unit.html", _unit_context(uow, lpn, user), nav="returns")


@router.post(
    "/units/{lpn}/disposition",
    dependencies=[need(Permission.DECIDE_DISPOSITION)],
    response_model=None,
)
def decide_unit_form(
    request: Request, lpn: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """Record a manager's decision (an override when the unit was decided already)."""
    data = forms.fields(form)
    errors = Errors()
    route = forms.choice(data, "route", errors, DispositionRoute, required=True)
    destination = forms.code(data, "destination_site", errors)
    reason = forms.text(data, "reason", errors, max_length=2000)
    if not errors and route is not None:
        try:
            outcome = record_disposition(
                uow,
                lpn[:20],
                route=route,
                by=user,
                reason=reason,
                destination_site=destination,
            )
        except DomainError as exc:
            errors.add(exc.field or "route", exc.message)
        else:
            t = translator(language(request))
            return redirect(
                f"/units/{lpn[:20]}#timeline", flash=t("unit.saved", route=outcome.record.route)
            )
    ctx = _unit_context(uow, lpn, user)
    ctx.update(errors=errors, values=data)
    return page(request, "unit.html", ctx, status=422, nav="returns")


@router.get("/queue", dependencies=[need(Permission.VIEW_DECISIONS)], response_class=HTMLResponse)
def queue_page(request: Request, uow: ReadUowDep, user: CurrentUser, app: AppDep) -> HTMLResponse:
    """Graded units awaiting a decision, with the engine's proposals."""
    q, errors = request.query_params, Errors()
    site = forms.code(q, "site", errors)
    client, clients = chosen_client(uow, q, errors, user)
    number = forms.page_number(q, errors)
    result = queue.decision_queue(
        uow,
        site_code=site,
        limit=forms.PER_PAGE,
        offset=(number - 1) * forms.PER_PAGE,
        client_code=client,
        by=user,
        feedback_min_sales=app.settings.resale_feedback_min_sales,
    )
    ctx = {
        "rows": result.items,
        "total": result.total,
        "page_no": number,
        "pages": forms.page_count(result.total),
        "errors": errors,
        "site": site or "",
        "sites": [s for s in list_sites(uow) if s.holds_stock],
        "client": client,
        "clients": clients,
    }
    return page(request, "queue.html", ctx, nav="queue")


@router.post("/queue/accept", dependencies=[need(Permission.ACCEPT_DECISIONS)], response_model=None)
def accept_proposals(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser, app: AppDep
) -> Response:
    """Record the engine's proposal for each unit ticked, one decision at a time; a unit the
    rules refuse is reported and the others are still decided."""
    lpns = [v.strip()[:20] for v in form.getlist("lpn") if isinstance(v, str) and v.strip()]
    back = "/queue" + (f"?{request.url.query}" if request.url.query else "")
    t = translator(language(request))
    if not lpns:
        return redirect(back, flash=t("queue.none_selected"))
    done, refused = 0, []
    for lpn in dict.fromkeys(lpns):
        try:
            deciding.decide_unit(
                uow, lpn, by=user, feedback_min_sales=app.settings.resale_feedback_min_sales
            )
            done += 1
        except DomainError as exc:
            refused.append(t("queue.refused", lpn=lpn, message=exc.message))
    message = " ".join([t("queue.accepted", n=done), *refused[:5]])
    return redirect(back, flash=message)
