"""The customer's return portal, public pages with no account.

The customer gives the order's reference and its e-mail or delivery postcode; any wrong
answer gets the same page ("no order matches"), whatever was wrong. They choose the items,
the reasons, the outcome and the way back; the return policy answers at once; the return is
followed afterwards at ``/portal/r/{token}``, a link whose secret only they hold. Forms carry
a CSRF token of the portal's own cookie; finding an order and starting a return are rate
limited per address.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.after_sales import Outcome
from revalo.domain.errors import DomainError, NotFound
from revalo.domain.keep_it import KeepChoice
from revalo.domain.portal import CustomerOrder, WayBack
from revalo.domain.returns import ReturnReason
from revalo.entrypoints.api import ratelimit
from revalo.entrypoints.api.deps import AppDep
from revalo.entrypoints.labels import label_response
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.barcode import qr_svg
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.portal import guard
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.services import portal
from revalo.services import return_labels as labels_service
from revalo.services.keep_it import load_keep_it_rules

router = APIRouter(route_class=WebRoute, include_in_schema=False)

#: The reasons a customer may give (end of lease is a business's contract, not the portal's).
REASONS = tuple(r for r in ReturnReason if r is not ReturnReason.END_OF_LEASE)


def _page(
    request: Request, app: Any, name: str, ctx: dict[str, Any], *, status: int = 200
) -> HTMLResponse:
    token = guard.csrf_of(request)
    ctx = {"csrf": token, "portal": True, **ctx}
    response = page(request, name, ctx, status=status, nav="portal")
    guard.keep(response, token, secure=app.settings.https_proxy)
    return response


def _find_page(
    request: Request,
    app: Any,
    *,
    errors: Errors | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    ctx = {"errors": errors or Errors(), "values": values or {}}
    return _page(request, app, "portal/find.html", ctx, status=status)


@router.get("/portal", response_class=HTMLResponse)
def find_page(request: Request, app: AppDep) -> HTMLResponse:
    """The portal's first page: the order's reference and its e-mail or postcode (public)."""
    return _find_page(request, app)


def _order_page(
    request: Request,
    app: Any,
    order: CustomerOrder,
    proof: str,
    *,
    errors: Errors | None = None,
    status: int = 200,
) -> HTMLResponse:
    names = portal.order_names(app.uow(), order)
    bulky = portal.bulky_skus(app.uow(), order)
    ctx = {
        "order": order,
        "proof": proof,
        "names": names,
        "bulky": bulky,
        "reasons": REASONS,
        "outcomes": list(Outcome),
        "ways": [w for w in WayBack if (w is WayBack.PICKUP) == bool(bulky)],
        "errors": errors or Errors(),
    }
    return _page(request, app, "portal/order.html", ctx, status=status)


@router.post("/portal/find", response_model=None)
def find_order(request: Request, form: forms.PostedForm, app: AppDep) -> Response:
    """The order, when the e-mail or postcode is its own; else the same answer always."""
    data = forms.fields(form)
    guard.check(request, data.get("csrf", ""))
    ref, proof = data.get("order_ref", "").strip()[:60], data.get("proof", "").strip()[:200]
    values = {"order_ref": ref}
    errors = Errors()
    try:
        guard.limit(request)
        order = portal.find_order(app.uow(), ref, proof)
    except ratelimit.TooManyRequests as exc:
        errors.add("order_ref", exc.message)
        refused = _find_page(request, app, errors=errors, values=values, status=429)
        refused.headers["Retry-After"] = str(exc.retry_after)
        return refused
    except NotFound as exc:
        errors.add("order_ref", exc.message)
        return _find_page(request, app, errors=errors, values=values, status=404)
    return _order_page(request, app, order, proof)


def _chosen_lines(
    data: dict[str, str], order: CustomerOrder, errors: Errors
) -> list[portal.PortalLine]:
    lines = []
    for ln in order.lines:
        if data.get(f"line_{ln.line_no}") != "on":
            continue
        qty = (
            forms.integer(
                data, f"quantity_{ln.line_no}", errors, low=1, high=ln.quantity, default=1
            )
            or 1
        )
        reason = forms.choice(data, f"reason_{ln.line_no}", errors, ReturnReason, required=True)
        if reason is not None:
            comment = data.get(f"comment_{ln.line_no}", "")
            lines.append(portal.PortalLine(ln.line_no, qty, reason, comment))
    return lines


@router.post("/portal/return", response_model=None)
def start_return(request: Request, form: forms.PostedForm, app: AppDep) -> Response:
    """Return the chosen items: the policy answers at once, the return's link follows."""
    data = forms.fields(form)
    guard.check(request, data.get("csrf", ""))
    ref, proof = data.get("order_ref", "")[:60], data.get("proof", "")[:200]
    errors = Errors()
    try:
        guard.limit(request)
        order = portal.find_order(app.uow(), ref, proof)
    except (ratelimit.TooManyRequests, NotFound) as exc:
        errors.add("order_ref", exc.message)
        return _find_page(request, app, errors=errors, values={"order_ref": ref}, status=404)
    lines = _chosen_lines(data, order, errors)
    outcome = forms.choice(data, "outcome", errors, Outcome, required=True)
    way = forms.choice(data, "way_back", errors, WayBack, required=True)
    if not lines and "lines" not in errors:
        errors.say("lines", "portal.choose_one")
    if errors or outcome is None or way is None:
        return _order_page(request, app, order, proof, errors=errors, status=422)
    try:
        started = portal.start_return(
            app.uow(),
            app.policy,
            app.transport,
            load_keep_it_rules(app.settings.keep_it_file),
            order_ref=ref,
            proof=proof,
            lines=lines,
            outcome=outcome,
            way_back=way,
            language=language(request),
            feedback_min_sales=app.settings.resale_feedback_min_sales,
        )
    except DomainError as exc:
        errors.add("lines", exc.message)
        return _order_page(request, app, order, proof, errors=errors, status=422)
    return redirect(f"/portal/r/{started.token}")


