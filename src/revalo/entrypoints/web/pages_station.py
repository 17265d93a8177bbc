"""The receiving and grading station: a handler at a workbench with a barcode scanner.

A scanner types the code and Enter: the unit is received (or found again), its expected
return is shown with its LPN label, and the grading form takes the checklist, the grades
and the fault codes. A code that cannot be read is answered next to the scan field with a
quarantine action; nothing typed ends in an error page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.adapters.barcodes import parse_scan
from revalo.domain.catalog import Site
from revalo.domain.errors import DomainError
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.barcode import code128_svg
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.render import WebRoute, language, page, redirect, signed_in
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import inspection, receiving
from revalo.services.ports import UnitOfWork
from revalo.services.queries import list_sites, unit_detail

router = APIRouter(route_class=WebRoute, include_in_schema=False)

SITE_COOKIE = "station_site"
#: The checklist of the station: general checks that fit every product family; the
#: data check is asked for data-bearing products only.
CHECKS = ("powers_on", "complete", "no_damage", "clean")
DATA_CHECK = "data_present"
GRADES = ("A", "B", "C", "D")
#: Longest inspection the form accepts (a working day), in seconds.
MAX_DURATION_S = 86_400


def stock_sites(uow: UnitOfWork, user: User | None) -> list[Site]:
    """The sites that hold stock (a partner's own only): where the station receives and
    the bench works."""
    return [
        s for s in list_sites(uow) if s.holds_stock and (user is None or user.sees_site(s.code))
    ]


def _site_choice(request: Request, sites: list[Site], asked: str | None = None) -> str:
    codes = [s.code for s in sites]
    for candidate in (asked, request.cookies.get(SITE_COOKIE)):
        if candidate and candidate.upper() in codes:
            return candidate.upper()
    return codes[0] if codes else ""


def _station(
    request: Request,
    uow: UnitOfWork,
    *,
    errors: Errors | None = None,
    values: Mapping[str, str] | None = None,
    unknown: bool = False,
    status: int = 200,
    unit_ctx: dict[str, Any] | None = None,
) -> HTMLResponse:
    sites = stock_sites(uow, signed_in(request)[0])
    vals = dict(values or {})
    ctx: dict[str, Any] = {
        "sites": sites,
        "site": _site_choice(request, sites, vals.get("site")),
        "errors": errors or Errors(),
        "values": vals,
        "unknown": unknown,
        "grades": GRADES,
    }
    ctx.update(unit_ctx or {})
    return page(request, "station.html", ctx, status=status, nav="station")


@router.get("/station", dependencies=[need(Permission.RECEIVE)], response_class=HTMLResponse)
def station_page(request: Request, uow: ReadUowDep) -> HTMLResponse:
    """The scan field, ready for the scanner; with ``rma`` (a parcel's label was scanned),
    the return it holds, whose items are scanned next."""
    q = request.query_params
    values = {"site": q.get("site", "")}
    parcel = None
    number = q.get("rma", "")[:20].strip().upper()
    if number:
        with uow:
            parcel = uow.returns.get(number)
        if parcel is not None:
            values["rma"] = parcel.number
    return _station(request, uow, values=values, unit_ctx={"parcel": parcel})


@router.post("/station/scan", dependencies=[need(Permission.RECEIVE)], response_model=None)
def scan_form(request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    """Receive what was scanned; an unreadable code is answered next to the scan field."""
    data = forms.fields(form)
    errors = Errors()
    # Kept whole: a GS1 group separator is part of the code.
    code = str(data.get("code", ""))
    forms.text({"code": code}, "code", errors, max_length=200, required=True)
    site = forms.code(data, "site", errors)
    rma = forms.code(data, "rma", errors, max_length=20)
    if not site:
        errors.say("site", "form.choose_site")
    unknown = False
    if not errors:
        assert site
        try:
            outcome = receiving.receive_scan(
                uow, parse_scan(code.strip()), site_code=site, by=user, rma_number=rma
            )
        except DomainError as exc:
            field = {"rma_number": "rma", "site_code": "site"}.get(exc.field or "", "code")
            errors.add(field, exc.message)
            unknown = field == "code"
        else:
            if outcome.unit is None:
                # The label of a return's parcel: show what it holds; its items come next.
                target = f"/station?rma={outcome.rma_number}"
            else:
                target = f"/station/units/{outcome.unit.lpn}"
            response = redirect(target, flash=in_language(outcome.message, language(request)))
            response.set_cookie(SITE_COOKIE, site, max_age=365 * 86_400, samesite="lax")
            return response
    return _station(request, uow, errors=errors, values=data, unknown=unknown, status=422)


@router.post("/station/unidentified", dependencies=[need(Permission.RECEIVE)], response_model=None)
def unidentified_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """An item whose code cannot be read: it gets an LPN and waits in quarantine."""
    data = forms.fields(form)
    errors = Errors()
    site = forms.code(data, "site", errors)
    description = forms.text(data, "description", errors, max_length=2000, required=True)
    code = forms.text(data, "code", errors, max_length=200)
    if not site:
        errors.say("site", "form.choose_site")
    if not errors:
        assert site
        try:
            outcome = receiving.quarantine_unidentified(
                uow, site_code=site, description=description, by=user, code=code
            )
        except DomainError as exc:
            errors.add(exc.field or "description", exc.message)
        else:
            assert outcome.unit is not None  # an unidentified item always gets a unit
            message = in_language(outcome.message, language(request))
            return redirect(f"/station/units/{outcome.unit.lpn}", flash=message)
    return _station(request, uow, errors=errors, values=data, unknown=True, status=422)


def _unit_ctx(uow: UnitOfWork, lpn: str, user: User) -> dict[str, Any]:
    detail = unit_detail(uow, lpn[:20], by=user)
    unit: ReturnedUnit = detail.unit
    rma = None
    if unit.rma_number:
        with uow:
            rma = uow.returns.get(unit.rma_number)
    product = detail.product
    checks = [*CHECKS, DATA_CHECK] if product is not None and product.data_bearing else [*CHECKS]
    return {
        "u": unit,
        "product": product,
        "rma": rma,
        "checks": checks,
        "gradable": unit.can_inspect() and unit.sku is not None,
        "inspections": detail.inspections,
        "barcode": code128_svg(unit.lpn),
    }


@router.get(
    "/station/units/{lpn}", dependencies=[need(Permission.RECEIVE)], response_class=HTMLResponse
)
def station_unit_page(
    request: Request, lpn: str, uow: ReadUowDep, user: CurrentUser
) -> HTMLResponse:
    """The unit just scanned: its label, its expected return, the grading form."""
    ctx = _unit_ctx(uow, lpn, user)
    return _station(request, uow, values={"site": ctx["u"].site_code}, unit_ctx=ctx)


@router.post(
    "/station/units/{lpn}/grade", dependencies=[need(Permission.INSPECT)], response_model=None
)
def grade_form(
    request: Request, lpn: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """Record the inspection: checklist, grades, fault codes, hazard, notes."""
    data = forms.fields(form)
    errors = Errors()
    functional = forms.choice(data, "functional_grade", errors, FunctionalGrade, required=True)
    cosmetic = forms.choice(data, "cosmetic_grade", errors, CosmeticGrade, required=True)
    faults = forms.text(data, "fault_codes", errors, max_length=500)
    notes = forms.text(data, "notes", errors, max_length=2000)
    duration = forms.integer(data, "duration_s", errors, low=0, high=MAX_DURATION_S, default=0)
    ctx = _unit_ctx(uow, lpn, user)
    checklist = {name: forms.flag(data, f"check_{name}") for name in ctx["checks"]}
    if not errors and functional is not None and cosmetic is not None:
        try:
            inspection.inspect_unit(
                uow,
                ctx["u"].lpn,
                functional_grade=functional,
                cosmetic_grade=cosmetic,
                by=user,
                duration_s=duration or 0,
                checklist=checklist,
                fault_codes=forms.fault_codes(faults),
                hazardous=forms.flag(data, "hazardous"),
                notes=notes,
            )
        except DomainError as exc:
            errors.add(exc.field or "functional_grade", exc.message)
        else:
            t = translator(language(request))
            message = t("station.graded", lpn=ctx["u"].lpn, f=functional, c=cosmetic)
            return redirect(f"/station/units/{ctx['u'].lpn}", flash=message)
    values = {**data, "site": ctx["u"].site_code}
    return _station(request, uow, errors=errors, values=values, status=422, unit_ctx=ctx)
