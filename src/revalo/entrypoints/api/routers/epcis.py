"""The units' events as GS1 EPCIS 2.0: a query (JSON-LD EPCISQueryDocument, paged) and the
capture of a partner's EPCIS document (its receipts, repairs and tests done)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from revalo.adapters.epcis_schema import schema_errors
from revalo.domain import epcis as ep
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.types import Offset, Storable
from revalo.services import epcis

router = APIRouter(prefix="/epcis", tags=["traceability"])

JSON_LD = "application/ld+json"
Code = Annotated[str | None, Query(max_length=80), Storable]


class CapturedPublic(BaseModel):
    applied: list[str]
    already: int


@router.get(
    "/events",
    dependencies=[need(Permission.EXPORT_EVENTS)],
    response_class=JSONResponse,
    responses={200: {"content": {JSON_LD: {}}, "description": "an EPCISQueryDocument"}},
)
def query_events(
    request: Request,
    uow: ReadUowDep,
    user: CurrentUser,
    transport: TransportDep,
    since: Annotated[datetime | None, Query(alias="from", description="from (included)")] = None,
    until: Annotated[datetime | None, Query(alias="to", description="until (excluded)")] = None,
    lpn: Code = None,
    site_code: Code = None,
    biz_step: Annotated[str | None, Query(alias="bizStep", max_length=200), Storable] = None,
    limit: Annotated[int, Query(ge=1, le=epcis.MAX_LIMIT)] = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """The events of the units you may see, oldest first, as GS1 EPCIS 2.0 events; a
    ``Link: <...>; rel="next"`` header when more follow."""
    page = epcis.query_events(
        uow,
        by=user,
        seed=transport.company_prefix,
        since=since,
        until=until,
        lpn=lpn,
        site_code=site_code,
        biz_step=biz_step,
        limit=limit,
        offset=offset,
    )
    doc = ep.query_document(page.events, query_name="SimpleEventQuery", created=utcnow())
    headers = {}
    if page.more:
        params = {k: v for k, v in request.query_params.items() if k != "offset"}
        params["offset"] = str(offset + limit)
        headers["Link"] = f'<{request.url.path}?{urlencode(params)}>; rel="next"'
    return JSONResponse(doc, media_type=JSON_LD, headers=headers)


@router.post("/capture", dependencies=[need(Permission.CAPTURE_EVENTS)])
def capture(
    document: Annotated[dict[str, Any], Body(description="an EPCISDocument (JSON-LD)")],
    uow: UowDep,
    user: CurrentUser,
) -> CapturedPublic:
    """A partner's EPCIS 2.0 document, checked against GS1's schema and applied whole or not
    at all: a receipt at the site a unit is on its way to is its arrival; a repair or test
    done finishes the work order in progress there; anything else goes on the unit's
    timeline. An event already captured is left as it was."""
    done = epcis.capture(uow, document, by=user, schema_errors=schema_errors)
    return CapturedPublic(applied=done.applied, already=done.already)
