"""The shop's delivered orders in the pages: find one by its reference, and import a CSV
file of them (all or nothing, every bad line named). The same use cases as the API's and
the command's."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from revalo.domain.errors import DomainError, PermissionDenied
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.render import WebRoute, language, page
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import csv_records, portal_orders

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: The largest file the form takes.
MAX_UPLOAD = 5_000_000


def _page(request: Request, **ctx: object) -> HTMLResponse:
    context = {"errors": Errors(), "order": None, "imported": None, "bad": [], **ctx}
    return page(request, "orders.html", context, nav="service")


@router.get(
    "/orders", dependencies=[need(Permission.MANAGE_CUSTOMERS)], response_class=HTMLResponse
)
def orders_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The order whose reference is asked (``ref``), and the import form."""
    errors = Errors()
    ref = forms.text(request.query_params, "ref", errors, max_length=60)
    order = None
    if ref and not errors:
        try:
            order = portal_orders.get_order(uow, ref, by=user)
        except PermissionDenied:
            raise
        except DomainError as exc:
            errors.add("ref", in_language(exc.message, language(request)))
    return _page(request, errors=errors, order=order)


@router.post(
    "/orders/import", dependencies=[need(Permission.MANAGE_CUSTOMERS)], response_model=None
)
async def import_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    errors = Errors()
    raw = await forms.uploaded(
        form, "file", errors, limit=MAX_UPLOAD, missing="orders.no_file", too_big="orders.too_big"
    )
    if errors:
        return _page(request, errors=errors)
    lang = language(request)
    try:
        lines = list(csv_records.decode_lines(raw.splitlines(keepends=True)))
        added = await run_in_threadpool(portal_orders.import_orders, uow, lines, by=user)
    except portal_orders.BadOrderRows as exc:
        bad = [(e.line, e.column, in_language(e.message, lang)) for e in exc.errors]
        errors.say("file", "orders.bad_rows", n=len({e.line for e in exc.errors}))
        return _page(request, errors=errors, bad=bad)
    except PermissionDenied:
        raise
    except DomainError as exc:
        errors.add("file", in_language(exc.message, lang))
        return _page(request, errors=errors)
    return _page(request, imported=added)
