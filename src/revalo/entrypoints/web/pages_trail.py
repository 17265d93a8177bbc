"""A unit's trail for an auditor: every event, decision and document on one page, with
its exports (JSON and CSV, from the API)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.web.render import WebRoute, page
from revalo.services.audit_trail import unit_trail

router = APIRouter(route_class=WebRoute, include_in_schema=False)


@router.get(
    "/units/{lpn}/trail", dependencies=[need(Permission.AUDIT_UNITS)], response_class=HTMLResponse
)
def trail_page(request: Request, lpn: str, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """Everything that happened to a unit, who did it, why and by which rule."""
    trail = unit_trail(uow, lpn[:20], by=user)
    return page(request, "trail.html", {"tr": trail}, nav="returns")
