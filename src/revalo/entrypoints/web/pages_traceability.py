"""Traceability in the pages: download the units' events of a period as a GS1 EPCIS 2.0
document, and (a partner) send an EPCIS document of its receipts and repairs. The same use
cases as the API's and the command's."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from revalo.adapters.epcis_schema import schema_errors
from revalo.domain import epcis as ep
from revalo.domain.errors import DomainError, PermissionDenied
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.render import WebRoute, language, page
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import epcis

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: The largest document the form takes (the API takes what the body limit allows).
MAX_UPLOAD = 2_000_000


def _page(request: Request, user: CurrentUser, **ctx: object) -> HTMLResponse:
    context = {
        "errors": Errors(),
        "may_capture": user.can(Permission.CAPTURE_EVENTS),
        "applied": None,
        **ctx,
    }
    return page(request, "traceability.html", context, nav="traceability")


@router.get(
    "/traceability", dependencies=[need(Permission.EXPORT_EVENTS)], response_class=HTMLResponse
)
def traceability_page(request: Request, user: CurrentUser) -> HTMLResponse:
    return _page(request, user)


@router.get(
    "/traceability/epcis.jsonld", dependencies=[need(Permission.EXPORT_EVENTS)], response_model=None
)
def download(request: Request, uow: ReadUowDep, user: CurrentUser, rv: AppDep) -> Response:
    """The events of the period asked (days, UTC, both included) as an EPCISDocument."""
    q, errors = request.query_params, Errors()
    since, until = forms.day(q, "from", errors), forms.day(q, "to", errors)
    site = forms.code(q, "site", errors)
    if errors:
        return _page(request, user, errors=errors)
    try:
        events = epcis.export_events(
            uow,
            by=user,
            seed=rv.transport.company_prefix,
            since=since,
            until=until + timedelta(days=1) if until else None,
            site_code=site,
        )
    except PermissionDenied:
        raise
    except DomainError as exc:
        errors.add("to", in_language(exc.message, language(request)))
        return _page(request, user, errors=errors)
    doc = ep.document(events, doc_id=f"urn:uuid:{uuid.uuid4()}", created=datetime.now(UTC))
    name = f"revalo-epcis-{(since or datetime.now(UTC)).date().isoformat()}.jsonld"
    return Response(
        json.dumps(doc, ensure_ascii=False),
        media_type="application/ld+json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post(
    "/traceability/capture", dependencies=[need(Permission.CAPTURE_EVENTS)], response_model=None
)
async def capture_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    errors = Errors()
    raw = await forms.uploaded(
        form,
        "document",
        errors,
        limit=MAX_UPLOAD,
        missing="trace.no_file",
        too_big="trace.too_big",
    )
    document = None
    if not errors:
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            errors.say("document", "trace.not_json")
    if errors:
        return _page(request, user, errors=errors)
    try:
        done = await run_in_threadpool(
            epcis.capture, uow, document, by=user, schema_errors=schema_errors
        )
    except PermissionDenied:
        raise
    except DomainError as exc:
        errors.add("document", in_language(exc.message, language(request)))
        return _page(request, user, errors=errors)
    return _page(request, user, applied=done.applied, already=done.already)
