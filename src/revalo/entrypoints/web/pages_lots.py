"""B2B lots and harvested parts on the pages: the lots (make one), a lot's page (its units,
offers, invoice data, the forms to add units, record an offer, accept the best, ship it,
and its manifest), and the parts in stock by site and kind (harvest a unit, fit a part to
a repair, sell one). The same use cases as the API's."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError, NotFound, PermissionDenied
from revalo.domain.lots import LOT_GRADES, Lot, LotState
from revalo.domain.parts import BILL_OF_PARTS, HarvestedPart
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import translator
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import lots, parts
from revalo.services.lot_ports import PartStock

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: The most a form accepts as an amount (EUR).
MOST = Decimal("10000000")


def _attempt(request: Request, back: str, run: Callable[[], object], key: str) -> Response:
    """Run the use case; back to the page with what it did, or why it refused."""
    try:
        run()
    except (PermissionDenied, NotFound):
        raise
    except DomainError as exc:
        return redirect(back, flash=in_language(exc.message, language(request)))
    return redirect(back, flash=translator(language(request))(key))


def _refused(back: str, errors: Errors) -> Response:
    return redirect(back, flash="; ".join(errors.values()))


def _lpns(data: dict[str, str], errors: Errors) -> list[str]:
    raw = forms.text(data, "lpns", errors, max_length=20000)
    return [x for x in raw.replace(",", " ").split() if x]


@router.get("/lots", dependencies=[need(Permission.VIEW_LOTS)], response_class=HTMLResponse)
def lots_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The lots, newest first (filter by site and state); the form to make one."""
    errors = Errors()
    q = dict(request.query_params)
    site = forms.code(q, "site", errors)
    state = forms.choice(q, "state", errors, LotState)
    number = forms.page_number(q, errors)
    found: list[Lot] = []
    count = 0
    if not errors:
        found, count = lots.list_lots(
            uow,
            by=user,
            site_code=site,
            state=state,
            limit=forms.PER_PAGE,
            offset=(number - 1) * forms.PER_PAGE,
        )
    ctx = {
        "lots": found,
        "count": count,
        "page_no": number,
        "pages": forms.page_count(count),
        "site": site or "",
        "state": state,
        "states": list(LotState),
        "grades": LOT_GRADES,
        "errors": errors,
        "may_manage": user.can(Permission.MANAGE_LOTS),
    }
    return page(request, "lots.html", ctx, nav="lots")


@router.post("/lots", dependencies=[need(Permission.MANAGE_LOTS)], response_model=None)
def create_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    site = forms.code(data, "site_code", errors)
    category = forms.text(data, "category", errors, max_length=40, required=True)
    grade = forms.one_of(data, "grade", errors, LOT_GRADES, "B")
    reserve = forms.amount(data, "reserve_price", errors, high=MOST)
    title = forms.text(data, "title", errors, max_length=200)
    lpns = _lpns(data, errors)
    forms.text(data, "site_code", errors, max_length=40, required=True)
    forms.text(data, "reserve_price", errors, max_length=20, required=True)
    if errors or not site or reserve is None:
        return _refused("/lots", errors)
    made: list[int] = []

    def run() -> None:
        lot = lots.create_lot(
            uow,
            site_code=site,
            category=category,
            grade=grade,
            reserve_price=reserve,
            title=title,
            lpns=lpns,
            by=user,
        )
        made.append(lot.id)

    answer = _attempt(request, "/lots", run, "lots.made_flash")
    if made:
        return redirect(f"/lots/{made[0]}", flash=translator(language(request))("lots.made_flash"))
    return answer