@router.get("/portal/r/{token}", response_class=HTMLResponse)
def return_page(request: Request, token: str, app: AppDep) -> HTMLResponse:
    """The return the link opens: its state, the policy's answer, the way back, the label
    or QR code, keep-it offers, photos; nothing of any other return."""
    seen = portal.view(app.uow(), token)
    qr = None
    if seen.consignment is not None and seen.consignment.sscc is not None:
        from revalo.domain.values import digital_link_sscc

        qr = qr_svg(digital_link_sscc(seen.consignment.sscc))
    ctx = {
        "v": seen,
        "token": token,
        "qr": qr,
        "kinds": list(KeepChoice),
        "max_photo": app.settings.portal_photo_bytes,
    }
    return _page(request, app, "portal/status.html", ctx)


@router.post("/portal/r/{token}/label", response_model=None)
def book_label(request: Request, token: str, form: forms.PostedForm, app: AppDep) -> Response:
    """Book the parcel (once) and go back to the return, where the label and QR code are."""
    guard.check(request, forms.fields(form).get("csrf", ""))
    portal.get_label(app.uow(), app.transport, token)
    return redirect(f"/portal/r/{token}")


@router.get("/portal/r/{token}/label.pdf", response_model=None)
def label_pdf(request: Request, token: str, app: AppDep) -> Response:
    """The booked parcel's label, a PDF to print (it books nothing)."""
    seen = portal.view(app.uow(), token)
    facts = labels_service.return_label(app.uow(), app.transport, seen.rma.number)
    return label_response(facts, language(request))


@router.post("/portal/r/{token}/keep", response_model=None)
def keep_item(request: Request, token: str, form: forms.PostedForm, app: AppDep) -> Response:
    """Keep (or give away) the items of a line offered keep-it: refunded without return."""
    data = forms.fields(form)
    guard.check(request, data.get("csrf", ""))
    errors = Errors()
    line_no = forms.integer(data, "line_no", errors, low=1, high=10_000)
    choice = forms.choice(data, "choice", errors, KeepChoice, required=True)
    if line_no is None or choice is None:
        return redirect(f"/portal/r/{token}")
    portal.keep_item(app.uow(), token, line_no, choice)
    return redirect(f"/portal/r/{token}")


@router.post("/portal/r/{token}/photos", response_model=None)
async def add_photo(request: Request, token: str, app: AppDep) -> Response:
    """A photo of a damage, checked by its content (JPEG or PNG) and its size."""
    async with request.form() as form:
        data = forms.fields(form)
        upload = form.get("photo")
        content = b""
        if upload is not None and not isinstance(upload, str):
            content = await upload.read(app.settings.portal_photo_bytes + 1)
    guard.check(request, data.get("csrf", ""))
    errors = Errors()
    line_no = forms.integer(data, "line_no", errors, low=1, high=10_000) or 1
    from starlette.concurrency import run_in_threadpool

    await run_in_threadpool(
        portal.add_photo,
        app.uow(),
        token,
        line_no,
        content,
        max_bytes=app.settings.portal_photo_bytes,
    )
    return redirect(f"/portal/r/{token}")


@router.get("/portal/r/{token}/photos/{photo_id}", response_model=None)
def photo(token: str, photo_id: int, app: AppDep) -> Response:
    """A photo of the return, as the image it was checked to be (never run, never sniffed)."""
    kind, content = portal.photo(app.uow(), token, photo_id)
    return Response(
        content,
        media_type=kind,
        headers={"X-Content-Type-Options": "nosniff", "Content-Disposition": "inline"},
    )
