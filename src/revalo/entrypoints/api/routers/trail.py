"""A unit's trail for an auditor, as JSON, CSV or PDF: every event, decision and document."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.api.messages import language_of
from revalo.entrypoints.api.types import LpnPath
from revalo.services.audit_trail import unit_trail

router = APIRouter(prefix="/units", tags=["audit"])


@router.get("/{lpn}/trail", dependencies=[need(Permission.AUDIT_UNITS)])
def get_trail(lpn: LpnPath, uow: ReadUowDep, user: CurrentUser) -> Any:
    """Every event (who, when), decision (its reason and the rule that allowed it) and
    document (labels, consignments, certificates) of a unit, oldest first."""
    return unit_trail(uow, lpn, by=user).as_json()


@router.get(
    "/{lpn}/trail.csv",
    dependencies=[need(Permission.AUDIT_UNITS)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
)
def get_trail_csv(lpn: LpnPath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The same trail as CSV, a row per entry."""
    trail = unit_trail(uow, lpn, by=user)
    headers = {"Content-Disposition": f'attachment; filename="{trail.unit.lpn}-trail.csv"'}
    return Response(trail.as_csv(), media_type="text/csv", headers=headers)


@router.get(
    "/{lpn}/trail.pdf",
    dependencies=[need(Permission.AUDIT_UNITS)],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the trail as PDF"}},
)
def get_trail_pdf(lpn: LpnPath, request: Request, uow: ReadUowDep, user: CurrentUser) -> Response:
    """The same trail as a PDF, in the language the request asks for (Accept-Language)."""
    from revalo.entrypoints.trail_document import trail_pdf

    trail = unit_trail(uow, lpn, by=user)
    lang = language_of(request.headers.get("accept-language"))
    headers = {"Content-Disposition": f'attachment; filename="{trail.unit.lpn}-trail.pdf"'}
    return Response(trail_pdf(trail, lang), media_type="application/pdf", headers=headers)