@router.get(
    "/lots/{lot_id}", dependencies=[need(Permission.VIEW_LOTS)], response_class=HTMLResponse
)
def lot_page(request: Request, lot_id: int, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """A lot: its units, its offers (the best first to accept), its invoice data once sold,
    and its manifest as CSV or PDF."""
    view = lots.lot_view(uow, lot_id, by=user)
    may_manage = user.can(Permission.MANAGE_LOTS)
    may_offer = not may_manage and user.can(Permission.MAKE_OFFERS)
    buying = view.buying if may_offer else frozenset()
    ctx = {
        "view": view,
        "lot": view.lot,
        "best": max((o.amount for o in view.offers if o.state.value == "open"), default=None),
        "may_manage": may_manage,
        # A partner makes its own offers, for its sites that buy lots.
        "buyer_sites": sorted(buying),
    }
    return page(request, "lot.html", ctx, nav="lots")


def _lot_back(lot_id: int) -> str:
    return f"/lots/{lot_id}"


@router.post(
    "/lots/{lot_id}/units", dependencies=[need(Permission.MANAGE_LOTS)], response_model=None
)
def units_form(
    request: Request, lot_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    lpns = _lpns(data, errors)
    forms.text(data, "lpns", errors, max_length=20000, required=True)
    if errors or not lpns:
        return _refused(_lot_back(lot_id), errors)
    return _attempt(
        request,
        _lot_back(lot_id),
        lambda: lots.add_units(uow, lot_id, lpns, by=user),
        "lots.added_flash",
    )


@router.post(
    "/lots/{lot_id}/units/remove",
    dependencies=[need(Permission.MANAGE_LOTS)],
    response_model=None,
)
def remove_form(
    request: Request, lot_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    lpn = forms.text(data, "lpn", errors, max_length=40, required=True)
    if errors:
        return _refused(_lot_back(lot_id), errors)
    return _attempt(
        request,
        _lot_back(lot_id),
        lambda: lots.remove_unit(uow, lot_id, lpn, by=user),
        "lots.removed_flash",
    )


@router.post(
    "/lots/{lot_id}/offers", dependencies=[need(Permission.MAKE_OFFERS)], response_model=None
)
def offer_form(
    request: Request, lot_id: int, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    buyer = forms.code(data, "buyer_site", errors)
    amount = forms.amount(data, "amount", errors, high=MOST)
    note = forms.text(data, "note", errors, max_length=500)
    forms.text(data, "buyer_site", errors, max_length=40, required=True)
    forms.text(data, "amount", errors, max_length=20, required=True)
    if errors or not buyer or amount is None:
        return _refused(_lot_back(lot_id), errors)
    return _attempt(
        request,
        _lot_back(lot_id),
        lambda: lots.record_offer(uow, lot_id, buyer_site=buyer, amount=amount, note=note, by=user),
        "lots.offer_flash",
    )


@router.post(
    "/lots/{lot_id}/offers/{offer_id}/accept",
    dependencies=[need(Permission.MANAGE_LOTS)],
    response_model=None,
)
def accept_form(
    request: Request,
    lot_id: int,
    offer_id: int,
    form: forms.PostedForm,
    uow: UowDep,
    user: CurrentUser,
    transport: TransportDep,
) -> Response:
    data, errors = forms.fields(form), Errors()
    vat = forms.text(data, "buyer_vat_number", errors, max_length=20)
    ship = forms.flag(data, "ship")
    if errors:
        return _refused(_lot_back(lot_id), errors)
    return _attempt(
        request,
        _lot_back(lot_id),
        lambda: lots.accept_offer(
            uow, lot_id, offer_id, buyer_vat_number=vat, ship=ship, by=user, transport=transport
        ),
        "lots.accepted_flash",
    )


@router.post(
    "/lots/{lot_id}/ship", dependencies=[need(Permission.MANAGE_LOTS)], response_model=None
)
def ship_form(
    request: Request, lot_id: int, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> Response:
    return _attempt(
        request,
        _lot_back(lot_id),
        lambda: lots.ship_lot(uow, lot_id, by=user, transport=transport),
        "lots.shipped_flash",
    )


@router.post(
    "/lots/{lot_id}/cancel", dependencies=[need(Permission.MANAGE_LOTS)], response_model=None
)
def cancel_form(request: Request, lot_id: int, uow: UowDep, user: CurrentUser) -> Response:
    return _attempt(
        request,
        _lot_back(lot_id),
        lambda: lots.cancel_lot(uow, lot_id, by=user),
        "lots.cancelled_flash",
    )


# -- parts ---------------------------------------------------------------------------------
@router.get("/parts", dependencies=[need(Permission.VIEW_PARTS)], response_class=HTMLResponse)
def parts_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The parts in stock by site and kind, the parts themselves, and the forms to harvest a
    unit, fit a part to a repair and sell one."""
    errors = Errors()
    q = dict(request.query_params)
    site = forms.code(q, "site", errors)
    kind = forms.text(q, "kind", errors, max_length=40)
    number = forms.page_number(q, errors)
    stock: list[PartStock] = []
    found: list[HarvestedPart] = []
    count = 0
    if not errors:
        stock = parts.parts_stock(uow, by=user, site_code=site)
        found, count = parts.list_parts(
            uow,
            by=user,
            site_code=site,
            kind=kind or None,
            limit=forms.PER_PAGE,
            offset=(number - 1) * forms.PER_PAGE,
        )
    ctx = {
        "stock": stock,
        "parts": found,
        "count": count,
        "page_no": number,
        "pages": forms.page_count(count),
        "site": site or "",
        "kind": kind,
        "errors": errors,
        "bills": BILL_OF_PARTS,
        "may_harvest": user.can(Permission.HARVEST_PARTS),
        "may_fit": user.can(Permission.FINISH_WORK_ORDER),
        "may_sell": user.can(Permission.SELL),
    }
    return page(request, "parts.html", ctx, nav="parts")


def _grades(text: str, errors: Errors) -> dict[str, str]:
    grades = {}
    for item in text.replace(",", " ").split():
        kind, sep, grade = item.partition("=")
        if not sep or not kind or not grade:
            errors.say("grades", "parts.grades_format")
            return {}
        grades[kind.strip().lower()] = grade.strip()
    return grades


@router.post("/parts/harvest", dependencies=[need(Permission.HARVEST_PARTS)], response_model=None)
def harvest_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    lpn = forms.text(data, "lpn", errors, max_length=40, required=True)
    grades = _grades(forms.text(data, "grades", errors, max_length=400, required=True), errors)
    minutes = forms.integer(data, "labour_minutes", errors, low=0, high=44640, default=0) or 0
    if errors:
        return _refused("/parts", errors)
    return _attempt(
        request,
        "/parts",
        lambda: parts.harvest_unit(uow, lpn, grades=grades, labour_minutes=minutes, by=user),
        "parts.harvested_flash",
    )


@router.post("/parts/fit", dependencies=[need(Permission.FINISH_WORK_ORDER)], response_model=None)
def fit_form(request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser) -> Response:
    data, errors = forms.fields(form), Errors()
    order = forms.integer(data, "order_id", errors, low=1, high=10**12)
    kind = forms.text(data, "kind", errors, max_length=40, required=True)
    cost = forms.amount(data, "new_cost", errors, high=MOST)
    forms.text(data, "order_id", errors, max_length=20, required=True)
    if errors or order is None:
        return _refused("/parts", errors)
    return _attempt(
        request,
        "/parts",
        lambda: parts.fit_part(uow, order, kind=kind, new_cost=cost, by=user),
        "parts.fitted_flash",
    )


@router.post("/parts/{number}/sale", dependencies=[need(Permission.SELL)], response_model=None)
def sale_form(
    request: Request, number: str, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    data, errors = forms.fields(form), Errors()
    price = forms.amount(data, "price", errors, high=MOST)
    buyer = forms.text(data, "buyer", errors, max_length=200, required=True)
    forms.text(data, "price", errors, max_length=20, required=True)
    if errors or price is None:
        return _refused("/parts", errors)
    return _attempt(
        request,
        "/parts",
        lambda: parts.sell_part(uow, number[:20], price=price, buyer=buyer, by=user),
        "parts.sold_flash",
    )
